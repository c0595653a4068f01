/** ESLint-compatible JSON (RULES.md "Output contract"): severity 2 error, 1 warning, 0 info. */
import type { Formatter } from './types';
import type { Severity } from '../types';

const SEVERITY_NUMBER: Record<Severity, number> = { error: 2, warn: 1, info: 0 };

const json: Formatter = (results) =>
  JSON.stringify(
    results.map((result) => ({
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
    })),
  );

export default json;
