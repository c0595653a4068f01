/**
 * Helm reads values files as YAML 1.1 (sigs.k8s.io/yaml → go-yaml v2): the plain scalars
 * y/Y/yes/Yes/YES/on/On/ON are true and n/N/no/No/NO/off/Off/OFF false (go-yaml v2 resolve.go).
 * Both readers (the fast reader and, with `parser: 'yaml'`, the `yaml` package) share the one
 * transform over the located tree; openmetadata.yaml and env files keep the server's reading.
 */
import { lintText } from './support/lint';
import { parseSource } from '../src/source/parse';
import { HELM_BOOLEANS } from '../src/source/tree';
import type { Finding } from '../src/types';

const PARSERS = ['auto', 'yaml'] as const;

const TRUE_WORDS = ['y', 'Y', 'yes', 'Yes', 'YES', 'on', 'On', 'ON', 'true', 'True', 'TRUE'];
const FALSE_WORDS = ['n', 'N', 'no', 'No', 'NO', 'off', 'Off', 'OFF', 'false', 'False', 'FALSE'];
const STRINGS = ['oFF', 'yEs', 'ofF', 'nO', 'Y e s', 'onn', 'yes!', 'no-op'];

const at = (messages: readonly Finding[] | undefined, ruleId: string): string[] =>
  (messages ?? []).filter((m) => m.ruleId === ruleId).map((m) => `${m.line}:${m.column}`);

describe.each(PARSERS)('the scalar table, parser %s', (parser) => {
  const value = (text: string): unknown => {
    const parsed = parseSource(text, 'values.yaml', { parser });
    expect(parsed.syntaxErrors).toEqual([]);
    return parsed.documents[0].helmPlain();
  };

  it.each(TRUE_WORDS)('a plain %s is true', (word) => {
    expect(value(`a:\n  b: ${word}\n`)).toEqual({ a: { b: true } });
    expect(value(`a:\n  - ${word}\n`)).toEqual({ a: [true] });
  });

  it.each(FALSE_WORDS)('a plain %s is false', (word) => {
    expect(value(`a:\n  b: ${word}   # a comment\n`)).toEqual({ a: { b: false } });
  });

  it.each(TRUE_WORDS.filter((word) => !/^true$/i.test(word)))('%s alone as the whole document, at the very start of the text, is true', (word) => {
    expect(value(`${word}\n`)).toBe(true);
    expect(value(word)).toBe(true);
  });

  it.each(STRINGS)('%s stays a string', (word) => {
    expect(value(`a: ${word}\n`)).toEqual({ a: word });
  });

  it('quoted words stay strings', () => {
    expect(value(`a: "off"\nb: 'yes'\nc:\n  - "no"\n  - 'on'\n`)).toEqual({ a: 'off', b: 'yes', c: ['no', 'on'] });
  });

  it('keys stay as written', () => {
    expect(value('on: off\nyes:\n  no: n\n')).toEqual({ on: false, yes: { no: false } });
  });

  it('is the same object when no value is such a word (the walk is skipped)', () => {
    const parsed = parseSource('a:\n  b: true\n  # turned on\n', 'values.yaml', { parser });
    expect(parsed.documents[0].helmPlain()).toBe(parsed.documents[0].plain());
  });

  it('the plain value of the reader is left as YAML 1.2 reads it', () => {
    const parsed = parseSource('a: off\n', 'values.yaml', { parser });
    expect(parsed.documents[0].helmPlain()).toEqual({ a: false });
    expect(parsed.documents[0].plain()).toEqual({ a: 'off' });
  });
});

