/** --format repeated with -o per format, a lone -o, and --stdin --stdin-filename, through the CLI. */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';
import { omlint } from './support/cli-in-process';
import { tempDir } from './support/temp';
import { git as gitIn } from './support/git';

const ROOT = path.join(__dirname, '..');
const BROKEN = fs.readFileSync(path.join(ROOT, 'fixtures', 'demo', 'values-broken.yaml'), 'utf8');
const CLEAN = fs.readFileSync(path.join(ROOT, 'fixtures', 'examples', 'values-google.yaml'), 'utf8');

function scratch(files: Record<string, string> = {}): string {
  const top = tempDir('omlint-cli-');
  fs.writeFileSync(path.join(top, '.omlintrc.yaml'), 'root: true\n');
  const dir = path.join(top, 'work');
  for (const [name, text] of Object.entries({ 'values.yaml': BROKEN, ...files })) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

describe('--format and -o', () => {
  it('writes each format to its own -o file and the one without -o to stdout (Spectral style)', () => {
    const dir = scratch();
    const run = omlint(['--format', 'sarif', '-o', 'reports/omlint.sarif', '--format', 'stylish', '--format', 'junit', '--output-file=reports/junit.xml', 'values.yaml'], dir);
    expect(run.code).toBe(1);
    expect(run.stdout).toMatch(/^\nvalues\.yaml\n/);
    expect(run.stdout).toMatch(/^ {2}11:7 +error +publicKeys has no/m);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'reports', 'omlint.sarif'), 'utf8')).runs[0].results.length).toBeGreaterThan(3);
    expect(fs.readFileSync(path.join(dir, 'reports', 'junit.xml'), 'utf8')).toMatch(/^<\?xml/);
  });

  it('writes the only format to a lone -o FILE, before or after --format, without colour', () => {
    const dir = scratch();
    const lone = omlint(['-o', 'out.txt', '--color', 'values.yaml'], dir);
    expect(lone.stdout).toBe('');
    // --color was asked for explicitly, so even the file gets it.
    expect(fs.readFileSync(path.join(dir, 'out.txt'), 'utf8')).toContain('\u001b[');
    const json = omlint(['-o', 'out.json', '--format', 'json', 'values.yaml'], dir);
    expect(json.stdout).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.json'), 'utf8'))[0].errorCount).toBeGreaterThan(0);
    omlint(['--format', 'stylish', '-o', 'plain.txt', 'values.yaml'], dir, { env: { FORCE_COLOR: '1' } });
    expect(fs.readFileSync(path.join(dir, 'plain.txt'), 'utf8')).not.toContain('\u001b[');
  });

  it('an -o file that cannot be written ends the run after the outputs before it, before those after it', () => {
    const dir = scratch();
    fs.mkdirSync(path.join(dir, 'taken.json'));
    const run = omlint(['--format', 'compact', '--format', 'json', '-o', 'taken.json', '--format', 'sarif', '-o', 'after.sarif', 'values.yaml'], dir);
    expect(run.code).toBe(2);
    expect(run.stdout).toMatch(/^values\.yaml:11:7: error publicKeys has no/m);
    expect(run.stderr).toBe(`omlint: -o ${path.join(dir, 'taken.json')}: cannot write (EISDIR)\n`);
    expect(fs.existsSync(path.join(dir, 'after.sarif'))).toBe(false);
  });

  it('writes an -o file as the report grows, not all at the end', () => {
    const { Report } = require('../src/cli/report') as typeof import('../src/cli/report');
    const { loadFormatter, RULES } = require('../src') as typeof import('../src');
    const writes: { text: string; resultsSoFar: number }[] = [];
    let added = 0;
    let closed = false;
    const report = new Report(
      [{ formatter: loadFormatter('json')!, context: { cwd: '/', color: false, rules: RULES }, file: 'report.json' }],
      (result) => result,
      () => undefined,
      () => ({ write: (text) => writes.push({ text, resultsSoFar: added }), close: () => (closed = true) }),
    );
    const message = { ruleId: 'no-placeholders', severity: 'warn' as const, message: 'x'.repeat(300), filePath: '/v.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const results = Array.from({ length: 400 }, (_, i) => ({ filePath: `/values-${i}.yaml`, messages: [message], errorCount: 0, warningCount: 1, infoCount: 0 }));
    for (const result of results) {
      report.add(result);
      added++;
    }
    expect(writes.length).toBeGreaterThan(1);
    expect(writes[0].resultsSoFar).toBeLessThan(results.length);
    report.finish();
    expect(closed).toBe(true);
    expect(writes.map(({ text }) => text).join('')).toBe(`${loadFormatter('json')!(results, { cwd: '/', color: false, rules: RULES })}\n`);
  });

  describe('junit, whose root element carries the totals: its text waits, compressed', () => {
    const { SetAside } = require('../src/cli/set-aside') as typeof import('../src/cli/set-aside');
    const { Report } = require('../src/cli/report') as typeof import('../src/cli/report');
    const { loadFormatter, RULES } = require('../src') as typeof import('../src');
    const context = { cwd: '/', color: false, rules: RULES };
    const message = { ruleId: 'no-placeholders', severity: 'error' as const, message: `«${'é'.repeat(150)}» ✓`, filePath: '/v.yaml', line: 1, column: 1, endLine: 1, endColumn: 2 };
    const results = Array.from({ length: 600 }, (_, i) => ({ filePath: `/values-${i}.yaml`, messages: [message], errorCount: 1, warningCount: 0, infoCount: 0 }));

    it('gives back every piece in order, characters whole, and lets go of what was read', () => {
      const aside = new SetAside();
      const pieces = ['aé€😀'.repeat(20_000), '', '\n</testsuites>', 'x'.repeat(70_000)];
      for (const piece of pieces) aside.add(piece);
      expect([...aside.read()]).toEqual(pieces);
      expect([...aside.read()]).toEqual([]);
    });

    it('prints nothing until the end, then the bytes of the whole formatter, in pieces', () => {
      const printed: string[] = [];
      const report = new Report([{ formatter: loadFormatter('junit')!, context }], (result) => result, (text) => printed.push(text), () => {
        throw new Error('no -o file here');
      });
      for (const result of results) report.add(result);
      expect(printed).toEqual([]);
      report.finish();
      expect(printed.length).toBeGreaterThan(2);
      expect(printed.join('')).toBe(`${loadFormatter('junit')!(results, context)}\n`);
    });
  });

  it('writes an empty or clean report file too, so CI artifacts always exist', () => {
    const dir = scratch({ 'values.yaml': CLEAN });
    const run = omlint(['--format', 'compact', '-o', 'c.txt', '--format', 'sarif', '-o', 's.sarif', 'values.yaml'], dir);
    expect(run.code).toBe(0);
    expect(fs.readFileSync(path.join(dir, 'c.txt'), 'utf8')).toBe('');
    expect(JSON.parse(fs.readFileSync(path.join(dir, 's.sarif'), 'utf8')).runs[0].results).toEqual([]);
  });

  it.each([
    [['--format', 'json', '--format', 'compact'], /only one --format can print to stdout/],
    [['--format', 'json', '-o', 'a', '-o', 'b'], /-o b: each -o FILE follows the --format it is for/],
    [['-o', 'a', '--format', 'json', '--format', 'sarif', '-o', 'b'], /-o a: with several --format, put each -o FILE after its --format/],
    [['--format', 'json', '-o', 'a', '--format', 'sarif', '-o', 'a'], /-o a is given for two formats/],
    [['--format', 'xml'], /unknown format "xml"; use one of stylish, json, sarif, junit, github, gitlab, checkstyle, compact/],
    [['--stdin', 'values.yaml'], /--stdin lints standard input; give no file arguments with it/],
    [['--stdin-filename', 'x.yaml'], /--stdin-filename needs --stdin/],
  ])('%j is a usage error (exit 2)', (args, message) => {
    const run = omlint([...args], scratch());
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stdout).toBe('');
  });
});

