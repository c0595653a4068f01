/**
 * A release made as a maintainer makes it, in a throw-away repository: this checkout's working tree
 * (tracked and untracked files, not ignored ones, so uncommitted work is tested too) committed on a
 * branch, then `node scripts/release.js VERSION --skip-checks` (the checks are this test run). The
 * real repository never gets a tag. Its node_modules is linked in, so the release builds with the
 * packages this checkout tests with.
 */
import { spawnSync, SpawnSyncReturns } from 'child_process';
import * as fs from 'fs';
import * as path from 'path';

export const ROOT = path.join(__dirname, '..', '..');

export interface Release {
  /** The throw-away repository, on branch main at the source commit; tag v<version> names the release commit. */
  repo: string;
  version: string;
  tag: string;
  /** The tarball scripts/release.js packed, with `<tarball>.sha256` next to it. */
  tarball: string;
  env: NodeJS.ProcessEnv;
  /** scripts/release.js's output. */
  output: string;
}

/** Environment for git, npm and pre-commit that reads no configuration of the machine's user. */
export function isolatedEnv(home: string): NodeJS.ProcessEnv {
  const gitconfig = path.join(home, 'gitconfig');
  fs.writeFileSync(gitconfig, '[user]\n\tname = omlint test\n\temail = test@omlint.invalid\n[commit]\n\tgpgsign = false\n[tag]\n\tgpgsign = false\n[init]\n\tdefaultBranch = main\n');
  return {
    ...process.env,
    GIT_CONFIG_GLOBAL: gitconfig,
    GIT_CONFIG_NOSYSTEM: '1',
    npm_config_audit: 'false',
    npm_config_fund: 'false',
    npm_config_update_notifier: 'false',
    NO_COLOR: '1',
  };
}

export function run(command: string, args: string[], cwd: string, env: NodeJS.ProcessEnv): SpawnSyncReturns<string> {
  return spawnSync(command, args, { cwd, env, encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 });
}

export function must(result: SpawnSyncReturns<string>, what: string): string {
  if (result.status !== 0) throw new Error(`${what} failed (${result.status}):\n${result.stdout}\n${result.stderr}`);
  return result.stdout;
}

/** This checkout's working tree (tracked and untracked, not ignored) as a one-commit repository on main. */
export function snapshotCheckout(dir: string, env: NodeJS.ProcessEnv): string {
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

/** Runs scripts/release.js in `repo` (which has node_modules linked in). */
export function release(repo: string, version: string, env: NodeJS.ProcessEnv): string {
  const result = run(process.execPath, [path.join(repo, 'scripts', 'release.js'), version, '--skip-checks', '--date', '2026-01-02'], repo, env);
  return must(result, `scripts/release.js ${version}`) + result.stderr;
}

/** A snapshot of this checkout in `home`/omlint, released as `version`. */
export function makeRelease(home: string, version = '0.1.0'): Release {
  const env = isolatedEnv(home);
  const repo = path.join(home, 'omlint');
  fs.mkdirSync(repo);
  snapshotCheckout(repo, env);
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(repo, 'node_modules'), 'dir');
  // .gitignore's `node_modules/` matches a folder, not this link: the release wants a clean work tree.
  fs.appendFileSync(path.join(repo, '.git', 'info', 'exclude'), '/node_modules\n');
  const output = release(repo, version, env);
  return { repo, version, tag: `v${version}`, tarball: path.join(repo, 'release', `omlint-${version}.tgz`), env, output };
}
