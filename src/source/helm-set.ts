/**
 * Helm's `--set` family, read as Helm reads it (helm/helm pkg/strvals/parser.go; the order of the
 * flags is pkg/cli/values/options.go MergeValues: the -f files, then every --set-json, every --set,
 * every --set-string, every --set-file):
 *
 *   name=value,name2=value2       several assignments, split on unescaped commas
 *   a.b.c=value                   nested maps, created or joined
 *   a\.b=value                    a backslash escapes the next character (a key with a dot)
 *   list[0]=value, a[1].b=value   list items, the list grown with nulls as needed
 *   name={a,b}                    a list of values
 *   --set typing                  true/false/null (any case) are booleans and null, decimal integers
 *                                 not starting with 0 (and 0 itself) are integers, all else strings
 *   --set-string                  always strings
 *   --set-json name=<json>        JSON values (an empty value is null)
 *   --set-file name=path          the file's text as a string
 *
 * Every assignment is applied to the values given, as Helm's ParseInto does, and remembers where its
 * value was written in the argument, so a finding lands on it. Problems are returned, never thrown:
 * Helm refuses such an argument, so it is a finding of the command line, not an internal error.
 */
import { isPlainMap, type Path, type Plain, type PlainMap } from '../types';

export type SetFlag = '--set' | '--set-string' | '--set-json' | '--set-file';

/** The order Helm applies the flags in, whatever order they were given in. */
export const SET_FLAG_ORDER: readonly SetFlag[] = ['--set-json', '--set', '--set-string', '--set-file'];

/** One value an argument sets: the path it sets and where the value is written in the argument. */
export interface SetAssignment {
  path: Path;
  /** Offsets of the key (name and indexes) in the argument. */
  keyStart: number;
  keyEnd: number;
  /** Offsets of the value's text in the argument (for `{a,b}`, the whole braces). */
  valueStart: number;
  valueEnd: number;
}

export interface SetProblem {
  message: string;
  /** Offset in the argument where reading stopped. */
  offset: number;
}

/** What applying one argument did: the assignments made, in order, and the problem that stopped it, if any. */
export interface SetOutcome {
  assignments: SetAssignment[];
  problem?: SetProblem;
}

/** The deepest nesting of a name Helm accepts (MaxNestedNameLevel), and the largest list index (MaxIndex). */
const MAX_NESTED_NAME_LEVEL = 30;
const MAX_INDEX = 65536;

/**
 * Applies one `--set…` argument to `values` (changed in place, as Helm's ParseInto does). A
 * `--set-file` argument's values are paths, read with `readFile` (text, or a thrown Error).
 */
export function applySetArgument(values: PlainMap, flag: SetFlag, argument: string, readFile?: (path: string) => string): SetOutcome {
  const reader = new ArgumentReader(argument, flag, readFile);
  const outcome: SetOutcome = { assignments: reader.assignments };
  try {
    while (!reader.atEnd()) reader.assignment(values);
  } catch (error) {
    if (!(error instanceof SetError)) throw error;
    outcome.problem = { message: error.message, offset: error.offset };
  }
  return outcome;
}

/** Helm's --set typing of one value (typedVal in parser.go). */
export function typedSetValue(text: string): Plain {
  const lower = text.toLowerCase();
  if (lower === 'true') return true;
  if (lower === 'false') return false;
  if (lower === 'null') return null;
  if (text === '0') return 0;
  // Go's strconv.ParseInt(s, 10, 64): an optional sign and decimal digits, within 64 bits.
  if (text !== '' && text[0] !== '0' && /^[+-]?\d+$/.test(text)) {
    const value = BigInt(text);
    if (value >= -(2n ** 63n) && value < 2n ** 63n) return Number(value);
  }
  return text;
}

class SetError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/** A name read up to one of the stop characters, with backslash escapes resolved. */
interface Token {
  text: string;
  /** The stop character, or undefined at the end of the argument. */
  stop: string | undefined;
  start: number;
}

