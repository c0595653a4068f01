/**
 * The fast path must change nothing but speed. Every fixture, every file of the docs corpus,
 * generated values files and thousands of random and mutated YAML texts are read through the fast
 * reader (src/source/fast-yaml.ts) and through the `yaml` package: where the fast reader accepts a
 * text, `yaml` must accept it too and give the same plain value (key order included), the same
 * duplicate keys and the same location for every path and target; and lintText must give the same
 * JSON output either way.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import { parseSource, SourceDocument } from '../src/source/parse';
import { parseYaml, DEFAULT_PARSE_LIMITS } from '../src/source/yaml';
import { readFastYaml, tokenUpperBound } from '../src/source/fast-yaml';
import { Lexer } from 'yaml';
import json from '../src/formatters/json';
import type { Path, Plain } from '../src/types';
import { isPlainMap } from '../src/types';
import { CORPUS } from './support/corpus';

const ROOT = path.join(__dirname, '..');

/** OMLINT_FUZZ_SCALE=10 runs ten times as many random and mutated texts (for a change to fast-yaml.ts). */
const FUZZ = Number(process.env.OMLINT_FUZZ_SCALE ?? 1);

const generator = require('../bench/generate') as {
  sampleValuesFiles(count: number, seed: number): string[];
  /** A seeded PRNG (the benchmark's), so a failure names an input that can be reproduced. */
  prng(seed: number): () => number;
};
const { prng } = generator;

function filesUnder(dir: string, pattern: RegExp): string[] {
  const out: string[] = [];
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) out.push(...filesUnder(full, pattern));
    else if (pattern.test(entry.name)) out.push(full);
  }
  return out.sort();
}

