import type { LintResult } from '../types';
import type { RuleMeta } from '../engine/rule';

export interface FormatterContext {
  /** Paths in the output are relative to this directory. */
  cwd: string;
  /** Whether the output may carry ANSI colours. */
  color: boolean;
  /** Every registered rule, for formats that describe the rules (SARIF, docs links). */
  rules: readonly RuleMeta[];
}

/** A formatter is a pure function: results in, text out. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;