class ArgumentReader {
  readonly assignments: SetAssignment[] = [];
  private pos = 0;
  private keyStart = 0;

  constructor(
    private readonly text: string,
    private readonly flag: SetFlag,
    private readonly readFile?: (path: string) => string,
  ) {}

  atEnd(): boolean {
    return this.pos >= this.text.length;
  }

  /** One `key=value` into `data`. */
  assignment(data: PlainMap): void {
    this.keyStart = this.pos;
    this.key(data, [], 0);
  }

  private key(data: PlainMap, path: Path, nesting: number): void {
    const name = this.until('=[,.');
    const at = [...path, name.text];
    switch (name.stop) {
      case undefined:
        throw new SetError(`key "${name.text}" has no value`, this.pos);
      case ',':
        setKey(data, name.text, '');
        throw new SetError(`key "${name.text}" has no value (cannot end with ,)`, this.pos);
      case '=':
        setKey(data, name.text, this.value(at));
        return;
      case '.': {
        if (nesting + 1 > MAX_NESTED_NAME_LEVEL) throw new SetError(`a name nested more than ${MAX_NESTED_NAME_LEVEL} levels deep`, this.pos);
        const existing = data[name.text];
        if (existing !== undefined && !isPlainMap(existing)) throw new SetError(`"${name.text}" is not a map, so "${name.text}.…" cannot be set`, name.start);
        const inner = isPlainMap(existing) ? existing : {};
        this.key(inner, at, nesting + 1);
        if (Object.keys(inner).length === 0) throw new SetError(`key map "${name.text}" has no value`, name.start);
        setKey(data, name.text, inner);
        return;
      }
      case '[': {
        const existing = data[name.text];
        if (existing !== undefined && !Array.isArray(existing)) throw new SetError(`"${name.text}" is not a list, so "${name.text}[…]" cannot be set`, name.start);
        setKey(data, name.text, this.listItem(Array.isArray(existing) ? existing : [], at, nesting));
        return;
      }
    }
  }

  /** After `name[`: the index, then what follows it (`=`, `.`, another `[`). */
  private listItem(list: Plain[], path: Path, nesting: number): Plain[] {
    const index = this.index();
    const at = [...path, index];
    const next = this.until('[.=');
    if (next.text !== '') throw new SetError(`unexpected "${next.text}" after the index`, next.start);
    switch (next.stop) {
      case '=':
        return withItem(list, index, this.value(at));
      case '[': {
        const existing = list[index];
        if (existing !== undefined && existing !== null && !Array.isArray(existing)) throw new SetError(`item ${index} is not a list`, this.pos);
        return withItem(list, index, this.listItem(Array.isArray(existing) ? existing : [], at, nesting));
      }
      case '.': {
        const existing = list[index];
        const inner = isPlainMap(existing) ? existing : {};
        this.key(inner, at, nesting);
        return withItem(list, index, inner);
      }
      default:
        throw new SetError('the index is not followed by "=", "." or "["', this.pos);
    }
  }

  private index(): number {
    const digits = this.until(']');
    if (digits.stop === undefined) throw new SetError('"[" without "]"', digits.start);
    if (!/^[+-]?\d+$/.test(digits.text)) throw new SetError(`"${digits.text}" is not a list index`, digits.start);
    const index = Number(digits.text);
    if (index < 0) throw new SetError(`negative ${index} index not allowed`, digits.start);
    if (index > MAX_INDEX) throw new SetError(`index ${index} is over ${MAX_INDEX}`, digits.start);
    return index;
  }

  /** After `=`: the value, typed as the flag says, recorded as an assignment of `path`. */
  private value(path: Path): Plain {
    const start = this.pos;
    let value: Plain;
    if (this.flag === '--set-json') {
      value = this.jsonValue();
    } else if (this.text[this.pos] === '{') {
      value = this.list();
    } else if (this.atEnd()) {
      // `name=` at the very end: an empty string, whatever the flag (no file is read).
      value = '';
    } else {
      const text = this.until(',').text;
      value = this.flag === '--set-file' ? this.fileText(text, start) : this.flag === '--set-string' ? text : typedSetValue(text);
    }
    const end = this.text[this.pos - 1] === ',' ? this.pos - 1 : this.pos;
    this.assignments.push({ path, keyStart: this.keyStart, keyEnd: start - 1, valueStart: start, valueEnd: Math.max(start, end) });
    return value;
  }

