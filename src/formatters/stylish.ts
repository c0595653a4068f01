/** The default human format: findings grouped by file, aligned, with the rule id, a summary and each rule's docs link. */
import * as path from 'path';
import chalk from 'chalk';
import type { Formatter } from './types';
import type { Severity } from '../types';
import { helpUri } from '../engine/meta';

const LABEL: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };

const stylish: Formatter = (results, context) => {
  const paint = new chalk.Instance({ level: context.color ? 1 : 0 });
  const colorOf: Record<Severity, (text: string) => string> = { error: paint.red, warn: paint.yellow, info: paint.blue };
  const lines: string[] = [];
  let errors = 0;
  let warnings = 0;
  let infos = 0;
  for (const result of results) {
    if (result.messages.length === 0) continue;
    errors += result.errorCount;
    warnings += result.warningCount;
    infos += result.infoCount;
    lines.push('', paint.underline(relative(context.cwd, result.filePath)));
    const rows = result.messages.map((m) => [
      `  ${m.line}:${m.column}`,
      LABEL[m.severity],
      m.filePath !== result.filePath ? `${m.message} (in ${relative(context.cwd, m.filePath)})` : m.message,
      m.ruleId,
    ]);
    const widths = [0, 1].map((col) => rows.reduce((max, row) => Math.max(max, row[col].length), 0));
    rows.forEach((row, i) => {
      const severity = result.messages[i].severity;
      lines.push(
        `${paint.dim(row[0].padEnd(widths[0]))}  ${colorOf[severity](row[1].padEnd(widths[1]))}  ${row[2]}  ${paint.dim(row[3])}`,
      );
    });
  }
  const total = errors + warnings + infos;
  if (total === 0) return '';
  const summary = `${total} problem${total === 1 ? '' : 's'} (${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}, ${infos} info)`;
  lines.push('', (errors > 0 ? paint.red.bold : warnings > 0 ? paint.yellow.bold : paint.blue.bold)(`\u2716 ${summary}`), '');
  lines.push(...docsLinks(results, paint));
  return lines.join('\n');
};

/** Each rule that spoke, once, with the page that explains it and shows the fix. */
function docsLinks(results: Parameters<Formatter>[0], paint: chalk.Chalk): string[] {
  const ids = [...new Set(results.flatMap((result) => result.messages.map((m) => m.ruleId)))];
  const width = Math.max(...ids.map((id) => id.length));
  return ['Rule docs:', ...ids.map((id) => `  ${id.padEnd(width)}  ${paint.dim(helpUri(id))}`), ''];
}

function relative(cwd: string, file: string): string {
  if (file === '<stdin>') return file;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') ? rel : file;
}

export default stylish;
