/**
 * Text edits for --fix. A fix says what to change in data terms (rename this key, append to that
 * list); this module finds the exact source range of the parsed document's nodes and writes the
 * smallest edit there, so comments, quoting and indentation everywhere else survive byte for byte.
 * Undefined means "no safe edit for this shape" (an alias, a merge key, a block scalar, a key that
 * shares its line with a `- `): the fix is then not offered. Only this module and yaml.ts know the AST.
 */
import { Pair, Scalar, YAMLMap, isMap, isScalar, isSeq, stringify } from 'yaml';
import type { Fix, Path } from '../types';
import type { Document } from 'yaml';
import { keyString } from './yaml';

/** Replace text[start, end) with `text`; start === end inserts. */
export interface TextEdit {
  start: number;
  end: number;
  text: string;
}

/** Indentation step used for new nesting levels when the file shows none. */
const DEFAULT_INDENT_STEP = 2;

/** The edits that carry out `fix` on `text` (whose parse is `document`), or undefined when none is safe. */
export function editsForFix(text: string, document: Document.Parsed, fix: Fix): TextEdit[] | undefined {
  const source = new SourceText(text);
  const tree = new Tree(document);
  switch (fix.kind) {
    case 'rename-key':
      return renameKey(tree, fix.at, fix.to);
    case 'replace-value':
      return replaceValue(tree, fix.at, fix.value);
    case 'append-item':
      return appendItem(source, tree, fix.at, fix.value);
    case 'remove-entry':
      return removeEarlierEntries(source, tree, fix.at);
    case 'move-entry':
      return moveEntry(source, tree, fix.at, fix.to);
  }
}

/**
 * Applies edits (non-overlapping; touching is fine) in one pass over the text: the text between
 * them and their texts, joined once (a file with hundreds of fixes is not copied once per edit).
 * Two edits at the same place come out as if applied from the end of the text backwards, in the
 * order given: the later one's text first.
 */
export function applyEdits(text: string, edits: readonly TextEdit[]): string {
  const ordered = edits.map((edit, index) => ({ edit, index })).sort((a, b) => a.edit.start - b.edit.start || a.edit.end - b.edit.end || b.index - a.index);
  const parts: string[] = [];
  let at = 0;
  for (const { edit } of ordered) {
    parts.push(text.slice(at, edit.start), edit.text);
    at = Math.max(at, edit.end);
  }
  parts.push(text.slice(at));
  return parts.join('');
}

function renameKey(tree: Tree, at: Path, to: string): TextEdit[] | undefined {
  const found = tree.pairAt(at);
  if (!found || !isScalar(found.pair.key) || !found.pair.key.range) return undefined;
  const key = found.pair.key;
  const rendered = renderString(to, key.type, Boolean(found.map.flow));
  return rendered === undefined ? undefined : [{ start: key.range![0], end: key.range![1], text: rendered }];
}

function replaceValue(tree: Tree, at: Path, value: string): TextEdit[] | undefined {
  const found = tree.nodeAt(at);
  const node = found?.node;
  if (!isScalar(node) || typeof node.value !== 'string' || !node.range) return undefined;
  if (node.type === 'BLOCK_LITERAL' || node.type === 'BLOCK_FOLDED') return undefined;
  const rendered = renderString(value, node.type, found!.inFlow);
  return rendered === undefined ? undefined : [{ start: node.range[0], end: node.range[1], text: rendered }];
}

function appendItem(source: SourceText, tree: Tree, at: Path, value: string): TextEdit[] | undefined {
  const seq = tree.nodeAt(at)?.node;
  if (!isSeq(seq) || !seq.range) return undefined;
  const strings = seq.items.filter((item): item is Scalar => isScalar(item) && typeof item.value === 'string');
  const style = strings.at(-1)?.type;
  const last = seq.items.at(-1) as { range?: [number, number, number] } | undefined;
  if (seq.flow) {
    const rendered = renderString(value, style, true);
    if (rendered === undefined) return undefined;
    if (!last) {
      const open = seq.range[0];
      return source.text[open] === '[' ? [{ start: open + 1, end: open + 1, text: rendered }] : undefined;
    }
    return last.range ? [{ start: last.range[1], end: last.range[1], text: `, ${rendered}` }] : undefined;
  }
  const indent = source.indentBefore(seq.range[0]);
  const rendered = renderString(value, style, false);
  if (indent === undefined || rendered === undefined || !last?.range) return undefined;
  return [source.insertLinesAfter(seq.range[1] - 1, [`${indent}- ${rendered}`])];
}

