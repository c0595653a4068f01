/** Inline `# omlint-…` directives, applied by the engine after the rules. */
import { lintText, TestLintOptions as LintOptions } from './support/lint';
import { DIRECTIVE_ID } from '../src/rules/support/meta';
import { RULES } from '../src/rules';

const FILE = '/repo/helm/values.yaml';

/** A values file with one finding of each of four rules, on known lines. */
const BASE = [
  'openmetadata:', //                                                          1
  '  config:', //                                                              2
  '    authentication:', //                                                    3
  '      provider: azure', //                                                  4
  '      publicKeys:', //                                  jwks-public-key      5
  '        - https://login.microsoftonline.com/common/discovery/keys', //     6
  '      authority: "https://login.microsoftonline.com/{Tenant ID}"', //      7 no-placeholders
  '      clientId: "{Client ID}"', //                                          8 no-placeholders
  '      oidcConfiguration:', //                                               9
  '        oidcConfiguration.enabled: true', //                               10 no-dotted-keys
  '        clientSecret: "s3cr3t-literal-value"', //                         11 no-plaintext-secrets
];

/** Inserts comment lines: { afterLine: text } (0 = at the top), or appends `# …` to a line with `line:`. */
function withComments(inserts: Record<number, string> = {}, trailing: Record<number, string> = {}): string {
  const lines: string[] = [];
  if (inserts[0] !== undefined) lines.push(inserts[0]);
  BASE.forEach((line, i) => {
    lines.push(trailing[i + 1] !== undefined ? `${line} ${trailing[i + 1]}` : line);
    if (inserts[i + 1] !== undefined) lines.push(inserts[i + 1]);
  });
  return `${lines.join('\n')}\n`;
}

/** The four rules the base file is built around; every other rule is off so their findings stay out. */
const COUNTED = ['jwks-public-key', 'no-placeholders', 'no-dotted-keys', 'no-plaintext-secrets'];
const ONLY_COUNTED = Object.fromEntries(RULES.filter((r) => !COUNTED.includes(r.id)).map((r) => [r.id, 'off' as const]));

