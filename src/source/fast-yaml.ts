/**
 * A fast reader for the plain block YAML that values files are written in: block maps and sequences,
 * one-line plain and quoted scalars, `|` literal blocks, one-line flow sequences of scalars, `[]`, `{}`,
 * comments. It builds the plain value (Helm semantics) and a small tree of key and scalar offsets in
 * one pass over the lines, about ten times faster than composing a `yaml` Document. The tree is the
 * same located tree the `yaml` path builds (src/source/tree.ts).
 *
 * It never guesses: on anything outside that subset (anchors, aliases, tags, multi-line scalars,
 * folded blocks, several documents, tabs, CR, odd indentation, anything that might be a syntax error)
 * it gives up and returns undefined, and the caller parses the text with the `yaml` package, which
 * also reports the syntax errors. It reads two common syntax errors itself, each only in the shape
 * where `yaml`'s reading of it is certain: a value's quote left open (unclosedQuote), and a line
 * with no space after its colon (twoLineKey). For the texts it accepts, the plain value, the duplicate keys and
 * every location equal what src/source/yaml.ts computes (test/fast-path.test.ts checks every path of
 * the fixtures, the docs corpus, generated values and mutations of them).
 */
import type { Plain, PlainMap } from '../types';
import type { ParseLimits } from './yaml';
import { TreeMap, TreeNode, TreePair, TreeScalar, TreeSeq } from './tree';

/** Thrown inside the reader when the text leaves the subset; never escapes this module. */
class Unsupported extends Error {}
const UNSUPPORTED = new Unsupported('outside the fast YAML subset');

/** Characters the reader leaves to `yaml`: tabs, CR, other C0/C1 controls, BOM, Unicode line breaks. */
// eslint-disable-next-line no-control-regex -- control characters are what it looks for
const AWKWARD_CHARACTERS = /[\x00-\x09\x0b-\x1f\x7f\x85\u2028\u2029\ufeff]/;

/** Longest implicit key YAML allows. */
const MAX_KEY_LENGTH = 1024;

export interface FastTree {
  root: TreeNode;
  plain: Plain;
  /** Whether some mapping holds a key twice (the details are computed on demand). */
  hasDuplicates: boolean;
  /** The syntax errors read (unclosedQuote, twoLineKey), in text order, as `yaml` reports them. */
  syntaxErrors: FastSyntaxError[];
}

/** A syntax error the reader reads itself; src/source/parse.ts gives it yaml.ts's message. */
export interface FastSyntaxError {
  kind: 'unclosed-quote' | 'two-line-key';
  /** Offsets of what yaml.ts points at: the quote, or the whole two-line key. */
  start: number;
  end: number;
}

/** An open block collection. */
interface Frame {
  indent: number;
  node: TreeMap | TreeSeq;
  value: PlainMap | Plain[];
  /** A sequence written at its parent key's own indentation (`key:\n- a`). */
  compact: boolean;
  isMap: boolean;
  depth: number;
}

/**
 * Reads one YAML document of the subset; undefined when the text is outside it or would reach
 * the parse limits (the `yaml` path then reports exactly what the limit says).
 */
export function readFastYaml(text: string, limits: ParseLimits): FastTree | undefined {
  if (AWKWARD_CHARACTERS.test(text)) return undefined;
  // A token is at most two per character (a plain scalar is a marker and its text), so a text this
  // short cannot reach --max-tokens; a longer one is counted (a 5 MB values file, bench/).
  if (text.length * 2 >= limits.maxTokens && tokenUpperBound(text) >= limits.maxTokens) return undefined;
  try {
    return new Reader(text, limits).read();
  } catch (error) {
    if (error === UNSUPPORTED) return undefined;
    throw error;
  }
}

/** Characters `yaml`'s lexer may turn into a token of their own. */
const INDICATORS = new Uint8Array(128);
for (const indicator of ':,-[]{}#&*!|>\'"%@?`') INDICATORS[indicator.charCodeAt(0)] = 1;

const isIndicator = (code: number): boolean => code < 128 && INDICATORS[code] === 1;

