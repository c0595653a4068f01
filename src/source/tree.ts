/**
 * The located tree: what both YAML readers build (the fast reader for plain block values files,
 * src/source/fast-yaml.ts, and the `yaml` package for everything else, src/source/yaml.ts), and the
 * one implementation of everything asked of it: a path's key or value range, the nearest existing
 * ancestor, duplicate keys, which scalars are plain, line and column of an offset.
 *
 * The tree keeps offsets only; the plain value (Helm semantics: the last of duplicate keys wins,
 * `<<` merges) is built by the reader that read the text.
 */
import type { Location, Path, Plain, PlainMap, Range } from '../types';

/** Which part of a map entry a location names. `auto`: the value for scalars, the key for collections. */
export type Target = 'key' | 'value' | 'auto';

/** A scalar item of a sequence (a map keeps its scalar values' offsets in the pair itself). */
export class TreeScalar {
  constructor(
    readonly start: number,
    readonly end: number,
  ) {}
}

/** `*name`: where the alias is written, and the node its anchor names (undefined: no such anchor). */
export class TreeAlias {
  constructor(
    readonly start: number,
    readonly end: number,
    readonly target: TreeNode | undefined,
  ) {}
}

export class TreePair {
  /**
   * `key` undefined: a key that is itself a map or list (`? [a, b]`), which no path can name.
   * `node`: the value when it is a collection or an alias; null for a scalar, whose offsets are
   * valueStart and valueEnd. One object a key instead of two.
   */
  constructor(
    readonly key: string | undefined,
    readonly keyStart: number,
    readonly keyEnd: number,
    readonly node: TreeMap | TreeSeq | TreeAlias | null,
    readonly valueStart: number,
    readonly valueEnd: number,
  ) {}
}

export class TreeMap {
  readonly items: TreePair[] = [];
  /** Offsets of a flow map (`{…}`); -1 for a block map, whose range its items give. */
  constructor(
    readonly start = -1,
    public end = -1,
  ) {}
}

export class TreeSeq {
  readonly items: TreeNode[] = [];
  /** Offsets of a flow sequence (`[…]`); -1 for a block sequence, whose range its items give. */
  constructor(
    readonly start = -1,
    public end = -1,
  ) {}
}

export type TreeNode = TreeScalar | TreeMap | TreeSeq | TreeAlias;

export interface DuplicateKey {
  /** Path of the mapping that holds the key twice. */
  mapPath: Path;
  key: string;
  /** The first occurrence of the key in that mapping. */
  first: Range;
  /** This repeated occurrence. */
  repeat: Range;
}

/** What the engine reads of a parsed document, whichever reader read it. */
export interface SourceDocument {
  readonly filePath: string;
  readonly index: number;
  /** The document as plain data (Helm semantics: the last of duplicate keys wins, `<<` merges). */
  plain(): Plain;
  /**
   * The document as Helm reads a values file: plain() with the plain scalars that YAML 1.1 reads as
   * booleans (`on`, `off`, `yes`, `no`, `y`, `n`, …) turned into booleans (HELM_BOOLEANS).
   */
  helmPlain(): Plain;
  locate(path: Path, target?: Target): Location | undefined;
  locateClosest(path: Path, target?: Target): Location;
  duplicateKeys(): DuplicateKey[];
  /** Whether the value at `path` is a plain (unquoted, non-block) scalar: the server layout re-reads those after `${VAR}` substitution. */
  isPlainScalar(path: Path): boolean;
  /**
   * Where the scalar at `path` is written: its offsets in the file's text, and that text. For a YAML
   * document inside a string (Argo CD's `helm.values: |`), whose positions map back to the file.
   */
  scalarSource(path: Path): ScalarSource | undefined;
  /** Whether the file's text holds `{{` at all: a template expression in a value is then possible. */
  mayHoldTemplates(): boolean;
}

/** A scalar as written: `text.slice(start, end)` is its source (quotes, block header and all). */
export interface ScalarSource {
  text: string;
  start: number;
  end: number;
}

/** What turns a document path into a location; a YAML document, or several merged ones. */
export interface Locator {
  locate(path: Path, target?: Target): Location | undefined;
  locateClosest(path: Path, target?: Target): Location;
  /** Where the value at a document path came from; absent: the file that holds its location. */
  origin?(path: Path): Origin | undefined;
}

