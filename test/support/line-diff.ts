/**
 * Which lines a fix may touch, worked out from the findings alone (independently of the fix engine),
 * and a line diff to check that everything else is byte-identical.
 */
import type { Finding } from '../../src/types';

/** 0-based, inclusive line ranges of the input that a fix may change or insert next to. */
export interface LineRegion {
  start: number;
  end: number;
}

/**
 * The lines of the entry that starts at `line` (0-based) in `column` (1-based): that line and the
 * following ones indented deeper than the column, or list items at the same indentation
 * (`key:` / `- item`); trailing blank lines excluded.
 */
export function entryRegion(lines: readonly string[], line: number, column: number): LineRegion {
  const indent = column - 1;
  let end = line;
  for (let i = line + 1; i < lines.length; i++) {
    const text = lines[i].replace(/\r$/, '');
    if (text.trim() === '') continue;
    const own = text.length - text.trimStart().length;
    if (own > indent || (own === indent && text.trimStart().startsWith('- '))) end = i;
    else break;
  }
  return { start: line, end };
}

/** The key written at a finding's position, quotes removed; undefined if it is not a `key:`. */
export function keyAt(lines: readonly string[], finding: Finding): string | undefined {
  const match = /^(?:"([^"]*)"|'([^']*)'|([^\s:#][^:#]*?))\s*:(?:\s|$)/.exec(lines[finding.line - 1].slice(finding.column - 1));
  return match ? match[1] ?? match[2] ?? match[3] : undefined;
}

/** Lines of the same block (same indentation, no shallower line between) whose key is one of `keys`. */
export function siblingLines(lines: readonly string[], line: number, column: number, keys: readonly string[]): number[] {
  const indent = column - 1;
  const found: number[] = [];
  for (const direction of [-1, 1]) {
    for (let i = line + direction; i >= 0 && i < lines.length; i += direction) {
      const text = lines[i].replace(/\r$/, '');
      if (text.trim() === '' || text.trimStart().startsWith('#')) continue;
      const own = text.length - text.trimStart().length;
      if (own < indent) break;
      if (own !== indent) continue;
      const key = /^(?:"([^"]*)"|'([^']*)'|([^\s:#-][^:#]*?))\s*:(?:\s|$)/.exec(text.trimStart());
      if (key && keys.includes(key[1] ?? key[2] ?? key[3])) found.push(i);
    }
  }
  return found;
}

export interface LineChanges {
  /** Input lines (0-based) that are not in the output unchanged. */
  changed: number[];
  /** For each run of new output lines: the index of the last unchanged input line before it (-1: none). */
  insertedAfter: number[];
}

/** A longest-common-subsequence line diff (the files are small). */
export function diffLines(before: readonly string[], after: readonly string[]): LineChanges {
  const n = before.length;
  const m = after.length;
  const lcs = Array.from({ length: n + 1 }, () => new Array<number>(m + 1).fill(0));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = before[i] === after[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const changed: number[] = [];
  const insertedAfter: number[] = [];
  let i = 0;
  let j = 0;
  let inserting = false;
  while (i < n || j < m) {
    if (i < n && j < m && before[i] === after[j]) {
      inserting = false;
      i++;
      j++;
    } else if (j < m && (i === n || lcs[i][j + 1] >= lcs[i + 1][j])) {
      if (!inserting) insertedAfter.push(i - 1);
      inserting = true;
      j++;
    } else {
      changed.push(i);
      i++;
    }
  }
  return { changed, insertedAfter };
}