/**
 * At least as many tokens as `yaml`'s lexer gives for a text the reader accepts (single document,
 * no tabs or other control characters), in one pass: a token is a run of spaces, a line break, an
 * indicator, or a scalar or comment; a plain scalar adds a zero-width marker before it, and any
 * of them can only start a run of other characters after a space, a line break or an indicator.
 * So tokens ≤ space runs + line breaks + indicators + 2 × such starts + 1 (the document). The
 * fast reader only accepts a text under --max-tokens by this count, so it never reads a text the
 * `yaml` path would refuse; test/fast-path.test.ts checks the bound against the lexer.
 */
export function tokenUpperBound(text: string): number {
  let count = 2;
  let previous = 10;
  for (let i = 0; i < text.length; i++) {
    const code = text.charCodeAt(i);
    if (code === 10) count++;
    else if (code === 32) {
      if (previous !== 32) count++;
    } else if (isIndicator(code)) count++;
    else if (previous === 10 || previous === 32 || isIndicator(previous)) count += 2;
    previous = code;
  }
  return count;
}

class Reader {
  private readonly stack: Frame[] = [];
  private root: TreeNode | undefined;
  private rootPlain: Plain = null;
  private hasDuplicates = false;
  private readonly syntaxErrors: FastSyntaxError[] = [];
  private nodes = 0;
  // The key or dash whose value is still to come (the next lines decide: a nested block, or null).
  private pendingFrame: Frame | undefined;
  private pendingKey = '';
  private pendingKeyStart = 0;
  private pendingKeyEnd = 0;
  private pendingIndent = 0;
  private pendingNullAt = 0;
  /** Where reading continues after a line; a block scalar moves it past its content. */
  private next = 0;
  private lineStart = 0;

  constructor(
    private readonly text: string,
    private readonly limits: ParseLimits,
  ) {}

  read(): FastTree | undefined {
    const text = this.text;
    const length = text.length;
    let sawDocumentStart = false;
    let pos = 0;
    while (pos < length) {
      let eol = text.indexOf('\n', pos);
      if (eol < 0) eol = length;
      this.next = eol + 1;
      let i = pos;
      while (i < eol && text.charCodeAt(i) === 32) i++;
      if (i === eol || text.charCodeAt(i) === 35 /* # */) {
        pos = this.next;
        continue;
      }
      const indent = i - pos;
      if (indent === 0 && isDocumentMarkerOrDirective(text, i, eol)) {
        // One leading `---` is fine; further documents, `...` and directives are left to `yaml`.
        if (sawDocumentStart || this.root !== undefined || !text.startsWith('---', i)) throw UNSUPPORTED;
        if (!isEndOfContent(text, skipSpaces(text, i + 3, eol), eol)) throw UNSUPPORTED;
        sawDocumentStart = true;
        pos = this.next;
        continue;
      }
      this.lineStart = pos;
      this.line(i, eol, indent);
      pos = this.next;
    }
    if (this.root === undefined) throw UNSUPPORTED;
    if (this.pendingFrame) this.resolvePendingAsNull();
    return { root: this.root, plain: this.rootPlain, hasDuplicates: this.hasDuplicates, syntaxErrors: this.syntaxErrors };
  }

  /** One content line starting at `i` (its first non-space character). */
  private line(i: number, eol: number, indent: number): void {
    const text = this.text;
    const dash = isDash(text, i, eol);
    if (this.root === undefined) {
      this.openRoot(dash, indent);
    } else if (this.pendingFrame) {
      const owner = this.pendingFrame;
      const ownerIsMap = owner.node instanceof TreeMap;
      if (indent > this.pendingIndent || (ownerIsMap && dash && indent === this.pendingIndent)) {
        this.openNested(dash, indent, indent === this.pendingIndent);
      } else {
        this.resolvePendingAsNull();
      }
    }
    const stack = this.stack;
    while (stack.length > 0 && stack[stack.length - 1].indent > indent) stack.pop();
    let top = stack[stack.length - 1];
    if (top && !dash && top.compact && top.indent === indent) {
      stack.pop();
      top = stack[stack.length - 1];
    }
    if (!top || top.indent !== indent) throw UNSUPPORTED;
    if (top.node instanceof TreeSeq) {
      if (!dash) throw UNSUPPORTED;
      this.item(top, i, eol);
    } else {
      if (dash) throw UNSUPPORTED;
      this.entry(top, i, eol);
    }
  }