/** Where a value came from: the file that set it, and how. */
export interface Origin {
  filePath: string;
  /** With -f layering: a later file replaced the list or scalar an earlier file set here (Helm replaces, it never merges lists). */
  replaced?: { filePath: string; value: Plain };
  /** The value is an environment variable's text (extraEnvs, an env file, `${VAR:-default}` in openmetadata.yaml). */
  env?: { name: string; source: EnvSource };
}

/** How an environment variable got its value. */
export type EnvSource = 'extraEnvs' | 'env-file' | 'substitution-default';

/** One document of a text: its tree, its plain value (computed on first need) and its text's line index. */
export class LocatedTree implements SourceDocument {
  private plainValue: Plain | undefined;
  private computed = false;
  private helmValue: Plain | undefined;
  private helmComputed = false;

  constructor(
    readonly filePath: string,
    readonly index: number,
    private readonly text: string,
    private readonly root: TreeNode | null,
    private readonly lines: LineIndex,
    private readonly computePlain: () => Plain,
    private readonly maxDepth: number,
    /** False when the reader knows no key is written twice (the walk for duplicates is then skipped). */
    private readonly mayHaveDuplicates = true,
  ) {}

  plain(): Plain {
    if (!this.computed) {
      this.plainValue = this.computePlain();
      this.computed = true;
    }
    return this.plainValue as Plain;
  }

  helmPlain(): Plain {
    if (!this.helmComputed) {
      const plain = this.plain();
      // Most values files hold none of the words as a value: then the walk is skipped.
      this.helmValue = this.lines.mayHoldHelmBooleans() ? asHelmReadsIt(plain, this.root, this.text, this.maxDepth) : plain;
      this.helmComputed = true;
    }
    return this.helmValue as Plain;
  }

  /** The exact location of `path`, or undefined when the path does not exist in this document. */
  locate(path: Path, target: Target = 'auto'): Location | undefined {
    const found = walk(this.root, path);
    const range = found.remaining === 0 ? pickRange(found, target) : undefined;
    return range ? this.toLocation(range) : undefined;
  }

  /**
   * The location of `path`, or of its nearest existing ancestor (as Spectral does). A path that
   * runs through an alias lands on the alias the user wrote (`*keys`), not inside the anchor.
   */
  locateClosest(path: Path, target: Target = 'auto'): Location {
    const found = walk(this.root, path);
    const throughAlias = found.remaining > 0 && found.node instanceof TreeAlias;
    const range = pickRange(found, throughAlias ? 'value' : found.remaining > 0 ? 'key' : target);
    return this.toLocation(range ?? [0, 0]);
  }

  duplicateKeys(): DuplicateKey[] {
    return this.mayHaveDuplicates ? duplicateKeys(this.root, this.lines, this.maxDepth) : [];
  }

  isPlainScalar(path: Path): boolean {
    const found = walk(this.root, path);
    if (found.remaining !== 0 || (found.node !== null && !(found.node instanceof TreeScalar))) return false;
    const start = found.node instanceof TreeScalar ? found.node.start : found.pair?.valueStart ?? -1;
    return start >= 0 && !'"\'|>'.includes(this.text.charAt(start));
  }

  scalarSource(path: Path): ScalarSource | undefined {
    const found = walk(this.root, path);
    if (found.remaining !== 0) return undefined;
    if (found.node instanceof TreeScalar) return { text: this.text, start: found.node.start, end: found.node.end };
    if (found.node === null && found.pair && found.pair.valueStart >= 0) return { text: this.text, start: found.pair.valueStart, end: found.pair.valueEnd };
    return undefined;
  }

  mayHoldTemplates(): boolean {
    return this.lines.mayHoldTemplates();
  }

  /**
   * The node at `path` exactly as written, for text edits (src/source/tree-edit.ts): through maps
   * (the last of duplicate keys) and lists only, never through `<<` or an alias; with its map
   * entry, and whether a flow collection (`{…}`, `[…]`) holds it. Undefined when the path is not
   * written that way.
   */
  writtenNode(path: Path): WrittenNode | undefined {
    let node: TreeNode | null = this.root;
    let pair: TreePair | undefined;
    let inFlow = false;
    for (const segment of path) {
      if (node instanceof TreeMap) {
        inFlow ||= node.start >= 0;
        pair = lastPair(node, String(segment));
        if (!pair) return undefined;
        node = pair.node;
      } else if (node instanceof TreeSeq && typeof segment === 'number' && segment < node.items.length) {
        inFlow ||= node.start >= 0;
        pair = undefined;
        node = node.items[segment];
      } else {
        return undefined;
      }
    }
    return { node, pair, inFlow };
  }

