/**
 * README, "Severity policy", as the command prints it: info findings are advice, left out of every
 * format unless --show-info asks for them; a correct file prints nothing; JSON severities are
 * ESLint's 1 and 2 only; --list-rules gives each rule's default severity as the rule declares it.
 * Expectations come from the API's results for the same file, so they hold whatever severities the
 * rules give; advice that exists whatever the rules do is made with --rule ID:info.
 */
import * as fs from 'fs';
import * as path from 'path';
import { omlint as spawnOmlint, ROOT, scratchDir } from './support/cli';
import { omlint } from './support/cli-in-process';
import { createLinter, FORMAT_NAMES, RULES } from '../src';
import type { Finding, LintResult } from '../src';

const GOOGLE = fs.readFileSync(path.join(ROOT, 'fixtures', 'examples', 'values-google.yaml'), 'utf8');
/** The same file keeping the chart's default signing keys and Fernet key: the file of the issue, whose only findings were advice. */
const DEFAULT_KEYS = GOOGLE.replace(/\n {4}# OpenMetadata's own signing keys[^]*?secretKey: "fernet-key"\n/, '\n');
/** The correct file without OpenMetadata's own JWKS in publicKeys: with --rule jwks-public-key:info, one piece of advice. */
const NO_JWKS = GOOGLE.replace(/^ *- "http:\/\/openmetadata:8585\/api\/v1\/system\/config\/jwks"\n/m, '');
// sso-validator's advice (the chart cannot set a provider name, the image's OIDC stub) fires on every chart install: off here, so one piece of advice is left.
const ADVICE_ONLY = ['--rule', 'jwks-public-key:info', '--rule', 'sso-validator:off'];

const dir = scratchDir({ 'values-google.yaml': GOOGLE, 'values-default-keys.yaml': DEFAULT_KEYS, 'values-no-jwks.yaml': NO_JWKS });
const WORD = { error: 'error', warn: 'warning', info: 'info' } as const;

function apiResult(file: string, rules: Record<string, 'info' | 'off'> = {}): LintResult {
  const result = createLinter({ cwd: dir, rules }).lintFile(file);
  if (!result) throw new Error(`${file}: no auth settings`);
  return result;
}

/** A finding as --format compact prints it, less the message. */
const compactKey = (m: Pick<Finding, 'line' | 'column' | 'ruleId'> & { level: string }): string => `${m.line}:${m.column} ${m.level} [${m.ruleId}]`;
function compactKeys(stdout: string): string[] {
  return stdout.split('\n').filter(Boolean).map((line) => {
    const match = /^[^:]+:(\d+):(\d+): (error|warning|info) .* \[([a-z0-9-]+)\]$/.exec(line);
    if (!match) throw new Error(`not a compact line: ${line}`);
    return `${match[1]}:${match[2]} ${match[3]} [${match[4]}]`;
  });
}
const apiKeys = (messages: readonly Finding[]): string[] => messages.map((m) => compactKey({ ...m, level: WORD[m.severity] }));

it('the files are what the tests need', () => {
  expect(DEFAULT_KEYS).not.toBe(GOOGLE);
  expect(DEFAULT_KEYS).not.toContain('fernetkey');
  expect(NO_JWKS).not.toBe(GOOGLE);
  const advice = apiResult('values-no-jwks.yaml', { 'jwks-public-key': 'info', 'sso-validator': 'off' });
  expect(advice.messages.map((m) => [m.ruleId, m.severity])).toEqual([['jwks-public-key', 'info']]);
});

describe('a correct file', () => {
  it.each([['stylish'], ['compact'], ['github']])('prints nothing in %s and exits 0', (format) => {
    expect(apiResult('values-google.yaml').errorCount + apiResult('values-google.yaml').warningCount).toBe(0);
    expect(spawnOmlint(['--format', format, 'values-google.yaml'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('with --show-info, prints exactly its info findings, and still exits 0', () => {
    const run = omlint(['--show-info', '--format', 'compact', 'values-google.yaml'], dir);
    expect(run.code).toBe(0);
    expect(compactKeys(run.stdout)).toEqual(apiKeys(apiResult('values-google.yaml').messages));
  });
});

describe('a file whose only findings are advice', () => {
  it.each([['stylish'], ['compact'], ['github']])('prints nothing at all in %s, exit 0', (format) => {
    expect(omlint([...ADVICE_ONLY, '--format', format, 'values-no-jwks.yaml'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('is a clean file in every other format', () => {
    for (const format of FORMAT_NAMES) {
      const advice = omlint([...ADVICE_ONLY, '--format', format, 'values-no-jwks.yaml'], dir);
      const clean = omlint(['--format', format, 'values-google.yaml'], dir);
      expect(advice.code).toBe(0);
      expect(advice.stdout.split('values-no-jwks.yaml').join('values-google.yaml')).toBe(clean.stdout);
    }
  });

  it('shows the advice with --show-info, at each format\'s own level, and never fails the run', () => {
    const run = (format: string, ...more: string[]) => omlint([...ADVICE_ONLY, '--show-info', ...more, '--format', format, 'values-no-jwks.yaml'], dir);
    const stylish = run('stylish');
    expect(stylish.code).toBe(0);
    expect(stylish.stdout).toMatch(/^ {2}\d+:\d+ {2}info {2}publicKeys .* {2}jwks-public-key$/m);
    expect(stylish.stdout).toContain('\n1 info finding\n');
    expect(stylish.stdout).not.toContain('problem');
    expect(run('compact').stdout).toMatch(/^values-no-jwks\.yaml:\d+:\d+: info .* \[jwks-public-key\]\n$/);
    expect(run('github').stdout).toMatch(/^::notice file=values-no-jwks\.yaml,line=\d+,.*title=omlint jwks-public-key::/);
    expect(JSON.parse(run('sarif').stdout).runs[0].results.map((r: { level: string }) => r.level)).toEqual(['note']);
    expect(JSON.parse(run('gitlab').stdout).map((issue: { severity: string }) => issue.severity)).toEqual(['info']);
    const json = run('json', '--max-warnings', '0');
    expect(json.code).toBe(0);
    expect(JSON.parse(json.stdout)).toEqual([
      expect.objectContaining({ messages: [expect.objectContaining({ ruleId: 'jwks-public-key', severity: 1, level: 'info' })], errorCount: 0, warningCount: 1 }),
    ]);
    // --quiet is errors only, whatever else is asked for.
    expect(run('stylish', '--quiet')).toEqual({ code: 0, stdout: '', stderr: '' });
  });
});

describe('a file that keeps the chart\'s default signing keys', () => {
  it('prints its errors and warnings, and its advice only with --show-info', () => {
    const result = apiResult('values-default-keys.yaml');
    expect(result.messages.length).toBeGreaterThan(0);
    const problems = result.messages.filter((m) => m.severity !== 'info');
    const hidden = omlint(['--format', 'compact', 'values-default-keys.yaml'], dir);
    expect(compactKeys(hidden.stdout)).toEqual(apiKeys(problems));
    expect(hidden.code).toBe(result.errorCount > 0 ? 1 : 0);
    const shown = omlint(['--show-info', '--format', 'compact', 'values-default-keys.yaml'], dir);
    expect(compactKeys(shown.stdout)).toEqual(apiKeys(result.messages));
    expect(shown.code).toBe(hidden.code);
    const stylish = omlint(['values-default-keys.yaml'], dir).stdout;
    expect(stylish === '').toBe(problems.length === 0);
    if (problems.length > 0) expect(stylish).toContain(`\u2716 ${problems.length} problem${problems.length === 1 ? '' : 's'} (`);
  });
});

describe('--format json', () => {
  const demo = path.join(ROOT, 'fixtures', 'demo', 'values-broken.yaml');
  const parse = (args: string[]): { messages: { severity: number; level: string; ruleId: string; line: number; column: number }[]; errorCount: number; warningCount: number }[] =>
    JSON.parse(omlint(['--format', 'json', ...args], dir).stdout);

  it.each([[[] as string[]], [['--show-info']]])('has severities 1 and 2 only, a level on every message, and ESLint\'s counts (%j)', (flags) => {
    for (const [file, rules] of [[demo, []], ['values-default-keys.yaml', []], ['values-no-jwks.yaml', ADVICE_ONLY]] as const) {
      const [result] = parse([...flags, ...rules, file]);
      const api = apiResult(file, rules.length > 0 ? { 'jwks-public-key': 'info', 'sso-validator': 'off' } : {});
      const expected = flags.length > 0 ? api.messages : api.messages.filter((m) => m.severity !== 'info');
      expect(result.messages.map((m) => compactKey(m))).toEqual(apiKeys(expected));
      for (const m of result.messages) expect(m.severity === 2 ? ['error'] : ['warning', 'info']).toContain(m.level);
      expect(result.messages.every((m) => m.severity === 1 || m.severity === 2)).toBe(true);
      expect(result.errorCount).toBe(result.messages.filter((m) => m.severity === 2).length);
      expect(result.warningCount).toBe(result.messages.filter((m) => m.severity === 1).length);
    }
  });
});

it('--list-rules prints each rule\'s default severity as the rule declares it', () => {
  const lines = omlint(['--list-rules'], dir).stdout.trim().split('\n');
  expect(lines.map((line) => line.split(/\s+/).slice(0, 2))).toEqual(RULES.map((rule) => [rule.id, WORD[rule.severity]]));
});