  private openRoot(dash: boolean, indent: number): void {
    const frame = this.frame(dash, indent, false, 0);
    this.root = frame.node;
    this.rootPlain = frame.value;
    this.count(0);
  }

  /** The pending key's value is a block collection starting on this line. */
  private openNested(dash: boolean, indent: number, compact: boolean): void {
    const owner = this.pendingFrame as Frame;
    this.pendingFrame = undefined;
    const frame = this.frame(dash, indent, compact, owner.depth + 1);
    this.attach(owner, frame.node, frame.value);
  }

  private frame(dash: boolean, indent: number, compact: boolean, depth: number): Frame {
    const frame: Frame = dash
      ? { indent, node: new TreeSeq(), value: [], compact, isMap: false, depth }
      : { indent, node: new TreeMap(), value: {}, compact: false, isMap: true, depth };
    this.stack.push(frame);
    return frame;
  }

  private resolvePendingAsNull(): void {
    const owner = this.pendingFrame as Frame;
    this.pendingFrame = undefined;
    this.attachScalar(owner, this.pendingNullAt, this.pendingNullAt, null);
  }

  /** Adds a collection: as the pending key's value in a map, as the next item in a sequence. */
  private attach(owner: Frame, node: TreeMap | TreeSeq, value: Plain): void {
    this.count(owner.depth + 1);
    if (owner.isMap) {
      this.setPlain(owner.value as PlainMap, value);
      (owner.node as TreeMap).items.push(new TreePair(this.pendingKey, this.pendingKeyStart, this.pendingKeyEnd, node, -1, -1));
    } else {
      (owner.value as Plain[]).push(value);
      (owner.node as TreeSeq).items.push(node);
    }
  }

  /** Adds a scalar at `start`..`end`. */
  private attachScalar(owner: Frame, start: number, end: number, value: Plain): void {
    this.count(owner.depth + 1);
    if (owner.isMap) {
      this.setPlain(owner.value as PlainMap, value);
      (owner.node as TreeMap).items.push(new TreePair(this.pendingKey, this.pendingKeyStart, this.pendingKeyEnd, null, start, end));
    } else {
      (owner.value as Plain[]).push(value);
      (owner.node as TreeSeq).items.push(new TreeScalar(start, end));
    }
  }

  /** As yaml.ts's toPlain: the last of duplicate keys wins (at the first one's place in key order). */
  private setPlain(map: PlainMap, value: Plain): void {
    const key = this.pendingKey;
    if (Object.prototype.hasOwnProperty.call(map, key)) this.hasDuplicates = true;
    // A `__proto__` key must stay an ordinary key; yaml.ts handles that, so leave such files to it.
    if (key === '__proto__') throw UNSUPPORTED;
    map[key] = value;
  }

  /** Stays under the limits with room to spare; at them, `yaml` decides what to report. */
  private count(depth: number): void {
    if (++this.nodes >= this.limits.maxTokens || depth >= this.limits.maxDepth) throw UNSUPPORTED;
  }

