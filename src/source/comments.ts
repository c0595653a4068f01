/**
 * The comments of a YAML text with their positions, read from the `yaml` package's concrete syntax
 * tree, so a `#` inside a quoted string or a block scalar is never taken for a comment.
 */
import { yamlPackage } from './yaml-package';

export interface Comment {
  /** The comment without its `#`. */
  text: string;
  /** 1-based line and column of the `#`; endColumn is just after the comment. */
  line: number;
  column: number;
  endColumn: number;
}

export function readComments(text: string): Comment[] {
  const { LineCounter, Parser } = yamlPackage();
  const lineCounter = new LineCounter();
  const comments: Comment[] = [];
  const pending: unknown[] = [...new Parser(lineCounter.addNewLine).parse(text)];
  // An explicit stack: the CST of a deeply nested document must not overflow the call stack.
  while (pending.length > 0) {
    const node = pending.pop();
    if (Array.isArray(node)) {
      pending.push(...node);
    } else if (node !== null && typeof node === 'object') {
      const token = node as { type?: unknown; offset?: unknown; source?: unknown };
      if (token.type === 'comment' && typeof token.offset === 'number' && typeof token.source === 'string') {
        const { line, col } = lineCounter.linePos(token.offset);
        comments.push({ text: token.source.slice(1), line, column: col, endColumn: col + token.source.length });
      } else {
        for (const [key, value] of Object.entries(node)) if (key !== 'source' && typeof value === 'object') pending.push(value);
      }
    }
  }
  return comments.sort((a, b) => a.line - b.line || a.column - b.column);
}

/**
 * The comments of an env file: a line whose first non-blank character is `#`, and ` #` after an
 * unquoted value (docker compose's dotenv reader; a quoted value may hold `#`).
 */
export function readEnvComments(text: string): Comment[] {
  const comments: Comment[] = [];
  text.split(/\r?\n|\r/).forEach((line, index) => {
    const hash = commentStart(line);
    if (hash >= 0) comments.push({ text: line.slice(hash + 1), line: index + 1, column: hash + 1, endColumn: line.length + 1 });
  });
  return comments;
}

function commentStart(line: string): number {
  const first = line.search(/\S/);
  if (first < 0) return -1;
  if (line[first] === '#') return first;
  const value = /^[^=:]*[=:]\s*/.exec(line);
  if (!value) return -1;
  const rest = line.slice(value[0].length);
  if (rest.startsWith('"') || rest.startsWith("'")) {
    const close = rest.indexOf(rest[0], 1);
    const after = close < 0 ? -1 : rest.slice(close + 1).search(/\s#/);
    return after < 0 ? -1 : value[0].length + close + 1 + after + 1;
  }
  const inline = rest.search(/\s#/);
  return inline < 0 ? -1 : value[0].length + inline + 1;
}
