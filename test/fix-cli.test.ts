/** The --fix and --fix-dry-run options end to end: what is written, what is printed, the exit code. */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { run, Io } from '../src/cli/main';
import { fixText } from './support/lint';
import { RULES } from '../src/rules';

/** The fs module object itself (the `import * as` namespace above is read-only), to spy on writes. */
const nodeFs: typeof fs = require('fs');

const FIXTURES = path.join(__dirname, '..', 'fixtures');
const ALL_FIXABLE = path.join(FIXTURES, 'no-dotted-keys', 'invalid', 'fix-join-existing-map.yaml');
const PARTLY_FIXABLE = path.join(FIXTURES, 'no-unknown-keys', 'invalid', 'fix-server-key-names.yaml');

let dir: string;
beforeEach(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-fix-'));
});
afterEach(() => {
  jest.restoreAllMocks();
  fs.rmSync(dir, { recursive: true, force: true });
});

function copy(fixture: string, name = path.basename(fixture)): string {
  const target = path.join(dir, name);
  fs.copyFileSync(fixture, target);
  return target;
}

function cli(args: string[]): { code: number; stdout: string; stderr: string } {
  let stdout = '';
  let stderr = '';
  const io: Io = { stdout: (t) => (stdout += t), stderr: (t) => (stderr += t), cwd: dir, env: {}, isTTY: false };
  const code = run(args, io);
  return { code, stdout, stderr };
}

describe('--fix', () => {
  it('writes the fixed file in place and exits 0 when nothing is left', () => {
    const file = copy(ALL_FIXABLE);
    const original = fs.readFileSync(file, 'utf8');
    const write = jest.spyOn(nodeFs, 'writeFileSync');
    const { code, stdout } = cli(['--fix', '--quiet', file]);
    expect(write).toHaveBeenCalledTimes(1);
    expect(fs.readFileSync(file, 'utf8')).toBe(fixText(original, file).output);
    expect(fs.readFileSync(file, 'utf8')).not.toBe(original);
    expect(code).toBe(0);
    expect(stdout).toBe('');
  });

  it('reports what it could not fix and exits 1', () => {
    const file = copy(PARTLY_FIXABLE);
    const { code, stdout } = cli(['--fix', '--format', 'json', file]);
    const [result] = JSON.parse(stdout);
    const problems = result.messages; // advice is not in the JSON without --show-info
    expect(problems.map((m: { ruleId: string; line: number }) => `${m.ruleId}@${m.line}`)).toEqual(['no-unknown-keys@21', 'no-plaintext-secrets@21']);
    expect(result.output).toBeUndefined();
    expect(fs.readFileSync(file, 'utf8')).toContain('        promptType: login');
    expect(code).toBe(1);
  });

  it('does not write a file that needs no fix', () => {
    const file = copy(path.join(FIXTURES, 'jwks-public-key', 'valid', 'chart-default.yaml'));
    const write = jest.spyOn(nodeFs, 'writeFileSync');
    expect(cli(['--fix', file]).code).toBe(0);
    expect(write).not.toHaveBeenCalled();
  });

  it('keeps a UTF-8 byte order mark', () => {
    const file = path.join(dir, 'values.yaml');
    fs.writeFileSync(file, '\ufeffopenmetadata:\n  config:\n    authorizer:\n      adminPrincipals: [admin]\n');
    cli(['--fix', file]);
    expect(fs.readFileSync(file, 'utf8')).toBe('\ufeffopenmetadata:\n  config:\n    authorizer:\n      initialAdmins: [admin]\n');
  });

  it('fixes every file given, through the built command', () => {
    const first = copy(ALL_FIXABLE, 'values-a.yaml');
    const second = copy(path.join(FIXTURES, 'jwks-public-key', 'invalid', 'idp-keys-only.yaml'), 'values-b.yaml');
    const bin = path.join(__dirname, '..', 'bin', 'omlint.js');
    const child = spawnSync(process.execPath, [bin, '--fix', '.'], { cwd: dir, encoding: 'utf8' });
    expect(child.stderr).toBe('');
    expect(child.status).toBe(0);
    expect(fs.readFileSync(first, 'utf8')).not.toContain('oidcConfiguration.enabled');
    expect(fs.readFileSync(second, 'utf8')).toContain('        - http://openmetadata:8585/api/v1/system/config/jwks\n');
  });
});

