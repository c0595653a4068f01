/**
 * Ids omlint reports under that are not rules. They cannot be configured or disabled, have no page in
 * docs/rules/, and never collide with a rule id (rule ids never start with `omlint-`).
 */
import { docsUrl, REPOSITORY_URL, RuleMeta } from './rule';

/**
 * Problems with an inline `# omlint-…` directive: one that names an unknown rule id (a warning, so a
 * directive written for a newer omlint does not fail an older one's run), and, with
 * --report-unused-disable-directives, one that suppressed nothing (an error, as ESLint reports them).
 */
export const DIRECTIVE_ID = 'omlint-directive';

export const DIRECTIVE_META: RuleMeta = {
  id: DIRECTIVE_ID,
  severity: 'warn',
  description: 'An inline # omlint-disable… directive names an unknown rule, or suppresses nothing',
};

/** Where a finding's id is documented: the rule's page, or the README section for meta ids. */
export function helpUri(ruleId: string): string {
  return ruleId === DIRECTIVE_ID ? `${REPOSITORY_URL}#inline-directives` : docsUrl(ruleId);
}
