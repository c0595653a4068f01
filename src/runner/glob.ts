/**
 * Glob matching for config files (`ignorePatterns`, `overrides[].files`), with .gitignore's rules,
 * which users already know: paths are relative to the config file's directory and use `/`; a
 * pattern without a slash matches a name at any depth; a leading `/` anchors; a trailing `/` only
 * matches directories; a pattern that matches a directory matches everything below it.
 * Syntax: `*`, `?`, `**`, `[abc]`, `[!abc]`, `{a,b}` and `\` escapes. Written here because the
 * run-time dependencies are fixed (fast-glob walks directories but does not match a given path).
 */

/** Whether `relativePath` (posix, no leading `./`) matches `pattern`. */
export function matchesGlob(relativePath: string, pattern: string): boolean {
  let body = pattern.trim();
  const directoryOnly = body.endsWith('/');
  body = body.replace(/\/+$/, '');
  const anchored = body.includes('/');
  body = body.replace(/^\.?\//, '');
  if (body === '') return false;
  const regex = compile(anchored ? body : `**/${body}`);
  const segments = relativePath.split('/');
  const candidates = segments.map((_, i) => segments.slice(0, i + 1).join('/'));
  // The file itself, then each directory that holds it.
  return candidates.some((candidate, i) => (i < candidates.length - 1 || !directoryOnly) && regex.test(candidate));
}

const cache = new Map<string, RegExp>();

function compile(glob: string): RegExp {
  let regex = cache.get(glob);
  if (!regex) {
    regex = new RegExp(`^${translate(glob, 0, false).source}$`);
    cache.set(glob, regex);
  }
  return regex;
}

/** Translates `glob` from `start` to a regex source; inside braces it stops at `,` or `}`. */
function translate(glob: string, start: number, inBraces: boolean): { source: string; end: number } {
  let out = '';
  let i = start;
  while (i < glob.length) {
    const c = glob[i];
    if (inBraces && (c === ',' || c === '}')) break;
    if (c === '\\' && i + 1 < glob.length) {
      out += escapeRegExp(glob[i + 1]);
      i += 2;
    } else if (c === '*' && glob[i + 1] === '*') {
      const atSegmentStart = i === 0 || glob[i - 1] === '/';
      const followedBySlash = glob[i + 2] === '/';
      if (atSegmentStart && followedBySlash) {
        out += '(?:.*/)?';
        i += 3;
      } else {
        out += '.*';
        i += 2;
      }
    } else if (c === '*') {
      out += '[^/]*';
      i++;
    } else if (c === '?') {
      out += '[^/]';
      i++;
    } else if (c === '[') {
      const close = glob.indexOf(']', i + 2);
      if (close < 0) {
        out += '\\[';
        i++;
        continue;
      }
      let body = glob.slice(i + 1, close);
      const negated = body.startsWith('!') || body.startsWith('^');
      if (negated) body = body.slice(1);
      out += `[${negated ? '^/' : ''}${body.replace(/\\/g, '\\\\').replace(/]/g, '\\]')}]`;
      i = close + 1;
    } else if (c === '{') {
      const alternatives: string[] = [];
      let j = i + 1;
      let closed = false;
      while (j <= glob.length) {
        const part = translate(glob, j, true);
        alternatives.push(part.source);
        j = part.end;
        if (glob[j] === '}') {
          closed = true;
          break;
        }
        if (glob[j] !== ',') break;
        j++;
      }
      if (!closed) {
        out += '\\{';
        i++;
        continue;
      }
      out += `(?:${alternatives.join('|')})`;
      i = j + 1;
    } else {
      out += escapeRegExp(c);
      i++;
    }
  }
  return { source: out, end: i };
}

function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');
}
