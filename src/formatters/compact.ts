/**
 * One finding a line, `file:line:col: severity message [rule]`, for editors' error-format parsers
 * (Vim/Neovim errorformat, efm-langserver, Emacs compile). No header, no summary: clean is empty,
 * and so is a file with nothing but info findings unless `showInfo` asks for them.
 * Written result by result; it keeps nothing but whether a line was written yet.
 */
import { lineJoiner, oneLine, relativePath, SEVERITY_WORD, shownMessages, streamed } from './common';

const compact = streamed((context) => {
  const text = lineJoiner();
  return {
    write: (result) =>
      text(shownMessages(result, context).map((m) => `${relativePath(context.cwd, m.filePath)}:${m.line}:${m.column}: ${SEVERITY_WORD[m.severity]} ${oneLine(m.message)} [${m.ruleId}]`)),
    end: () => '',
  };
});

export default compact;