  rangeOf(offsets: readonly [number, number]): Range {
    return this.lines.toRange(offsets);
  }

  private toLocation(offsets: readonly [number, number]): Location {
    return { filePath: this.filePath, ...this.lines.toRange(offsets) };
  }
}

/** A node as LocatedTree.writtenNode finds it: `node` null is a map's scalar value, written at `pair`'s value offsets. */
export interface WrittenNode {
  node: TreeNode | null;
  pair: TreePair | undefined;
  inFlow: boolean;
}

interface Walk {
  /** The node reached (null: a map's scalar value, see pair). */
  node: TreeNode | null;
  /** The map entry of the node reached, when it was reached through a map. */
  pair?: TreePair;
  /** Path segments that could not be followed (0 when the whole path exists). */
  remaining: number;
}

/**
 * Follows `path` through the tree. Duplicate keys resolve to the last occurrence (the one Helm
 * keeps); a key that exists only through `<<: *anchor` resolves to that `<<` entry; an alias stops
 * the walk, so findings land on the alias the user wrote.
 */
function walk(root: TreeNode | null, path: Path): Walk {
  let current: Walk = { node: root, remaining: path.length };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const node = current.node;
    let next: Walk | undefined;
    if (node instanceof TreeMap) {
      const key = String(segment);
      const pair = lastPair(node, key) ?? mergedPair(node, key);
      if (pair) next = { node: pair.node, pair, remaining: path.length - i - 1 };
    } else if (node instanceof TreeSeq && typeof segment === 'number' && segment < node.items.length) {
      next = { node: node.items[segment], remaining: path.length - i - 1 };
    }
    if (!next) return current;
    current = next;
  }
  return current;
}

function lastPair(map: TreeMap, key: string): TreePair | undefined {
  for (let k = map.items.length - 1; k >= 0; k--) if (map.items[k].key === key) return map.items[k];
  return undefined;
}

/** The `<<` entry that brings `key` into `map`, if one does. */
function mergedPair(map: TreeMap, key: string): TreePair | undefined {
  for (const pair of map.items) {
    if (pair.key !== '<<' || !pair.node) continue;
    const sources = pair.node instanceof TreeSeq ? pair.node.items : [pair.node];
    for (const source of sources) {
      const merged = source instanceof TreeAlias ? source.target : source;
      if (merged instanceof TreeMap && lastPair(merged, key)) return pair;
    }
  }
  return undefined;
}

/** The offsets a location names: the key of a collection, the value of a scalar, unless `target` says. */
function pickRange(found: Walk, target: Target): [number, number] | undefined {
  const { node, pair } = found;
  const isScalar = node === null || node instanceof TreeScalar || node instanceof TreeAlias;
  const wantKey = target === 'key' || (target === 'auto' && !isScalar);
  if (wantKey && pair) return [pair.keyStart, pair.keyEnd];
  if (node === null) return pair ? [pair.valueStart, pair.valueEnd] : undefined;
  return nodeRange(node);
}

/**
 * Where a node is written. A block collection runs from its first item to the end of its last
 * item's value (its own offsets are those of flow collections only).
 */
function nodeRange(node: TreeNode): [number, number] | undefined {
  if (node instanceof TreeScalar || node instanceof TreeAlias) return [node.start, node.end];
  if (node.start >= 0) return [node.start, node.end];
  const first = node.items[0];
  const last = node.items[node.items.length - 1];
  if (!first || !last) return undefined;
  const start = first instanceof TreePair ? first.keyStart : nodeRange(first)?.[0];
  const end = last instanceof TreePair ? pairEnd(last) : nodeRange(last)?.[1];
  return start === undefined || end === undefined ? undefined : [start, end];
}

function pairEnd(pair: TreePair): number {
  const valueEnd = pair.node ? nodeRange(pair.node)?.[1] : pair.valueEnd;
  return Math.max(pair.keyEnd, valueEnd ?? pair.keyEnd);
}