  /** `key: value` or `key:` at `i` in the map of `frame`. */
  private entry(frame: Frame, i: number, eol: number): void {
    const text = this.text;
    let keyEnd: number;
    let colon: number;
    let key: string;
    const first = text.charCodeAt(i);
    if (first === 34 /* " */ || first === 39 /* ' */) {
      const quoted = this.quoted(i, eol) ?? unsupported();
      keyEnd = quoted.end;
      colon = skipSpaces(text, keyEnd, eol);
      if (text.charCodeAt(colon) !== 58 /* : */ || !isSpaceOrEnd(text, colon + 1, eol)) throw UNSUPPORTED;
      key = quoted.value;
    } else {
      // A key with a quote or flow character is still left to `yaml`; a line without a key may be twoLineKey's.
      colon = findMappingColon(text, i, eol, false);
      if (!isPlainStart(text, i, eol)) throw UNSUPPORTED;
      if (colon < 0) {
        this.twoLineKey(frame, i, eol);
        return;
      }
      keyEnd = colon;
      while (text.charCodeAt(keyEnd - 1) === 32) keyEnd--;
      key = keyString(resolvePlain(text.slice(i, keyEnd)));
    }
    if (keyEnd - i > MAX_KEY_LENGTH || key === '<<' || key === '__proto__') throw UNSUPPORTED;
    this.pendingKey = key;
    this.pendingKeyStart = i;
    this.pendingKeyEnd = keyEnd;
    const valueStart = skipSpaces(text, colon + 1, eol);
    if (isEndOfContent(text, valueStart, eol)) {
      this.awaitValue(frame, valueStart);
      return;
    }
    this.inlineValue(frame, valueStart, eol);
  }

  /**
   * A map line with no key, such as `discoveryUri:"https://…"` with no space after the colon (the
   * Keycloak docs pages): YAML reads the line as a plain scalar, which goes on across the next line
   * when that line is indented at least as deep (plainScalar and continueScalar in yaml 2.9's
   * lexer). When the next line is a `key: …` entry at the same indentation, the two make one key
   * (`<line> <key>`, folded) of that entry's value, which yaml reports once, over the two lines
   * ("Implicit keys need to be on a single line"), and reads on as usual. Only that shape is read
   * here: a comment, a trailing space, a space as second character or a quoted key on these lines,
   * a blank, comment, deeper, shallower or dash next line, or a key over 1 000 characters is left
   * to `yaml`. test/fast-path.test.ts compares this with `yaml` with the space after every plain
   * key of the fixtures, the docs corpus and generated files removed.
   */
  private twoLineKey(frame: Frame, i: number, eol: number): void {
    const text = this.text;
    if (text.charCodeAt(eol - 1) === 32 || hasComment(text, i, eol)) throw UNSUPPORTED;
    // The lexer lets the scalar go on at this line's indentation only if the line's second
    // character is not a space (parseLineStart lowers indentNext then); else it depends on the
    // lines before.
    if (eol - i < 2 || text.charCodeAt(i + 1) === 32) throw UNSUPPORTED;
    const next = eol + 1;
    const keyStart = skipSpaces(text, next, text.length);
    if (keyStart - next !== frame.indent || keyStart >= text.length) throw UNSUPPORTED;
    let nextEol = text.indexOf('\n', keyStart);
    if (nextEol < 0) nextEol = text.length;
    const colon = findMappingColon(text, keyStart, nextEol, true);
    if (colon < 0 || !isPlainStart(text, keyStart, nextEol)) throw UNSUPPORTED;
    let keyEnd = colon;
    while (text.charCodeAt(keyEnd - 1) === 32) keyEnd--;
    const key = keyString(resolvePlain(`${text.slice(i, eol)} ${text.slice(keyStart, keyEnd)}`));
    if (colon - i > MAX_KEY_LENGTH - 24 || key === '<<' || key === '__proto__') throw UNSUPPORTED;
    this.syntaxErrors.push({ kind: 'two-line-key', start: i, end: keyEnd });
    this.pendingKey = key;
    this.pendingKeyStart = i;
    this.pendingKeyEnd = keyEnd;
    // Reading goes on after the second line.
    this.next = nextEol + 1;
    const valueStart = skipSpaces(text, colon + 1, nextEol);
    if (isEndOfContent(text, valueStart, nextEol)) {
      this.awaitValue(frame, valueStart);
      return;
    }
    this.inlineValue(frame, valueStart, nextEol);
  }

  /** Nothing after the key or dash on its line: the next lines decide (a nested block, or null at `nullAt`). */
  private awaitValue(frame: Frame, nullAt: number): void {
    this.pendingFrame = frame;
    this.pendingIndent = frame.indent;
    this.pendingNullAt = nullAt;
  }

