/**
 * The hook as a user gets it, through the real `pre-commit` tool (Debian's, 3.0.x): a release of
 * this checkout made by scripts/release.js in a throw-away repository (test/support/release.ts), a
 * scratch repository whose .pre-commit-config.yaml names its tag as `rev:`, `pre-commit install`,
 * then `git commit`. From a release tag the hook's environment gets omlint alone: pre-commit 3.x
 * runs `npm install` (no dependency to install), `npm pack` (no `prepare` to build) and a global
 * install of the tarball; nothing is compiled. pre-commit 4.x installs with
 * `npm install --allow-git=root --install-links -g git+file://<its clone>` instead, which is run
 * here as it runs it. The first run's time (environment and lint) is printed for docs/ci.md.
 */
import * as fs from 'fs';
import * as path from 'path';
import { isolatedEnv, makeRelease, must, Release, run } from './support/release';
import { tempDir } from './support/temp';

const HAVE_PRE_COMMIT = run('pre-commit', ['--version'], process.cwd(), process.env).status === 0;
const TIMEOUT = 600_000;

const BROKEN = `openmetadata:
  config:
    authentication:
      provider: google
      publicKeys:
        - https://www.googleapis.com/oauth2/v3/certs
      authority: https://accounts.google.com
      clientId: 123456789012-abc.apps.googleusercontent.com
      callbackUrl: https://metadata.acme.io/callback
`;
const FIXED = BROKEN.replace(
  '        - https://www.googleapis.com/oauth2/v3/certs\n',
  '        - https://www.googleapis.com/oauth2/v3/certs\n        - http://openmetadata:8585/api/v1/system/config/jwks\n',
);

/** The packages a node environment's global install holds (lib/node_modules, scoped ones as @scope/name). */
function globalPackages(envDir: string): string[] {
  const dir = path.join(envDir, 'lib', 'node_modules');
  if (!fs.existsSync(dir)) return [];
  return fs.readdirSync(dir).filter((name) => !name.startsWith('.')).flatMap((name) =>
    name.startsWith('@') ? fs.readdirSync(path.join(dir, name)).map((inner) => `${name}/${inner}`) : [name]);
}

/** The size of the files under `dir`, in MB (for the log, next to the first run's time). */
function megabytes(dir: string): string {
  let bytes = 0;
  const walk = (at: string): void => {
    for (const entry of fs.readdirSync(at, { withFileTypes: true })) {
      if (entry.isDirectory()) walk(path.join(at, entry.name));
      else if (entry.isFile()) bytes += fs.statSync(path.join(at, entry.name)).size;
    }
  };
  walk(dir);
  return (bytes / 1e6).toFixed(1);
}

const describeHook = HAVE_PRE_COMMIT ? describe : describe.skip;
if (!HAVE_PRE_COMMIT) {
  it.skip('pre-commit hook: skipped, the `pre-commit` tool is not installed (apt-get install pre-commit; .ci/run does it)', () => undefined);
}

