/**
 * Linting has no side effects: no network connection, no file written, no code run from a values
 * file, a `$ref` or a config file, and `--since` runs only `git show` with arguments that cannot be
 * read as options. The network, write and exec checks run the CLI under a preload that blocks and
 * announces every way out of the process (preload/sandbox.js) and with code generation from strings
 * disabled, so a compiled schema or a dependency that evaluates text would fail too.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { AUTH_VALUES, CHILD_TIMEOUT_MS, cleanEnv, corpusAndFixtureFiles, expectCleanRun, runCli, useScratchDir } from './cli';
import { git as gitIn } from '../support/git';

const SANDBOX = path.join(__dirname, 'preload', 'sandbox.js');
const SANDBOXED = { NODE_OPTIONS: `--require ${SANDBOX} --disallow-code-generation-from-strings` };

const scratch = useScratchDir();
const write = scratch.write;

function runNodeSandboxed(code: string): { status: number | null; stderr: string } {
  const result = spawnSync(process.execPath, ['-e', code], { env: { ...cleanEnv(), ...SANDBOXED }, encoding: 'utf8', timeout: CHILD_TIMEOUT_MS });
  return { status: result.status, stderr: result.stderr };
}

describe('the sandbox preload itself (so that the checks below can fail)', () => {
  it.each([
    ['an HTTP request', "require('http').get('http://127.0.0.1:9/')"],
    ['a DNS lookup', "require('dns').lookup('example.invalid', () => {})"],
    ['a TCP socket', "new (require('net').Socket)().connect(9, '127.0.0.1')"],
    ['fetch', "fetch('http://127.0.0.1:9/')"],
    ['a file write', `require('fs').writeFileSync(${JSON.stringify(path.join(require('os').tmpdir(), 'omlint-sandbox-probe'))}, 'x')`],
    ['a child process', "require('child_process').execFileSync('true')"],
    ['code from a string', "new Function('return 1')()"],
  ])('blocks %s', (_name, code) => {
    const run = runNodeSandboxed(code);
    expect(run.status).not.toBe(0);
    expect(run.stderr).toMatch(/SANDBOX-VIOLATION|Code generation from strings disallowed/);
  });
});

describe('linting every fixture and the docs corpus', () => {
  const files = corpusAndFixtureFiles();

  it.each(['json', 'stylish'] as const)('opens no connection, writes no file, runs nothing (--format %s)', (format) => {
    expect(files.length).toBeGreaterThan(40);
    const run = runCli(['--format', format, ...files], { env: SANDBOXED });
    expect(run.stderr).not.toContain('SANDBOX-VIOLATION');
    expectCleanRun(run, 1, format);
  });

  it('also with --since (only `git show` may run)', () => {
    const run = runCli(['--format', 'json', '--since', 'HEAD', ...files.slice(0, 10)], { env: SANDBOXED });
    expect(run.stderr).not.toContain('SANDBOX-VIOLATION');
    expectCleanRun(run, [1, 2]);
  });
});

describe('no code from a values file, a $ref or a config file', () => {
  const marker = (): string => path.join(scratch.dir, 'EVIL-RAN');
  const evil = (): string =>
    `require('fs').writeFileSync(${JSON.stringify(marker())}, 'ran'); process.stderr.write('EVIL-EXECUTED\\n');\nmodule.exports = {};\n`;

  beforeAll(() => {
    write('repo/evil.js', evil());
    write('repo/.omlintrc.js', evil());
    write('repo/omlint.config.js', evil());
    write('repo/.omlintrc.cjs', evil());
    write('repo/values.yaml', [
      AUTH_VALUES.trimEnd(),
      '      oidcConfiguration:',
      '        $ref: ./evil.js',
      '      ldapConfiguration: {$ref: "http://127.0.0.1:9/schema.json"}',
      '    authorizer:',
      '      $ref: "file://' + path.join(scratch.dir, 'repo', 'evil.js') + '"',
      '      className: !!js/function "function () { require(\'child_process\').execSync(\'touch /tmp/omlint-pwned\') }"',
      '      containerRequestFilter: !<tag:yaml.org,2002:js/eval> "process.exit(7)"',
      '      botPrincipals: !!python/object/apply:os.system ["touch /tmp/omlint-pwned"]',
      '',
    ].join('\n'));
  });

  it('under the sandbox: nothing is loaded, fetched or run', () => {
    const run = runCli(['--format', 'json', 'values.yaml'], { cwd: path.join(scratch.dir, 'repo'), env: SANDBOXED });
    expect(run.stderr).not.toContain('SANDBOX-VIOLATION');
    expect(run.stderr).not.toContain('EVIL-EXECUTED');
    expectCleanRun(run, 1);
  });

  it('without the sandbox: the bait files never run (no marker file appears)', () => {
    const run = runCli(['--format', 'json', '.'], { cwd: path.join(scratch.dir, 'repo') });
    expectCleanRun(run, 1);
    expect(run.stderr).not.toContain('EVIL-EXECUTED');
    expect(fs.existsSync(marker())).toBe(false);
    expect(fs.existsSync('/tmp/omlint-pwned')).toBe(false);
  });
});

describe('--since runs only `git show`, with arguments that cannot be options', () => {
  let repo: string;
  let fakeBin: string;
  const argvLog = (): string => path.join(scratch.dir, 'git-argv.log');

  beforeAll(() => {
    repo = path.join(scratch.dir, 'git-repo');
    fs.mkdirSync(repo, { recursive: true });
    fs.writeFileSync(path.join(repo, 'values.yaml'), AUTH_VALUES);
    const git = (...args: string[]): string => gitIn(repo, ...args);
    git('init', '-q');
    git('add', 'values.yaml');
    git('commit', '-q', '-m', 'values');
    // A `git` first on PATH that records its arguments, then runs the real git.
    fakeBin = path.join(scratch.dir, 'fake-bin');
    fs.mkdirSync(fakeBin);
    const realGit = spawnSync('sh', ['-c', 'command -v git'], { encoding: 'utf8' }).stdout.trim();
    fs.writeFileSync(path.join(fakeBin, 'git'), `#!/bin/sh\nfor a in "$@"; do printf '%s\\n' "$a"; done >> "${argvLog()}"\nprintf -- '--\\n' >> "${argvLog()}"\nexec "${realGit}" "$@"\n`, { mode: 0o755 });
  });

  const withFakeGit = (): NodeJS.ProcessEnv => ({ PATH: `${fakeBin}${path.delimiter}${process.env.PATH ?? ''}` });

  it('runs exactly `git -C <scratch.dir> show --end-of-options REF:./<file>`', () => {
    fs.rmSync(argvLog(), { force: true });
    const run = runCli(['--format', 'json', '--since', 'HEAD', 'values.yaml'], { cwd: repo, env: withFakeGit() });
    expectCleanRun(run, 1);
    expect(fs.readFileSync(argvLog(), 'utf8').split('\n').filter(Boolean)).toEqual(['-C', repo, 'show', '--end-of-options', 'HEAD:./values.yaml', '--']);
  });

  it.each([
    ['--output=OUT'],
    ['-oOUT'],
    ['--output OUT'],
  ])('a ref like %s is refused before git runs, and writes nothing', (refTemplate) => {
    fs.rmSync(argvLog(), { force: true });
    const out = path.join(scratch.dir, 'since-output');
    const run = runCli(['--format', 'json', `--since=${refTemplate.replace('OUT', out)}`, 'values.yaml'], { cwd: repo, env: withFakeGit() });
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/--since: ".*" is not a git revision/);
    expect(fs.existsSync(out)).toBe(false);
    expect(fs.existsSync(argvLog())).toBe(false);
  });

  it('a ref that hides an option after a revision is one argument after --end-of-options: git fails, nothing is written', () => {
    const out = path.join(scratch.dir, 'since-output-2');
    const run = runCli(['--format', 'json', '--since', `HEAD --output=${out}`, 'values.yaml'], { cwd: repo, env: withFakeGit() });
    expectCleanRun(run, 2);
    expect(run.stderr).toMatch(/^omlint: --since: git cannot show/);
    expect(fs.existsSync(out)).toBe(false);
  });
});