/** Every key written twice in one mapping, anywhere in the document, in document order. */
function duplicateKeys(root: TreeNode | null, lines: LineIndex, maxDepth: number): DuplicateKey[] {
  const duplicates: DuplicateKey[] = [];
  const visit = (node: TreeNode | null, path: Path, depth: number): void => {
    if (depth > maxDepth) return;
    if (node instanceof TreeMap) {
      const firstPair = new Map<string, TreePair>();
      for (const pair of node.items) {
        if (pair.key === undefined) continue;
        const first = firstPair.get(pair.key);
        if (first) {
          duplicates.push({
            mapPath: path,
            key: pair.key,
            first: lines.toRange([first.keyStart, first.keyEnd]),
            repeat: lines.toRange([pair.keyStart, pair.keyEnd]),
          });
        } else {
          firstPair.set(pair.key, pair);
        }
        if (pair.node && !(pair.node instanceof TreeAlias)) visit(pair.node, [...path, pair.key], depth + 1);
      }
    } else if (node instanceof TreeSeq) {
      node.items.forEach((item, i) => visit(item, [...path, i], depth + 1));
    }
  };
  visit(root, [], 0);
  return duplicates;
}

/**
 * How Helm resolves the plain scalars that YAML 1.2 (the `yaml` package, the fast reader) reads as
 * strings. Helm reads values files with sigs.k8s.io/yaml (`chartutil.ReadValues`), whose decoder is
 * go-yaml v2, a YAML 1.1 reader: its resolve table (kubernetes-sigs/yaml `goyaml.v2/resolve.go` @
 * 742f5e6f, the same as go-yaml/yaml branch v2) makes these plain scalars booleans, so
 * `enabled: off` is `false` to Helm and to the chart's values.schema.json (helm/helm#5497, #12179,
 * #8294). `true`/`True`/`TRUE` and `false`/`False`/`FALSE` are booleans in YAML 1.2 too; other
 * spellings (`oFF`, `YeS`) and quoted or tagged scalars (`"off"`, `!!str off`) stay strings. Keys are
 * left as written (go-yaml turns a key `on:` into "true" as well, but no OpenMetadata key is such a
 * word). openmetadata.yaml and env files are not read by Helm, so the server's reading applies there.
 */
export const HELM_BOOLEANS: ReadonlyMap<string, boolean> = new Map([
  ...['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON'].map((word): [string, boolean] => [word, true]),
  ...['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF'].map((word): [string, boolean] => [word, false]),
]);

/**
 * A cheap test that a text may hold one of HELM_BOOLEANS as a value: the word alone after a space,
 * `:`, `[`, `{` or `,`, before the end of the line, a comment, `,`, `]` or `}`. Never false when a
 * plain scalar is such a word (a word inside a comment merely costs the walk). A line start is
 * after a `\n`, which `\s` covers; only the text's very start needs its own test: an alternation
 * with `^` in one expression made V8 try every whitespace twice (twice as slow over d10's files).
 */
