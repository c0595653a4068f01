/**
 * The `yaml` package's reader: parse within the limits, turn each document into plain values for
 * the schema and the rules, and into the located tree (tree.ts) that turns any path back into the
 * line and column of its key or value. With edit.ts, the only module that knows the YAML AST.
 */
import type { Alias, CST, Document, Node as YamlNode, Pair, Scalar, YAMLMap, YAMLSeq } from 'yaml';
import { yamlPackage } from './yaml-package';
import { isPlainMap, type Plain, type PlainMap, type Range } from '../types';
import { DEFAULT_INPUT_LIMITS, InputLimits, LIMIT_OPTIONS, MAX_DEPTH_CEILING } from './limits';
import { LineIndex, LocatedTree, TreeAlias, TreeMap, TreeNode, TreePair, TreeScalar, TreeSeq } from './tree';
import { describeYamlError, UNRESOLVED_ALIAS_MESSAGE } from './yaml-messages';

export type { DuplicateKey, Target } from './tree';

// The package's node type guards, through yamlPackage(): a node can only exist once it is loaded.
const isAlias = (node: unknown): node is Alias => yamlPackage().isAlias(node);
const isMap = (node: unknown): node is YAMLMap => yamlPackage().isMap(node);
const isNode = (node: unknown): node is YamlNode => yamlPackage().isNode(node);
const isScalar = (node: unknown): node is Scalar => yamlPackage().isScalar(node);
const isSeq = (node: unknown): node is YAMLSeq => yamlPackage().isSeq(node);

export interface SyntaxProblem {
  message: string;
  range: Range;
}

/** Raised when a document would expand beyond the limits (alias bombs, absurd nesting). */
export class ExpansionLimitError extends Error {}

export type ParseLimits = Pick<InputLimits, 'maxTokens' | 'maxDocuments' | 'maxDepth' | 'maxAliasExpansion'>;

export const DEFAULT_PARSE_LIMITS: ParseLimits = DEFAULT_INPUT_LIMITS;

/** Which limit a LimitProblem is about (the key of InputLimits). */
export type LimitName = keyof InputLimits;

/** A part of the input omlint refused to read; it becomes an input-limit finding. */
export interface LimitProblem {
  limit: LimitName;
  message: string;
  range: Range;
}

export interface ParsedYaml {
  documents: LocatedTree[];
  /** The composed documents, for the text edits of --fix (src/source/edit.ts); nothing else should need them. */
  asts: Document.Parsed[];
  syntaxErrors: SyntaxProblem[];
  /** Parts of the input not read because they are over a limit (the documents they hit are left out). */
  limitProblems: LimitProblem[];
}

/**
 * Parses every document of a YAML text within `limits`. Syntax errors and limit problems are
 * returned, never thrown. The lexer, parser and composer of the `yaml` package are driven one token
 * at a time so that reading stops the moment a limit is crossed: the parser's own stack holds
 * every open collection, so a `[[[[…` bomb is refused at the level the limit allows, before the
 * recursive composer sees it (measured: 5 million levels exhaust a 4 GB heap in the parser alone).
 */
export function parseYaml(text: string, filePath: string, limits: ParseLimits = DEFAULT_PARSE_LIMITS): ParsedYaml {
  return withoutYamlTracing(() => parseStream(normalizeLineBreaks(text), filePath, limits));
}

