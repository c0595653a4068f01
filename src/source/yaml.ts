/**
 * The YAML source layer: parse with the `yaml` package, turn documents into plain values for the
 * schema and the rules, and turn any path back into the line and column of its key or value.
 * This is the only module that knows the YAML AST.
 */
import {
  CST,
  Document,
  Parser,
  LineCounter,
  Node as YamlNode,
  Pair,
  isAlias,
  isMap,
  isPair,
  isScalar,
  isSeq,
  parseAllDocuments,
} from 'yaml';
import type { Location, Path, Plain, PlainMap, Range } from '../types';

/** Which part of a map entry a location names. `auto`: the value for scalars, the key for collections. */
export type Target = 'key' | 'value' | 'auto';

export interface SyntaxProblem {
  message: string;
  range: Range;
}

export interface DuplicateKey {
  /** Path of the mapping that holds the key twice. */
  mapPath: Path;
  key: string;
  /** The first occurrence of the key in that mapping. */
  first: Range;
  /** This repeated occurrence. */
  repeat: Range;
}

/** Raised when a document would expand beyond the limits (alias bombs, absurd nesting). */
export class ExpansionLimitError extends Error {}

export interface ParseLimits {
  /** Most plain nodes one document may expand to, aliases included. */
  maxNodes: number;
  /** Deepest nesting of collections. */
  maxDepth: number;
}

export const DEFAULT_PARSE_LIMITS: ParseLimits = { maxNodes: 200_000, maxDepth: 200 };

/** One parsed YAML document of a file, with the means to locate any path in it. */
export class YamlDocument {
  private plainValue: Plain | undefined;

  constructor(
    readonly filePath: string,
    readonly index: number,
    private readonly doc: Document.Parsed,
    private readonly lineCounter: LineCounter,
    private readonly limits: ParseLimits,
  ) {}

  /** The parsed document, for the text edits of --fix (src/source/edit.ts); nothing else should need it. */
  get ast(): Document.Parsed {
    return this.doc;
  }

  /** The document as plain data (Helm semantics: the last of duplicate keys wins, `<<` merges). */
  plain(): Plain {
    if (this.plainValue === undefined) {
      this.plainValue = toPlain(this.doc.contents as YamlNode | null, this.doc, this.limits);
    }
    return this.plainValue;
  }

  /** The exact location of `path`, or undefined when the path does not exist in this document. */
  locate(path: Path, target: Target = 'auto'): Location | undefined {
    const found = walk(this.doc, path);
    const range = found && found.remaining === 0 ? pickRange(found, target) : undefined;
    return range ? this.toLocation(range) : undefined;
  }

  /** The location of `path`, or of its nearest existing ancestor (as Spectral does). */
  locateClosest(path: Path, target: Target = 'auto'): Location {
    const found = walk(this.doc, path);
    const range = found ? pickRange(found, found.remaining > 0 ? 'key' : target) : undefined;
    return this.toLocation(range ?? [0, 0]);
  }

  /** Whether the value at `path` is written as a plain (unquoted, non-block) scalar: its text is re-read as YAML after `${VAR}` substitution. */
  isPlainScalar(path: Path): boolean {
    const found = walk(this.doc, path);
    return !!found && found.remaining === 0 && isScalar(found.node) && found.node.type === 'PLAIN';
  }

  /** Every key written twice in one mapping, anywhere in the document. */
  duplicateKeys(): DuplicateKey[] {
    const duplicates: DuplicateKey[] = [];
    const visit = (node: unknown, path: Path, depth: number): void => {
      if (depth > this.limits.maxDepth) return;
      if (isMap(node)) {
        const firstPair = new Map<string, Pair>();
        for (const pair of node.items) {
          const key = keyString(pair.key);
          if (key === undefined) continue;
          const first = firstPair.get(key);
          if (first) {
            duplicates.push({
              mapPath: path,
              key,
              first: this.toRange(nodeRange(first.key)),
              repeat: this.toRange(nodeRange(pair.key)),
            });
          } else {
            firstPair.set(key, pair);
          }
          visit(pair.value, [...path, key], depth + 1);
        }
      } else if (isSeq(node)) {
        node.items.forEach((item, i) => visit(item, [...path, i], depth + 1));
      }
    };
    visit(this.doc.contents, [], 0);
    return duplicates;
  }

