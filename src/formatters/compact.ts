/**
 * One finding a line, `file:line:col: severity message [rule]`, for editors' error-format parsers
 * (Vim/Neovim errorformat, efm-langserver, Emacs compile). No header, no summary: clean is empty.
 */
import type { Formatter } from './types';
import { eachFinding, oneLine, relativePath, SEVERITY_WORD } from './common';

const compact: Formatter = (results, context) =>
  eachFinding(results)
    .map(({ finding: m }) => `${relativePath(context.cwd, m.filePath)}:${m.line}:${m.column}: ${SEVERITY_WORD[m.severity]} ${oneLine(m.message)} [${m.ruleId}]`)
    .join('\n');

export default compact;
