/**
 * ESLint-compatible JSON (docs/json-output.md). `severity` is ESLint's: 2 error, 1 warning, never
 * anything else (0 is "off" to every ESLint reader). Every message also carries omlint's own
 * `level`, `error`, `warning` or `info`: info findings (advice) are written only with `showInfo`,
 * as severity 1 with `level: "info"`. The counts are computed from the messages written, as ESLint
 * computes them; a message has ESLint's `fix` when the linter gave its finding a text fix
 * (`textFixes`), and a YAML syntax error is `fatal`, as a parsing error is in ESLint.
 */
import { SEVERITY_WORD, shownMessages, streamed } from './common';
import type { LintResult, Severity } from '../types';
import type { FormatterContext } from './types';

const SEVERITY_NUMBER: Record<Severity, 1 | 2> = { error: 2, warn: 1, info: 1 };

/** The finding ESLint would call a parsing error: the file could not be read as YAML. */
const FATAL_RULE = 'yaml-syntax';

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
    ...(m.ruleId === FATAL_RULE ? { fatal: true } : {}),
    ...(m.textFix ? { fix: { range: m.textFix.range, text: m.textFix.text } } : {}),
  }));
  const count = (severity: 1 | 2, fixable: boolean): number =>
    messages.filter((m) => m.severity === severity && (!fixable || 'fix' in m)).length;
  return {
    filePath: result.filePath,
    messages,
    errorCount: count(2, false),
    fatalErrorCount: messages.filter((m) => 'fatal' in m).length,
    warningCount: count(1, false),
    fixableErrorCount: count(2, true),
    fixableWarningCount: count(1, true),
    usedDeprecatedRules: [],
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
