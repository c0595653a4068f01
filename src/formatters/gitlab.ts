/**
 * GitLab Code Quality report (a subset of the Code Climate issue format): a JSON array GitLab reads
 * from `artifacts:reports:codequality` and shows in merge requests. GitLab matches findings across
 * pipelines by `fingerprint`, so it must survive unrelated edits: see fingerprint.ts. Written issue
 * by issue; a result's fingerprints depend on that result alone, so nothing is kept between results.
 * Info findings (advice) are issues of severity `info` only with `showInfo`: the merge request
 * widget lists every issue, and advice should not fill it by default.
 */
import type { Finding, Severity } from '../types';
import { isShown, jsonArrayWriter, relativePath, streamed } from './common';
import { resultFingerprints } from './fingerprint';

/** GitLab's scale is info, minor, major, critical, blocker. */
const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warn: 'minor', info: 'info' };

const gitlab = streamed((context) => {
  const issues = jsonArrayWriter('', '', '');
  return {
    write(result) {
      // Fingerprints of all findings, so a finding's does not depend on whether infos are shown.
      const prints = resultFingerprints(result, context.cwd);
      const issue = (m: Finding, i: number): string =>
        issues.item({
          type: 'issue',
          engine_name: 'omlint',
          check_name: m.ruleId,
          description: m.message,
          categories: ['Bug Risk'],
          severity: GITLAB_SEVERITY[m.severity],
          fingerprint: prints[i],
          location: { path: relativePath(context.cwd, m.filePath), lines: { begin: m.line, end: m.endLine } },
        });
      return result.messages.map((m, i) => (isShown(m, context) ? issue(m, i) : '')).join('');
    },
    end: () => issues.end(),
  };
});

export default gitlab;