function lint(text: string, options: LintOptions = {}): string[] {
  const result = lintText(text, FILE, { ...options, rules: { ...ONLY_COUNTED, ...options.rules } });
  if (!result) throw new Error('not linted');
  return result.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}${m.ruleId === DIRECTIVE_ID ? `:${m.severity}` : ''}`);
}

const ALL = ['5:7 jwks-public-key', '7:18 no-placeholders', '8:17 no-placeholders', '10:9 no-dotted-keys', '11:23 no-plaintext-secrets'];

it('the base file gives the findings the tests count on', () => {
  expect(lint(withComments())).toEqual(ALL);
});

it('disable-next-line suppresses the named rules on the next line only, with a -- reason', () => {
  const text = withComments({ 6: '      # omlint-disable-next-line no-placeholders, jwks-public-key -- tenant set by the deploy job' });
  // The comment is line 7 now; everything below moved down by one.
  expect(lint(text)).toEqual(['5:7 jwks-public-key', '9:17 no-placeholders', '11:9 no-dotted-keys', '12:23 no-plaintext-secrets']);
});

it('disable-line suppresses findings on its own line; no id means every rule', () => {
  expect(lint(withComments({}, { 8: '# omlint-disable-line', 11: '# omlint-disable-line no-plaintext-secrets' }))).toEqual(
    ['5:7 jwks-public-key', '7:18 no-placeholders', '10:9 no-dotted-keys'],
  );
});

it('disable … enable suppresses a range, per rule', () => {
  const text = withComments({ 6: '      # omlint-disable no-placeholders', 7: '      # omlint-enable no-placeholders' });
  // Two comment lines: the authority (now line 8) is suppressed, the clientId (now line 10) is not.
  expect(lint(text)).toEqual(['5:7 jwks-public-key', '10:17 no-placeholders', '12:9 no-dotted-keys', '13:23 no-plaintext-secrets']);
  const toEnd = withComments({ 4: '      # omlint-disable' });
  expect(lint(toEnd)).toEqual([]);
  const allThenOne = withComments({ 4: '      # omlint-disable', 8: '      # omlint-enable no-plaintext-secrets' });
  expect(lint(allThenOne)).toEqual(['13:23 no-plaintext-secrets']);
});

it('a disable comment after a value on the same line does not reach back to that value', () => {
  expect(lint(withComments({}, { 8: '# omlint-disable no-placeholders' }))).toEqual(ALL);
});

it('disable-file suppresses the named rules (or all) in the whole file, wherever it sits', () => {
  expect(lint(withComments({ 11: '# omlint-disable-file no-placeholders no-plaintext-secrets' }))).toEqual(['5:7 jwks-public-key', '10:9 no-dotted-keys']);
  expect(lint(withComments({ 0: '# omlint-disable-file' }))).toEqual([]);
});

it('a directive naming an unknown rule is a warning at that id, and the known ids still work', () => {
  const text = withComments({}, { 7: '# omlint-disable-line no-placeholders, jwks-publik-key' });
  const result = lintText(text, FILE);
  const directive = result?.messages.find((m) => m.ruleId === DIRECTIVE_ID);
  expect(directive).toMatchObject({ severity: 'warn', line: 7, endLine: 7 });
  expect(text.split('\n')[6].slice((directive?.column ?? 0) - 1, (directive?.endColumn ?? 0) - 1)).toBe('jwks-publik-key');
  expect(directive?.message).toMatch(/unknown rule "jwks-publik-key" \(did you mean jwks-public-key\?\)/);
  expect(lint(text)).toEqual(['5:7 jwks-public-key', `7:${directive?.column} omlint-directive:warn`, '8:17 no-placeholders', '10:9 no-dotted-keys', '11:23 no-plaintext-secrets']);
});

it('reports directives that suppressed nothing only when asked, as errors on the unused id', () => {
  const first = '      # omlint-disable-next-line jwks-public-key, no-plaintext-secrets';
  const text = withComments({ 4: first, 11: '        # omlint-disable-next-line' });
  const quiet = lint(text);
  // jwks-public-key (now line 6) is suppressed; everything else moved down by one.
  expect(quiet).toEqual(['8:18 no-placeholders', '9:17 no-placeholders', '11:9 no-dotted-keys', '12:23 no-plaintext-secrets']);
  const reported = lint(text, { reportUnusedDisableDirectives: true });
  expect(reported).toEqual([`5:${first.indexOf('no-plaintext-secrets') + 1} omlint-directive:error`, ...quiet, '13:9 omlint-directive:error']);
  const messages = lintText(text, FILE, { reportUnusedDisableDirectives: true })?.messages.filter((m) => m.ruleId === DIRECTIVE_ID).map((m) => m.message);
  expect(messages).toEqual([
    '`omlint-disable-next-line no-plaintext-secrets` suppresses nothing: no no-plaintext-secrets finding on line 6; remove this id.',
    '`omlint-disable-next-line` suppresses nothing: no finding on line 14; remove it.',
  ]);
});

it('reads only real comments: not text inside quoted strings or block scalars', () => {
  const text = withComments({
    0: 'podAnnotations:\n  note: "# omlint-disable-file"\n  text: |\n    # omlint-disable-file\n    kept as text\n  quoted: \'a # omlint-disable-file\'',
  });
  expect(lint(text).map((f) => f.split(' ')[1])).toEqual(['jwks-public-key', 'no-placeholders', 'no-placeholders', 'no-dotted-keys', 'no-plaintext-secrets']);
});

it('ignores comments that only look alike', () => {
  const text = withComments({ 0: '# omlint-disabled\n# omlint-disable-file: no-placeholders\n# see omlint-disable-file', 6: '      # eslint-disable-next-line no-placeholders' });
  expect(lint(text)).toHaveLength(ALL.length);
});

it('cannot suppress what was found while reading the text: a syntax error, an input limit (as ESLint)', () => {
  const broken = '# omlint-disable-file\nopenmetadata:\n  config:\n    authentication:\n      provider: "google\n      x: 1\n';
  expect(lintText(broken, FILE)?.messages.map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual(['5:17 yaml-syntax']);
  const long = `# omlint-disable-file\nopenmetadata:\n  config:\n    authentication:\n      provider: google # ${'x'.repeat(200)}\n`;
  expect(lintText(long, FILE, { limits: { maxLineLength: 100 } })?.messages.map((m) => `${m.line} ${m.ruleId}`)).toEqual(['5 input-limit']);
});

it('suppresses findings in an env file, written as its comments', () => {
  const env = 'AUTHENTICATION_PROVIDER=basic\n# omlint-disable-next-line jwks-public-key\nAUTHENTICATION_PUBLIC_KEYS=[https://idp.example.io/keys]\n';
  expect(lintText(env, '/repo/docker/.env')?.messages.map((m) => m.ruleId)).not.toContain('jwks-public-key');
  expect(lintText(env.replace('# omlint-disable-next-line jwks-public-key\n', ''), '/repo/docker/.env')?.messages.map((m) => m.ruleId)).toContain('jwks-public-key');
});
