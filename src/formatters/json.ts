/**
 * ESLint-compatible JSON (docs/json-output.md). `severity` is ESLint's: 2 error, 1 warning, never
 * anything else (0 is "off" to every ESLint reader). Every message also carries omlint's own
 * `level`, `error`, `warning` or `info`: info findings (advice) are written only with `showInfo`,
 * as severity 1 with `level: "info"`. `errorCount` and `warningCount` count the messages written,
 * by severity, as ESLint computes them.
 */
import { SEVERITY_WORD, shownMessages, streamed } from './common';
import type { LintResult, Severity } from '../types';
import type { FormatterContext } from './types';

const SEVERITY_NUMBER: Record<Severity, 1 | 2> = { error: 2, warn: 1, info: 1 };

function jsonResult(result: LintResult, context: FormatterContext): object {
  const messages = shownMessages(result, context).map((m) => ({
    ruleId: m.ruleId,
    severity: SEVERITY_NUMBER[m.severity],
    level: SEVERITY_WORD[m.severity],
    message: m.message,
    line: m.line,
    column: m.column,
    endLine: m.endLine,
    endColumn: m.endColumn,
    ...(m.filePath !== result.filePath ? { filePath: m.filePath } : {}),
  }));
  return {
    filePath: result.filePath,
    messages,
    errorCount: messages.filter((m) => m.severity === 2).length,
    warningCount: messages.filter((m) => m.severity === 1).length,
    ...(result.output !== undefined ? { output: result.output } : {}),
  };
}

/** One JSON array, element by element: the same bytes as JSON.stringify of the whole array. */
const json = streamed((context) => {
  let first = true;
  return {
    write(result) {
      const text = `${first ? '[' : ','}${JSON.stringify(jsonResult(result, context))}`;
      first = false;
      return text;
    },
    end: () => (first ? '[]' : ']'),
  };
});

export default json;