const fixtureFiles = filesUnder(path.join(ROOT, 'fixtures'), /\.ya?ml$/);
const corpusFiles = filesUnder(CORPUS, /\.(ya?ml|env)$/);
const realFiles = [...fixtureFiles, ...corpusFiles].map((file) => ({ name: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') }));
const generatedFiles = generator.sampleValuesFiles(150, 42).map((text, i) => ({ name: `generated-${i}.yaml`, text }));

/** The lint result as the json formatter prints it, or the error a file raises. */
function lintOutput(text: string, file: string, parser: 'auto' | 'yaml'): string {
  try {
    const result = lintText(text, file, { parser });
    return result ? json([result], { cwd: ROOT, color: false, rules: [] }) : 'skipped';
  } catch (error) {
    return `throws ${(error as Error).message}`;
  }
}

/** Every path of a plain value, and a missing child of each, for the locator comparison. */
function pathsOf(value: Plain, prefix: Path = [], out: Path[] = []): Path[] {
  out.push(prefix, [...prefix, 'no-such-key'], [...prefix, 7]);
  if (Array.isArray(value)) value.forEach((item, i) => pathsOf(item, [...prefix, i], out));
  else if (isPlainMap(value)) for (const [key, child] of Object.entries(value)) pathsOf(child, [...prefix, key], out);
  return out;
}

/** JSON with key order, NaN and infinities kept apart from null. */
function ordered(value: Plain): string {
  return JSON.stringify(value, (_key, v) => (typeof v === 'number' && !Number.isFinite(v) ? `#${v}` : v));
}

/**
 * Compares the fast reader with `yaml` on one text. Returns whether the fast reader accepted it;
 * throws (a failed expectation) on any difference.
 */
function compareDocuments(text: string, name: string, maxPaths = Infinity): boolean {
  const tree = readFastYaml(text, DEFAULT_PARSE_LIMITS);
  if (!tree) return false;
  // The reader decides by this bound whether a long text stays under --max-tokens.
  const tokens = lexerTokens(text);
  if (tokenUpperBound(text) < tokens) expect({ name, bound: tokenUpperBound(text) }).toEqual({ name, bound: `at least ${tokens}` });
  const full = parseYaml(text, name);
  const fastParsed = parseSource(text, name);
  if (fastParsed.syntaxErrors.length > 0) {
    // A quote left open (the one syntax error the reader reads): the same errors, and the same
    // value recovered around it, whose secrets are redacted from the messages.
    const errorsAndValue = (parsed: { syntaxErrors: unknown[]; documents: SourceDocument[] }) =>
      ({ name, errors: parsed.syntaxErrors, documents: parsed.documents.length, plain: ordered(parsed.documents[0]?.plain() ?? null) });
    expect(errorsAndValue(fastParsed)).toEqual(errorsAndValue(full));
    return true;
  }
  if (full.syntaxErrors.length > 0 || full.documents.length !== 1) {
    expect({ name, errors: full.syntaxErrors.map((e) => e.message), documents: full.documents.length }).toEqual({ name, errors: [], documents: 1 });
  }
  const reference = full.documents[0];
  // readFastYaml accepted the text, so parseSource read it with the fast reader.
  const fast = fastParsed.documents[0];
  const all = pathsOf(reference.plain());
  const step = Math.max(1, Math.ceil(all.length / maxPaths));
  const paths = all.filter((_, i) => i % step === 0);
  // One comparison of two views: thousands of separate expectations would make this test slow.
  const view = (document: SourceDocument) => ({
    name,
    plain: ordered(document.plain()),
    duplicateKeys: document.duplicateKeys(),
    plainScalars: paths.filter((at) => document.isPlainScalar(at)),
    locations: paths.flatMap((at) =>
      (['key', 'value', 'auto'] as const).map((target) => ({ at, target, closest: document.locateClosest(at, target), exact: document.locate(at, target) })),
    ),
  });
  const [mine, theirs] = [view(fast), view(reference)];
  if (JSON.stringify(mine) !== JSON.stringify(theirs)) expect(mine).toEqual(theirs);
  return true;
}

function lexerTokens(text: string): number {
  return Array.from(new Lexer().lex(text)).length;
}

describe('--max-tokens is the same limit on both paths', () => {
  // Texts long enough for the reader to count their tokens (twice their length reaches the limit).
  const text = generatedFiles.find((f) => readFastYaml(f.text, DEFAULT_PARSE_LIMITS) && lintText(f.text, f.name))!.text;
  const tokens = lexerTokens(text);
  const bound = tokenUpperBound(text);
  const lint = (maxTokens: number, parser: 'auto' | 'yaml'): string => {
    const result = lintText(text, 'values.yaml', { parser, limits: { maxTokens } });
    return result ? json([result], { cwd: ROOT, color: false, rules: [] }) : 'skipped';
  };

  it('the count is a close upper bound of what the lexer gives', () => {
    expect(bound).toBeGreaterThanOrEqual(tokens);
    expect(bound).toBeLessThan(tokens * 1.5);
  });

  it.each([
    ['over the bound: read by the fast reader', () => bound + 1, true],
    ['between the tokens and the bound: left to yaml, which reads it all', () => Math.floor((tokens + bound) / 2), false],
    ['under the tokens: left to yaml, which reports the limit', () => tokens - 10, false],
  ] as const)('a limit %s', (_name, limit, fast) => {
    const maxTokens = limit();
    expect(Boolean(readFastYaml(text, { ...DEFAULT_PARSE_LIMITS, maxTokens }))).toBe(fast);
    const output = lint(maxTokens, 'auto');
    expect(output).toBe(lint(maxTokens, 'yaml'));
    expect(output.includes('"input-limit"')).toBe(maxTokens < tokens);
  });
});

describe('lintText gives the same JSON through the fast path and through yaml', () => {
  it.each(realFiles.map((f) => [f.name, f.text]))('%s', (name, text) => {
    expect(lintOutput(text, name, 'auto')).toBe(lintOutput(text, name, 'yaml'));
  });

  it('on generated values files', () => {
    for (const { name, text } of generatedFiles) expect({ name, out: lintOutput(text, name, 'auto') }).toEqual({ name, out: lintOutput(text, name, 'yaml') });
  });

  it('takes the fast path for most values files (else this test proves little)', () => {
    const accepted = [...realFiles, ...generatedFiles].filter((f) => readFastYaml(f.text, DEFAULT_PARSE_LIMITS));
    expect(accepted.length).toBeGreaterThan(0.6 * (realFiles.length + generatedFiles.length));
  });
});

describe('the fast reader gives the same documents as yaml', () => {
  it.each([...realFiles, ...generatedFiles.slice(0, 40)].map((f) => [f.name, f.text]))('%s', (name, text) => {
    compareDocuments(text, name);
  });

  it.each(Object.entries(trickyTexts()))('%s', (name, text) => {
    compareDocuments(text, name);
  });

  it('on random block YAML', () => {
    const random = prng(7);
    let accepted = 0;
    for (let i = 0; i < 3000 * FUZZ; i++) {
      const text = randomYaml(random);
      if (compareDocuments(text, `random #${i}:\n${text}`)) accepted++;
    }
    expect(accepted).toBeGreaterThan(1000);
  });

  it('on mutations of real and generated files', () => {
    const random = prng(11);
    const sources = [...realFiles, ...generatedFiles.slice(0, 10)].map((f) => f.text);
    let accepted = 0;
    for (let i = 0; i < 2000 * FUZZ; i++) {
      const text = mutate(sources[Math.floor(random() * sources.length)], random);
      if (compareDocuments(text, `mutation #${i}:\n${text}`, 150)) accepted++;
    }
    expect(accepted).toBeGreaterThan(300);
  });
});

/**
 * Every text of `sources` with one character removed: for each match of `pattern`, the one at
 * `at(match)`. Each text holds one syntax error of a kind the fast reader may read.
 */
function withOneRemoved(sources: readonly { name: string; text: string }[], pattern: RegExp, at: (match: RegExpMatchArray) => number): { name: string; text: string }[] {
  const out: { name: string; text: string }[] = [];
  for (const { name, text } of sources) {
    for (const match of text.matchAll(pattern)) {
      const removed = at(match);
      out.push({ name: `${name} @${removed}`, text: text.slice(0, removed) + text.slice(removed + 1) });
    }
  }
  return out;
}

/** Each text gives the same JSON, errors and recovered document through both paths; how many the fast reader read. */
function compareEach(cases: readonly { name: string; text: string }[]): number {
  let fast = 0;
  for (const { name, text } of cases) {
    expect({ name, out: lintOutput(text, name, 'auto') }).toEqual({ name, out: lintOutput(text, name, 'yaml') });
    compareDocuments(text, name, 50);
    if (readFastYaml(text, DEFAULT_PARSE_LIMITS)?.syntaxErrors.length) fast++;
  }
  return fast;
}

describe('a quote left open is read as yaml reads it', () => {
  it('the same JSON, errors and recovered value through both paths, and the fast path takes most of them', () => {
    // The closing quote of a quoted value at the end of its line, after `key: ` or `- `, with or without a comment.
    const cases = withOneRemoved([...realFiles, ...generatedFiles.slice(0, 20 * FUZZ)], /(?:: |- )(["'])[^"'\n]*(\1)( *#[^\n]*)?$/gm,
      (match) => (match.index ?? 0) + match[0].length - (match[3]?.length ?? 0) - 1);
    expect(cases.length).toBeGreaterThan(1500);
    expect(compareEach(cases)).toBeGreaterThan(cases.length / 3);
  });

  it('the same documents and errors as yaml, with the rest of the line, a comment, a single quote, a sequence item', () => {
    const texts = {
      'value': 'a:\n  b: "open\n  c: "x"\n',
      'comment inside': 'a:\n  b: "open # not a comment\nc: "x"\n',
      'single quote': "a:\n  b: 'open\n  c: 'x'\n",
      'sequence item': 'a:\n  - "open\n  - "x"\n',
      'compact map in a sequence': 'a:\n  - k: "open\n    j: "x"\n',
      'only the quote': 'a:\n  b: "\n  c: "x"\n',
      'two left open': 'a: "one\nb: "two\nc: "x"\n',
      'deeper next line (yaml)': 'a:\n  b: "open\n    c: "x"\n',
      'blank next line (yaml)': 'a:\n  b: "open\n\n  c: "x"\n',
      'no later quote (yaml)': 'a:\n  b: "open\n  c: x\n',
      'trailing space (yaml)': 'a:\n  b: "open \n  c: "x"\n',
      'escape (yaml)': 'a:\n  b: "op\\ten\n  c: "x"\n',
      'open key (yaml)': 'a:\n  "b: 1\n  c: "x"\n',
    };
    for (const [name, text] of Object.entries(texts)) compareDocuments(text, name);
    expect(readFastYaml(texts['two left open'], DEFAULT_PARSE_LIMITS)?.syntaxErrors.map((e) => e.start)).toEqual([3, 11]);
    expect(readFastYaml(texts['deeper next line (yaml)'], DEFAULT_PARSE_LIMITS)).toBeUndefined();
    expect(readFastYaml(texts['no later quote (yaml)'], DEFAULT_PARSE_LIMITS)).toBeUndefined();
  });
});

describe('a line with no space after its colon is read as yaml reads it', () => {
  it('the same JSON, errors and recovered value through both paths, and the fast path takes many of them', () => {
    // The space after a plain key's colon.
    const cases = withOneRemoved([...realFiles, ...generatedFiles.slice(0, 10 * FUZZ)], /^ *[A-Za-z][\w.-]*:( )\S/gm,
      (match) => (match.index ?? 0) + match[0].length - 2);
    expect(cases.length).toBeGreaterThan(1500);
    expect(compareEach(cases)).toBeGreaterThan(cases.length / 4);
  });

  it('reads a file of 32 000 such lines in one pass (a search for a comment beyond each line made it quadratic: 14 s)', () => {
    const text = `m:\n${Array.from({ length: 32_000 }, (_, i) => `  a${i}:x\n  b${i}: 1\n`).join('')}`;
    expect(readFastYaml(text, DEFAULT_PARSE_LIMITS)?.syntaxErrors.length).toBe(32_000);
  }, 5_000);

  it('the same documents and errors as yaml, for each shape around the line', () => {
    const texts = {
      'nested': 'm:\n  a:"x"\n  b: 1\n  c: 2\n',
      'top level': 'a:"x"\nb: 1\n',
      'no colon at all': 'm:\n  just words\n  b: 1\n',
      'next has a comment': 'm:\n  a:"x"\n  b: 1 # c\n',
      'next opens a block': 'm:\n  a:"x"\n  b:\n    d: 1\n',
      'next is a literal block': 'm:\n  a:"x"\n  b: |\n    text\n  c: 2\n',
      'next value is a quote left open': 'm:\n  a:"x"\n  b: "open\n  c: "y"\n',
      'a secret key glued': 'm:\n  clientSecret:"abc"\n  b: sekret-value\n',
      'in a compact map': 'l:\n  - k: 1\n    a:"x"\n    b: 2\n',
      'deeper next line (yaml)': 'm:\n  a:"x"\n    b: 1\n',
      'last of its map (yaml)': 'm:\n  a:"x"\nn: 1\n',
      'comment on the line (yaml)': 'm:\n  a:"x" # c\n  b: 1\n',
      'dash next line (yaml)': 'm:\n  a:"x"\n  - b\n',
      'blank line between (yaml)': 'm:\n  a:"x"\n\n  b: 1\n',
      'comment line between (yaml)': 'm:\n  a:"x"\n  # c\n  b: 1\n',
      'quoted next key (yaml)': 'm:\n  a:"x"\n  "b": 1\n',
      'first of a compact map (yaml)': '- a:"x"\n  b: 1\n',
    };
    for (const [name, text] of Object.entries(texts)) compareDocuments(text, name);
    const read = (name: keyof typeof texts) => readFastYaml(texts[name], DEFAULT_PARSE_LIMITS)?.syntaxErrors.map((e) => [e.kind, e.start, e.end]);
    expect(read('nested')).toEqual([['two-line-key', 5, 14]]);
    expect(read('next value is a quote left open')).toEqual([['two-line-key', 5, 14], ['unclosed-quote', 16, 17]]);
    expect(read('deeper next line (yaml)')).toBeUndefined();
    expect(read('last of its map (yaml)')).toBeUndefined();
  });
});

/** Texts at the edges of the subset: each must be read exactly as `yaml` reads it, or left to it. */
function trickyTexts(): Record<string, string> {
  return {
    'empty values': 'a:\nb:   \nc: # comment\nd:\n  e:\n',
    'compact sequence': 'a:\n- 1\n- b: 2\n  c:\n- - x\nd: 3\n',
    'nested compact': '- a:\n  - x\n  - y\n  b: 1\n- c: 2\n',
    'empty items': '-\n- \n-   # c\n- a\n',
    'scalars': 'a: true\nb: False\nc: ~\nd: null\ne: 0x1F\nf: 0o17\ng: -12\nh: +3\ni: 1.50\nj: 1e3\nk: .inf\nl: -.Inf\nm: .NaN\nn: 007\no: 1_000\np: 12:30\nq: -\nr: a#b\ns: x # y\n',
    'keys resolved': 'true: 1\n1.0: 2\n0x10: 3\n~: 4\nnull: 5\n"a b": 6\n\'c\'\'d\': 7\n',
    'quoted values': 'a: "x\\ty\\"z\\\\"\nb: \'it\'\'s\'\nc: "  spaced  "  # c\nd: ""\ne: \'\'\n',
    'flow': 'a: []\nb: {}\nc: [x, "y", \'z\', 1, true]\nd: [ a b , c ]\ne: { }\n',
    'literal blocks': 'a: |\n  line 1\n\n    indented\n  last\nb: |-\n  stripped\n\n\nc: |\n\n  after blank\nd: x\n',
    'literal in sequence': '- |\n  text\n- k: |\n    more\n  j: 1\n',
    'duplicates': 'a: 1\nb:\n  c: 1\n  c: 2\na: 3\nl:\n  - d: 1\n    d: 2\n',
    'document start': '--- # first\na: 1\n',
    'comments everywhere': '# top\na:   # after key\n  # inside\n    # deeper\n  b: 1 # after value\n# between\nc: 2\n',
    'no final newline': 'a:\n  b: 1',
    'indented root': '  a: 1\n  b:\n    c: 2\n',
    'urls and colons': 'a: http://x:80/y\nb: "c: d"\nurn:x: 1\n',
    'dotted and odd keys': 'a.b: 1\n-x: 2\na b: 3\n$v: 4\n',
    'multiline plain (yaml)': 'a: b\n  c\nd: 1\n',
    'anchors (yaml)': 'a: &x 1\nb: *x\n',
    'merge (yaml)': 'base: &b {x: 1}\nc:\n  <<: *b\n',
    'bad indent (yaml)': 'a:\n  b: 1\n c: 2\n',
    'junk after quote (yaml)': 'a: "x" y\n',
    'unterminated (yaml)': 'a: "x\nb: 1\n',
    'no space after colon (yaml)': 'a:"x"\n',
    'folded (yaml)': 'a: >\n  x\n  y\n',
    'two documents (yaml)': 'a: 1\n---\nb: 2\n',
    'tab (yaml)': 'a:\t1\n',
    'crlf (yaml)': 'a: 1\r\nb: 2\r\n',
    'proto key': '__proto__:\n  polluted: true\n',
  };
}

const PLAIN_SCALARS = ['x', 'plain text', 'okta', 'https://login.example.io/keys', '"quoted"', "'single'", '3600', 'true', '""', 'a-b_c.d'];
const PLAIN_KEYS = ['a', 'b', 'key', 'clientId', 'provider', 'publicKeys', 'x-y'];
const SCALARS = [
  'x', 'plain text', 'true', 'False', '~', 'null', '0', '-1', '+2', '0x1f', '0o7', '1.5', '.5', '1e3', '.inf', '-.inf', '.nan', '007',
  'a#b', 'a #b', 'http://h:8/p', 'a: b', 'a:b', '-x', '- x', '?x', ':x', '"q"', "'s'", '"a\\"b"', "'it''s'", '"\\u0041"', '"bad', "'bad",
  '[a, b]', '[]', '{}', '[a, [b]]', '{a: 1}', '&anchor x', '*alias', '!tag x', '|', '|-', '>', '%x', '@x', '`x', 'x ', '"x" y', '#c',
  '[a, ]', '[ "a" , b ]', '"  padded  "', 'é ü 字', '{Client ID}', '${VAR:-x}', '<your-domain>',
];
const KEYS = ['a', 'b', 'key', 'clientId', 'a.b', 'with space', '"quoted"', "'single'", 'true', '1', '~', 'x-y', 'a:b', '[k]', '<<', 'a #c', '?q', '-d', 'é'];

function pick<T>(random: () => number, list: readonly T[]): T {
  return list[Math.floor(random() * list.length)];
}

/** Random block YAML: mostly well-formed, sometimes with a wrong indentation or odd token. */
function randomYaml(random: () => number): string {
  const lines: string[] = [];
  if (random() < 0.1) lines.push('---');
  const block = (indent: number, depth: number, asSequence: boolean): void => {
    const pad = ' '.repeat(indent);
    const count = 1 + Math.floor(random() * 4);
    for (let i = 0; i < count; i++) {
      const r = random();
      if (r < 0.05) lines.push(`${pad}${random() < 0.5 ? '#' : ''}${pick(random, ['# comment', '', '   '])}`);
      const jitter = random() < 0.04 ? pick(random, [-1, 1, 2]) : 0;
      const head = asSequence ? `${' '.repeat(Math.max(0, indent + jitter))}-` : `${' '.repeat(Math.max(0, indent + jitter))}${pick(random, random() < 0.8 ? PLAIN_KEYS : KEYS)}:`;
      const kind = depth > 3 ? 0 : random();
      if (kind < 0.55) {
        lines.push(`${head} ${pick(random, random() < 0.7 ? PLAIN_SCALARS : SCALARS)}${random() < 0.1 ? ' # note' : ''}`);
      } else if (kind < 0.65) {
        lines.push(`${head}${random() < 0.3 ? '   ' : ''}${random() < 0.2 ? ' # empty' : ''}`);
      } else if (kind < 0.72) {
        lines.push(`${head} ${pick(random, ['|', '|-', '|+', '>'])}`);
        const inner = ' '.repeat(indent + 2 + (random() < 0.2 ? 1 : 0));
        for (let k = 0, n = 1 + Math.floor(random() * 3); k < n; k++) lines.push(random() < 0.2 ? pick(random, ['', inner, `${inner}  `]) : `${inner}${pick(random, ['text', '  more', '# not a comment', 'a: b'])}`);
      } else if (asSequence && kind < 0.8) {
        // A compact mapping inside the item.
        lines.push(`${head} ${pick(random, KEYS)}: ${pick(random, SCALARS)}`);
        if (random() < 0.7) block(indent + 2, depth + 1, false);
      } else {
        lines.push(head);
        const nestedIndent = !asSequence && random() < 0.3 ? indent : indent + pick(random, [2, 2, 4, 1]);
        block(nestedIndent, depth + 1, random() < 0.4);
      }
    }
  };
  block(random() < 0.1 ? 2 : 0, 0, random() < 0.15);
  return lines.join('\n') + (random() < 0.9 ? '\n' : '');
}

/** One small random edit: a character inserted or deleted, a line's indentation changed, a line doubled. */
function mutate(text: string, random: () => number): string {
  const at = Math.floor(random() * text.length);
  const r = random();
  if (r < 0.35) return text.slice(0, at) + pick(random, [' ', ':', '-', '#', '"', "'", '\n', '|', '[', ']', '{', '}', ',', '&', '*', '!', '?', '>', 'a', '0', '\\', '\t']) + text.slice(at);
  if (r < 0.6) return text.slice(0, at) + text.slice(at + 1);
  const lines = text.split('\n');
  const line = Math.floor(random() * lines.length);
  if (r < 0.85) lines[line] = random() < 0.5 ? ` ${lines[line]}` : lines[line].replace(/^ {1,2}/, '');
  else lines.splice(line, 0, lines[line]);
  return lines.join('\n');
}