  toRange(offsets: readonly [number, number]): Range {
    const start = this.lineCounter.linePos(offsets[0]);
    const end = this.lineCounter.linePos(Math.max(offsets[0], offsets[1]));
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  }

  private toLocation(offsets: readonly [number, number]): Location {
    return { filePath: this.filePath, ...this.toRange(offsets) };
  }
}

export interface ParsedYaml {
  documents: YamlDocument[];
  syntaxErrors: SyntaxProblem[];
}

/** Parses every document of a YAML text. Syntax errors are returned, never thrown. */
export function parseYaml(text: string, filePath: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedYaml {
  const lineCounter = new LineCounter();
  const parsed = parseAllDocuments(text, { lineCounter, uniqueKeys: false, prettyErrors: false, strict: true });
  const docs = Array.isArray(parsed) ? parsed : [];
  const toRange = (offsets: readonly [number, number]): Range => {
    const start = lineCounter.linePos(offsets[0]);
    const end = lineCounter.linePos(Math.max(offsets[0], offsets[1]));
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };
  const syntaxErrors: SyntaxProblem[] = [];
  for (const doc of docs) {
    for (const error of doc.errors) {
      // The parser's message carries a source excerpt after its first line: never print that (secrets).
      const quoteStart = error.code === 'MISSING_CHAR' ? openingQuoteBefore(text, error.pos[0]) : undefined;
      syntaxErrors.push(
        quoteStart === undefined
          ? { message: explain(error.message, lineAt(text, error.pos[0])), range: toRange(error.pos) }
          : { message: UNCLOSED_QUOTE_MESSAGE, range: toRange([quoteStart, quoteStart + 1]) },
      );
    }
  }
  return {
    documents: docs.map((doc, i) => new YamlDocument(filePath, i, doc, lineCounter, limits)),
    syntaxErrors,
  };
}

const UNCLOSED_QUOTE_MESSAGE =
  'This quote is never closed, so YAML reads everything after it as one string; add the closing quote.';

/** Where the quoted scalar that runs into `offset` opens: more useful than where the file ends. */
function openingQuoteBefore(text: string, offset: number): number | undefined {
  let start: number | undefined;
  for (const token of new Parser().parse(text)) {
    if (token.type !== 'document') continue;
    CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (node && (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar')) {
          if (node.offset < offset && node.offset + node.source.length >= offset) start = node.offset;
        }
      }
    });
  }
  return start;
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}

