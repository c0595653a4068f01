/**
 * Checkstyle XML, which Jenkins (warnings-ng), reviewdog and many CI dashboards read. Written result
 * by result: the header needs no totals, so it keeps nothing but whether it was written yet. Every
 * linted file gets its `file` element; info findings (advice) are `severity="info"` errors only with
 * `showInfo`, since the dashboards that read checkstyle count every element as an issue.
 */
import type { Severity } from '../types';
import { lineJoiner, relativePath, shownMessages, streamed, xmlEscape } from './common';

const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };
const HEADER = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];

const checkstyle = streamed((context) => {
  const text = lineJoiner();
  let headed = false;
  const header = (): string[] => {
    if (headed) return [];
    headed = true;
    return HEADER;
  };
  return {
    write(result) {
      const lines = [...header(), `  <file name="${xmlEscape(relativePath(context.cwd, result.filePath))}">`];
      for (const m of shownMessages(result, context)) {
        const where = m.filePath !== result.filePath ? ` (in ${relativePath(context.cwd, m.filePath)})` : '';
        lines.push(
          `    <error line="${m.line}" column="${m.column}" severity="${CHECKSTYLE_SEVERITY[m.severity]}" ` +
            `message="${xmlEscape(m.message + where)}" source="omlint.rules.${xmlEscape(m.ruleId)}"/>`,
        );
      }
      lines.push('  </file>');
      return text(lines);
    },
    end: () => text([...header(), '</checkstyle>']),
  };
});

export default checkstyle;