function removeEarlierEntries(source: SourceText, tree: Tree, at: Path): TextEdit[] | undefined {
  const map = tree.nodeAt(at.slice(0, -1))?.node;
  if (!isMap(map)) return undefined;
  const key = String(at.at(-1));
  const items = map.items as Pair[];
  const indexes = items.flatMap((pair, i) => (keyString(pair.key) === key ? [i] : []));
  if (indexes.length < 2) return undefined;
  const edits: TextEdit[] = [];
  for (const i of indexes.slice(0, -1)) {
    const pair = items[i];
    const keyRange = rangeOf(pair.key);
    if (!keyRange) return undefined;
    if (map.flow) {
      // `{a: 1, a: 2}`: drop from this key to the next entry's key, separator included.
      const next = rangeOf(items[i + 1]?.key);
      if (!next) return undefined;
      edits.push({ start: keyRange[0], end: next[0], text: '' });
    } else {
      if (source.indentBefore(keyRange[0]) === undefined) return undefined;
      edits.push(source.removeLines(keyRange[0], lastOffsetOf(pair)));
    }
  }
  return edits;
}

/**
 * Moves an entry to a path below the map that holds it: in place when none of the maps on the way
 * exists yet (`a.b: v` → `a:` / `  b: v`), else appended to the deepest existing one. The value's
 * text (quotes, comments) moves with it, re-indented as a block.
 */
function moveEntry(source: SourceText, tree: Tree, from: Path, to: Path): TextEdit[] | undefined {
  const mapPath = from.slice(0, -1);
  if (to.length <= mapPath.length || mapPath.some((segment, i) => segment !== to[i])) return undefined;
  const segments = to.slice(mapPath.length);
  if (segments.some((segment) => typeof segment !== 'string' || segment === '')) return undefined;
  const found = tree.pairAt(from);
  if (!found || found.map.flow || !isScalar(found.pair.key) || !found.pair.key.range) return undefined;
  const { pair } = found;
  const keyRange = found.pair.key.range;

  // Follow the target path through the maps that already exist.
  let holder: YAMLMap = found.map;
  let depth = 0;
  for (;;) {
    const existing = lastPair(holder, String(segments[depth]));
    if (!existing) break;
    if (existing === pair || depth === segments.length - 1) return undefined; // the target is taken
    if (!isMap(existing.value) || existing.value.flow) return undefined;
    holder = existing.value;
    depth++;
  }

  const step = tree.indentStep(mapPath, source);
  const keyColumn = source.column(keyRange[0]);
  const keyLineEnd = source.lineEnd(keyRange[0]);
  const entryEnd = source.lineEnd(Math.max(lastOffsetOf(pair), keyRange[0]));
  const rest = source.text.slice(keyRange[1], keyLineEnd);
  const continuation = source.text.slice(keyLineEnd, entryEnd);
  const names = segments.map((segment) => renderString(String(segment), 'PLAIN', false));
  if (names.some((name) => name === undefined)) return undefined;
  const remaining = names.slice(depth) as string[];

  if (depth === 0) {
    const header = remaining.slice(0, -1).map((name, i) => `${name}:${source.eol}${' '.repeat(keyColumn + (i + 1) * step)}`).join('');
    const shifted = reindent(continuation, (remaining.length - 1) * step);
    if (shifted === undefined) return undefined;
    return [{ start: keyRange[0], end: entryEnd, text: `${header}${remaining.at(-1)}${rest}${shifted}` }];
  }

  const holderStart = rangeOf((holder.items[0] as Pair | undefined)?.key);
  if (!holderStart || !holder.range || source.indentBefore(keyRange[0]) === undefined) return undefined;
  const holderColumn = source.indentBefore(holderStart[0])?.length;
  if (holderColumn === undefined) return undefined;
  const lastColumn = holderColumn + (remaining.length - 1) * step;
  const shifted = reindent(continuation, lastColumn - keyColumn);
  if (shifted === undefined) return undefined;
  const lines = remaining.map((name, i) => `${' '.repeat(holderColumn + i * step)}${name}${i === remaining.length - 1 ? rest + shifted : ':'}`);
  return [source.insertLinesAfter(holder.range[1] - 1, lines), source.removeLines(keyRange[0], lastOffsetOf(pair))];
}

/** Shifts every non-blank line after the first line break of `chunk` by `delta` columns. */
function reindent(chunk: string, delta: number): string | undefined {
  let ok = true;
  const out = chunk.replace(/\n([^\r\n]*)/g, (_match, line: string) => {
    if (line.trim() === '' || delta === 0) return `\n${line}`;
    if (delta > 0) return `\n${' '.repeat(delta)}${line}`;
    if (!line.startsWith(' '.repeat(-delta))) ok = false;
    return `\n${line.slice(-delta)}`;
  });
  return ok ? out : undefined;
}

