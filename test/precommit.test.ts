/**
 * The hook as a user gets it, through the real `pre-commit` tool: a scratch repository whose
 * .pre-commit-config.yaml points at a snapshot of this checkout (its working tree, committed as
 * it is now, so uncommitted work is tested too), `pre-commit install`, then `git commit`.
 * A values file without OpenMetadata's JWKS entry must be refused with omlint's finding; the
 * fixed file must go through. pre-commit builds the hook's node environment itself (npm install,
 * which runs `prepare`, then npm pack and a global install), as it does for users.
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';

const ROOT = path.join(__dirname, '..');
const HAVE_PRE_COMMIT = spawnSync('pre-commit', ['--version'], { encoding: 'utf8' }).status === 0;

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

function makeEnv(home: string): NodeJS.ProcessEnv {
  const globalConfig = path.join(home, 'gitconfig');
  fs.writeFileSync(globalConfig, '[user]\n\tname = omlint test\n\temail = test@omlint.invalid\n[commit]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n');
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: globalConfig,
    GIT_CONFIG_NOSYSTEM: '1',
    PRE_COMMIT_HOME: path.join(home, 'pre-commit-cache'),
    // No colour codes in the output the assertions read.
    NO_COLOR: '1',
    PRE_COMMIT_COLOR: 'never',
  };
}

function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

function must(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** This checkout's working tree (tracked and untracked, not ignored) as a one-commit repository. */
function snapshotCheckout(dir: string, env: NodeJS.ProcessEnv): string {
  const listed = must(run('git', ['ls-files', '-z', '--cached', '--others', '--exclude-standard'], ROOT, env), 'git ls-files');
  for (const file of new Set(listed.split('\0').filter(Boolean))) {
    const from = path.join(ROOT, file);
    if (!fs.existsSync(from) || !fs.statSync(from).isFile()) continue;
    fs.mkdirSync(path.dirname(path.join(dir, file)), { recursive: true });
    fs.copyFileSync(from, path.join(dir, file));
  }
  must(run('git', ['init', '-q'], dir, env), 'git init (snapshot)');
  must(run('git', ['add', '-A'], dir, env), 'git add (snapshot)');
  must(run('git', ['commit', '-q', '--no-verify', '-m', 'snapshot'], dir, env), 'git commit (snapshot)');
  return must(run('git', ['rev-parse', 'HEAD'], dir, env), 'git rev-parse').trim();
}

const describeHook = HAVE_PRE_COMMIT ? describe : describe.skip;
if (!HAVE_PRE_COMMIT) {
  it.skip('pre-commit hook: skipped, the `pre-commit` tool is not installed (apt-get install pre-commit; .ci/run does it)', () => undefined);
}

describeHook('.pre-commit-hooks.yaml through the real pre-commit tool', () => {
  let home: string;
  let env: NodeJS.ProcessEnv;
  let repo: string;

  beforeAll(() => {
    home = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-precommit-'));
    env = makeEnv(home);
    const snapshot = path.join(home, 'omlint');
    fs.mkdirSync(snapshot);
    const rev = snapshotCheckout(snapshot, env);
    repo = path.join(home, 'deploy');
    fs.mkdirSync(repo);
    must(run('git', ['init', '-q'], repo, env), 'git init');
    fs.writeFileSync(
      path.join(repo, '.pre-commit-config.yaml'),
      `repos:\n  - repo: ${JSON.stringify(snapshot)}\n    rev: ${rev}\n    hooks:\n      - id: omlint\n`,
    );
    must(run('git', ['add', '.pre-commit-config.yaml'], repo, env), 'git add config');
    must(run('pre-commit', ['install'], repo, env), 'pre-commit install');
  });

  afterAll(() => {
    if (home) fs.rmSync(home, { recursive: true, force: true });
  });

  it('passes the first commit of a repository (no HEAD yet) holding YAML without auth settings', () => {
    // This commit also makes pre-commit build the hook's environment from the snapshot.
    const result = run('git', ['commit', '-m', 'add pre-commit config'], repo, env);
    expect(`${result.stdout}${result.stderr}`).toMatch(/omlint[^\n]*Passed/);
    expect(result.status).toBe(0);
  }, 600_000);

  it('refuses a commit whose values file lacks the OpenMetadata JWKS entry, naming the finding', () => {
    fs.mkdirSync(path.join(repo, 'helm'));
    fs.writeFileSync(path.join(repo, 'helm', 'values.yaml'), BROKEN);
    must(run('git', ['add', 'helm/values.yaml'], repo, env), 'git add');
    const result = run('git', ['commit', '-m', 'configure google sso'], repo, env);
    const output = `${result.stdout}${result.stderr}`;
    expect(result.status).not.toBe(0);
    expect(output).toMatch(/omlint[^\n]*Failed/);
    expect(output).toContain('helm/values.yaml');
    expect(output).toMatch(/5:7\s+error\s+publicKeys has no \/api\/v1\/system\/config\/jwks entry/);
    expect(output).toContain('jwks-public-key');
    expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe('1');
  }, 600_000);

  it('lets the commit through once the JWKS entry is added', () => {
    fs.writeFileSync(path.join(repo, 'helm', 'values.yaml'), FIXED);
    must(run('git', ['add', 'helm/values.yaml'], repo, env), 'git add');
    const result = run('git', ['commit', '-m', 'configure google sso'], repo, env);
    expect(`${result.stdout}${result.stderr}`).toMatch(/omlint[^\n]*Passed/);
    expect(result.status).toBe(0);
    expect(run('git', ['rev-list', '--count', 'HEAD'], repo, env).stdout.trim()).toBe('2');
  }, 600_000);
});
