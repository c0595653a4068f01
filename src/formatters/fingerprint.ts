/**
 * Stable identities for findings, so CI services can tell a finding that moved from one that is new
 * (GitLab Code Quality `fingerprint`, SARIF `partialFingerprints`). The identity is the rule, the
 * file and the key path at fault — never the line number, which shifts whenever a line is added
 * above. Findings without a key path (YAML syntax, directives) use their message with numbers
 * blanked out. A counter separates findings that would otherwise share an identity.
 */
import { createHash } from 'crypto';
import type { LintResult } from '../types';
import { relativePath } from './common';

/** One fingerprint per message of one result: it depends on that result alone, so formats stream them. */
export function resultFingerprints(result: LintResult, cwd: string): string[] {
  const seen = new Map<string, number>();
  return result.messages.map((finding) => {
    const anchor = finding.keyPath ? `path:${JSON.stringify(finding.keyPath)}` : `text:${finding.message.replace(/\d+/g, '#')}`;
    const basis = [finding.ruleId, relativePath(cwd, finding.filePath), anchor].join('\0');
    const occurrence = seen.get(basis) ?? 0;
    seen.set(basis, occurrence + 1);
    return createHash('sha256').update(`${basis}\0${occurrence}`).digest('hex');
  });
}
