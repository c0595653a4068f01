/**
 * GitHub Actions workflow commands: each finding becomes an annotation on the file and line in the
 * pull request (`::error file=…,line=…,col=…,endLine=…,endColumn=…,title=…::message`).
 *
 * GitHub shows at most 10 error and 10 warning annotations per step and drops the rest, and a run
 * with thousands of findings should not bury the log, so the first ANNOTATIONS_PER_LEVEL of each
 * level become annotations, up to PLAIN_LINES more are printed as plain log lines, and one notice
 * says what was left out. Info findings (advice) become `notice` annotations only with `showInfo`:
 * by default a correct file adds nothing to a pull request. Escaping follows @actions/core: `%`, CR and LF everywhere, and `:` and
 * `,` in properties, so no message can end a command early or start a new one.
 */
import type { Finding, Severity } from '../types';
import { lineJoiner, oneLine, relativePath, SEVERITY_WORD, shownMessages, streamed } from './common';
import { helpUri } from '../rules/support/meta';

export const ANNOTATIONS_PER_LEVEL = 10;
export const PLAIN_LINES = 1000;

const COMMAND: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'notice' };

export function escapeData(text: string): string {
  return text.replace(/%/g, '%25').replace(/\r/g, '%0D').replace(/\n/g, '%0A');
}

export function escapeProperty(text: string): string {
  return escapeData(text).replace(/:/g, '%3A').replace(/,/g, '%2C');
}

function annotation(file: string, m: Finding): string {
  const properties = [
    `file=${escapeProperty(file)}`,
    `line=${m.line}`,
    `col=${m.column}`,
    `endLine=${m.endLine}`,
    `endColumn=${m.endColumn}`,
    `title=${escapeProperty(`omlint ${m.ruleId}`)}`,
  ].join(',');
  return `::${COMMAND[m.severity]} ${properties}::${escapeData(`${m.message}\n${helpUri(m.ruleId)}`)}`;
}

/**
 * Written finding by finding: the cap is counted as findings come and the notice about the rest is
 * the last line, so the stream keeps only the counts of annotations per level and of the plain lines
 * and omitted findings.
 */
const github = streamed((context) => {
  const text = lineJoiner();
  const annotated: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  let plain = 0;
  let omitted = 0;
  const line = (m: Finding): string[] => {
    const file = relativePath(context.cwd, m.filePath);
    if (annotated[m.severity] < ANNOTATIONS_PER_LEVEL) {
      annotated[m.severity]++;
      return [annotation(file, m)];
    }
    if (plain < PLAIN_LINES) {
      plain++;
      // A fixed prefix: not even a file named `::error…` can turn a plain line into a command.
      return [`omlint: ${file}:${m.line}:${m.column}: ${SEVERITY_WORD[m.severity]} ${oneLine(m.message)} [${m.ruleId}]`];
    }
    omitted++;
    return [];
  };
  return {
    write: (result) => text(shownMessages(result, context).flatMap(line)),
    end() {
      if (plain + omitted === 0) return '';
      const shown = plain > 0 ? `${plain} printed above as plain lines` : '';
      const left = omitted > 0 ? `${omitted} not printed` : '';
      return text([
        `::notice title=${escapeProperty('omlint')}::${escapeData(
          `${plain + omitted} more findings were not annotated (GitHub shows at most ${ANNOTATIONS_PER_LEVEL} per level and step): ` +
            `${[shown, left].filter(Boolean).join(', ')}. Upload --format sarif to code scanning to see them all.`,
        )}`,
      ]);
    },
  };
});

export default github;
