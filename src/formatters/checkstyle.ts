/** Checkstyle XML, which Jenkins (warnings-ng), reviewdog and many CI dashboards read. */
import type { Formatter } from './types';
import type { Severity } from '../types';
import { relativePath, xmlEscape } from './common';

const CHECKSTYLE_SEVERITY: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };

const checkstyle: Formatter = (results, context) => {
  const lines = ['<?xml version="1.0" encoding="utf-8"?>', '<checkstyle version="4.3">'];
  for (const result of results) {
    lines.push(`  <file name="${xmlEscape(relativePath(context.cwd, result.filePath))}">`);
    for (const m of result.messages) {
      const where = m.filePath !== result.filePath ? ` (in ${relativePath(context.cwd, m.filePath)})` : '';
      lines.push(
        `    <error line="${m.line}" column="${m.column}" severity="${CHECKSTYLE_SEVERITY[m.severity]}" ` +
          `message="${xmlEscape(m.message + where)}" source="omlint.rules.${xmlEscape(m.ruleId)}"/>`,
      );
    }
    lines.push('  </file>');
  }
  lines.push('</checkstyle>');
  return lines.join('\n');
};

export default checkstyle;
