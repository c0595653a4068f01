/** The error a rule's crash becomes: light to load, so the API can name it without loading the rules. */
import type { LintResult } from '../types';

/**
 * A rule threw: a bug in omlint, reported as an internal error (one line, exit code 2) with every
 * secret of the file redacted. The other rules' findings for the file are still reported: `result`
 * carries them.
 */
export class RuleCrashError extends Error {
  /** The file's result without the crashed rules' findings (set once the file is finished). */
  result?: LintResult;
}
