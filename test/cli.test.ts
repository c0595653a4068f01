/** The omlint command as users and CI run it: output, formats, options and exit codes. */
import * as fs from 'fs';
import * as path from 'path';
import { omlint, scratchDir, STACK_LINE, ROOT } from './support/cli';
import { git } from './support/git';

/** A correct Google config but for one thing: no OpenMetadata JWKS in publicKeys (line 8, column 7). */
const MISSING_JWKS = `openmetadata:
  config:
    authentication:
      provider: google
      authority: https://accounts.google.com
      clientId: 123456789012-4k3j2h1g0f9e8d7c6b5a.apps.googleusercontent.com
      callbackUrl: https://metadata.acme.io/callback
      publicKeys:
        - https://www.googleapis.com/oauth2/v3/certs
`;
const CLEAN = fs.readFileSync(path.join(ROOT, 'fixtures', 'examples', 'values-google.yaml'), 'utf8');
const NOT_OURS = 'replicaCount: 2\nimage:\n  repository: nginx\n';

describe('exit codes and output', () => {
  it('is silent with exit 0 on a clean values file', () => {
    const dir = scratchDir({ 'values.yaml': CLEAN });
    const run = omlint(['values.yaml'], { cwd: dir });
    expect(run).toMatchObject({ status: 0, stdout: '', stderr: '' });
  });

  it('prints findings with line:column and rule id and exits 1 on errors', () => {
    const dir = scratchDir({ 'values.yaml': MISSING_JWKS });
    const run = omlint(['values.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stdout).toContain('values.yaml');
    expect(run.stdout).toMatch(/^\s+8:7\s+error\s+.*jwks-public-key$/m);
    expect(run.stdout).toMatch(/^\u2716 \d+ problems? \(1 error, \d+ warnings?\)$/m);
    expect(run.stderr).toBe('');
  });

  it('prints the ESLint-compatible JSON contract with --format json', () => {
    const dir = scratchDir({ 'values.yaml': MISSING_JWKS });
    const run = omlint(['--format', 'json', 'values.yaml'], { cwd: dir });
    const results = JSON.parse(run.stdout);
    // What other rules say about the chart defaults this file keeps is not what this test is about.
    const warnings = results[0].messages.filter((m: { severity: number }) => m.severity === 1).length;
    results[0].messages = results[0].messages.filter((m: { severity: number }) => m.severity === 2);
    expect(results).toEqual([
      {
        filePath: path.join(dir, 'values.yaml'),
        messages: [
          expect.objectContaining({
            ruleId: 'jwks-public-key', severity: 2, level: 'error', line: 8, column: 7, endLine: 8, endColumn: 17,
            // ESLint's fix: an edit of the file's text, which --fix would make.
            fix: { range: [expect.any(Number), expect.any(Number)], text: expect.stringContaining('/api/v1/system/config/jwks') },
          }),
        ],
        errorCount: 1,
        fatalErrorCount: 0,
        warningCount: warnings,
        fixableErrorCount: 1,
        fixableWarningCount: 0,
        usedDeprecatedRules: [],
      },
    ]);
  });

  it('exits 2 with one line on stderr for a missing file, and still lints the others', () => {
    const dir = scratchDir({ 'values.yaml': MISSING_JWKS });
    const run = omlint(['--format', 'json', 'nope.yaml', 'values.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('omlint: nope.yaml: no such file or directory\n');
    expect(JSON.parse(run.stdout).map((r: { filePath: string }) => path.basename(r.filePath))).toEqual(['values.yaml']);
  });

  it('exits 2 on an unknown option, format or rule, with one line and no stack', () => {
    for (const args of [['--frobnicate'], ['--format', 'xml', '.'], ['--rule', 'no-such-rule:off', '.'], ['--rule', 'jwks-public-key:loud']]) {
      const run = omlint(args);
      expect(run.status).toBe(2);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
      expect(run.stderr).not.toMatch(STACK_LINE);
    }
  });
});

describe('options', () => {
  it('--rule id:off silences a rule, id:warn downgrades it (exit 0)', () => {
    const dir = scratchDir({ 'values.yaml': MISSING_JWKS });
    expect(omlint(['--quiet', '--rule', 'jwks-public-key:off', 'values.yaml'], { cwd: dir })).toMatchObject({ status: 0, stdout: '' });
    const warned = omlint(['--rule', 'jwks-public-key:warn', 'values.yaml'], { cwd: dir });
    expect(warned.status).toBe(0);
    expect(warned.stdout).toMatch(/8:7\s+warning/);
  });

  it('--max-warnings fails the run when warnings exceed it', () => {
    const dir = scratchDir({ 'values.yaml': MISSING_JWKS });
    const run = omlint(['--rule', 'jwks-public-key:warn', '--max-warnings', '0', 'values.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toContain('more than --max-warnings 0');
  });

  it('--quiet hides warnings', () => {
    const dir = scratchDir({ 'values.yaml': MISSING_JWKS });
    const run = omlint(['--quiet', '--rule', 'jwks-public-key:warn', 'values.yaml'], { cwd: dir });
    expect(run).toMatchObject({ status: 0, stdout: '' });
  });

  it('colours only when asked or on a terminal; NO_COLOR wins over the default', () => {
    const dir = scratchDir({ 'values.yaml': MISSING_JWKS });
    expect(omlint(['values.yaml'], { cwd: dir }).stdout).not.toContain('\u001b[');
    expect(omlint(['--color', 'values.yaml'], { cwd: dir }).stdout).toContain('\u001b[');
    expect(omlint(['values.yaml'], { cwd: dir, env: { NO_COLOR: undefined, FORCE_COLOR: '1' } }).stdout).toContain('\u001b[');
  });

  it('--version, --help and --list-rules print and exit 0', () => {
    const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));
    expect(omlint(['--version'])).toMatchObject({ status: 0, stdout: `${pkg.version}\n` });
    expect(omlint(['--help']).stdout).toContain('Usage: omlint');
    const list = omlint(['--list-rules']);
    expect(list.status).toBe(0);
    expect(list.stdout).toMatch(/^jwks-public-key\s+error\s+/m);
  });
});

describe('finding files', () => {
  it('scans a directory for values files, skips other YAML silently, honours .gitignore and node_modules', () => {
    const dir = scratchDir({
      'helm/values-prod.yaml': MISSING_JWKS,
      'helm/prod-values.yml': MISSING_JWKS,
      'helm/openmetadata.yaml': MISSING_JWKS,
      'helm/chart.yaml': MISSING_JWKS,
      'helm/values-app.yaml': NOT_OURS,
      'build/values.yaml': MISSING_JWKS,
      'node_modules/x/values.yaml': MISSING_JWKS,
      '.gitignore': '# generated\nbuild/\n',
    });
    const run = omlint(['--format', 'json'], { cwd: dir });
    const files = JSON.parse(run.stdout).map((r: { filePath: string }) => path.relative(dir, r.filePath)).sort();
    expect(files).toEqual(['helm/openmetadata.yaml', 'helm/prod-values.yml', 'helm/values-prod.yaml']);
  });

  it('lints a file named on the command line whatever its name, and expands globs', () => {
    const dir = scratchDir({ 'a/auth.yaml': MISSING_JWKS, 'b/auth.yaml': MISSING_JWKS });
    const run = omlint(['--format', 'json', 'a/auth.yaml', 'b/*.yaml'], { cwd: dir });
    expect(JSON.parse(run.stdout)).toHaveLength(2);
  });

  it('exits 2 when a glob matches nothing', () => {
    const run = omlint(['nothing/**/*.yaml'], { cwd: scratchDir() });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('omlint: nothing/**/*.yaml: no files match\n');
  });
});

/** CI must never go green on nothing: a run that lints no file with OpenMetadata settings exits 2, unless --allow-empty. */
describe('nothing to lint', () => {
  const ALLOW = 'give --allow-empty (or allowEmpty: true in .omlintrc) if that is expected\n';
  const cases: [string, Record<string, string>, string[], string][] = [
    ['an empty folder', { 'empty/.keep': '' }, ['empty'], `omlint: nothing to lint: empty found no values, server or env file (or config files ignore them all); ${ALLOW}`],
    ['a scan of . that finds no values file', { 'chart/Chart.yaml': 'name: x\n', 'renamed-to-prod.yml': MISSING_JWKS }, [], `omlint: nothing to lint: a scan of . found no values, server or env file (or config files ignore them all); ${ALLOW}`],
    ['files that hold none', { 'values.yaml': 'replicaCount: 2\n', 'values-dev.yaml': 'openmetadata:\n  image: x\n' }, ['.'], `omlint: none of the 2 files seen holds OpenMetadata auth settings; ${ALLOW}`],
    ['files a config file ignores', { '.omlintrc.yaml': 'root: true\nignorePatterns: [helm/]\n', 'helm/values.yaml': MISSING_JWKS }, ['helm'], `omlint: nothing to lint: helm found no values, server or env file (or config files ignore them all); ${ALLOW}`],
  ];

  it.each(cases)('%s: one line on stderr, exit 2; exit 0 with --allow-empty', (_name, files, args, message) => {
    const dir = scratchDir(files);
    expect(omlint(args, { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: message });
    expect(omlint(['--allow-empty', ...args], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('still writes the reports, empty, before exiting 2', () => {
    const dir = scratchDir({ 'values.yaml': 'replicaCount: 2\n' });
    const run = omlint(['--format', 'json', '--format', 'sarif', '-o', 'out.sarif', 'values.yaml'], { cwd: dir });
    expect([run.status, run.stdout]).toEqual([2, '[]\n']);
    expect(JSON.parse(fs.readFileSync(path.join(dir, 'out.sarif'), 'utf8')).runs[0].results).toEqual([]);
  });

  it('with --allow-empty, a glob that matches nothing is no error either; a missing file still is', () => {
    const dir = scratchDir();
    expect(omlint(['--allow-empty', 'helm/**/values*.yaml'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
    expect(omlint(['--allow-empty', 'helm/values.yaml'], { cwd: dir })).toEqual({ status: 2, stdout: '', stderr: 'omlint: helm/values.yaml: no such file or directory\n' });
  });

  it('--summary prints the files seen, those with settings and the findings on stderr', () => {
    const dir = scratchDir({ 'values.yaml': MISSING_JWKS, 'values-other.yaml': 'replicaCount: 2\n', 'values-google.yaml': CLEAN });
    const run = omlint(['--summary', '--format', 'json'], { cwd: dir });
    const results: { errorCount: number; warningCount: number }[] = JSON.parse(run.stdout);
    const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
    const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
    expect(run.stderr).toMatch(new RegExp(`^omlint: 3 files seen, 2 with OpenMetadata auth settings; ${errors} errors?, ${warnings} warnings?, \\d+ info findings?\n$`));
    expect(omlint(['--summary', '--allow-empty', 'values-other.yaml'], { cwd: dir }).stderr)
      .toBe('omlint: 1 file seen, 0 with OpenMetadata auth settings; 0 errors, 0 warnings, 0 info findings\n');
  });
});

describe('bad input', () => {
  const cases: [string, string | Buffer, number, RegExp | null][] = [
    // Nothing to lint is no success (CI would go green on nothing): exit 2, unless --allow-empty.
    ['empty file', '', 2, /^omlint: none of the 1 file seen holds OpenMetadata auth settings; give --allow-empty/],
    ['only comments', '# nothing here\n', 2, /^omlint: none of the 1 file seen holds OpenMetadata auth settings; give --allow-empty/],
    ['binary file', Buffer.from([0x89, 0x50, 0x4e, 0x47, 0, 0, 0, 0x0d]), 2, /binary file/],
    ['invalid UTF-8', Buffer.concat([Buffer.from('openmetadata:\n  config:\n    authorizer:\n      principalDomain: "'), Buffer.from([0xc3, 0x28]), Buffer.from('"\n')]), 2, /not valid UTF-8/],
    ['UTF-16', Buffer.from('\ufeffauthentication: {}\n', 'utf16le'), 2, /UTF-16/],
  ];
  it.each(cases)('%s: exit %#', (_name, content, status, message) => {
    const dir = scratchDir({ 'values.yaml': content });
    const run = omlint(['values.yaml'], { cwd: dir });
    expect(run.status).toBe(status);
    expect(run.stderr).not.toMatch(STACK_LINE);
    if (message) {
      expect(run.stderr).toMatch(message);
      expect(run.stderr.trim().split('\n')).toHaveLength(1);
    } else {
      expect(run.stderr).toBe('');
    }
  });

  it.each([[''], ['# nothing here\n'], ['replicaCount: 2\n']])('%j with --allow-empty: exit 0, nothing printed', (content) => {
    const dir = scratchDir({ 'values.yaml': content });
    expect(omlint(['--allow-empty', 'values.yaml'], { cwd: dir })).toEqual({ status: 0, stdout: '', stderr: '' });
  });

  it('reports broken YAML as a yaml-syntax finding at the opening quote', () => {
    const dir = scratchDir({ 'values.yaml': 'openmetadata:\n  config:\n    authentication:\n      publicKeys:\n        - "https://x.io/jwks\n      provider: google\n' });
    const run = omlint(['--format', 'json', 'values.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(JSON.parse(run.stdout)[0].messages).toEqual([expect.objectContaining({ ruleId: 'yaml-syntax', line: 5, column: 11 })]);
  });
});

describe('--since and --baseline', () => {

  it('reads the file at the git revision and lints the working copy', () => {
    const dir = scratchDir({ 'values.yaml': CLEAN });
    git(dir, 'init', '-q');
    git(dir, 'add', 'values.yaml');
    git(dir, 'commit', '-qm', 'init');
    fs.writeFileSync(path.join(dir, 'values.yaml'), MISSING_JWKS);
    const run = omlint(['--since', 'HEAD', 'values.yaml'], { cwd: dir });
    expect(run.status).toBe(1);
    expect(run.stderr).toBe('');
  });

  it('refuses a revision that looks like an option', () => {
    const dir = scratchDir({ 'values.yaml': CLEAN });
    const run = omlint(['--since', '--output=/tmp/omlint-pwned', 'values.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toContain('is not a git revision');
    expect(fs.existsSync('/tmp/omlint-pwned')).toBe(false);
  });

  it('exits 2 when --baseline holds no auth settings', () => {
    const dir = scratchDir({ 'values.yaml': CLEAN, 'old.yaml': NOT_OURS });
    const run = omlint(['--baseline', 'old.yaml', 'values.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe('omlint: --baseline: old.yaml holds no OpenMetadata auth settings\n');
  });
});