function parseStream(text: string, filePath: string, limits: ParseLimits): ParsedYaml {
  const maxDepth = Math.min(limits.maxDepth, MAX_DEPTH_CEILING);
  const { Composer, Lexer, LineCounter, Parser } = yamlPackage();
  const lineCounter = new LineCounter();
  const toRange = (offsets: readonly [number, number]): Range => {
    const start = lineCounter.linePos(offsets[0]);
    const end = lineCounter.linePos(Math.max(offsets[0], offsets[1]));
    return { line: start.line, column: start.col, endLine: end.line, endColumn: end.col };
  };
  const parser = new Parser(lineCounter.addNewLine);
  const composer = new Composer({ uniqueKeys: false, strict: true });
  const composed: Document.Parsed[] = [];
  const limitProblems: LimitProblem[] = [];
  const refuse = (limit: LimitName, offset: number, message: string): void => {
    limitProblems.push({ limit, message: `${message} (raise ${LIMIT_OPTIONS[limit]} if it is genuine)`, range: toRange([offset, offset]) });
  };
  let documentCount = 0;
  /** Kept to find where an unclosed quote opens (the parser reports where the text ends). */
  const topLevelTokens: CST.Token[] = [];
  /** Hands a complete top-level token to the composer; false once the document limit is crossed. */
  const compose = (token: CST.Token): boolean => {
    if (token.type === 'document' && ++documentCount > limits.maxDocuments) {
      refuse('maxDocuments', token.offset, `the file holds more than ${limits.maxDocuments} YAML documents; omlint stops reading at this one`);
      return false;
    }
    topLevelTokens.push(token);
    for (const doc of composer.next(token)) composed.push(doc as Document.Parsed);
    return true;
  };
  lineCounter.addNewLine(0);
  let tokens = 0;
  let complete = true;
  read: for (const lexeme of new Lexer().lex(text)) {
    const start = parser.offset;
    if (++tokens > limits.maxTokens) {
      refuse('maxTokens', start, `the file has more than ${limits.maxTokens} YAML tokens (keys, values, indicators, line breaks); omlint stops reading it here`);
      complete = false;
      break;
    }
    for (const token of parser.next(lexeme)) {
      if (!compose(token)) {
        complete = false;
        break read;
      }
    }
    if (parser.stack.length > maxDepth + 1 && collectionDepth(parser.stack) > maxDepth) {
      refuse('maxDepth', deepestCollection(parser.stack)?.offset ?? start,
        `maps and lists are nested more than ${maxDepth} levels deep here; omlint stops reading the file at this point`);
      complete = false;
      break;
    }
  }
  if (complete) {
    for (const token of parser.end()) if (!compose(token)) break;
  }
  for (const doc of composer.end()) composed.push(doc as Document.Parsed);

  const documents: LocatedTree[] = [];
  const asts: Document.Parsed[] = [];
  const syntaxErrors: SyntaxProblem[] = [];
  const lines = new LineIndex(text);
  let quoted: QuotedScalar[] | undefined;
  composed.forEach((doc, index) => {
    const aliases = indexAliases(doc);
    for (const error of doc.errors) {
      // The parser's message quotes the text (a source excerpt, the token read): omlint's own words instead (secrets).
      const quoteStart = error.code === 'MISSING_CHAR' ? openingQuoteBefore((quoted ??= quotedScalars(topLevelTokens)), error.pos[0]) : undefined;
      syntaxErrors.push(
        quoteStart === undefined
          ? { message: describeYamlError(error.code, error.message, lineAt(text, error.pos[0])), range: toRange(error.pos) }
          : { message: UNCLOSED_QUOTE_MESSAGE, range: toRange([quoteStart, quoteStart + 1]) },
      );
    }
    // In a document with parse errors, what the parser recovered is no evidence of the file's keys.
    if (doc.errors.length === 0) {
      for (const problem of collectionKeys(doc.contents, text)) syntaxErrors.push({ message: problem.message, range: toRange(problem.offsets) });
    }
    for (const alias of aliases.unresolved) {
      syntaxErrors.push({ message: UNRESOLVED_ALIAS_MESSAGE, range: toRange(nodeRange(alias)) });
    }
    const expansion = measureExpansion(doc.contents, aliases, limits.maxAliasExpansion);
    if (expansion.culprit) {
      const via = expansion.culpritIsMerge ? 'merge keys (<<) and aliases' : 'aliases';
      refuse('maxAliasExpansion', nodeRange(expansion.culprit)[0],
        `${via} in this document expand to more than ${limits.maxAliasExpansion} extra values by here (an alias bomb?); omlint does not lint this document`);
      return;
    }
    const tree = toTree(doc.contents, aliases, text);
    const plain = (): Plain => toPlain(doc.contents as YamlNode | null, aliases, maxDepth, expansion.size);
    documents.push(new LocatedTree(filePath, index, text, tree, lines, plain, maxDepth));
    asts.push(doc);
  });
  return { documents, asts, syntaxErrors, limitProblems };
}

/** yaml.ts's message for a key written over two lines (src/source/fast-yaml.ts reads the usual cause). */
export function twoLineKeyMessage(text: string, keyStart: number): string {
  return describeYamlError('MULTILINE_IMPLICIT_KEY', 'Implicit keys need to be on a single line', lineAt(text, keyStart));
}

export const UNCLOSED_QUOTE_MESSAGE =
  'This quote is never closed, so YAML reads everything after it as one string; add the closing quote.';

/**
 * Helm reads values with a Go YAML decoder that refuses a mapping key that is itself a map or a
 * list ("error converting YAML to JSON: yaml: invalid map key"), so the whole file fails to load.
 * `yaml` accepts such keys, and toPlain() skips them, which left `clientId: {{ .Values.id }}` looking
 * like an empty map. Unquoted `{{ … }}` is the usual cause: a values file is not a template (Helm
 * renders only templates/; a chart may pass a quoted value through `tpl`). Reported as a syntax
 * error, at the `{{ … }}` or at the key.
 */
