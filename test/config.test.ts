/**
 * The config file: found upward (nearest wins, root: true stops), or given with --config; rule
 * severities, ignorePatterns, overrides, default baseline; validated, with one-line errors, exit 2.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { ConfigResolver } from '../src/runner/config';
import { omlint } from './support/cli-in-process';
import { tempDir } from './support/temp';
import { git } from './support/git';

const ROOT = path.join(__dirname, '..');
const BROKEN = fs.readFileSync(path.join(ROOT, 'fixtures', 'demo', 'values-broken.yaml'), 'utf8');

/**
 * A scratch tree: { 'a/b.yaml': text } → files under a fresh directory, itself below a directory
 * whose config says `root: true`, so no config file elsewhere on the machine can leak in.
 */
function tree(files: Record<string, string>): string {
  const top = tempDir('omlint-config-');
  fs.writeFileSync(path.join(top, '.omlintrc.yaml'), 'root: true\n');
  const dir = path.join(top, 'work');
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true });
    fs.writeFileSync(path.join(dir, name), text);
  }
  return dir;
}

/** `rule@file:line` for every finding of a compact run. */
function findings(stdout: string): string[] {
  return stdout.split('\n').filter(Boolean).map((line) => {
    const match = /^(.+?):(\d+):\d+: (\w+) .* \[([a-z-]+)\]$/.exec(line);
    return match ? `${match[4]}:${match[3]}@${match[1]}:${match[2]}` : `unparsed: ${line}`;
  });
}

/** The rules these tests configure; findings of the other rules on the demo file are not their subject. */
const COUNTED = ['jwks-public-key', 'no-dotted-keys', 'no-placeholders', 'no-plaintext-secrets'];

function ruleIds(stdout: string, file: string): string[] {
  const counted = findings(stdout).filter((f) => f.includes(`@${file}:`) && COUNTED.includes(f.split(':')[0]));
  return [...new Set(counted.map((f) => f.split('@')[0]))].sort();
}

const ALL = ['jwks-public-key:error', 'no-dotted-keys:error', 'no-placeholders:error', 'no-plaintext-secrets:error'];

