/** ESLint-compatible JSON (docs/json-output.md): severity 2 error, 1 warning, 0 info. */
import { streamed } from './common';
import type { LintResult, Severity } from '../types';

const SEVERITY_NUMBER: Record<Severity, number> = { error: 2, warn: 1, info: 0 };

function jsonResult(result: LintResult): object {
  return {
    filePath: result.filePath,
    messages: result.messages.map((m) => ({
      ruleId: m.ruleId,
      severity: SEVERITY_NUMBER[m.severity],
      message: m.message,
      line: m.line,
      column: m.column,
      endLine: m.endLine,
      endColumn: m.endColumn,
      ...(m.filePath !== result.filePath ? { filePath: m.filePath } : {}),
    })),
    errorCount: result.errorCount,
    warningCount: result.warningCount,
    ...(result.output !== undefined ? { output: result.output } : {}),
  };
}

/** One JSON array, element by element: the same bytes as JSON.stringify of the whole array. */
const json = streamed(() => {
  let first = true;
  return {
    write(result) {
      const text = `${first ? '[' : ','}${JSON.stringify(jsonResult(result))}`;
      first = false;
      return text;
    },
    end: () => (first ? '[]' : ']'),
  };
});

export default json;