const HELM_BOOLEAN_HINT = /[\s[{,:](?:[yYnN]|[yY]es|YES|[nN]o|NO|[oO]n|ON|[oO]ff|OFF)[ \t]*(?:$|[\r#,\]}])/m;
const HELM_BOOLEAN_AT_START = /^(?:[yYnN]|[yY]es|YES|[nN]o|NO|[oO]n|ON|[oO]ff|OFF)[ \t]*(?:$|[\r\n#,\]}])/;

/**
 * `plain` with every plain scalar Helm reads as a boolean made one. Walks the plain value beside the
 * tree it was built from (duplicate keys: the last; `<<`: the merge source the value came from;
 * aliases: their anchor); a map or list is copied only when something in it changes.
 */
function asHelmReadsIt(plain: Plain, root: TreeNode | null, text: string, maxDepth: number): Plain {
  const scalar = (value: string, start: number, end: number): Plain => {
    const helm = HELM_BOOLEANS.get(value);
    // The text itself, unquoted, and no tag before it.
    return helm === undefined || text.slice(start, end) !== value || isTagged(text, start) ? value : helm;
  };
  const visit = (value: Plain, node: TreeNode | null | undefined, depth: number): Plain => {
    if (depth > maxDepth) return value;
    const target = node instanceof TreeAlias ? node.target : node;
    if (typeof value === 'string') return target instanceof TreeScalar ? scalar(value, target.start, target.end) : value;
    if (Array.isArray(value)) {
      if (!(target instanceof TreeSeq)) return value;
      let out: Plain[] | undefined;
      value.forEach((item, i) => {
        const resolved = visit(item, target.items[i], depth + 1);
        if (resolved !== item) (out ??= [...value])[i] = resolved;
      });
      return out ?? value;
    }
    if (value === null || typeof value !== 'object' || !(target instanceof TreeMap)) return value;
    let out: PlainMap | undefined;
    for (const key of Object.keys(value)) {
      const item = value[key];
      const pair = lastPair(target, key) ?? mergeSource(target, key, depth);
      if (!pair) continue;
      const resolved = pair.node === null && typeof item === 'string'
        ? scalar(item, pair.valueStart, pair.valueEnd)
        : visit(item, pair.node, depth + 1);
      if (resolved !== item) {
        out ??= copyOwn(value);
        Object.defineProperty(out, key, { value: resolved, enumerable: true, writable: true, configurable: true });
      }
    }
    return out ?? value;
  };
  return visit(plain, root, 0);
}

/** The pair of the `<<` merge source that gives `map` its `key`: the first source that has it (YAML's merge order). */
function mergeSource(map: TreeMap, key: string, depth: number): TreePair | undefined {
  for (const pair of map.items) {
    if (pair.key !== '<<' || !pair.node) continue;
    const node = pair.node instanceof TreeAlias ? pair.node.target : pair.node;
    const sources = node instanceof TreeSeq ? node.items : [node];
    for (const source of sources) {
      const merged = source instanceof TreeAlias ? source.target : source;
      if (!(merged instanceof TreeMap)) continue;
      const found = lastPair(merged, key) ?? (depth < 64 ? mergeSource(merged, key, depth + 1) : undefined);
      if (found) return found;
    }
  }
  return undefined;
}

/** A map with the same own entries (a `__proto__` key stays an own entry, as the readers keep it). */
function copyOwn(map: PlainMap): PlainMap {
  const out: PlainMap = {};
  for (const key of Object.keys(map)) Object.defineProperty(out, key, { value: map[key], enumerable: true, writable: true, configurable: true });
  return out;
}

/** Whether a tag (`!!str`, `!`, `!custom`) is among the properties written before the scalar at `start`. */
function isTagged(text: string, start: number): boolean {
  let i = start;
  for (;;) {
    while (i > 0 && /\s/.test(text.charAt(i - 1))) i--;
    let j = i;
    while (j > 0 && !/[\s[{,:]/.test(text.charAt(j - 1))) j--;
    if (j === i) return false;
    const property = text.charAt(j);
    if (property === '!') return true;
    if (property !== '&') return false;
    i = j;
  }
}

/**
 * Locations in a text, 1-based, as `yaml`'s LineCounter gives them; and the other facts of the whole
 * text its documents share, worked out once (a file of 300 documents scans its text once, not 300 times).
 */
export class LineIndex {
  private starts: number[] | undefined;
  private helmBooleans: boolean | undefined;
  private templates: boolean | undefined;

  constructor(private readonly text: string) {}

  /** Whether the text holds `{{` (a template expression may be a value). */
  mayHoldTemplates(): boolean {
    return (this.templates ??= this.text.includes('{{'));
  }

  /** Whether the text may hold a plain scalar Helm reads as a boolean (HELM_BOOLEAN_HINT). */
  mayHoldHelmBooleans(): boolean {
    return (this.helmBooleans ??= HELM_BOOLEAN_HINT.test(this.text) || HELM_BOOLEAN_AT_START.test(this.text));
  }

  toRange(offsets: readonly [number, number]): Range {
    const start = this.linePos(offsets[0]);
    const end = this.linePos(Math.max(offsets[0], offsets[1]));
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }

  private linePos(offset: number): { line: number; col: number } {
    const starts = (this.starts ??= lineStarts(this.text));
    let low = 0;
    let high = starts.length;
    while (low < high) {
      const mid = (low + high) >> 1;
      if (starts[mid] < offset) low = mid + 1;
      else high = mid;
    }
    if (starts[low] === offset) return { line: low + 1, col: 1 };
    if (low === 0) return { line: 0, col: offset };
    return { line: low, col: offset - starts[low - 1] + 1 };
  }
}

function lineStarts(text: string): number[] {
  const starts = [0];
  for (let i = text.indexOf('\n'); i >= 0; i = text.indexOf('\n', i + 1)) starts.push(i + 1);
  return starts;
}