  /** `- value`, `- key: value` or `-` at `i` in the sequence of `frame`. */
  private item(frame: Frame, i: number, eol: number): void {
    const text = this.text;
    const valueStart = skipSpaces(text, i + 1, eol);
    if (isEndOfContent(text, valueStart, eol)) {
      this.awaitValue(frame, valueStart);
      return;
    }
    if (isDash(text, valueStart, eol)) throw UNSUPPORTED;
    if (this.startsMapping(valueStart, eol)) {
      // A compact mapping: its keys line up with the first one, after the dash.
      const map: Frame = { indent: valueStart - this.lineStart, node: new TreeMap(), value: {}, compact: false, isMap: true, depth: frame.depth + 1 };
      this.pendingFrame = undefined;
      this.attach(frame, map.node, map.value);
      this.stack.push(map);
      this.entry(map, valueStart, eol);
      return;
    }
    this.inlineValue(frame, valueStart, eol);
  }

  /** Whether the item content at `i` is `key: …` rather than a scalar. */
  private startsMapping(i: number, eol: number): boolean {
    const text = this.text;
    const first = text.charCodeAt(i);
    if (first === 34 || first === 39) {
      // A quote left open on this line is a value (inlineValue decides whether it is read here).
      const quoted = this.quoted(i, eol);
      if (!quoted) return false;
      const after = skipSpaces(text, quoted.end, eol);
      return text.charCodeAt(after) === 58 && isSpaceOrEnd(text, after + 1, eol);
    }
    return findMappingColon(text, i, eol, false) >= 0;
  }

  /** A value on the key's or dash's own line, for the collection of `frame`. */
  private inlineValue(frame: Frame, i: number, eol: number): void {
    const text = this.text;
    const first = text.charCodeAt(i);
    // The pending key (for maps) is consumed by attach; mark nothing pending.
    this.pendingFrame = undefined;
    switch (first) {
      case 34: // "
      case 39: {
        // '
        const quoted = this.quoted(i, eol);
        if (!quoted) {
          this.unclosedQuote(frame, i, eol);
          return;
        }
        this.expectLineEnd(quoted.end, eol);
        this.attachScalar(frame, i, quoted.end, quoted.value);
        return;
      }
      case 91: // [
        this.flowSequence(frame, i, eol);
        return;
      case 123: {
        // {
        const close = skipSpaces(text, i + 1, eol);
        if (text.charCodeAt(close) !== 125 /* } */) throw UNSUPPORTED;
        this.expectLineEnd(close + 1, eol);
        this.attach(frame, new TreeMap(i, close + 1), {});
        return;
      }
      case 124: // |
        this.literalBlock(frame, i, eol);
        return;
    }
    if (!isPlainStart(text, i, eol)) throw UNSUPPORTED;
    let end = i;
    for (let j = i; j < eol; j++) {
      const c = text.charCodeAt(j);
      if (c === 32) {
        if (text.charCodeAt(j + 1) === 35) break;
      } else {
        if (c === 58 /* : */ && isSpaceOrEnd(text, j + 1, eol)) throw UNSUPPORTED;
        end = j + 1;
      }
    }
    this.attachScalar(frame, i, end, resolvePlain(text.slice(i, end)));
  }

