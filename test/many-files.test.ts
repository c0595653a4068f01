/**
 * Many files. The report is printed as results come (src/cli/report.ts), in every format: the same
 * bytes as the formatter called once with every result, with --quiet and for a run without results. Worker threads (src/runner/parallel.ts) change nothing but
 * speed: the same directory linted by the built CLI with OMLINT_WORKERS=0 (one thread) and
 * OMLINT_WORKERS=2 (the main thread and two workers share the files) gives the same stdout, stderr
 * and exit code, byte for byte, whatever the files hold: findings, YAML syntax errors, unreadable,
 * binary and oversized files, files a config file ignores or sets rules for. The scheduling itself
 * (file order, who lints what, how errors cross threads) is checked with a stand-in linter. No
 * timing is asserted anywhere.
 */
import * as fs from 'fs';
import * as path from 'path';
import { ROOT, runCli, useScratchDir, CliRun } from './robustness/cli';
import { git as gitIn } from './support/git';

const PRELOADS = path.join(ROOT, 'test', 'robustness', 'preload');
const UNREADABLE = { NODE_OPTIONS: `--require ${path.join(PRELOADS, 'unreadable.js')}` };
const WORKER_READS = path.join(ROOT, 'test', 'support', 'worker-reads.js');
const SANDBOXED = { NODE_OPTIONS: `--require ${path.join(PRELOADS, 'sandbox.js')} --disallow-code-generation-from-strings` };

const generator = require('../bench/generate') as { sampleValuesFiles(count: number, seed: number): string[] };

const scratch = useScratchDir();
let tree: string;

beforeAll(() => {
  tree = path.join(scratch.dir, 'tree');
  fs.cpSync(path.join(ROOT, 'fixtures'), path.join(tree, 'fixtures'), { recursive: true });
  // Mixed values files (valid, with mistakes, a few with YAML syntax errors), as the benchmark lints.
  generator.sampleValuesFiles(360, 6).forEach((text, i) => scratch.write(`tree/generated/team-${i % 3}/values-${String(i).padStart(3, '0')}.yaml`, text));
  const sample = fs.readFileSync(path.join(tree, 'generated', 'team-0', 'values-000.yaml'));
  // Unusable files among them: each one-line error must come out at the same place on stderr.
  scratch.write('tree/generated/team-1/values-100-unreadable.yaml', sample);
  scratch.write('tree/generated/team-1/values-200-binary.yaml', Buffer.from([0x6b, 0x3a, 0x00, 0x0a]));
  scratch.write('tree/generated/team-2/values-300-oversized.yaml', `# padding\n${'#'.repeat(300 * 1024)}\n${sample.toString('utf8')}`);
  // A config file in one folder: files it ignores, a rule it turns off, one it makes an error.
  scratch.write('tree/generated/team-2/.omlintrc.yaml', 'ignorePatterns: ["values-01*.yaml"]\nrules:\n  no-placeholders: off\n  initial-admins: error\n');
});

function lint(format: string, workers: string, env: NodeJS.ProcessEnv = UNREADABLE, before: string[] = []): CliRun {
  return runCli([...before, '--format', format, '--max-file-size', '256k', tree], { cwd: scratch.dir, env: { ...env, OMLINT_WORKERS: workers } });
}