const TEMPLATE_KEY_MESSAGE =
  'Helm cannot load this file: unquoted {{ … }} is read as a YAML map whose key is a map, which Helm refuses ("invalid map key"). ' +
  'Values files are not templates: write the value itself, or quote it if the chart renders this value with tpl.';
const COLLECTION_KEY_MESSAGE =
  'Helm cannot load this file: this map key is itself a map or a list, which Helm refuses ("invalid map key"). Write a plain key.';

interface KeyProblem {
  message: string;
  offsets: [number, number];
}

/**
 * Every mapping key of a document that is a map or a list, in document order. Keys are not walked
 * into (one finding a key), nor are aliases followed.
 */
function collectionKeys(root: unknown, text: string): KeyProblem[] {
  const found: KeyProblem[] = [];
  const startsTemplate = (offset: number): boolean => text.charCodeAt(offset) === 123 && text.charCodeAt(offset + 1) === 123;
  const pending: unknown[] = [root];
  while (pending.length > 0) {
    const node = pending.pop();
    if (isMap(node)) {
      for (const pair of node.items) {
        if (!isMap(pair.key) && !isSeq(pair.key)) continue;
        const [start, end] = nodeRange(pair.key);
        if (startsTemplate(start)) {
          // `{{ x }}: value`: the key is the whole expression.
          found.push({ message: TEMPLATE_KEY_MESSAGE, offsets: [start, end] });
        } else if (isMap(pair.key) && startsTemplate(start - 1)) {
          // `key: {{ x }}`: this map is the expression, and its key the inner braces.
          found.push({ message: TEMPLATE_KEY_MESSAGE, offsets: [start - 1, nodeRange(node)[1]] });
        } else {
          found.push({ message: COLLECTION_KEY_MESSAGE, offsets: [start, end] });
        }
      }
      for (let i = node.items.length - 1; i >= 0; i--) pending.push(node.items[i].value);
    } else if (isSeq(node)) {
      for (let i = node.items.length - 1; i >= 0; i--) pending.push(node.items[i]);
    }
  }
  return found;
}

/** A quoted scalar of the text: where it opens and how much text it spans. */
interface QuotedScalar {
  offset: number;
  length: number;
}

/** Every quoted scalar (key or value) of the parsed tokens, listed once however many quotes are unclosed. */
function quotedScalars(tokens: readonly CST.Token[]): QuotedScalar[] {
  const found: QuotedScalar[] = [];
  for (const token of tokens) {
    if (token.type !== 'document') continue;
    yamlPackage().CST.visit(token, (item) => {
      for (const node of [item.key, item.value]) {
        if (node && (node.type === 'double-quoted-scalar' || node.type === 'single-quoted-scalar')) {
          found.push({ offset: node.offset, length: node.source.length });
        }
      }
    });
  }
  return found;
}

/** Where the quoted scalar that runs into `offset` opens: more useful than where the file ends. */
function openingQuoteBefore(quoted: readonly QuotedScalar[], offset: number): number | undefined {
  let start: number | undefined;
  for (const node of quoted) if (node.offset < offset && node.offset + node.length >= offset) start = node.offset;
  return start;
}

function lineAt(text: string, offset: number): string {
  const start = text.lastIndexOf('\n', offset - 1) + 1;
  const end = text.indexOf('\n', offset);
  return text.slice(start, end === -1 ? text.length : end);
}

/**
 * YAML allows a lone CR as a line break; the `yaml` package does not (it reads `a: 1\rb: 2` as one
 * line). Replacing each lone CR by LF keeps every offset, so positions stay exact.
 */
function normalizeLineBreaks(text: string): string {
  return text.includes('\r') ? text.replace(/\r(?!\n)/g, '\n') : text;
}

/**
 * The `yaml` package prints every token it reads (secrets included) to stdout when the environment
 * has LOG_TOKENS or LOG_STREAM set, its own debugging switches. omlint's stdout is its report and
 * must never carry a value, so while omlint parses, process.env is an empty object. yaml's parser
 * and composer read those switches once a token, and a read of the real process.env calls into the
 * C++ environment (~150 ns): with an empty object, the `yaml` path is ~20 % faster (1.54 → 1.24 ms
 * a file for bench/'s files with syntax errors, warm). Nothing else runs while a text is parsed.
 */