  /** `[a, "b"]` on one line. */
  private flowSequence(frame: Frame, open: number, eol: number): void {
    const text = this.text;
    const seq = new TreeSeq(open, 0);
    const values: Plain[] = [];
    let i = skipSpaces(text, open + 1, eol);
    if (text.charCodeAt(i) !== 93 /* ] */) {
      for (;;) {
        const first = text.charCodeAt(i);
        let end: number;
        if (first === 34 || first === 39) {
          const quoted = this.quoted(i, eol) ?? unsupported();
          end = quoted.end;
          values.push(quoted.value);
        } else {
          // In a flow, `-` before `,` or `]` is an indicator too.
          if (!isPlainStart(text, i, eol) || (first === 45 && !/[\w.]/.test(text[i + 1]))) throw UNSUPPORTED;
          end = i;
          let j = i;
          for (; j < eol; j++) {
            const c = text.charCodeAt(j);
            if (c === 44 /* , */ || c === 93 /* ] */) break;
            if (c === 58 || c === 35 || c === 91 || c === 123 || c === 125) throw UNSUPPORTED;
            if (c !== 32) end = j + 1;
          }
          if (j === eol) throw UNSUPPORTED;
          values.push(resolvePlain(text.slice(i, end)));
        }
        seq.items.push(new TreeScalar(i, end));
        i = skipSpaces(text, end, eol);
        const c = text.charCodeAt(i);
        if (c === 93) break;
        if (c !== 44) throw UNSUPPORTED;
        i = skipSpaces(text, i + 1, eol);
        if (i >= eol || text.charCodeAt(i) === 93) throw UNSUPPORTED;
      }
    }
    this.expectLineEnd(i + 1, eol);
    (seq as { end: number }).end = i + 1;
    this.count(frame.depth + 1 + (values.length > 0 ? 1 : 0));
    this.nodes += values.length;
    this.attach(frame, seq, values);
  }

  /** A `|` or `|-` literal block: its lines, less the indentation of the first. */
  private literalBlock(frame: Frame, header: number, eol: number): void {
    const text = this.text;
    let i = header + 1;
    const chomp = text.charCodeAt(i);
    if (chomp === 45 /* - */) i++;
    else if (chomp !== 32 && i < eol && chomp !== 35) throw UNSUPPORTED; // `|+`, `|2`, `|x`
    if (!isEndOfContent(text, skipSpaces(text, i, eol), eol) || (text.charCodeAt(i) === 35)) throw UNSUPPORTED;
    const strip = chomp === 45;
    const length = text.length;
    let contentIndent = -1;
    let longestLeadingBlank = 0;
    const lines: string[] = [];
    let trailingBlanks = 0;
    let contentEnd = eol;
    let pos = eol + 1;
    while (pos < length) {
      const end = text.indexOf('\n', pos);
      if (end < 0) throw UNSUPPORTED; // a last line without a line break
      let k = pos;
      while (k < end && text.charCodeAt(k) === 32) k++;
      const spaces = k - pos;
      if (k === end) {
        if (contentIndent < 0) longestLeadingBlank = Math.max(longestLeadingBlank, spaces);
        else if (spaces > contentIndent) throw UNSUPPORTED;
        lines.push('');
        trailingBlanks++;
        pos = end + 1;
        continue;
      }
      if (contentIndent < 0) {
        if (spaces <= frame.indent || longestLeadingBlank > spaces) throw UNSUPPORTED;
        contentIndent = spaces;
      }
      if (spaces < contentIndent) break;
      lines.push(text.slice(pos + contentIndent, end));
      trailingBlanks = 0;
      contentEnd = end;
      pos = end + 1;
    }
    if (contentIndent < 0) throw UNSUPPORTED;
    lines.length -= trailingBlanks;
    const value = lines.join('\n') + (strip ? '' : '\n');
    this.next = pos;
    // The block's range: from its indicator to the end of its last line of content.
    this.attachScalar(frame, header, trimEnd(text, contentEnd), value);
  }

  /** A one-line quoted scalar at `i`: its value and the offset after the closing quote; undefined if not closed on the line. */
  private quoted(i: number, eol: number): { value: string; end: number } | undefined {
    const text = this.text;
    const quote = text.charCodeAt(i);
    let value = '';
    let from = i + 1;
    for (let j = i + 1; j < eol; j++) {
      const c = text.charCodeAt(j);
      if (quote === 39) {
        if (c !== 39) continue;
        if (text.charCodeAt(j + 1) === 39 && j + 1 < eol) {
          value += text.slice(from, j + 1);
          from = j + 2;
          j++;
          continue;
        }
        return { value: value + text.slice(from, j), end: j + 1 };
      }
      if (c === 34) return { value: value + text.slice(from, j), end: j + 1 };
      if (c === 92 /* \ */) {
        const escaped = ESCAPES[text[j + 1]];
        if (escaped !== undefined && j + 1 < eol) {
          value += text.slice(from, j) + escaped;
          from = j + 2;
          j++;
          continue;
        }
        throw UNSUPPORTED; // \x, \u, \U, line continuations, invalid escapes
      }
    }
    return undefined;
  }