describeHook('.pre-commit-hooks.yaml at a release tag, through the real pre-commit tool', () => {
  let home: string;
  let made: Release;
  let env: NodeJS.ProcessEnv;
  let repo: string;
  const seconds = (since: bigint): string => (Number(process.hrtime.bigint() - since) / 1e9).toFixed(1);

  beforeAll(() => {
    home = tempDir('omlint-precommit-');
    made = makeRelease(home, '0.1.0');
    env = { ...isolatedEnv(home), PRE_COMMIT_HOME: path.join(home, 'pre-commit-cache'), PRE_COMMIT_COLOR: 'never' };
    repo = path.join(home, 'deploy');
    fs.mkdirSync(repo);
    must(run('git', ['init', '-q'], repo, env), 'git init');
    fs.writeFileSync(
      path.join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${JSON.stringify(made.repo)}\n    rev: ${made.tag}\n    hooks:\n      - id: omlint\n`,
    );
    must(run('git', ['add', '.pre-commit-config.yaml'], repo, env), 'git add config');
    must(run('pre-commit', ['install'], repo, env), 'pre-commit install');
  }, TIMEOUT);

  it('passes the first commit of a repository (no HEAD yet) holding YAML without auth settings: --allow-empty', () => {
    // This commit also makes pre-commit build the hook's environment from the release tag.
    const started = process.hrtime.bigint();
    const result = run('git', ['commit', '-m', 'add pre-commit config'], repo, env);
    const version = run('pre-commit', ['--version'], repo, env).stdout.trim();
    process.stderr.write(`omlint pre-commit hook (${version}): first run, environment included: ${seconds(started)} s; PRE_COMMIT_HOME: ${megabytes(env.PRE_COMMIT_HOME!)} MB\n`);
    expect(`${result.stdout}${result.stderr}`).toMatch(/omlint[^\n]*Passed/);
    expect(result.status).toBe(0);
  }, TIMEOUT);

  it('installed omlint alone into the hook environment, and built nothing in the hook repository', () => {
    const cache = env.PRE_COMMIT_HOME!;
    const clones = fs.readdirSync(cache).filter((name) => name.startsWith('repo') && fs.statSync(path.join(cache, name)).isDirectory());
    expect(clones).toHaveLength(1);
    const clone = path.join(cache, clones[0]);
    const envDirs = fs.readdirSync(clone).filter((name) => name.startsWith('node_env-'));
    expect(envDirs).toHaveLength(1);
    expect(globalPackages(path.join(clone, envDirs[0]))).toEqual(['omlint']);
    expect(fs.existsSync(path.join(clone, envDirs[0], 'lib', 'node_modules', 'omlint', 'node_modules'))).toBe(false);
    // The clone is the release commit as committed: no node_modules left, no dist/ rebuilt, no tarball
    // (pre-commit keeps the environment itself, node_env-*, inside the clone).
    expect(must(run('git', ['status', '--porcelain', '--ignored', '--', '.', ':!node_env-*'], clone, env), 'git status')).toBe('');
    expect(must(run('git', ['rev-parse', 'HEAD'], clone, env), 'rev-parse').trim()).toBe(must(run('git', ['rev-parse', `${made.tag}^{commit}`], made.repo, made.env), 'rev-parse').trim());
  });

  it('refuses a commit whose values file lacks the OpenMetadata JWKS entry, naming the finding', () => {
    fs.mkdirSync(path.join(repo, 'helm'));
    fs.writeFileSync(path.join(repo, 'helm', 'values.yaml'), BROKEN);
    must(run('git', ['add', 'helm/values.yaml'], repo, env), 'git add');
    const started = process.hrtime.bigint();
    const result = run('git', ['commit', '-m', 'configure google sso'], repo, env);
    process.stderr.write(`omlint pre-commit hook: a later run (one values file): ${seconds(started)} s\n`);
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toMatch(/omlint[^\n]*Failed/);
    expect(output).toContain('helm/values.yaml');
    expect(output).toMatch(/5:7\s+error\s+publicKeys has no \/api\/v1\/system\/config\/jwks entry/);
    expect(output).toContain('jwks-public-key');
    expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe('1');
  }, TIMEOUT);

  it('lets the commit through once the JWKS entry is added', () => {
    fs.writeFileSync(path.join(repo, 'helm', 'values.yaml'), FIXED);
    must(run('git', ['add', 'helm/values.yaml'], repo, env), 'git add');
    const result = run('git', ['commit', '-m', 'configure google sso'], repo, env);
    expect(`${result.stdout}${result.stderr}`).toMatch(/omlint[^\n]*Passed/);
    expect(result.status).toBe(0);
    expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe('2');
  }, TIMEOUT);

  it('is handed docker env files too: a .env with an auth mistake is refused', () => {
    fs.mkdirSync(path.join(repo, 'docker'));
    fs.writeFileSync(path.join(repo, 'docker', '.env'), 'AUTHENTICATION_PROVIDER=okta\nAUTHENTICATION_PUBLIC_KEYS=[https://acme.okta.com/oauth2/v1/keys]\n');
    fs.writeFileSync(path.join(repo, 'docker', 'db.env'), 'DB_HOST=mysql\n');
    must(run('git', ['add', 'docker'], repo, env), 'git add');
    const result = run('git', ['commit', '-m', 'docker env'], repo, env);
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toMatch(/docker\/\.env\n(\s+\d+:\d+\s+.*\n)*\s+2:1\s+error\s+AUTHENTICATION_PUBLIC_KEYS has no \/api\/v1\/system\/config\/jwks entry/);
  }, TIMEOUT);

  it('installs the same way pre-commit 4.x does (npm install -g git+file:// of its clone): omlint alone, nothing built', () => {
    // pre-commit 4.x clones the hook repository at `rev`, then runs, with npm's prefix in the hook environment:
    //   npm install --allow-git=root --install-links -g git+file://<clone>
    const clone = path.join(home, 'pre-commit-4-clone');
    must(run('git', ['clone', '-q', made.repo, clone], home, env), 'git clone');
    must(run('git', ['checkout', '-q', made.tag], clone, env), 'git checkout');
    const envDir = path.join(home, 'pre-commit-4-env');
    const npmEnv = { ...env, NPM_CONFIG_PREFIX: envDir, npm_config_prefix: envDir };
    const started = process.hrtime.bigint();
    must(run('npm', ['install', '--allow-git=root', '--install-links', '-g', `git+file://${clone}`], clone, npmEnv), 'npm install -g git+file://');
    process.stderr.write(`omlint hook environment as pre-commit 4.x installs it (npm install -g git+file://): ${seconds(started)} s\n`);
    expect(globalPackages(envDir)).toEqual(['omlint']);
    const version = run(path.join(envDir, 'bin', 'omlint'), ['--version'], repo, env);
    expect([version.status, version.stdout]).toEqual([0, `${made.version}\n`]);
    const lint = run(path.join(envDir, 'bin', 'omlint'), ['--since', 'HEAD', '--allow-empty', 'helm/values.yaml', '.pre-commit-config.yaml'], repo, env);
    // The file still keeps the default signing keys: a warning, which does not fail the hook.
    expect([lint.status, lint.stderr]).toEqual([0, '']);
    expect(lint.stdout).not.toMatch(/\berror\b/);
    expect(must(run('git', ['status', '--porcelain', '--ignored'], clone, env), 'git status')).toBe('');
  }, TIMEOUT);
});