describe('lookup', () => {
  it('applies the nearest config over farther ones, key by key, and stops at root: true', () => {
    const dir = tree({
      '.omlintrc.yaml': 'rules:\n  no-plaintext-secrets: off\n',
      'repo/.omlintrc.yml': 'root: true\nrules:\n  no-placeholders: warn\n  no-dotted-keys: info\n',
      'repo/helm/.omlintrc.json': '{"rules": {"no-dotted-keys": "off"}}',
      'repo/helm/values.yaml': BROKEN,
      'repo/values.yaml': BROKEN,
      'values.yaml': BROKEN,
    });
    // --show-info: a rule set to info is reported only when asked for.
    const run = omlint(['--show-info', '--format', 'compact', '.'], dir);
    expect(run.stderr).toBe('');
    expect(ruleIds(run.stdout, 'values.yaml')).toEqual(['jwks-public-key:error', 'no-dotted-keys:error', 'no-placeholders:error']);
    // repo/.omlintrc.yml is root: the top-level no-plaintext-secrets: off does not reach below it.
    expect(ruleIds(run.stdout, 'repo/values.yaml')).toEqual(['jwks-public-key:error', 'no-dotted-keys:info', 'no-placeholders:warning', 'no-plaintext-secrets:error']);
    expect(ruleIds(run.stdout, 'repo/helm/values.yaml')).toEqual(['jwks-public-key:error', 'no-placeholders:warning', 'no-plaintext-secrets:error']);
  });

  it('uses only the file given with --config, and --rule beats it', () => {
    const dir = tree({
      '.omlintrc.yaml': 'rules:\n  jwks-public-key: off\n',
      'ci/strict.yaml': 'rules:\n  no-placeholders: info\n  no-plaintext-secrets: warn\n',
      'values.yaml': BROKEN,
    });
    expect(ruleIds(omlint(['--format', 'compact', 'values.yaml'], dir).stdout, 'values.yaml')).toEqual(ALL.filter((r) => !r.startsWith('jwks')));
    const run = omlint(['--show-info', '--format', 'compact', '--config', 'ci/strict.yaml', '--rule', 'no-plaintext-secrets:off', 'values.yaml'], dir);
    expect(ruleIds(run.stdout, 'values.yaml')).toEqual(['jwks-public-key:error', 'no-dotted-keys:error', 'no-placeholders:info']);
    expect(run.code).toBe(1);
  });

  it('applies overrides by glob, later entries winning, with excludedFiles', () => {
    const dir = tree({
      '.omlintrc.yaml': [
        'rules: { no-placeholders: warn }',
        'overrides:',
        '  - files: ["envs/*/values*.yaml"]',
        '    excludedFiles: envs/prod/**',
        '    rules: { no-placeholders: off, jwks-public-key: warn }',
        '  - files: "*-legacy.yaml"',
        '    rules: { jwks-public-key: off }',
      ].join('\n'),
      'envs/dev/values.yaml': BROKEN,
      'envs/prod/values.yaml': BROKEN,
      'envs/dev/values-legacy.yaml': BROKEN,
    });
    const out = omlint(['--format', 'compact', 'envs/dev/values.yaml', 'envs/prod/values.yaml', 'envs/dev/values-legacy.yaml'], dir).stdout;
    expect(ruleIds(out, 'envs/dev/values.yaml')).toEqual(['jwks-public-key:warning', 'no-dotted-keys:error', 'no-plaintext-secrets:error']);
    expect(ruleIds(out, 'envs/prod/values.yaml')).toEqual(['jwks-public-key:error', 'no-dotted-keys:error', 'no-placeholders:warning', 'no-plaintext-secrets:error']);
    expect(ruleIds(out, 'envs/dev/values-legacy.yaml')).toEqual(['no-dotted-keys:error', 'no-plaintext-secrets:error']);
  });

  it('skips files matched by ignorePatterns, even when named on the command line, and honours !negation', () => {
    const dir = tree({
      'deploy/.omlintrc.yaml': 'ignorePatterns:\n  - vendor/\n  - "*.generated.yaml"\n  - "!keep.generated.yaml"\n',
      'deploy/vendor/charts/values.yaml': BROKEN,
      'deploy/values.generated.yaml': BROKEN,
      'deploy/keep.generated.yaml': BROKEN,
      'deploy/values.yaml': BROKEN,
    });
    const run = omlint(['--format', 'compact', 'deploy', 'deploy/vendor/charts/values.yaml', 'deploy/values.generated.yaml', 'deploy/keep.generated.yaml'], dir);
    const files = [...new Set(findings(run.stdout).map((f) => f.split('@')[1].split(':')[0]))].sort();
    expect(files).toEqual(['deploy/keep.generated.yaml', 'deploy/values.yaml']);
  });

  it('prints the effective config with --print-config, including the baseline resolved from the config file', () => {
    const dir = tree({
      'repo/.omlintrc.yaml': 'root: true\nbaseline: baselines/prod.yaml\nrules:\n  no-placeholders: warn\noverrides:\n  - files: helm/**\n    rules: { no-plaintext-secrets: info }\n',
      'repo/baselines/prod.yaml': 'openmetadata:\n  config:\n    authentication:\n      provider: basic\n',
      'repo/helm/values.yaml': BROKEN,
    });
    const run = omlint(['--print-config', 'repo/helm/values.yaml', '--rule', 'no-dotted-keys:off'], dir);
    expect(run.code).toBe(0);
    const printed = JSON.parse(run.stdout);
    expect(printed.configFiles).toEqual([path.join(dir, 'repo', '.omlintrc.yaml')]);
    expect(printed.ignored).toBe(false);
    expect(printed.baseline).toBe(path.join(dir, 'repo', 'baselines', 'prod.yaml'));
    expect(printed.rules).toMatchObject({ 'no-placeholders': 'warn', 'no-plaintext-secrets': 'info', 'no-dotted-keys': 'off', 'jwks-public-key': 'error' });
    // The baseline is read when linting: one without auth settings is a config error.
    expect(omlint(['--format', 'compact', 'repo/helm/values.yaml'], dir).code).toBe(1);
    fs.writeFileSync(path.join(dir, 'repo', 'baselines', 'prod.yaml'), 'replicaCount: 2\n');
    const bad = omlint(['--format', 'compact', 'repo/helm/values.yaml'], dir);
    expect(bad.code).toBe(2);
    expect(bad.stderr).toMatch(/baselines\/prod\.yaml \(from a config file\) holds no OpenMetadata auth settings/);
  });
});