  /**
   * A value whose quote is not closed on its line, read as `yaml` 2.9 reads it in one shape: when
   * the next line is not blank and is indented no deeper than this entry's key or dash, the lexer
   * ends the scalar at the line's end and reads the next lines as usual (parseQuotedScalar and
   * continueScalar in yaml/dist/parse/lexer.js), and the composer reports the missing quote and
   * drops the scalar's last character (resolve-flow-scalar.js). Anything else is left to `yaml`: an
   * escape, a quote or a trailing space on the rest of the line, a blank or deeper next line (the
   * scalar goes on there), and no later quote of the same kind (it runs to the end of the file).
   * test/fast-path.test.ts compares this with `yaml` for every quoted value of the fixtures, the
   * docs corpus and generated files, left open.
   */
  private unclosedQuote(frame: Frame, i: number, eol: number): void {
    const text = this.text;
    const quote = text.charCodeAt(i);
    for (let j = i + 1; j < eol; j++) {
      const c = text.charCodeAt(j);
      if (c === quote || c === 92 /* \ */) throw UNSUPPORTED;
    }
    if (eol > i + 1 && text.charCodeAt(eol - 1) === 32) throw UNSUPPORTED;
    const nextLine = eol + 1;
    const nextContent = skipSpaces(text, nextLine, text.length);
    if (nextContent >= text.length || text.charCodeAt(nextContent) === 10 || nextContent - nextLine > frame.indent) throw UNSUPPORTED;
    // The lexer looks for the closing quote anywhere after the opening one, skipping \" and ''.
    const later = text.indexOf(text[i], nextLine);
    if (later < 0 || (quote === 34 ? text.charCodeAt(later - 1) === 92 : text.charCodeAt(later + 1) === 39)) throw UNSUPPORTED;
    this.syntaxErrors.push({ kind: 'unclosed-quote', start: i, end: i + 1 });
    this.attachScalar(frame, i, eol, text.slice(i + 1, eol - 1));
  }

  /** After a value only spaces and a comment may follow. */
  private expectLineEnd(i: number, eol: number): void {
    const after = skipSpaces(this.text, i, eol);
    if (after === eol) return;
    if (after > i && this.text.charCodeAt(after) === 35) return;
    throw UNSUPPORTED;
  }
}

/** Whether ` #` (a comment) is on the line between `i` and `eol`; searched on the line only, so a file of such lines stays linear. */
function hasComment(text: string, i: number, eol: number): boolean {
  for (let j = i + 1; j < eol; j++) if (text.charCodeAt(j) === 35 && text.charCodeAt(j - 1) === 32) return true;
  return false;
}

function unsupported(): never {
  throw UNSUPPORTED;
}

/** Double-quote escapes with a fixed meaning in `yaml` (resolve-flow-scalar.js). */
const ESCAPES: Record<string, string> = {
  '0': '\0', a: '\x07', b: '\b', e: '\x1b', f: '\f', n: '\n', r: '\r', t: '\t', v: '\v',
  N: '\u0085', _: '\u00a0', L: '\u2028', P: '\u2029', ' ': ' ', '"': '"', '/': '/', '\\': '\\',
};

function isDocumentMarkerOrDirective(text: string, i: number, eol: number): boolean {
  const c = text.charCodeAt(i);
  if (c === 37 /* % */) return true;
  if (c !== 45 && c !== 46) return false;
  return (text.startsWith('---', i) || text.startsWith('...', i)) && isSpaceOrEnd(text, i + 3, eol);
}

/** `-` followed by a space or the end of the line: a sequence item. */
function isDash(text: string, i: number, eol: number): boolean {
  return text.charCodeAt(i) === 45 && isSpaceOrEnd(text, i + 1, eol);
}

