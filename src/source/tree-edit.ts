/**
 * Text edits for the fixes most findings carry (rename a key, replace a scalar, append to a block
 * list of scalars, drop the earlier entries of a duplicate key in a block map), made on the located tree the fast reader builds instead of the `yaml`
 * package's document: ESLint's `fix` objects in the JSON output then cost no `yaml` parse for most
 * files (about 1.6 ms a file, warm, against the fast reader's ~0.3 ms). Each function gives exactly
 * the edit src/source/edit.ts gives for the same fix (test/tree-edit.test.ts compares them on every
 * fixture and corpus file), or undefined where it is not sure, and the caller then uses edit.ts.
 */
import type { Fix, Path } from '../types';
import { valueAt } from '../types';
import { TreeAlias, TreeMap, TreeScalar, TreeSeq, type LocatedTree, type TreeNode, type TreePair, type WrittenNode } from './tree';
import { renderString, SourceText, type TextEdit } from './edit';

type Style = 'PLAIN' | 'QUOTE_DOUBLE' | 'QUOTE_SINGLE' | 'BLOCK';

/** The edits for `fix`, or undefined: another kind of fix, or a shape only edit.ts handles. */
export function treeEditsForFix(text: string, document: LocatedTree, fix: Fix): TextEdit[] | undefined {
  switch (fix.kind) {
    case 'rename-key':
      return renameKey(text, document, fix.at, fix.to);
    case 'replace-value':
      return replaceValue(text, document, fix.at, fix.value);
    case 'append-item':
      return appendToBlockList(text, document, fix.at, fix.value);
    case 'remove-entry':
      return removeEarlierEntries(text, document, fix.at);
    default:
      return undefined;
  }
}

function renameKey(text: string, document: LocatedTree, at: Path, to: string): TextEdit[] | undefined {
  const parent = at.length > 0 ? document.writtenNode(at.slice(0, -1)) : undefined;
  const found = document.writtenNode(at);
  if (!(parent?.node instanceof TreeMap) || !found?.pair || found.pair.key === undefined) return undefined;
  const { keyStart, keyEnd } = found.pair;
  const style = styleAt(text, keyStart);
  if (style === 'BLOCK') return undefined;
  const rendered = renderString(to, style, parent.node.start >= 0);
  return rendered === undefined ? undefined : [{ start: keyStart, end: keyEnd, text: rendered }];
}

function replaceValue(text: string, document: LocatedTree, at: Path, value: string): TextEdit[] | undefined {
  const found = document.writtenNode(at);
  if (!found || typeof valueAt(document.plain(), at) !== 'string') return undefined;
  const range = scalarRange(found);
  if (!range) return undefined;
  const style = styleAt(text, range[0]);
  if (style === 'BLOCK') return undefined;
  const rendered = renderString(value, style, found.inFlow);
  return rendered === undefined ? undefined : [{ start: range[0], end: range[1], text: rendered }];
}

/** A new last item of a block list of scalars, at the items' indentation, in the last string item's quoting. */
function appendToBlockList(text: string, document: LocatedTree, at: Path, value: string): TextEdit[] | undefined {
  const seq = document.writtenNode(at)?.node;
  if (!(seq instanceof TreeSeq) || seq.start >= 0 || seq.items.length === 0) return undefined;
  const items = seq.items;
  if (!items.every((item): item is TreeScalar => item instanceof TreeScalar)) return undefined;
  const source = new SourceText(text);
  // The first item's line is `<indent>- <item>`: the list's indentation is that of its dash.
  const dashed = /^( *)- +$/.exec(text.slice(source.lineStart(items[0].start), items[0].start));
  if (!dashed) return undefined;
  const strings = items.filter((_item, i) => typeof valueAt(document.plain(), [...at, i]) === 'string');
  const style = strings.length > 0 ? styleAt(text, strings[strings.length - 1].start) : 'PLAIN';
  if (style === 'BLOCK') return undefined;
  const rendered = renderString(value, style, false);
  const last = items[items.length - 1];
  return rendered === undefined ? undefined : [source.insertLinesAfter(last.end - 1, [`${dashed[1]}- ${rendered}`])];
}

/** A key written more than once in a block map: every entry but the last (the one Helm keeps), whole lines. */
function removeEarlierEntries(text: string, document: LocatedTree, at: Path): TextEdit[] | undefined {
  const map = at.length > 0 ? document.writtenNode(at.slice(0, -1))?.node : undefined;
  if (!(map instanceof TreeMap) || map.start >= 0) return undefined;
  const key = String(at[at.length - 1]);
  const entries = map.items.filter((pair) => pair.key === key);
  if (entries.length < 2) return undefined;
  const source = new SourceText(text);
  const edits: TextEdit[] = [];
  for (const pair of entries.slice(0, -1)) {
    const end = entryEnd(pair);
    if (end === undefined || source.indentBefore(pair.keyStart) === undefined) return undefined;
    edits.push(source.removeLines(pair.keyStart, Math.max(pair.keyEnd, end) - 1));
  }
  return edits;
}

/** Where a map entry's value ends (its key's end when it has none written). */
function entryEnd(pair: TreePair): number | undefined {
  if (pair.node === null) return pair.valueStart >= 0 ? pair.valueEnd : pair.keyEnd;
  return nodeEnd(pair.node);
}

function nodeEnd(node: TreeNode): number | undefined {
  if (node instanceof TreeScalar || node instanceof TreeAlias || node.start >= 0) return node.end;
  if (node instanceof TreeMap) {
    const last = node.items[node.items.length - 1];
    return last ? entryEnd(last) : undefined;
  }
  const last = node.items[node.items.length - 1];
  return last ? nodeEnd(last) : undefined;
}

function scalarRange(found: WrittenNode): [number, number] | undefined {
  if (found.node instanceof TreeScalar) return [found.node.start, found.node.end];
  if (found.node === null && found.pair && found.pair.valueStart >= 0) return [found.pair.valueStart, found.pair.valueEnd];
  return undefined;
}

/** How a scalar is written, from its first character. */
function styleAt(text: string, start: number): Style {
  const first = text.charAt(start);
  if (first === '"') return 'QUOTE_DOUBLE';
  if (first === "'") return 'QUOTE_SINGLE';
  if (first === '|' || first === '>') return 'BLOCK';
  return 'PLAIN';
}
