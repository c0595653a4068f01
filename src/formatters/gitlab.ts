/**
 * GitLab Code Quality report (a subset of the Code Climate issue format): a JSON array GitLab reads
 * from `artifacts:reports:codequality` and shows in merge requests. GitLab matches findings across
 * pipelines by `fingerprint`, so it must survive unrelated edits: see fingerprint.ts. Written issue
 * by issue; a result's fingerprints depend on that result alone, so nothing is kept between results.
 */
import type { Severity } from '../types';
import { jsonArrayWriter, relativePath, streamed } from './common';
import { resultFingerprints } from './fingerprint';

/** GitLab's scale is info, minor, major, critical, blocker. */
const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warn: 'minor', info: 'info' };

const gitlab = streamed((context) => {
  const issues = jsonArrayWriter('', '', '');
  return {
    write(result) {
      const prints = resultFingerprints(result, context.cwd);
      return result.messages
        .map((m, i) => issues.item({
          type: 'issue',
          engine_name: 'omlint',
          check_name: m.ruleId,
          description: m.message,
          categories: ['Bug Risk'],
          severity: GITLAB_SEVERITY[m.severity],
          fingerprint: prints[i],
          location: { path: relativePath(context.cwd, m.filePath), lines: { begin: m.line, end: m.endLine } },
        }))
        .join('');
    },
    end: () => issues.end(),
  };
});

export default gitlab;
