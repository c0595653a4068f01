import { spawnSync } from 'child_process';
import * as path from 'path';

// bench/run.js is never run by the tests (it takes minutes); only how it reads its options is
// checked, which happens before it generates or runs anything.
const RUN = path.join(__dirname, '..', 'bench', 'run.js');

function bench(...args: string[]): { status: number | null; stdout: string; stderr: string } {
  const result = spawnSync(process.execPath, [RUN, ...args], { encoding: 'utf8', timeout: 30_000 });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

describe('bench/run.js options', () => {
  it('--help prints the usage from the script\'s opening comment and exits 0', () => {
    const { status, stdout, stderr } = bench('--help');
    expect(status).toBe(0);
    expect(stderr).toBe('');
    expect(stdout).toMatch(/^omlint's benchmark/);
    expect(stdout).toContain('npm run bench:peers');
    expect(stdout).not.toMatch(/^\s*\*/m);
  });

  it('takes every option it documents (--help ends the run before anything is generated)', () => {
    const run = bench('--runs', '3', '--cases', 'one,k1', '--peers', '--no-spectral', '--no-parse-only', '--spectral-runs-k10', '2', '--omlint', 'old=bin/omlint.js', '--format', 'sarif', '--help');
    expect(run.stderr).toBe('');
    expect(run.status).toBe(0);
  });

  it.each([
    [['--bogus'], 'bench/run.js: unknown option --bogus; see node bench/run.js --help'],
    [['--runs'], 'bench/run.js: --runs needs a value'],
    [['--runs', '0'], 'bench/run.js: --runs takes a positive whole number, not "0"'],
    [['--spectral-runs-k10', 'two'], 'bench/run.js: --spectral-runs-k10 takes a positive whole number, not "two"'],
    [['--cases', 'one,k3'], 'bench/run.js: --cases: unknown case "k3"; use one, k1, k10, d10, big'],
    [['--omlint', 'nolabel'], 'bench/run.js: --omlint takes LABEL=path/to/bin.js'],
    [['--format', 'yaml'], 'bench/run.js: --format: use one of json, sarif, stylish, junit, gitlab, checkstyle, compact'],
  ])('%j is one line on stderr and exit code 2', (args, message) => {
    const { status, stdout, stderr } = bench(...args);
    expect(status).toBe(2);
    expect(stdout).toBe('');
    expect(stderr).toBe(`${message}\n`);
  });
});
