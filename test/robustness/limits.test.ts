/**
 * The input limits: each is enforced with a clear message, can be raised or lowered from the command
 * line, and refuses hostile shapes (alias bombs, bracket bombs) without expanding them.
 */
import * as path from 'path';
import { lintText } from '../support/lint';
import { AUTH_VALUES, expectCleanRun, expectJsonReport, runCli, useScratchDir } from './cli';

const scratch = useScratchDir();
const write = scratch.write;

/** An alias bomb: `levels` anchors, each a list of ten aliases of the one before (10^levels values). */
function aliasBomb(levels: number): string {
  const lines = ['openmetadata:', '  config:', '    authentication:', '      provider: google', 'a0: &a0 [x, x, x, x, x, x, x, x, x, x]'];
  for (let i = 1; i <= levels; i++) lines.push(`a${i}: &a${i} [${Array(10).fill(`*a${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/** Ten maps merged into each other `levels` times over through `<<`. */
function mergeBomb(levels: number): string {
  const lines = ['openmetadata:', '  config:', '    authentication:', '      provider: google', 'm0: &m0 {a: 1, b: 2, c: 3}'];
  for (let i = 1; i <= levels; i++) lines.push(`m${i}: &m${i}`, `  <<: [${Array(10).fill(`*m${i - 1}`).join(', ')}]`);
  return `${lines.join('\n')}\n`;
}

/**
 * The rules these tests are about: the limit itself, the syntax error a cut may cause, and the one
 * error AUTH_VALUES holds (proof that what is within the limits is still linted). The provider
 * rules' advice on these skeleton files is not the subject here.
 */
const COUNTED = new Set(['input-limit', 'yaml-syntax', 'jwks-public-key']);
const counted = <T extends { ruleId: string }>(messages: readonly T[] | undefined): T[] => (messages ?? []).filter((m) => COUNTED.has(m.ruleId));

const findings = (text: string, limits = {}): string[] =>
  counted(lintText(text, 'values.yaml', { limits })?.messages).map((m) => `${m.ruleId}@${m.line}:${m.column}`);

describe('alias and merge-key expansion', () => {
  it('an alias bomb of a few hundred bytes (10^30 values) is refused, on the alias that goes over', () => {
    const text = aliasBomb(30);
    expect(text.length).toBeLessThan(2500);
    // a4 (line 9) is where the running total first passes 100 000: its eighth alias, column 45.
    expect(findings(text)).toEqual(['input-limit@9:45']);
  });

  it('a merge-key bomb is refused with a message naming merge keys', () => {
    const result = lintText(mergeBomb(20), 'values.yaml');
    expect(counted(result?.messages).map((m) => m.ruleId)).toEqual(['input-limit']);
    expect(result?.messages[0].message).toMatch(/^merge keys \(<<\) and aliases in this document expand to more than 100000/);
  });

  it('the limit is configurable: the same file is linted with a higher limit, refused with a lower one', () => {
    const text = aliasBomb(3); // adds 10*11 + 10*121 + 10*1221 = 13530 values
    expect(findings(text)).not.toContain(expect.stringMatching(/^input-limit/));
    expect(findings(text, { maxAliasExpansion: 13_529 })).toEqual(['input-limit@8:55']);
    expect(findings(text, { maxAliasExpansion: 13_530 })).toEqual([]);
  });

  it('through the CLI: --max-alias-expansion, exit 1 with the finding', () => {
    const file = write('values-aliases.yaml', aliasBomb(3));
    const run = runCli(['--format', 'json', '--max-alias-expansion', '100', file]);
    expectCleanRun(run, 1);
    const [result] = expectJsonReport(run.stdout);
    // a1's ten aliases add 11 values each: the tenth passes 100.
    expect(result.messages[0]).toMatchObject({ ruleId: 'input-limit', line: 6, column: 55, severity: 2 });
    expect(result.messages[0].message).toMatch(/raise --max-alias-expansion/);
  });

  it('only the document with the bomb is refused; the other documents are linted', () => {
    const text = `${AUTH_VALUES}---\n${aliasBomb(12)}`;
    const result = lintText(text, 'values.yaml');
    expect(counted(result?.messages).map((m) => m.ruleId).sort()).toEqual(['input-limit', 'jwks-public-key']);
  });

  it('a recursive alias (an anchor used inside itself) neither loops nor counts as a bomb', () => {
    expect(findings(`${AUTH_VALUES}loop: &loop [a, *loop, [*loop]]\n`)).toEqual(['jwks-public-key@5:7']);
  });

  it('an alias with no anchor before it is a yaml-syntax finding on the alias', () => {
    expect(findings(`${AUTH_VALUES}      clientId: *nowhere\n`)).toEqual(['yaml-syntax@10:17']);
  });
});

describe('nesting depth', () => {
  const deep = (levels: number): string => `${AUTH_VALUES}tolerations: ${'['.repeat(levels)}${']'.repeat(levels)}\n`;

  it('a bracket bomb (10 MB of "[" lines) is refused at the level the limit allows', () => {
    // Line 10 is `x:` (depth 1); the bracket on line 10 + n opens level n + 1, so level 101 is on line 110.
    const result = lintText(`${AUTH_VALUES}x:\n${'  [\n'.repeat(2_500_000)}`, 'values.yaml');
    expect(result?.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['input-limit@110:3']);
    expect(result?.messages[0].message).toMatch(/nested more than 100 levels deep/);
  });

  it('a bracket bomb on one line is stopped by the line length limit before parsing', () => {
    expect(findings(`${AUTH_VALUES}x: ${'['.repeat(5_000_000)}`)).toEqual(['input-limit@10:1']);
  });

  it('--max-depth lowers and raises the limit', () => {
    expect(findings(deep(20), { maxDepth: 10 })).toEqual(['input-limit@10:23']);
    expect(findings(deep(150), { maxDepth: 200 })).toEqual(['jwks-public-key@5:7']);
  });

  it('block nesting counts as well as flow nesting', () => {
    const lines = [AUTH_VALUES.trimEnd(), 'extra:'];
    for (let i = 1; i <= 12; i++) lines.push(`${'  '.repeat(i)}k${i}:`);
    // The map holding k8 (line 18, indented 16) is the ninth level.
    expect(findings(`${lines.join('\n')} deep\n`, { maxDepth: 8 })).toEqual(['input-limit@18:17']);
  });

  it('--max-depth above the 500 the YAML composer can take safely is a usage error', () => {
    const run = runCli(['--max-depth', '100000', write('values-depth.yaml', AUTH_VALUES)]);
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('omlint: --max-depth takes a whole number from 1 to 500, not "100000"\n');
  });
});

describe('documents, tokens and line length', () => {
  it('documents past --max-documents are not read; those before are linted', () => {
    const text = `${AUTH_VALUES}---\na: 1\n---\n${AUTH_VALUES}`;
    expect(findings(text, { maxDocuments: 2 })).toEqual(['jwks-public-key@5:7', 'input-limit@12:1']);
  });

  it('10 MB of "---" lines stop at the default 1000 documents', () => {
    const result = lintText(`${AUTH_VALUES}${'---\n'.repeat(2_500_000)}`, 'values.yaml');
    expect(counted(result?.messages).map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['jwks-public-key@5:7', 'input-limit@1009:1']);
  });

  it('--max-tokens stops reading at the token over the limit', () => {
    const run = runCli(['--format', 'json', '--max-tokens', '40', write('values-tokens.yaml', AUTH_VALUES)]);
    expectCleanRun(run, 1);
    const [result] = expectJsonReport(run.stdout);
    expect(result.messages.map((m) => m.ruleId)).toEqual(['input-limit']);
    expect(result.messages[0].message).toMatch(/more than 40 YAML tokens/);
  });

  it('the default token limit refuses 10 MB of one-item lines in bounded time', () => {
    const result = lintText(`${AUTH_VALUES}x:\n${'- 1\n'.repeat(2_400_000)}`, 'values.yaml');
    expect(counted(result?.messages).map((m) => m.ruleId)).toEqual(['input-limit']);
    expect(result?.messages[0].message).toMatch(/more than 2000000 YAML tokens/);
  });

  it('--max-line-length: the first long line is reported, the file is not linted', () => {
    expect(findings(`${AUTH_VALUES}# ${'x'.repeat(110)}\n`, { maxLineLength: 100 })).toEqual(['input-limit@10:1']);
    expect(findings(`${AUTH_VALUES}# ${'x'.repeat(90)}\r# ${'x'.repeat(90)}\n`, { maxLineLength: 100 })).toEqual(['jwks-public-key@5:7']);
  });
});

describe('file size (a one-line error, exit 2: checked before reading)', () => {
  it('--max-file-size refuses a larger file and lints the others', () => {
    const big = write('values-big.yaml', `${AUTH_VALUES}# ${'x'.repeat(2000)}\n`);
    const small = write('values-small.yaml', AUTH_VALUES);
    const run = runCli(['--format', 'json', '--max-file-size', '1k', big, small]);
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/values-big\.yaml: \d+ bytes is over the 1024-byte limit; .*raise --max-file-size/);
    expect(expectJsonReport(run.stdout).map((r) => path.basename(r.filePath))).toEqual(['values-small.yaml']);
  });

  it('the same limit applies to stdin', () => {
    const run = runCli(['--format', 'json', '--stdin', '--max-file-size', '100'], { input: AUTH_VALUES });
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/^omlint: <stdin>: more than \d+ bytes is over the 100-byte limit/);
  });

  it.each([['--max-file-size', 'ten'], ['--max-file-size', '0'], ['--max-tokens', '-1'], ['--max-documents', '0'], ['--max-line-length', '1.5']])(
    '%s %s is a usage error',
    (flag, value) => {
      const run = runCli([flag, value, write('values-usage.yaml', AUTH_VALUES)]);
      expect(run.status).toBe(2);
      expect(run.stderr).toMatch(new RegExp(`^omlint: ${flag} takes`));
    },
  );
});

describe('the input-limit rule', () => {
  it('can be graded like any rule: --rule input-limit:warn makes a bomb a warning (exit 0)', () => {
    const run = runCli(['--format', 'json', '--rule', 'input-limit:warn', '--max-alias-expansion', '10', write('values-graded.yaml', aliasBomb(2))]);
    expectCleanRun(run, 0);
    expect(expectJsonReport(run.stdout)[0].messages.map((m) => `${m.ruleId}:${m.severity}`)).toEqual(['input-limit:1']);
  });

  it('turned off, the finding is hidden but the refused part is still not linted', () => {
    const text = `${aliasBomb(12)}`;
    expect(lintText(text, 'values.yaml', { rules: { 'input-limit': 'off' } })?.messages).toEqual([]);
  });

  it('is listed by --list-rules', () => {
    const run = runCli(['--list-rules']);
    expect(run.status).toBe(0);
    expect(run.stdout).toMatch(/^input-limit +error /m);
  });
});

describe('nesting reached through aliases', () => {
  it('an anchor aliased deep enough to pass --max-depth is an input-limit finding at the document start', () => {
    const nest = (levels: number, inner = 'x'): string => `${'['.repeat(levels)}${inner}${']'.repeat(levels)}`;
    // 61 levels written under `deep`, 51 around the alias: 112 levels once the alias is expanded.
    const text = `deep: &deep ${nest(60)}\nagain: ${nest(50, '*deep')}\n${AUTH_VALUES}`;
    const result = lintText(text, 'values.yaml');
    expect(result?.messages.map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['input-limit@1:1']);
    expect(result?.messages[0].message).toMatch(/^aliases nest maps and lists more than 100 levels deep .*--max-depth/);
  });
});
