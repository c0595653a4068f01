import { defineRule, RuleContext } from './support/rule';
import { describeServer, reconcileCommands, storesSecurityConfig } from './support/server-release';
import { CHART_DEFAULTS } from '../knowledge/defaults';
import { mergeValues, sameValue } from './support/values';
import type { Path, Plain, PlainMap } from '../types';
import { valueAt, isPlainMap } from '../types';

/**
 * Since OpenMetadata 1.10 the server copies the authentication and authorizer settings into its
 * database at first start and afterwards loads them from there, falling back to the YAML/env values
 * only when no row exists (OpenMetadata SettingsCache.createDefaultConfiguration @ 0151c9d4,
 * SecurityConfigurationManager @ 011c3768). A changed values file therefore does not change a running
 * install (issues #31786, #26159, #29597). Only a comparison with an older version of the file (a baseline)
 * can tell that something changed, so the rule is silent without one. With one, the user says an
 * install runs the older values: the change silently does nothing until it is made in the UI or the
 * stored copy is removed, which the user must act on (a warning). The message names the release
 * (the chart's appVersion, or --server-version) and the commands that reconcile the stored copy on it:
 * export, edit and import from 1.12.0 (`get-security-config` / `update-security-config`), removal and a
 * restart before. A server before 1.10 stores nothing and runs the files: no finding there.
 */
const SECTIONS = ['authentication', 'authorizer'];

const NOT_APPLIED =
  'Once an install has started, {{server}} runs the auth settings stored in its database, not the values, so this change is ' +
  'not applied. {{remedy}}';

export default defineRule({
  id: 'stored-config-precedence',
  severity: 'warn',
  description: 'An auth value changed since the baseline: OpenMetadata 1.10+ keeps the copy stored in its database',
  messages: {
    changed: `Auth settings changed since {{baseline}}: {{keys}}. ${NOT_APPLIED}`,
    changedMany: `Auth settings changed since {{baseline}}: {{keys}} and {{more}} more. ${NOT_APPLIED}`,
  },
  check(ctx) {
    const baseline = ctx.baseline;
    if (!baseline || !storesSecurityConfig(ctx)) return;
    const changed = SECTIONS.flatMap((section) =>
      changedLeaves(effectiveSection(baseline.config, section), effectiveSection(ctx.model.config, section), [section]),
    ).filter((path) => isRendered(path, baseline.config) || isRendered(path, ctx.model.config));
    // One piece of advice per file, on the first changed key: the same fact applies to every change.
    if (changed.length > 0) report(ctx, changed, baseline.label);
  },
});

function effectiveSection(config: PlainMap, section: string): Plain | undefined {
  return mergeValues(valueAt(CHART_DEFAULTS, [section]), config[section]);
}

/** Paths of the values that differ; lists count as one value (Helm replaces them whole). */
function changedLeaves(before: Plain | undefined, after: Plain | undefined, path: Path): Path[] {
  if (sameValue(before, after)) return [];
  if (isPlainMap(before) && isPlainMap(after)) {
    const keys = [...new Set([...Object.keys(before), ...Object.keys(after)])];
    return keys.flatMap((key) => changedLeaves(before[key], after[key], [...path, key]));
  }
  return [path];
}

/** Blocks the chart does not render for this config never reach the server, stored or not. */
function isRendered(path: Path, config: PlainMap): boolean {
  const effective = (p: Path): Plain | undefined => valueAt(config, p) ?? valueAt(CHART_DEFAULTS, p);
  if (path[0] !== 'authentication') return true;
  const provider = effective(['authentication', 'provider']);
  if (path[1] === 'ldapConfiguration') return provider === 'ldap';
  if (path[1] === 'saml') return provider === 'saml';
  if (path[1] === 'oidcConfiguration') {
    return effective(['authentication', 'clientType']) === 'confidential' && effective(['authentication', 'oidcConfiguration', 'enabled']) === true;
  }
  return true;
}

/** The most changed keys a message names before it says "and N more". */
const NAMED_CHANGES = 5;

/**
 * Only the changed keys are named, by their paths (names: they go in as they are), never their old
 * or new values: a changed secret may be among them.
 */
function report(ctx: RuleContext, changed: Path[], label: string): void {
  const first = changed.find((path) => ctx.get(path) !== undefined) ?? changed[0];
  const keys = changed
    .slice(0, NAMED_CHANGES)
    .map((path) => `${path.join('.')}${ctx.get(path) === undefined ? ' (removed)' : ''}`)
    .join(', ');
  const more = changed.length - NAMED_CHANGES;
  const data = { baseline: label, keys, server: describeServer(ctx), remedy: reconcileCommands(ctx) };
  if (more > 0) ctx.report({ at: first, target: 'key', messageId: 'changedMany', data: { ...data, more } });
  else ctx.report({ at: first, target: 'key', messageId: 'changed', data });
}