function isSpaceOrEnd(text: string, i: number, eol: number): boolean {
  return i >= eol || text.charCodeAt(i) === 32;
}

function isEndOfContent(text: string, i: number, eol: number): boolean {
  return i >= eol || text.charCodeAt(i) === 35;
}

function skipSpaces(text: string, i: number, eol: number): number {
  while (i < eol && text.charCodeAt(i) === 32) i++;
  return i;
}

/**
 * Whether a plain scalar may start at `i`: not an indicator (`&*!|>'"%@\`` and flow characters), and
 * not `-`, `?` or `:` followed by a space. `?` and `:` are left to `yaml` altogether.
 */
function isPlainStart(text: string, i: number, eol: number): boolean {
  switch (text.charCodeAt(i)) {
    case 38: case 42: case 33: case 124: case 62: case 39: case 34: case 37: case 64: case 96:
    case 44: case 91: case 93: case 123: case 125: case 35: case 63: case 58:
      return false;
    case 45:
      return !isSpaceOrEnd(text, i + 1, eol);
    default:
      return true;
  }
}

/**
 * The `:` that ends an implicit key on this line (followed by a space or the line's end), or -1
 * (a comment comes first, or there is none). A key with a quote or a flow character (`[]{},`)
 * inside is left to `yaml`; `mustBeKey`: the line is a map entry, so such a line is, too.
 */
function findMappingColon(text: string, i: number, eol: number, mustBeKey: boolean): number {
  let odd = false;
  for (let j = i; j < eol; j++) {
    const c = text.charCodeAt(j);
    if (c === 58) {
      if (isSpaceOrEnd(text, j + 1, eol)) {
        if (odd) throw UNSUPPORTED;
        return j;
      }
    } else if (c === 35) {
      if (text.charCodeAt(j - 1) === 32) break;
    } else if (c === 34 || c === 39 || c === 91 || c === 93 || c === 123 || c === 125 || c === 44) {
      if (mustBeKey) throw UNSUPPORTED;
      odd = true;
    }
  }
  return -1;
}

/** YAML 1.2 core schema resolution of a plain scalar, as `yaml` does it (schema/core/*.js). */
export function resolvePlain(source: string): Plain {
  const c = source.charCodeAt(0);
  switch (c) {
    case 126: case 110: case 78: // ~ n N
      return /^(?:~|[Nn]ull|NULL)$/.test(source) ? null : source;
    case 116: case 84: case 102: case 70: // t T f F
      return /^(?:[Tt]rue|TRUE|[Ff]alse|FALSE)$/.test(source) ? c === 116 || c === 84 : source;
    case 43: case 45: case 46: // + - .
      break;
    default:
      // Anything else but a digit is a string (the null, boolean and number forms all start above).
      if (c < 48 || c > 57) return source;
  }
  if (/^0o[0-7]+$/.test(source)) return parseInt(source.substring(2), 8);
  if (/^[-+]?[0-9]+$/.test(source)) return parseInt(source, 10);
  if (/^0x[0-9a-fA-F]+$/.test(source)) return parseInt(source.substring(2), 16);
  if (/^(?:[-+]?\.(?:inf|Inf|INF)|\.nan|\.NaN|\.NAN)$/.test(source)) {
    return source.slice(-3).toLowerCase() === 'nan' ? NaN : c === 45 ? Number.NEGATIVE_INFINITY : Number.POSITIVE_INFINITY;
  }
  if (/^[-+]?(?:\.[0-9]+|[0-9]+(?:\.[0-9]*)?)[eE][-+]?[0-9]+$/.test(source)) return parseFloat(source);
  if (/^[-+]?(?:\.[0-9]+|[0-9]+\.[0-9]*)$/.test(source)) return parseFloat(source);
  return source;
}

/** A mapping key as text, as src/source/yaml.ts's keyString gives it for scalar keys. */
function keyString(value: Plain): string {
  return value === null ? '' : String(value);
}

/** The offset after the last non-space character before `end`. */
function trimEnd(text: string, end: number): number {
  while (end > 0 && text.charCodeAt(end - 1) === 32) end--;
  return end;
}
