import type { LintResult } from '../types';
import type { RuleMeta } from '../rules/support/rule';

export interface FormatterContext {
  /** Paths in the output are relative to this directory. */
  cwd: string;
  /** Whether the output may carry ANSI colours. */
  color: boolean;
  /** Every registered rule, for formats that describe the rules (SARIF, docs links). */
  rules: readonly RuleMeta[];
  /**
   * Whether info findings (advice) are written (`--show-info`). Default false: every format leaves
   * them out, and its counts and summaries count only what it writes (README, "Severity policy").
   */
  showInfo?: boolean;
}

/** A formatter is a pure function: results in, text out. */
export type Formatter = (results: readonly LintResult[], context: FormatterContext) => string;

/**
 * A format written result by result: `write` for each result in order, then `end`; the texts
 * together are the formatter's whole output. The CLI prints such a format as results come, so a run
 * over thousands of files keeps no results for it.
 */
export interface FormatterStream {
  write(result: LintResult): string;
  end(): string;
  /**
   * Text that goes before everything `write` gave, known only once the run is over (junit's root
   * element carries the totals); asked for after `end`. The CLI keeps such a format's text aside
   * (compressed) until then.
   */
  head?(): string;
}

/** A formatter that can also be streamed (see `streamed` in common.ts). */
export interface StreamingFormatter extends Formatter {
  stream(context: FormatterContext): FormatterStream;
}