describe('--stdin', () => {
  it('lints standard input as the file --stdin-filename names: its path in the output, its config', () => {
    const dir = scratch({ 'envs/dev/.omlintrc.yaml': 'rules:\n  no-placeholders: off\n' });
    const run = omlint(['--stdin', '--stdin-filename', 'envs/dev/values.yaml', '--format', 'compact'], dir, { stdin: BROKEN });
    expect(run.code).toBe(1);
    const lines = run.stdout.trim().split('\n');
    expect(lines.every((line) => line.startsWith('envs/dev/values.yaml:'))).toBe(true);
    expect(lines.some((line) => line.endsWith('[no-placeholders]'))).toBe(false);
    expect(lines.some((line) => line.endsWith('[jwks-public-key]'))).toBe(true);
    // The file on disk (here: none) is never read.
    expect(fs.existsSync(path.join(dir, 'envs', 'dev', 'values.yaml'))).toBe(false);
  });

  it('gives positions with end columns, and names <stdin> without --stdin-filename', () => {
    const run = omlint(['--stdin', '--format', 'json'], scratch(), { stdin: BROKEN });
    const [result] = JSON.parse(run.stdout);
    expect(result.filePath).toBe('<stdin>');
    expect(result.messages.find((m: { ruleId: string }) => m.ruleId === 'jwks-public-key')).toMatchObject({ line: 11, column: 7, endLine: 11, endColumn: 17 });
  });

  it('skips standard input when its name is ignored by the config', () => {
    const dir = scratch({ '.omlintrc.yaml': 'ignorePatterns: [vendor/]\n' });
    const run = omlint(['--stdin', '--stdin-filename', 'vendor/values.yaml'], dir, { stdin: BROKEN });
    expect(run).toEqual({ code: 2, stdout: '', stderr: expect.stringMatching(/^omlint: standard input holds no OpenMetadata auth settings; give --allow-empty/) });
    expect(omlint(['--stdin', '--stdin-filename', 'vendor/values.yaml', '--allow-empty'], dir, { stdin: BROKEN })).toEqual({ code: 0, stdout: '', stderr: '' });
  });

  it('takes --since from the named path: git is asked about that file in its repository', () => {
    const dir = scratch({ 'helm/values.yaml': CLEAN });
    const git = (...args: string[]): string => gitIn(dir, ...args);
    git('init', '-q');
    git('add', 'helm/values.yaml');
    git('commit', '-q', '-m', 'clean values');
    const run = omlint(['--stdin', '--stdin-filename', 'helm/values.yaml', '--since', 'HEAD', '--format', 'compact'], dir, { stdin: BROKEN });
    expect(run.stderr).toBe('');
    expect(run.stdout).toMatch(/^helm\/values\.yaml:11:7: error .*\[jwks-public-key\]$/m);
    const outside = omlint(['--stdin', '--stdin-filename', 'values.yaml', '--since', 'HEAD~5'], dir, { stdin: BROKEN });
    expect(outside.code).toBe(2);
    expect(outside.stderr).toMatch(/--since: git cannot show HEAD~5:\.\/values\.yaml/);
    expect(omlint(['--stdin', '--since', 'HEAD'], dir, { stdin: BROKEN }).stderr).toMatch(/--since with --stdin needs --stdin-filename PATH/);
  });

  it('applies inline directives, and reports unused ones with --report-unused-disable-directives', () => {
    const text = BROKEN.replace('      publicKeys:', '      # omlint-disable-next-line jwks-public-key, no-env-substitution -- set by helm -f\n      publicKeys:');
    const args = ['--stdin', '--stdin-filename', 'values.yaml', '--format', 'compact'];
    const quiet = omlint(args, scratch(), { stdin: text }).stdout;
    expect(quiet).not.toContain('[jwks-public-key]');
    expect(quiet).not.toContain('[omlint-directive]');
    const reported = omlint([...args, '--report-unused-disable-directives'], scratch(), { stdin: text }).stdout;
    expect(reported).toMatch(/^values\.yaml:11:\d+: error `omlint-disable-next-line no-env-substitution` suppresses nothing: .* \[omlint-directive\]$/m);
  });

  it('works through the real binary and a pipe', () => {
    const dir = scratch();
    const out = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'omlint.js'), '--stdin', '--stdin-filename', 'values.yaml', '--format', 'compact'], { cwd: dir, input: BROKEN, encoding: 'utf8' });
    expect(out.status).toBe(1);
    expect(out.stdout).toMatch(/^values\.yaml:11:7: error .* \[jwks-public-key\]$/m);
  });
});
