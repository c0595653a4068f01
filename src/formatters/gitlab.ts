/**
 * GitLab Code Quality report (a subset of the Code Climate issue format): a JSON array GitLab reads
 * from `artifacts:reports:codequality` and shows in merge requests. GitLab matches findings across
 * pipelines by `fingerprint`, so it must survive unrelated edits: see fingerprint.ts.
 */
import type { Formatter } from './types';
import type { Severity } from '../types';
import { relativePath } from './common';
import { fingerprints } from './fingerprint';

/** GitLab's scale is info, minor, major, critical, blocker. */
const GITLAB_SEVERITY: Record<Severity, string> = { error: 'major', warn: 'minor', info: 'info' };

const gitlab: Formatter = (results, context) => {
  const prints = fingerprints(results, context.cwd);
  return JSON.stringify(
    results.flatMap((result, r) =>
      result.messages.map((m, i) => ({
        type: 'issue',
        engine_name: 'omlint',
        check_name: m.ruleId,
        description: m.message,
        categories: ['Bug Risk'],
        severity: GITLAB_SEVERITY[m.severity],
        fingerprint: prints[r][i],
        location: { path: relativePath(context.cwd, m.filePath), lines: { begin: m.line, end: m.endLine } },
      })),
    ),
    null,
    2,
  );
};

export default gitlab;