describe('a bad config', () => {
  const cases: [string, string, RegExp][] = [
    ['.omlintrc.yaml', 'rules:\n  jwks-public-key: fatal\n', /^omlint: \.omlintrc\.yaml: rules\.jwks-public-key: must be off, info, warn or error, not "fatal"\n$/],
    ['.omlintrc.yaml', 'rules:\n  jwks-publik-key: off\n', /rules\.jwks-publik-key: unknown rule; did you mean jwks-public-key\?/],
    ['.omlintrc.yaml', 'rulez: {}\n', /: rulez: unknown key \(did you mean rules\?\); allowed: root, rules, ignorePatterns, overrides, baseline, since, chartVersion, serverVersion, envFile, againstExport, reportUnusedDisableDirectives, allowEmpty, maxWarnings\n$/],
    ['.omlintrc.yaml', 'ignorePattern: [vendor/]\n', /: ignorePattern: unknown key \(did you mean ignorePatterns\?\); allowed: /],
    ['.omlintrc.yaml', 'chartVersion: latest\n', /: chartVersion: must be a chart version like 1\.13\.1, not "latest"\n$/],
    ['.omlintrc.yaml', 'serverVersion: "1.12"\n', /: serverVersion: must be an OpenMetadata version like 1\.12\.4, not "1\.12"\n$/],
    ['.omlintrc.yaml', 'since: --output=x\n', /: since: a git revision must not start with "-"\n$/],
    ['.omlintrc.yaml', 'maxWarnings: -1\n', /: maxWarnings: must be 0 or more\n$/],
    ['.omlintrc.yaml', 'maxWarnings: 1.5\n', /: maxWarnings: must be a whole number\n$/],
    ['.omlintrc.yaml', 'allowEmpty: "yes"\n', /: allowEmpty: must be true or false\n$/],
    ['.omlintrc.yaml', 'envFile: prod.env\n', /: envFile: prod\.env: no such file \(paths are relative to /],
    ['.omlintrc.yaml', 'overrides:\n  - rules: { no-plaintext-secrets: off }\n', /: overrides\[0\]\.files: missing; it is required\n$/],
    ['.omlintrc.yaml', 'overrides:\n  - files: x\n    rules: { nope: off }\n', /: overrides\[0\]\.rules\.nope: unknown rule/],
    ['.omlintrc.yaml', 'ignorePatterns: 3\n', /: ignorePatterns: must be a string or a list of strings\n$/],
    ['.omlintrc.yaml', 'root: "yes"\n', /: root: must be true or false\n$/],
    ['.omlintrc.yaml', 'rules: {a: b\n', /\.omlintrc\.yaml: line 2, column 1: not valid YAML/],
    ['.omlintrc.yaml', '- rules\n', /: the config: must be a mapping\n$/],
    ['.omlintrc.yaml', 'baseline: missing.yaml\n', /: baseline: missing\.yaml: no such file/],
    ['.omlintrc.json', '{"rules": {', /\.omlintrc\.json: not valid JSON/],
  ];
  it.each(cases)('%s holding %j is one line naming the key, exit 2, nothing linted', (name, text, message) => {
    const dir = tree({ [name]: text, 'values.yaml': BROKEN });
    const run = omlint(['--format', 'compact'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(message);
    expect(run.stderr.trim().split('\n')).toHaveLength(1);
    expect(run.stdout).toBe('');
  });

  it('is data: a YAML tag asking for code is not executed, only rejected', () => {
    const marker = path.join(os.tmpdir(), `omlint-config-executed-${process.pid}`);
    const dir = tree({
      '.omlintrc.yaml': `rules: !!js/function "function () { require('fs').writeFileSync('${marker}', 'x') }"\n`,
      'values.yaml': BROKEN,
    });
    const run = omlint(['--format', 'compact'], dir);
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/rules: must be a mapping/);
    expect(fs.existsSync(marker)).toBe(false);
  });

  it('--config naming a missing file is an error', () => {
    const run = omlint(['--config', 'nope.yaml'], tree({ 'values.yaml': BROKEN }));
    expect(run.code).toBe(2);
    expect(run.stderr).toMatch(/^omlint: config file .*nope\.yaml: no such file\n$/);
  });
});

describe('globs (.gitignore rules, relative to the config file)', () => {
  /** Whether `file` is ignored by, and matched by an override with, a config in `dir` holding `patterns`. */
  function check(patterns: string[], file: string): { ignored: boolean; matched: boolean } {
    const dir = tree({
      '.omlintrc.json': JSON.stringify({ ignorePatterns: patterns, overrides: [{ files: patterns, rules: { 'no-placeholders': 'off' } }] }),
    });
    const config = new ConfigResolver({ cwd: dir, knownRuleIds: ['no-placeholders'] }).forFile(path.join(dir, file));
    return { ignored: config.ignored, matched: config.rules['no-placeholders'] === 'off' };
  }

  it.each([
    ['values.yaml', 'values.yaml', true],
    ['a/b/values.yaml', 'values.yaml', true],
    ['a/b/values.yaml', '/values.yaml', false],
    ['values.yaml', '/values.yaml', true],
    ['values.yaml', './values.yaml', true],
    ['a/values.yaml', './values.yaml', false],
    ['a/b/values.yaml', 'a/*.yaml', false],
    ['a/b/values.yaml', 'a/**/*.yaml', true],
    ['a/values.yaml', 'a/**/values.yaml', true],
    ['envs/dev/values.yaml', 'envs/dev/**', true],
    ['vendor/x/values.yaml', 'vendor/', true],
    ['vendor', 'vendor/', false],
    ['a/vendor/x.yaml', 'vendor', true],
    ['values1.yaml', 'values[0-9].yaml', true],
    ['valuesx.yaml', 'values[!0-9].yaml', true],
    ['values.yaml', 'values?yaml', true],
    ['values/yaml', 'values?yaml', false],
    ['a+b(c).yaml', 'a+b(c).yaml', true],
    ['star*.yaml', 'star\\*.yaml', true],
    ['starx.yaml', 'star\\*.yaml', false],
    ['Values.yaml', 'values.yaml', false],
    ['..values.yaml', '*.yaml', true],
  ])('%s vs %s → %s', (file, pattern, expected) => {
    expect(check([pattern], file)).toEqual({ ignored: expected, matched: expected });
  });

  it('lets a later !pattern take a file back, but not from an ignored folder (as git does)', () => {
    expect(check(['*.generated.yaml', '!keep.generated.yaml'], 'a/keep.generated.yaml')).toEqual({ ignored: false, matched: false });
    expect(check(['*.generated.yaml', '!keep.generated.yaml'], 'a/values.generated.yaml')).toEqual({ ignored: true, matched: true });
    expect(check(['vendor/*', '!vendor/keep.yaml'], 'vendor/keep.yaml').ignored).toBe(false);
    expect(check(['vendor/', '!vendor/keep.yaml'], 'vendor/keep.yaml').ignored).toBe(true);
  });

  it('loads the ignore package only for a config file that has globs', () => {
    const loads = (config: string): boolean => {
      let loaded = false;
      jest.isolateModules(() => {
        jest.doMock('ignore', () => {
          loaded = true;
          return jest.requireActual('ignore');
        });
        const { ConfigResolver: Resolver } = require('../src/runner/config') as typeof import('../src/runner/config');
        const dir = tree({ '.omlintrc.yaml': config });
        new Resolver({ cwd: dir, knownRuleIds: ['no-placeholders'] }).forFile(path.join(dir, 'values.yaml'));
      });
      return loaded;
    };
    expect(loads('rules: { no-placeholders: warn }\n')).toBe(false);
    expect(loads('ignorePatterns: [vendor/]\n')).toBe(true);
    expect(loads('overrides: [{ files: "*.yaml", rules: { no-placeholders: off } }]\n')).toBe(true);
  });

  it('lets a nearer config file take back what a farther one ignores, each relative to its own folder', () => {
    const dir = tree({
      '.omlintrc.yaml': 'ignorePatterns: ["values-*.yaml", "/top-only.yaml"]\n',
      'helm/.omlintrc.yaml': 'ignorePatterns: ["!/values-prod.yaml"]\n',
    });
    const resolver = new ConfigResolver({ cwd: dir, knownRuleIds: [] });
    const ignored = (file: string): boolean => resolver.forFile(path.join(dir, file)).ignored;
    expect(ignored('values-dev.yaml')).toBe(true);
    expect(ignored('helm/values-dev.yaml')).toBe(true);
    expect(ignored('helm/values-prod.yaml')).toBe(false);
    expect(ignored('helm/sub/values-prod.yaml')).toBe(true);
    expect(ignored('top-only.yaml')).toBe(true);
    expect(ignored('helm/top-only.yaml')).toBe(false);
  });
});

/**
 * Every command-line option that changes what is linted or what fails has a config key. Per file
 * (the nearest config file above a file wins): baseline, since, chartVersion, envFile,
 * reportUnusedDisableDirectives. Per run (the config files of the working directory, or --config):
 * allowEmpty, maxWarnings. The option always wins over the key.
 */
describe('the keys of command-line options', () => {
  const GOOGLE = '    provider: google\n    publicKeys:\n      - https://www.googleapis.com/oauth2/v3/certs\n' +
    '    authority: https://accounts.google.com\n    clientId: 123456789012-abc.apps.googleusercontent.com\n    callbackUrl: https://metadata.acme.io/callback\n';
  /** The layout of charts before 1.1.0: right for chart 1.0.0, a no-legacy-layout error for 1.13.1. */
  // With its authorizer: `global.authentication` alone is other charts' too, not OpenMetadata's evidence.
  const LEGACY = `global:\n  authorizer:\n    initialAdmins: [jane]\n    principalDomain: acme.io\n  authentication:\n${GOOGLE}`;
  const compact = (args: string[], dir: string): string[] => findings(omlint(['--show-info', '--format', 'compact', ...args], dir).stdout);

  it('chartVersion applies to the files below its config file, as --chart-version does, and the option wins', () => {
    const dir = tree({ 'old/.omlintrc.yaml': 'chartVersion: 1.0.0\n', 'old/values.yaml': LEGACY, 'new/values.yaml': LEGACY });
    const withKey = compact(['old/values.yaml', 'new/values.yaml'], dir);
    expect(withKey.filter((f) => f.includes('@old/'))).toEqual(compact(['--chart-version', '1.0.0', 'old/values.yaml'], dir));
    expect(withKey.filter((f) => f.includes('@new/'))).toEqual(compact(['--chart-version', '1.13.1', 'new/values.yaml'], dir));
    expect(withKey.some((f) => f.startsWith('no-legacy-layout') && f.includes('@old/'))).toBe(false);
    expect(withKey.some((f) => f.startsWith('no-legacy-layout') && f.includes('@new/'))).toBe(true);
    expect(compact(['--chart-version', '1.13.1', 'old/values.yaml'], dir).some((f) => f.startsWith('no-legacy-layout'))).toBe(true);
  });

  it('envFile is read relative to its config file, as --env-file, for the server config below it', () => {
    const dir = tree({
      'conf/.omlintrc.yaml': 'envFile: ../docker/prod.env\n',
      'conf/openmetadata.yaml': 'authenticationConfiguration:\n  publicKeyUrls: ${AUTHENTICATION_PUBLIC_KEYS:-[http://localhost:8585/api/v1/system/config/jwks]}\n',
      'docker/prod.env': 'AUTHENTICATION_PUBLIC_KEYS=[https://www.googleapis.com/oauth2/v3/certs]\n',
    });
    const withKey = compact(['conf/openmetadata.yaml'], dir);
    expect(withKey).toContain('jwks-public-key:error@docker/prod.env:1');
    expect(withKey).toEqual(compact(['--env-file', 'docker/prod.env', 'conf/openmetadata.yaml'], dir));
  });

  it('since compares each file with its version at that revision, as --since; reportUnusedDisableDirectives as the option', () => {
    const values = (claims: string): string =>
      `openmetadata:\n  config:\n    authentication:\n      jwtPrincipalClaims: [${claims}]\n${GOOGLE.replace(/^/gm, '  ')}`.replace(
        '/certs\n', '/certs\n        - http://openmetadata:8585/api/v1/system/config/jwks\n',
      ) + '# omlint-disable-next-line no-placeholders\n';
    const dir = tree({ 'values.yaml': values('email, preferred_username, sub') });
    git(dir, 'init', '-q');
    git(dir, 'add', 'values.yaml');
    git(dir, 'commit', '-qm', 'claims');
    fs.writeFileSync(path.join(dir, 'values.yaml'), values('sub, email, preferred_username'));
    const options = compact(['--since', 'HEAD', '--report-unused-disable-directives', 'values.yaml'], dir);
    expect(options.some((f) => f.startsWith('jwt-principal-claims-order:error'))).toBe(true);
    expect(options.some((f) => f.startsWith('omlint-directive:error'))).toBe(true);
    expect(compact(['values.yaml'], dir)).not.toEqual(options);
    fs.writeFileSync(path.join(dir, '.omlintrc.yaml'), 'since: HEAD\nreportUnusedDisableDirectives: true\n');
    expect(compact(['values.yaml'], dir)).toEqual(options);
  });

  it('allowEmpty and maxWarnings decide the run from the working directory\'s config file; the options win', () => {
    const dir = tree({ 'empty/.keep': '' });
    expect(omlint(['empty'], dir).code).toBe(2);
    fs.writeFileSync(path.join(dir, '.omlintrc.yaml'), 'allowEmpty: true\n');
    expect(omlint(['empty'], dir)).toEqual({ code: 0, stdout: '', stderr: '' });
    // One warning and nothing else: exit 0 without a threshold, 1 over maxWarnings: 0, 0 when --max-warnings allows it.
    fs.writeFileSync(path.join(dir, 'values.yaml'), `openmetadata:\n  config:\n    authentication:\n${GOOGLE.replace(/^/gm, '  ')}`);
    // The file keeps the default signing keys (a warning of its own): only jwks-public-key's warning counts here.
    const config = 'rules:\n  jwks-public-key: warn\n  default-signing-keys: off\n';
    fs.writeFileSync(path.join(dir, '.omlintrc.yaml'), config);
    expect(findings(omlint(['--format', 'compact', 'values.yaml'], dir).stdout)).toEqual(['jwks-public-key:warning@values.yaml:5']);
    expect(omlint(['values.yaml'], dir).code).toBe(0);
    fs.writeFileSync(path.join(dir, '.omlintrc.yaml'), `${config}maxWarnings: 0\n`);
    const over = omlint(['values.yaml'], dir);
    expect([over.code, over.stderr]).toEqual([1, 'omlint: 1 warnings, more than --max-warnings 0\n']);
    expect(omlint(['--max-warnings', '1', 'values.yaml'], dir).code).toBe(0);
  });

  it('ignores run keys in a config file below the working directory, with a notice; --print-config shows what applies', () => {
    const dir = tree({ 'helm/.omlintrc.yaml': 'allowEmpty: true\nchartVersion: 1.0.0\n', 'helm/notes.yaml': 'a: 1\n' });
    const fromTop = omlint(['helm/notes.yaml'], dir);
    expect(fromTop.code).toBe(2);
    expect(fromTop.stderr).toBe(
      'omlint: helm/.omlintrc.yaml: allowEmpty applies to a whole run and is read only from the config file of the directory omlint runs in (or --config); ignored here\n' +
      'omlint: none of the 1 file seen holds OpenMetadata auth settings; give --allow-empty (or allowEmpty: true in .omlintrc) if that is expected\n',
    );
    expect(omlint(['notes.yaml'], path.join(dir, 'helm'))).toEqual({ code: 0, stdout: '', stderr: '' });
    const printed = JSON.parse(omlint(['--print-config', 'helm/notes.yaml'], dir).stdout);
    expect(printed).toMatchObject({ chartVersion: '1.0.0', since: null, envFile: null, reportUnusedDisableDirectives: false, run: { allowEmpty: false, maxWarnings: null } });
    expect(JSON.parse(omlint(['--print-config', 'notes.yaml'], path.join(dir, 'helm')).stdout).run).toMatchObject({ allowEmpty: true });
  });
});