/** A string written in the given scalar style when it can be, on one line; undefined otherwise. */
export function renderString(value: string, style: Scalar.Type | undefined, inFlow: boolean): string | undefined {
  const type = style === 'QUOTE_DOUBLE' || style === 'QUOTE_SINGLE' ? style : 'PLAIN';
  let out = stringify(value, { defaultStringType: type, defaultKeyType: type, lineWidth: 0 }).replace(/\r?\n$/, '');
  if (inFlow && /^[^"']/.test(out) && /[,[\]{}]/.test(out)) out = JSON.stringify(value);
  return out.includes('\n') ? undefined : out;
}

/** The offset of the last character of a map entry (its key, or the end of its value). */
function lastOffsetOf(pair: Pair): number {
  const ends = [rangeOf(pair.key)?.[1], rangeOf(pair.value)?.[1]].filter((n): n is number => typeof n === 'number');
  return Math.max(...ends) - 1;
}

function rangeOf(node: unknown): readonly [number, number, number] | undefined {
  return (node as { range?: [number, number, number] } | null | undefined)?.range ?? undefined;
}

function lastPair(map: YAMLMap, key: string): Pair | undefined {
  const items = map.items as Pair[];
  for (let i = items.length - 1; i >= 0; i--) if (keyString(items[i].key) === key) return items[i];
  return undefined;
}

/** Exact-path lookup in the document: through maps (last duplicate wins) and lists; never through aliases or `<<`. */
class Tree {
  constructor(private readonly document: Document.Parsed) {}

  nodeAt(path: Path): { node: unknown; inFlow: boolean } | undefined {
    let node: unknown = this.document.contents;
    let inFlow = false;
    for (const segment of path) {
      inFlow ||= (isMap(node) || isSeq(node)) && Boolean(node.flow);
      if (isMap(node)) {
        const pair = lastPair(node, String(segment));
        if (!pair) return undefined;
        node = pair.value;
      } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
        node = node.items[segment];
      } else {
        return undefined;
      }
    }
    return { node, inFlow };
  }

  pairAt(path: Path): { map: YAMLMap; pair: Pair } | undefined {
    const map = this.nodeAt(path.slice(0, -1))?.node;
    if (!isMap(map) || path.length === 0) return undefined;
    const pair = lastPair(map, String(path.at(-1)));
    return pair ? { map, pair } : undefined;
  }

  /** How far the file indents a map below its key (the map at `mapPath` against its own key), else 2. */
  indentStep(mapPath: Path, source: SourceText): number {
    const parent = mapPath.length > 0 ? this.pairAt(mapPath) : undefined;
    const map = parent?.pair.value;
    const parentKey = rangeOf(parent?.pair.key);
    const firstKey = isMap(map) ? rangeOf((map.items[0] as Pair | undefined)?.key) : undefined;
    if (!parentKey || !firstKey) return DEFAULT_INDENT_STEP;
    const step = source.column(firstKey[0]) - source.column(parentKey[0]);
    return step > 0 ? step : DEFAULT_INDENT_STEP;
  }
}

/** Line arithmetic on the raw text (LF or CRLF). */
export class SourceText {
  readonly eol: string;

  constructor(readonly text: string) {
    this.eol = text.includes('\r\n') ? '\r\n' : '\n';
  }

  lineStart(offset: number): number {
    return this.text.lastIndexOf('\n', offset - 1) + 1;
  }

  /** The offset of the line break ending the line that holds `offset` (text length on the last line). */
  lineEnd(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    if (newline < 0) return this.text.length;
    return newline > 0 && this.text[newline - 1] === '\r' ? newline - 1 : newline;
  }

  /** The start of the line after the one that holds `offset` (text length on the last line). */
  nextLineStart(offset: number): number {
    const newline = this.text.indexOf('\n', offset);
    return newline < 0 ? this.text.length : newline + 1;
  }

  column(offset: number): number {
    return offset - this.lineStart(offset);
  }

  /** The spaces before `offset` on its line, or undefined when anything else precedes it there. */
  indentBefore(offset: number): string | undefined {
    const prefix = this.text.slice(this.lineStart(offset), offset);
    return /^ *$/.test(prefix) ? prefix : undefined;
  }

  /** Whole lines from the one holding `from` to the one holding `to`, line break included. */
  removeLines(from: number, to: number): TextEdit {
    return { start: this.lineStart(from), end: this.nextLineStart(Math.max(from, to)), text: '' };
  }

  /** New lines after the line that holds `offset`. */
  insertLinesAfter(offset: number, lines: readonly string[]): TextEdit {
    const at = this.nextLineStart(offset);
    const block = lines.join(this.eol);
    const atEndWithoutBreak = at === this.text.length && !this.text.endsWith('\n');
    return { start: at, end: at, text: atEndWithoutBreak ? `${this.eol}${block}` : `${block}${this.eol}` };
  }
}