/** The parser's first line, plus the usual cause where the line shows it (`key:"value"`, docs pages). */
function explain(message: string, line: string): string {
  const glued = /^\s*(?:-\s+)?([A-Za-z_][\w.-]*):(?=["'A-Za-z0-9{$<[])/.exec(line);
  const base = firstLine(message);
  if (glued && !/:\/\//.test(line.slice(0, glued[0].length + 2))) {
    return `${base}: "${glued[1]}:" needs a space after the colon, else YAML reads the whole line as one key.`;
  }
  return base;
}

function firstLine(message: string): string {
  return message.split('\n')[0].replace(/ at line \d+, column \d+:?$/, '');
}

/** The string form of a mapping key; undefined for keys that are collections (`? [a, b]`). */
export function keyString(key: unknown): string | undefined {
  if (isScalar(key)) return key.value === null ? '' : String(key.value);
  if (isAlias(key)) return undefined;
  return key === null || key === undefined ? '' : undefined;
}

function nodeRange(node: unknown): [number, number] {
  const range = (node as YamlNode | null)?.range;
  return range ? [range[0], range[1]] : [0, 0];
}

function toPlain(root: YamlNode | null, doc: Document.Parsed, limits: ParseLimits): Plain {
  let budget = limits.maxNodes;
  const active = new Set<unknown>();
  const convert = (node: unknown, depth: number): Plain => {
    if (--budget < 0) {
      throw new ExpansionLimitError(`document expands to more than ${limits.maxNodes} values (alias bomb?)`);
    }
    if (depth > limits.maxDepth) throw new ExpansionLimitError(`nesting deeper than ${limits.maxDepth} levels`);
    if (isAlias(node)) {
      const target = node.resolve(doc);
      if (!target || active.has(target)) return null;
      active.add(target);
      try {
        return convert(target, depth + 1);
      } finally {
        active.delete(target);
      }
    }
    if (isScalar(node)) return scalarValue(node.value);
    if (isSeq(node)) return node.items.map((item) => convert(item, depth + 1));
    if (isMap(node)) {
      const out: PlainMap = {};
      const merged: PlainMap[] = [];
      for (const pair of node.items) {
        const key = keyString(pair.key);
        if (key === undefined) continue;
        const value = convert(pair.value, depth + 1);
        if (key === '<<' && isMergeSource(pair)) {
          for (const source of Array.isArray(value) ? value : [value]) {
            if (isPlainMap(source)) merged.push(source);
          }
          continue;
        }
        out[key] = value;
      }
      // Keys written in the map win over merged ones; earlier merge sources win over later ones.
      for (const source of merged.reverse()) {
        for (const [k, v] of Object.entries(source)) if (!(k in out)) out[k] = v;
      }
      return out;
    }
    return null;
  };
  return convert(root, 0);
}

function isMergeSource(pair: Pair): boolean {
  return isAlias(pair.value) || isMap(pair.value) || (isSeq(pair.value) && pair.value.items.every(isAlias));
}

function scalarValue(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (value instanceof Uint8Array) return `<binary ${value.length} bytes>`;
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

interface WalkResult {
  /** The node reached (value side). */
  node: unknown;
  /** The map key of the node reached, when it was reached through a map. */
  key?: unknown;
  /** Path segments that could not be followed (0 when the whole path exists). */
  remaining: number;
}

/**
 * Follows `path` through the document. Duplicate keys resolve to the last occurrence (the one Helm
 * keeps); an alias stops the walk so findings land on the alias the user wrote.
 */
function walk(doc: Document.Parsed, path: Path): WalkResult | undefined {
  let current: WalkResult = { node: doc.contents, remaining: path.length };
  for (let i = 0; i < path.length; i++) {
    const segment = path[i];
    const node = current.node;
    if (isAlias(node)) return current;
    let next: WalkResult | undefined;
    if (isMap(node)) {
      const pair = findPair(node.items, String(segment)) ?? findMergedPair(node.items, String(segment), doc);
      if (pair) next = { node: pair.value, key: pair.key, remaining: path.length - i - 1 };
    } else if (isSeq(node) && typeof segment === 'number' && segment < node.items.length) {
      next = { node: node.items[segment], remaining: path.length - i - 1 };
    }
    if (!next) return current;
    current = next;
  }
  return current;
}

function findPair(items: Pair[], key: string): Pair | undefined {
  for (let i = items.length - 1; i >= 0; i--) {
    if (keyString(items[i].key) === key) return items[i];
  }
  return undefined;
}

/** A key that only exists through `<<: *anchor` is reported on the `<<` entry that brought it in. */
function findMergedPair(items: Pair[], key: string, doc: Document.Parsed): Pair | undefined {
  for (const pair of items) {
    if (keyString(pair.key) !== '<<') continue;
    const sources = isSeq(pair.value) ? pair.value.items : [pair.value];
    for (const source of sources) {
      const map = isAlias(source) ? source.resolve(doc) : source;
      if (isMap(map) && findPair(map.items, key)) return pair;
    }
  }
  return undefined;
}

function pickRange(found: WalkResult, target: Target): [number, number] | undefined {
  const value = found.node;
  const valueRange = isPair(value) ? undefined : (value as YamlNode | null)?.range;
  const keyRange = (found.key as YamlNode | null | undefined)?.range;
  const wantKey = target === 'key' || (target === 'auto' && !isScalar(value) && !isAlias(value));
  const range = wantKey ? keyRange ?? valueRange : valueRange ?? keyRange;
  return range ? [range[0], range[1]] : undefined;
}
