/**
 * Runs the built CLI (`node bin/omlint.js`) as a child process and checks what every robustness
 * case asserts: the exit code, no stack trace on stderr, and stdout in a valid format. The only time
 * bound is the child's own timeout (generous, for slow CI machines): a hang is killed and fails.
 */
import { spawnSync, SpawnSyncOptions } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { CORPUS } from '../support/corpus';

export const ROOT = path.join(__dirname, '..', '..');
export const BIN = path.join(ROOT, 'bin', 'omlint.js');
export { CORPUS };
export const FIXTURES = path.join(ROOT, 'fixtures');
/** Per child process; a run that takes longer is killed and its case fails. */
export const CHILD_TIMEOUT_MS = 60_000;

export interface CliRun {
  status: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
}

export interface CliOptions {
  cwd?: string;
  input?: string | Buffer;
  env?: NodeJS.ProcessEnv;
  stdio?: SpawnSyncOptions['stdio'];
  timeout?: number;
}

export function runCli(args: readonly string[], options: CliOptions = {}): CliRun {
  const result = spawnSync(process.execPath, [BIN, ...args], {
    cwd: options.cwd ?? ROOT,
    input: options.input,
    env: { ...cleanEnv(), ...options.env },
    stdio: options.stdio,
    timeout: options.timeout ?? CHILD_TIMEOUT_MS,
    encoding: 'utf8',
    maxBuffer: 256 * 1024 * 1024,
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code !== 'ETIMEDOUT') throw result.error;
  return { status: result.status, signal: result.signal, stdout: result.stdout ?? '', stderr: result.stderr ?? '' };
}

/** The environment without colour switches and NODE_OPTIONS from the test runner. */
export function cleanEnv(): NodeJS.ProcessEnv {
  const env = { ...process.env };
  for (const name of ['FORCE_COLOR', 'NO_COLOR', 'NODE_OPTIONS']) delete env[name];
  return env;
}

/** A stack trace line as Node prints it. */
const STACK_LINE = /^\s{4}at /m;

/** Asserts the common contract of a run: exit code, no stack trace, stdout that parses. */
export function expectCleanRun(run: CliRun, status: number | number[], format: 'json' | 'stylish' = 'json'): void {
  const allowed = Array.isArray(status) ? status : [status];
  if (run.signal !== null || !allowed.includes(run.status ?? -1)) {
    throw new Error(`exit code ${run.status} (signal ${run.signal}), expected ${allowed.join(' or ')}\nstderr: ${run.stderr.slice(0, 2000)}`);
  }
  expect(run.stderr).not.toMatch(STACK_LINE);
  expect(run.stdout).not.toMatch(STACK_LINE);
  for (const line of run.stderr.split('\n').filter(Boolean)) expect(line).toMatch(/^omlint: /);
  // A run that fails before linting anything (bad option, unusable --baseline) prints no report.
  if (run.status === 2 && run.stdout === '') return;
  if (format === 'json') expectJsonReport(run.stdout);
  else expectStylishReport(run.stdout);
}

export interface JsonResult {
  filePath: string;
  messages: { ruleId: string; severity: number; message: string; line: number; column: number; endLine: number; endColumn: number }[];
  errorCount: number;
  warningCount: number;
}

/** stdout of --format json: one JSON array of results with well-formed positions. */
export function expectJsonReport(stdout: string): JsonResult[] {
  const results = JSON.parse(stdout) as JsonResult[];
  if (!Array.isArray(results)) throw new Error(`JSON output is not an array: ${stdout.slice(0, 200)}`);
  // Plain checks, not expect() per field: a report may hold 160 000 findings.
  for (const result of results) {
    if (typeof result.filePath !== 'string') throw new Error(`result without filePath: ${JSON.stringify(result).slice(0, 200)}`);
    for (const m of result.messages) {
      const positions = [m.line, m.column, m.endLine, m.endColumn];
      const ok = typeof m.ruleId === 'string' && [0, 1, 2].includes(m.severity) && typeof m.message === 'string' && m.message.length > 0 &&
        positions.every((n) => Number.isInteger(n) && n >= 1);
      if (!ok) throw new Error(`malformed finding: ${JSON.stringify(m).slice(0, 300)}`);
    }
  }
  return results;
}

/** stdout of the stylish format: file lines, finding rows, one summary; nothing else. */
export function expectStylishReport(stdout: string): void {
  for (const line of stdout.split('\n')) {
    if (line === '') continue;
    const ok = /^ {2}\d+:\d+ +(error|warning|info) {2}.+ {2}[a-z0-9-]+$/.test(line) || /^\u2716 \d+ problems? \(/.test(line) || /^\S/.test(line)
      // The closing "Rule docs:" list: each rule id with its documentation URL.
      || /^ {2}[a-z0-9-]+ +https:\/\/\S+\.md$/.test(line);
    if (!ok) throw new Error(`not a stylish output line: ${JSON.stringify(line.slice(0, 200))}`);
  }
}

/**
 * A temporary directory for the tests of one file: made before them, removed after them, with a
 * writer that puts a file in it (parent folders included) and returns its path.
 */
export interface ScratchDir {
  dir: string;
  write(name: string, content: string | Buffer): string;
}

export function useScratchDir(): ScratchDir {
  const scratch: ScratchDir = {
    dir: '',
    write(name, content) {
      const file = path.join(scratch.dir, name);
      fs.mkdirSync(path.dirname(file), { recursive: true });
      fs.writeFileSync(file, content);
      return file;
    },
  };
  beforeAll(() => {
    scratch.dir = makeTemp();
  });
  afterAll(() => removeTemp(scratch.dir));
  return scratch;
}

/** A fresh temporary directory, removed by the caller's afterAll via removeTemp. */
export function makeTemp(prefix = 'omlint-robust-'): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), prefix));
}

export function removeTemp(dir: string): void {
  fs.rmSync(dir, { recursive: true, force: true });
}

/** A small valid values file with auth settings (one jwks-public-key error). */
export const AUTH_VALUES = `openmetadata:
  config:
    authentication:
      provider: google
      publicKeys:
        - https://www.googleapis.com/oauth2/v3/certs
      authority: https://accounts.google.com
      clientId: 418220371935-0k3hd9v2fq7j5t8c1m6n4b2x0z9y8w7v.apps.googleusercontent.com
      callbackUrl: https://catalog.acme-analytics.io/callback
`;

/**
 * What the fuzzer mutates: every YAML file of the docs corpus and the fixtures, the env-file fixtures,
 * and the real-world corpus (env files whatever their name, other tools' files, templates), each
 * linted under its own name so that every way of reading a file is exercised.
 */
export function fuzzSourceFiles(): string[] {
  const out = corpusAndFixtureFiles();
  const walk = (dir: string, keep: (name: string) => boolean): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full, keep);
      else if (keep(entry.name)) out.push(full);
    }
  };
  walk(FIXTURES, (name) => name.endsWith('.env'));
  walk(path.join(CORPUS, '..', 'real-world'), (name) => !/\.(md|json)$/.test(name));
  return [...new Set(out)].sort();
}

/** Every YAML file of the docs corpus and the fixtures. */
export function corpusAndFixtureFiles(): string[] {
  const out: string[] = [];
  const walk = (dir: string): void => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      const full = path.join(dir, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (/\.ya?ml$/.test(entry.name)) out.push(full);
    }
  };
  walk(CORPUS);
  walk(FIXTURES);
  return out.sort();
}