function withoutYamlTracing<T>(parse: () => T): T {
  const environment = process.env;
  process.env = {};
  try {
    return parse();
  } finally {
    process.env = environment;
  }
}

/** The innermost map or list open on the parser's stack (where a too-deep one starts). */
function deepestCollection(stack: readonly CST.Token[]): CST.Token | undefined {
  for (let i = stack.length - 1; i >= 0; i--) {
    const type = stack[i].type;
    if (type === 'block-map' || type === 'block-seq' || type === 'flow-collection') return stack[i];
  }
  return undefined;
}

/** How many maps and lists are open on the parser's stack. */
function collectionDepth(stack: readonly CST.Token[]): number {
  let depth = 0;
  for (const token of stack) {
    if (token.type === 'block-map' || token.type === 'block-seq' || token.type === 'flow-collection') depth++;
  }
  return depth;
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

/** Where each alias of a document points, resolved once (yaml's Alias.resolve walks the whole document per call). */
export interface AliasIndex {
  targets: Map<Alias, YamlNode>;
  /** Aliases with no anchor of that name before them. */
  unresolved: Alias[];
}

/**
 * Resolves every alias the way YAML (and the `yaml` package) does: to the last node with that
 * anchor before the alias, in document order, where a collection comes before its items.
 */
function indexAliases(doc: Document.Parsed): AliasIndex {
  const anchors = new Map<string, YamlNode>();
  const index: AliasIndex = { targets: new Map(), unresolved: [] };
  const visit = (node: unknown): void => {
    if (isAlias(node)) {
      const target = anchors.get(node.source);
      if (target) index.targets.set(node, target);
      else index.unresolved.push(node);
      return;
    }
    if (isNode(node) && node.anchor) anchors.set(node.anchor, node);
    if (isMap(node)) {
      for (const pair of node.items) {
        visit(pair.key);
        visit(pair.value);
      }
    } else if (isSeq(node)) {
      for (const item of node.items) visit(item);
    }
  };
  visit(doc.contents);
  return index;
}

interface Expansion {
  /** How many values toPlain() will produce for the document (aliases and merges expanded). */
  size: number;
  /** The alias at which the values added by aliases first go over the limit. */
  culprit?: Alias;
  culpritIsMerge?: boolean;
}

/**
 * Counts, without expanding anything, the values the document expands to, exactly as toPlain()
 * will: each alias adds the size of its anchor, which is already measured because an anchor
 * always comes before its aliases. An alias bomb of a few hundred bytes is refused in one linear
 * pass instead of being expanded (the `yaml` package's own maxAliasCount applies only to its
 * toJS(), which omlint does not use).
 */
function measureExpansion(root: unknown, aliases: AliasIndex, maxAdded: number): Expansion {
  const sizes = new Map<unknown, number>();
  const open = new Set<unknown>();
  const result: Expansion = { size: 0 };
  let added = 0;
  const measure = (node: unknown, live: boolean, underMerge: boolean): number => {
    if (isAlias(node)) {
      const target = aliases.targets.get(node);
      const extra = target && !open.has(target) ? sizes.get(target) ?? 1 : 0;
      if (live) {
        added += extra;
        if (added > maxAdded && !result.culprit) {
          result.culprit = node;
          result.culpritIsMerge = underMerge;
        }
      }
      return 1 + extra;
    }
    let size = 1;
    open.add(node);
    if (isMap(node)) {
      for (const pair of node.items) {
        // toPlain() skips pairs whose key is not a scalar; anchors inside still count for later aliases.
        const key = keyString(pair.key);
        measure(pair.key, false, false);
        const value = measure(pair.value, live && key !== undefined, key === '<<');
        if (key !== undefined) size += value;
      }
    } else if (isSeq(node)) {
      for (const item of node.items) size += measure(item, live, underMerge);
    }
    open.delete(node);
    if (isNode(node) && node.anchor) sizes.set(node, size);
    return size;
  };
  result.size = measure(root, true, false);
  return result;
}

function toPlain(root: YamlNode | null, aliases: AliasIndex, maxDepth: number, expectedSize: number): Plain {
  // measureExpansion() has already refused documents over the limit; the budget is a safety net.
  let budget = expectedSize + 16;
  const active = new Set<unknown>();
  const convert = (node: unknown, depth: number): Plain => {
    if (--budget < 0) throw new ExpansionLimitError('document expands to more values than measured (alias bomb?)');
    if (depth > maxDepth) {
      // Written nesting was checked while parsing; an alias can still put a deep anchor deeper.
      throw new ExpansionLimitError(`aliases nest maps and lists more than ${maxDepth} levels deep (raise ${LIMIT_OPTIONS.maxDepth} if it is genuine)`);
    }
    if (isAlias(node)) {
      const target = aliases.targets.get(node);
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
        setOwn(out, key, value);
      }
      // Keys written in the map win over merged ones; earlier merge sources win over later ones
      // (`<<: [*a, *b]` takes a key both have from a, as YAML's merge type and go-yaml say).
      for (const source of merged) {
        for (const [k, v] of Object.entries(source)) if (!Object.prototype.hasOwnProperty.call(out, k)) setOwn(out, k, v);
      }
      return out;
    }
    return null;
  };
  return convert(root, 0);
}