describe('the scalar table, forms only the yaml package reads', () => {
  const value = (text: string): unknown => parseSource(text, 'values.yaml').documents[0].helmPlain();

  it('flow collections, anchors and aliases', () => {
    expect(value('a: [on, "off", no]\nb: {c: yes, d: "n"}\n')).toEqual({ a: [true, 'off', false], b: { c: true, d: 'n' } });
    expect(value('a: &x off\nb: *x\nc: &m {d: on}\ne:\n  <<: *m\n')).toEqual({ a: false, b: false, c: { d: true }, e: { d: true } });
  });

  it('a tag keeps the string', () => {
    expect(value('a: !!str off\nb: ! yes\nc: &k !!str no\nd: !!str &j on\n')).toEqual({ a: 'off', b: 'yes', c: 'no', d: 'on' });
  });

  it('duplicate keys: the last one counts, as Helm keeps it', () => {
    expect(value('a: "on"\na: on\nb: on\nb: "on"\n')).toEqual({ a: true, b: 'on' });
  });

  it('merge keys: the first source that has the key gives it (YAML merge order)', () => {
    expect(value('x: &x {k: "on"}\ny: &y {k: on, j: off}\nz:\n  <<: [*x, *y]\n')).toEqual({
      x: { k: 'on' }, y: { k: true, j: false }, z: { k: 'on', j: false },
    });
  });

  it('a value over two lines and CRLF line ends', () => {
    expect(value('a:\n  off\nb: on\r\nc: yes\r\n')).toEqual({ a: false, b: true, c: true });
  });

  it('HELM_BOOLEANS holds the 16 YAML 1.1 words YAML 1.2 reads as strings', () => {
    expect([...HELM_BOOLEANS.keys()].sort()).toEqual(
      [...TRUE_WORDS, ...FALSE_WORDS].filter((word) => !/^(true|false)$/i.test(word)).sort(),
    );
  });
});

describe.each(PARSERS)('the rules see what Helm reads, parser %s', (parser) => {
  it('authentication.enabled: off is auth-disabled at its value, and no valid-schema error', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      enabled: off\n      provider: basic\n';
    const result = lintText(text, 'values.yaml', { parser });
    expect(at(result?.messages, 'auth-disabled')).toEqual(['4:16']);
    expect(at(result?.messages, 'valid-schema')).toEqual([]);
  });

  it('authorizer.enabled: No is auth-disabled', () => {
    const text = 'openmetadata:\n  config:\n    authorizer:\n      enabled: No\n';
    expect(at(lintText(text, 'values.yaml', { parser })?.messages, 'auth-disabled')).toEqual(['4:16']);
  });

  it('enableSelfSignup: no is false: no self-signup finding, no schema error', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      provider: google\n      publicKeys:\n' +
      '        - https://www.googleapis.com/oauth2/v3/certs\n        - http://openmetadata:8585/api/v1/system/config/jwks\n' +
      '      enableSelfSignup: no\n';
    const result = lintText(text, 'values.yaml', { parser });
    expect(at(result?.messages, 'valid-schema')).toEqual([]);
    expect(at(result?.messages, 'self-signup')).toEqual([]);
    const asYes = lintText(text.replace('enableSelfSignup: no', 'enableSelfSignup: "true"'), 'values.yaml', { parser });
    expect(at(asYes?.messages, 'valid-schema')).toEqual(['8:25']);
  });

  it('enforcePrincipalDomain: yes is true', () => {
    const text = 'openmetadata:\n  config:\n    authorizer:\n      enforcePrincipalDomain: yes\n      principalDomain: example.com\n';
    const result = lintText(text, 'values.yaml', { parser });
    expect(at(result?.messages, 'valid-schema')).toEqual([]);
    const asString = lintText(text.replace('yes', 'yES'), 'values.yaml', { parser });
    expect(at(asString?.messages, 'valid-schema')).toEqual(['4:31']);
  });

  it('a quoted "off" stays a string: the chart schema refuses it', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      enabled: "off"\n';
    const result = lintText(text, 'values.yaml', { parser });
    expect(at(result?.messages, 'valid-schema')).toEqual(['4:16']);
    expect(at(result?.messages, 'auth-disabled')).toEqual([]);
  });

  it('openmetadata.yaml is not read as Helm reads values: its `no` is not turned into false', () => {
    const helm = lintText('openmetadata:\n  config:\n    authentication:\n      provider: ldap\n      enableSelfSignup: no\n', 'values.yaml', { parser });
    expect(at(helm?.messages, 'self-signup')).toEqual(['5:25']);
    const server = lintText('authenticationConfiguration:\n  provider: ldap\n  enableSelfSignup: no\n', 'openmetadata.yaml', { parser });
    expect(server).toBeDefined();
    expect(at(server?.messages, 'self-signup')).toEqual([]);
  });
});