  /** `{a,b,c}`: a list of values (each typed, or read from its file), then an optional comma. */
  private list(): Plain[] {
    const open = this.pos;
    this.pos++;
    const items: Plain[] = [];
    for (;;) {
      const item = this.until(',}');
      if (item.stop === undefined) throw new SetError("list must terminate with '}'", open);
      items.push(this.flag === '--set-file' ? this.fileText(item.text, item.start) : this.flag === '--set-string' ? item.text : typedSetValue(item.text));
      if (item.stop === '}') break;
    }
    if (this.text[this.pos] === ',') this.pos++;
    return items;
  }

  /** A JSON value at the cursor (empty: null), then optional blanks and a comma. */
  private jsonValue(): Plain {
    if (this.blankToComma()) return null;
    const start = this.pos;
    const end = jsonEnd(this.text, start);
    let value: unknown;
    try {
      value = JSON.parse(this.text.slice(start, end));
    } catch {
      throw new SetError('not a JSON value', start);
    }
    this.pos = end;
    this.blankToComma();
    return value as Plain;
  }

  /** Skips blanks up to a comma (consumed) or the end: whether the value there is empty. */
  private blankToComma(): boolean {
    while (this.pos < this.text.length && /\s/.test(this.text[this.pos])) this.pos++;
    if (this.pos >= this.text.length) return true;
    if (this.text[this.pos] === ',') {
      this.pos++;
      return true;
    }
    return false;
  }

  private fileText(path: string, offset: number): string {
    if (!this.readFile) throw new SetError('--set-file values are files to read', offset);
    try {
      return this.readFile(path);
    } catch (error) {
      throw new SetError(`cannot read ${path}: ${(error as Error).message}`, offset);
    }
  }

  /** Text up to the first unescaped stop character (consumed), escapes resolved. */
  private until(stops: string): Token {
    const start = this.pos;
    let text = '';
    while (this.pos < this.text.length) {
      const char = this.text[this.pos++];
      if (stops.includes(char)) return { text, stop: char, start };
      if (char === '\\' && this.pos < this.text.length) text += this.text[this.pos++];
      else text += char;
    }
    return { text, stop: undefined, start };
  }
}

/** Helm's set(): an empty key sets nothing. `__proto__` stays an ordinary key. */
function setKey(data: PlainMap, key: string, value: Plain): void {
  if (key === '') return;
  Object.defineProperty(data, key, { value, enumerable: true, writable: true, configurable: true });
}

/** The list with `value` at `index`, grown with nulls as needed (setIndex). */
function withItem(list: Plain[], index: number, value: Plain): Plain[] {
  const grown = list.length > index ? list : [...list, ...new Array<Plain>(index + 1 - list.length).fill(null)];
  grown[index] = value;
  return grown;
}

/**
 * Where the JSON value starting at `start` ends: Go's json.Decoder reads one value and stops, so
 * `a={"x":1},b=2` is two assignments. A string, a number or literal, or balanced brackets.
 */
function jsonEnd(text: string, start: number): number {
  let depth = 0;
  let inString = false;
  for (let i = start; i < text.length; i++) {
    const char = text[i];
    if (inString) {
      if (char === '\\') i++;
      else if (char === '"') {
        inString = false;
        if (depth === 0) return i + 1;
      }
    } else if (char === '"') {
      inString = true;
    } else if (char === '{' || char === '[') {
      depth++;
    } else if (char === '}' || char === ']') {
      depth--;
      if (depth === 0) return i + 1;
    } else if (depth === 0 && (char === ',' || /\s/.test(char))) {
      return i;
    }
  }
  return text.length;
}