/**
 * `out[key] = value`, except that a key named `__proto__` becomes an ordinary own property instead
 * of replacing the object's prototype (a values file must not change what `in` sees).
 */
function setOwn(out: PlainMap, key: string, value: Plain): void {
  if (key === '__proto__') Object.defineProperty(out, key, { value, enumerable: true, writable: true, configurable: true });
  else out[key] = value;
}

function isMergeSource(pair: Pair): boolean {
  return isAlias(pair.value) || isMap(pair.value) || (isSeq(pair.value) && pair.value.items.every(isAlias));
}

function scalarValue(value: unknown): Plain {
  if (value === null || value === undefined) return null;
  if (typeof value === 'string' || typeof value === 'boolean') return value;
  if (typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  // `!!binary`: Helm (go-yaml) hands the decoded bytes on as a string, so the rules see the same.
  if (value instanceof Uint8Array) return Buffer.from(value).toString('utf8');
  if (value instanceof Date) return value.toISOString();
  return String(value);
}


/**
 * The located tree of a composed document. Anchored nodes are converted before their aliases (YAML
 * requires the anchor first), so an alias points at the tree node of its anchor. A flow collection
 * keeps its own offsets; a block collection's come from its items (tree.ts); a block scalar runs
 * from its indicator to its last character of content.
 */
function toTree(root: unknown, aliases: AliasIndex, text: string): TreeNode | null {
  const converted = new Map<unknown, TreeNode>();
  const convert = (node: unknown): TreeNode | null => {
    if (isAlias(node)) {
      const [start, end] = nodeRange(node);
      const target = aliases.targets.get(node);
      return new TreeAlias(start, end, target === undefined ? undefined : converted.get(target));
    }
    if (isMap(node)) {
      const map = node.flow ? new TreeMap(nodeRange(node)[0], nodeRange(node)[1]) : new TreeMap();
      converted.set(node, map);
      for (const pair of node.items) map.items.push(treePair(pair));
      return map;
    }
    if (isSeq(node)) {
      const seq = node.flow ? new TreeSeq(nodeRange(node)[0], nodeRange(node)[1]) : new TreeSeq();
      converted.set(node, seq);
      for (const item of node.items) seq.items.push(convert(item) ?? new TreeScalar(0, 0));
      return seq;
    }
    if (isScalar(node)) {
      const scalar = new TreeScalar(...scalarRange(node, text));
      converted.set(node, scalar);
      return scalar;
    }
    return null;
  };
  const treePair = (pair: Pair): TreePair => {
    const valueNode = isScalar(pair.value) || !isNode(pair.value) ? null : convert(pair.value);
    const [valueStart, valueEnd] = isScalar(pair.value) ? scalarRange(pair.value, text) : valueNode ? [-1, -1] : nodeRange(pair.key);
    if (isScalar(pair.value)) converted.set(pair.value, new TreeScalar(valueStart, valueEnd));
    const keyRange = (pair.key as YamlNode | null)?.range;
    const [keyStart, keyEnd] = keyRange ? [keyRange[0], keyRange[1]] : [valueStart, valueEnd];
    if (isNode(pair.key) && !isScalar(pair.key)) convert(pair.key);
    return new TreePair(keyString(pair.key), keyStart, keyEnd, valueNode as TreeMap | TreeSeq | TreeAlias | null, valueStart, valueEnd);
  };
  return convert(root);
}

/** A scalar's offsets; a block scalar's end is its last character of content (no trailing line breaks). */
function scalarRange(node: Scalar, text: string): [number, number] {
  const [start, end] = nodeRange(node);
  if (node.type !== 'BLOCK_LITERAL' && node.type !== 'BLOCK_FOLDED') return [start, end];
  let last = end;
  while (last > start && (text.charCodeAt(last - 1) === 10 || text.charCodeAt(last - 1) === 32 || text.charCodeAt(last - 1) === 13)) last--;
  return [start, last];
}