describe('--fix-dry-run', () => {
  it('writes nothing and shows the fixed text as "output" in the json format', () => {
    const file = path.join(dir, 'values.yaml');
    const original = 'openmetadata:\n  config:\n    authorizer:\n      adminPrincipals: [admin] # from openmetadata.yaml\n      principalDomains: initech.com\n';
    fs.writeFileSync(file, original);
    const write = jest.spyOn(nodeFs, 'writeFileSync');
    const { code, stdout } = cli(['--fix-dry-run', '--format', 'json', file]);
    const [result] = JSON.parse(stdout);
    expect(write).not.toHaveBeenCalled();
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
    expect(result.output).toBe(original.replace('adminPrincipals', 'initialAdmins'));
    // The text sets no signing keys of its own: default-signing-keys' warning is not what this is about.
    const problems = result.messages.filter((m: { ruleId: string }) => m.ruleId !== 'default-signing-keys'); // advice is not in the JSON without --show-info
    expect(problems.map((m: { message: string }) => m.message)).toEqual([expect.stringContaining('"principalDomains" is not a key')]);
    expect(code).toBe(1);
  });

  it('never prints a fixed text that holds a secret, and says so on stderr', () => {
    const file = copy(PARTLY_FIXABLE);
    const original = fs.readFileSync(file, 'utf8');
    const { code, stdout, stderr } = cli(['--fix-dry-run', '--format', 'json', file]);
    expect(original).toContain('Zq8vL2mX7nR4tY1w');
    expect(stdout).not.toContain('Zq8vL2mX7nR4tY1w');
    expect(JSON.parse(stdout)[0]).not.toHaveProperty('output');
    expect(stderr).toBe(`omlint: ${file}: the fixed text is not shown because the file holds secret values; run --fix to write it\n`);
    expect(fs.readFileSync(file, 'utf8')).toBe(original);
    expect(code).toBe(1);
  });

  it('has no "output" when nothing changed, and exits 0 when what is left is clean', () => {
    const file = copy(path.join(FIXTURES, 'jwks-public-key', 'valid', 'chart-default.yaml'));
    const { code, stdout } = cli(['--fix-dry-run', '--format', 'json', file]);
    expect(JSON.parse(stdout)[0]).not.toHaveProperty('output');
    expect(code).toBe(0);
    const fixable = copy(ALL_FIXABLE);
    const dry = cli(['--fix-dry-run', '--format', 'json', fixable]);
    expect(JSON.parse(dry.stdout)[0]).toMatchObject({ errorCount: 0, output: expect.stringContaining('        enabled: true') });
    expect(dry.code).toBe(0);
  });

  it('cannot be combined with --fix', () => {
    const { code, stderr } = cli(['--fix', '--fix-dry-run', copy(ALL_FIXABLE)]);
    expect(code).toBe(2);
    expect(stderr).toBe('omlint: --fix and --fix-dry-run cannot be used together\n');
  });
});

it('lints without fixing unless asked', () => {
  const file = copy(ALL_FIXABLE);
  const original = fs.readFileSync(file, 'utf8');
  const write = jest.spyOn(nodeFs, 'writeFileSync');
  expect(cli([file]).code).toBe(1);
  expect(write).not.toHaveBeenCalled();
  expect(fs.readFileSync(file, 'utf8')).toBe(original);
});

it('--list-rules marks exactly the fixable rules', () => {
  const lines = cli(['--list-rules']).stdout.trim().split('\n');
  const marked = lines.filter((line) => / fixable /.test(line)).map((line) => line.split(' ')[0]);
  expect(marked).toEqual(RULES.filter((rule) => rule.fixable).map((rule) => rule.id));
  expect(marked.length).toBeGreaterThan(0);
});
