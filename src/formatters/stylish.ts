/** The default human format: findings grouped by file, aligned, with the rule id, a summary and each rule's docs link. */
import * as path from 'path';
import { isPseudoFile, lineJoiner, shownMessages, streamed } from './common';
import type { Severity } from '../types';
import { helpUri } from '../rules/support/meta';

const LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };

/**
 * Written file by file: each file's block as it comes, then the summary and the docs links. The lines
 * of the whole output are joined by newlines and the first is always empty, so every line after it
 * is written with the newline before it. Info findings are written only with `showInfo`; the
 * summary counts what was written, so a run with nothing but advice prints nothing.
 */
const stylish = streamed((context) => {
  const paint = painter(context.color);
  const colorOf: Record<Severity, Paint> = { error: paint.red, warn: paint.yellow, info: paint.blue };
  const counts: Record<Severity, number> = { error: 0, warn: 0, info: 0 };
  const ruleIds = new Set<string>();
  const text = lineJoiner();
  return {
    write(result) {
      const messages = shownMessages(result, context);
      if (messages.length === 0) return '';
      const lines = ['', paint.underline(relative(context.cwd, result.filePath))];
      const rows = messages.map((m) => {
        counts[m.severity]++;
        ruleIds.add(m.ruleId);
        return [
          `  ${m.line}:${m.column}`,
          LABEL[m.severity],
          m.filePath !== result.filePath ? `${m.message} (in ${relative(context.cwd, m.filePath)})` : m.message,
          m.ruleId,
        ];
      });
      const widths = [0, 1].map((col) => rows.reduce((max, row) => Math.max(max, row[col].length), 0));
      rows.forEach((row, i) => {
        const severity = messages[i].severity;
        lines.push(
          `${paint.dim(row[0].padEnd(widths[0]))}  ${colorOf[severity](row[1].padEnd(widths[1]))}  ${row[2]}  ${paint.dim(row[3])}`,
        );
      });
      return text(lines);
    },
    end() {
      if (counts.error + counts.warn + counts.info === 0) return '';
      const color = counts.error > 0 ? paint.boldRed : counts.warn > 0 ? paint.boldYellow : paint.boldBlue;
      return text(['', color(summary(counts)), '', ...docsLinks([...ruleIds], paint)]);
    },
  };
});

const plural = (count: number, word: string): string => `${count} ${word}${count === 1 ? '' : 's'}`;

/**
 * ESLint's summary line for errors and warnings (`✖ 3 problems (2 errors, 1 warning)`); info
 * findings, written only when asked for, are advice and not problems: they follow it, or stand alone.
 */
function summary(counts: Record<Severity, number>): string {
  const problems = counts.error + counts.warn;
  const infos = counts.info > 0 ? plural(counts.info, 'info finding') : '';
  if (problems === 0) return infos;
  const line = `\u2716 ${plural(problems, 'problem')} (${plural(counts.error, 'error')}, ${plural(counts.warn, 'warning')})`;
  return infos ? `${line} and ${infos}` : line;
}

type Paint = (text: string) => string;
type Painter = Record<'red' | 'yellow' | 'blue' | 'boldRed' | 'boldYellow' | 'boldBlue' | 'dim' | 'underline', Paint>;

const unpainted: Paint = (text) => text;
const PLAIN: Painter = {
  red: unpainted, yellow: unpainted, blue: unpainted, boldRed: unpainted, boldYellow: unpainted, boldBlue: unpainted, dim: unpainted, underline: unpainted,
};

/**
 * chalk only for colour: loading it (with the tty and stream modules it pulls in) took 6-9 ms of a
 * ~130 ms one-file run, and hooks and CI logs mostly print without colour.
 */
function painter(color: boolean): Painter {
  if (!color) return PLAIN;
  const chalk = require('chalk') as typeof import('chalk');
  const paint = new chalk.Instance({ level: 1 });
  return {
    red: paint.red, yellow: paint.yellow, blue: paint.blue, boldRed: paint.red.bold, boldYellow: paint.yellow.bold, boldBlue: paint.blue.bold,
    dim: paint.dim, underline: paint.underline,
  };
}

/** Each rule that spoke, once, with the page that explains it and shows the fix. */
function docsLinks(ids: readonly string[], paint: Painter): string[] {
  const width = Math.max(...ids.map((id) => id.length));
  return ['Rule docs:', ...ids.map((id) => `  ${id.padEnd(width)}  ${paint.dim(helpUri(id))}`), ''];
}

function relative(cwd: string, file: string): string {
  if (isPseudoFile(file)) return file;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export default stylish;