describe('a streamed report (in process, from the sources)', () => {
  const { run } = require('../src/cli/main') as typeof import('../src/cli/main');
  const api = require('../src/index') as typeof import('../src/index');
  const { FORMAT_NAMES } = require('../src/formatters') as typeof import('../src/formatters');
  type Result = import('../src/types').LintResult;

  const SECRET = 'QxStreamedSecret4Kq9Zt';
  let dir: string;
  let results: Result[];
  beforeAll(() => {
    // The generated files, a clean file and one whose finding is about a secret written in it.
    dir = path.join(scratch.dir, 'streamed');
    fs.cpSync(path.join(tree, 'generated', 'team-0'), dir, { recursive: true });
    fs.copyFileSync(path.join(ROOT, 'fixtures', 'examples', 'values-google.yaml'), path.join(dir, 'values-clean.yaml'));
    const withSecret = fs.readFileSync(path.join(dir, 'values-clean.yaml'), 'utf8').replace(/^( +)clientId: .*$/m, `$&\n$1clientSecret: "${SECRET}"`);
    expect(withSecret).toContain(SECRET);
    fs.writeFileSync(path.join(dir, 'values-secret.yaml'), withSecret);
    // As --format json asks for them: text fixes, which the other formats do not print.
    results = api.createLinter({ textFixes: true }).lintFiles([dir]);
  });

  /** The CLI's stdout, write by write. */
  const runStreamed = (args: string[]): { code: number; stderr: string; chunks: string[] } => {
    const chunks: string[] = [];
    let stderr = '';
    const code = run(args, { stdout: (text) => chunks.push(text), stderr: (text) => (stderr += text), cwd: scratch.dir, env: {}, isTTY: false });
    return { code, stderr, chunks };
  };
  /** The formatter called once with all results, as the CLI prints it: ending with a newline unless empty. */
  const whole = (format: string, all: readonly Result[]): string => {
    const text = api.loadFormatter(format)?.(all, { cwd: scratch.dir, color: false, rules: api.RULES }) ?? '';
    return text === '' || text.endsWith('\n') ? text : `${text}\n`;
  };
  /** What --quiet shows of a result: its errors. */
  const errorsOnly = (result: Result): Result => ({ ...result, messages: result.messages.filter((m) => m.severity === 'error'), warningCount: 0, infoCount: 0 });

  it('lints files with findings, a clean file and a file with a secret', () => {
    const named = (name: string): Result | undefined => results.find((result) => path.basename(result.filePath) === name);
    expect(results.length).toBeGreaterThan(50);
    // Clean: no error or warning (the advice every stock chart install gets, sso-validator's, is info).
    expect(named('values-clean.yaml')?.messages.filter((m) => m.severity !== 'info')).toEqual([]);
    expect(named('values-secret.yaml')?.messages.map((m) => m.ruleId)).toContain('no-plaintext-secrets');
    // With --quiet, results with warnings only are written without messages.
    expect(results.some((result) => result.messages.length > 0 && result.errorCount === 0)).toBe(true);
  });

  it.each(FORMAT_NAMES.map((format) => [format]))('--format %s: several writes that together are the formatter\'s output for all results', (format) => {
    const { code, stderr, chunks } = runStreamed(['--format', format, dir]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const expected = whole(format, results);
    expect(expected.length).toBeGreaterThan(64 * 1024);
    // Printed as it grows; junit's text is set aside (compressed) until its root element, which
    // carries the run's totals, can be printed at the end, and is then printed in pieces.
    expect(chunks.length).toBeGreaterThan(1);
    expect(chunks.join('')).toBe(expected);
    expect(expected).not.toContain(SECRET);
  });

  it.each(FORMAT_NAMES.map((format) => [format]))('--format %s --quiet: the output for the errors of every result', (format) => {
    const { code, stderr, chunks } = runStreamed(['--format', format, '--quiet', dir]);
    expect(stderr).toBe('');
    expect(code).toBe(1);
    const expected = whole(format, results.map(errorsOnly));
    expect(expected).not.toBe(whole(format, results));
    expect(chunks.join('')).toBe(expected);
    expect(expected).not.toContain(SECRET);
  });

  it.each(FORMAT_NAMES.map((format) => [format]))('--format %s: a run without results prints the formatter\'s output for none', (format) => {
    scratch.write('no-auth/values.yaml', 'image:\n  tag: 1.13.1\n');
    const { code, stderr, chunks } = runStreamed(['--allow-empty', '--format', format, path.join(scratch.dir, 'no-auth')]);
    expect(stderr).toBe('');
    expect(code).toBe(0);
    expect(chunks.join('')).toBe(whole(format, []));
    // Nothing at all for the formats that print nothing when clean: not even a newline.
    expect(chunks.length).toBe(whole(format, []) === '' ? 0 : 1);
  });

  it('a bad config file in a folder linted last ends the run before anything is printed', () => {
    const dir = path.join(scratch.dir, 'late-config');
    generator.sampleValuesFiles(60, 9).forEach((text, i) => scratch.write(`late-config/a/values-${i}.yaml`, text));
    scratch.write('late-config/a/values-binary.yaml', Buffer.from([0x6b, 0x3a, 0x00, 0x0a]));
    scratch.write('late-config/z/.omlintrc.yaml', 'rules:\n  jwks-public-key: fatal\n');
    scratch.write('late-config/z/values.yaml', generator.sampleValuesFiles(1, 9)[0]);
    let stdout = '';
    let stderr = '';
    const code = run(['--format', 'json', dir], { stdout: (text) => (stdout += text), stderr: (text) => (stderr += text), cwd: scratch.dir, env: {}, isTTY: false });
    expect(code).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toMatch(/^omlint: .*z\/\.omlintrc\.yaml: rules\.jwks-public-key: must be off, info, warn or error, not "fatal"\n$/);
  });
});

describe('the built CLI with and without worker threads', () => {
  it.each(['json', 'stylish'])('prints the same report, errors and exit code (--format %s)', (format) => {
    const sequential = lint(format, '0');
    expect(sequential.status).toBe(2);
    expect(sequential.stdout.length).toBeGreaterThan(10_000);
    const errors = sequential.stderr.split('\n').filter(Boolean);
    expect(errors.map((line) => line.replace(/^omlint: .*\/(values-[^/]+\.yaml): .*$/, '$1'))).toEqual([
      'values-100-unreadable.yaml',
      'values-200-binary.yaml',
      'values-300-oversized.yaml',
    ]);
    expect(sequential.stdout).not.toContain('team-2/values-01');
    if (format === 'json') expect(JSON.parse(sequential.stdout).length).toBeGreaterThan(200);
    // A preload names the files worker threads open: none without workers, some with them.
    const workerLog = path.join(scratch.dir, `worker-reads-${format}.log`);
    const logged = { NODE_OPTIONS: `${UNREADABLE.NODE_OPTIONS} --require ${WORKER_READS}`, OMLINT_TEST_WORKER_LOG: workerLog };
    expect(lint(format, '0', logged)).toEqual(sequential);
    expect(fs.existsSync(workerLog)).toBe(false);
    expect(lint(format, '2', logged)).toEqual(sequential);
    expect(fs.readFileSync(workerLog, 'utf8')).toMatch(/^[1-9]\d* \/.*\.yaml$/m);
  });

  it('prints the same under the side-effect sandbox, which a worker thread does not trip', () => {
    const sequential = lint('json', '0', SANDBOXED);
    expect(sequential.stderr).not.toContain('SANDBOX-VIOLATION');
    expect(sequential.status).toBe(2);
    const parallel = lint('json', '2', SANDBOXED);
    expect(parallel.stderr).not.toContain('SANDBOX-VIOLATION');
    expect(parallel).toEqual(sequential);
  });

  it('prints the same with --quiet, --max-warnings and a second format in an -o file', () => {
    const outputs = (workers: string): { run: CliRun; file: string } => {
      const file = path.join(scratch.dir, `report-${workers}.json`);
      // The -o file comes first: stdout is then printed at the end, after the file is written.
      const run = lint('stylish', workers, UNREADABLE, ['--quiet', '--max-warnings', '3', '--format', 'json', '-o', file]);
      return { run, file: fs.readFileSync(file, 'utf8') };
    };
    const sequential = outputs('0');
    expect(sequential.file.length).toBeGreaterThan(10_000);
    expect(sequential.run.stdout.length).toBeGreaterThan(10_000);
    expect(outputs('2')).toEqual(sequential);
  });

  it('prints the same with --since (each thread asks git for its own files)', () => {
    const repo = path.join(scratch.dir, 'repo');
    fs.cpSync(path.join(tree, 'generated', 'team-0'), repo, { recursive: true });
    const git = (...args: string[]): string => gitIn(repo, ...args);
    git('init', '-q');
    git('add', '.');
    git('commit', '-q', '-m', 'values');
    // Half the files change after the commit: their findings are measured against the committed text.
    for (const name of fs.readdirSync(repo).filter((name, i) => name.endsWith('.yaml') && i % 2 === 0)) {
      const file = path.join(repo, name);
      fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replace(/clientId: "?[^"\n]*"?/, 'clientId: "{{ .Values.clientId }}"'));
    }
    const since = (workers: string): CliRun => runCli(['--format', 'json', '--since', 'HEAD', '.'], { cwd: repo, env: { OMLINT_WORKERS: workers } });
    const sequential = since('0');
    expect(sequential.status).toBe(1);
    expect(sequential.stderr).toBe('');
    expect(since('2')).toEqual(sequential);
  });
});

describe('lintAll with worker threads (a stand-in linter names the thread of each file)', () => {
  // Compiled code: a worker thread loads dist/, not the TypeScript sources.
  const parallel = require('../dist/runner/parallel.js') as typeof import('../src/runner/parallel');
  const { standInOutcome } = require('./support/parallel-stand-in.js') as { standInOutcome(file: string, threadId: number): unknown };
  const { InputError } = require('../dist/source/read.js') as typeof import('../src/source/read');
  const { ConfigError } = require('../dist/runner/config.js') as typeof import('../src/runner/config');
  const entry = path.join(__dirname, 'support', 'parallel-worker.js');

  type Outcome = { result?: { filePath: string; threadId: number }; failure?: unknown };
  const lintAll = (files: string[], workers: string): { file: string; outcome: Outcome }[] => {
    const options = { entry, options: {} as never, env: { OMLINT_WORKERS: workers } };
    return [...parallel.lintAll(files, (file) => standInOutcome(file, 0) as never, options)] as never;
  };

  it('hands every outcome on in file order, with work done by the workers too', () => {
    const files = Array.from({ length: 2000 }, (_, i) => `/repo/values-${i}.yaml`);
    const outcomes = lintAll(files, '2');
    expect(outcomes.map(({ file }) => file)).toEqual(files);
    expect(outcomes.map(({ outcome }) => outcome.result?.filePath)).toEqual(files);
    const threads = new Set(outcomes.map(({ outcome }) => outcome.result?.threadId));
    expect(threads.has(0)).toBe(true);
    expect(threads.size).toBeGreaterThan(1);
  });

  it('gives failures back as the main thread would see them, and stops at an error that ends the run', () => {
    const files = Array.from({ length: 600 }, (_, i) => `/repo/values-${i}.yaml`);
    files[300] = '/repo/values-300-input-error.yaml';
    files[400] = '/repo/values-400-internal-error.yaml';
    files[450] = '/repo/values-450-thrown-value.yaml';
    files[500] = '/repo/values-500-config-error.yaml';
    const seen: string[] = [];
    const run = (): void => {
      for (const { file, outcome } of parallel.lintAll(files, (file) => standInOutcome(file, 0) as never, {
        entry, options: {} as never, env: { OMLINT_WORKERS: '2' },
      })) {
        seen.push(file);
        const failure = (outcome as Outcome).failure;
        if (file.includes('input-error')) {
          expect(failure).toBeInstanceOf(InputError);
          expect((failure as Error).message).toBe(`${file}: cannot be read`);
        } else if (file.includes('internal-error')) {
          expect(failure).toBeInstanceOf(Error);
          expect((failure as Error).message).toBe(`broken on ${file}`);
          expect((failure as Error).stack).toMatch(/^TypeError: broken on /);
        } else if (file.includes('thrown-value')) {
          expect(failure).toBe(`a string thrown on ${file}`);
        } else {
          expect(failure).toBeUndefined();
        }
      }
    };
    expect(run).toThrow(ConfigError);
    expect(seen).toEqual(files.slice(0, 500));
  });

  it('takes OMLINT_WORKERS as a number of workers, and runs alone from the TypeScript sources', () => {
    expect(parallel.askedWorkers({ OMLINT_WORKERS: '2' })).toBe(2);
    expect(parallel.askedWorkers({ OMLINT_WORKERS: '0' })).toBe(0);
    expect(parallel.askedWorkers({ OMLINT_WORKERS: 'many' })).toBeUndefined();
    expect(parallel.askedWorkers({})).toBeUndefined();
    const files = Array.from({ length: 300 }, (_, i) => `/repo/values-${i}.yaml`);
    const fromSources = [...parallel.lintAll(files, (file) => standInOutcome(file, 0) as never, {
      entry: '/x/src/cli/main.ts', options: {} as never, env: { OMLINT_WORKERS: '2' },
    })] as { outcome: Outcome }[];
    expect(new Set(fromSources.map(({ outcome }) => outcome.result?.threadId))).toEqual(new Set([0]));
  });

  it('counts no more cores than a container\'s cgroup CPU quota grants (v2, then v1)', () => {
    const files = (contents: Record<string, string>) => (file: string): string => {
      if (!(file in contents)) throw Object.assign(new Error(`ENOENT: ${file}`), { code: 'ENOENT' });
      return contents[file];
    };
    expect(parallel.cpuQuota(files({ '/sys/fs/cgroup/cpu.max': '200000 100000\n' }))).toBe(2);
    expect(parallel.cpuQuota(files({ '/sys/fs/cgroup/cpu.max': '150000 100000\n' }))).toBe(1);
    expect(parallel.cpuQuota(files({ '/sys/fs/cgroup/cpu.max': '50000 100000\n' }))).toBe(1);
    expect(parallel.cpuQuota(files({ '/sys/fs/cgroup/cpu.max': 'max 100000\n' }))).toBeUndefined();
    const v1 = (quota: string): Record<string, string> => ({ '/sys/fs/cgroup/cpu/cpu.cfs_quota_us': quota, '/sys/fs/cgroup/cpu/cpu.cfs_period_us': '100000\n' });
    expect(parallel.cpuQuota(files(v1('400000\n')))).toBe(4);
    expect(parallel.cpuQuota(files(v1('-1\n')))).toBeUndefined();
    expect(parallel.cpuQuota(files({}))).toBeUndefined();
  });

  it('unasked, starts one worker per FILES_PER_WORKER files, at most one per idle core besides the main thread\'s', () => {
    const many = 5 * parallel.FILES_PER_WORKER;
    expect(parallel.autoWorkers(many, 2, 1.0)).toBe(1);
    expect(parallel.autoWorkers(many, 2, 1.9)).toBe(1);
    expect(parallel.autoWorkers(many, 2, 0.3)).toBe(0);
    expect(parallel.autoWorkers(many, 8, 3.4)).toBe(3);
    expect(parallel.autoWorkers(2 * parallel.FILES_PER_WORKER, 8, 8)).toBe(2);
    expect(parallel.autoWorkers(parallel.FILES_PER_WORKER - 1, 8, 8)).toBe(0);
    expect(parallel.autoWorkers(many, 1, 1)).toBe(0);
  });
});
