#!/usr/bin/env node
/**
 * Checks a release commit (scripts/release.js) against a fresh build of its source commit:
 *
 *   node scripts/verify-release.js [REF]     a release commit or its tag (default HEAD)
 *   node scripts/verify-release.js --latest  the newest release tag (nothing to do without one)
 *
 * A release commit is what users run: the pre-commit hook, `npm install git+…#vX.Y.Z` and the
 * GitHub Action take its committed dist/ as it is. So it must differ from its parent, the source
 * commit, only by that dist/ (plus package.json without devDependencies and scripts, and no
 * package-lock.json), and every committed dist/ file must be byte for byte what building the source
 * commit gives. The one exception is the V8 code cache (dist/omlint.cjs.cache): V8 makes it for one
 * Node.js version and rejects it on any other, so it cannot be compared across machines; it must
 * exist. Exit 1 with the differing files otherwise. Run by .ci/run.
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');

const ROOT = path.join(__dirname, '..');
const CODE_CACHE = 'dist/omlint.cjs.cache';

class VerifyError extends Error {}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw new VerifyError(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new VerifyError(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  return result.stdout;
}

const git = (...args) => run('git', args, { encoding: 'utf8' }).trim();
const gitBytes = (...args) => run('git', args);
const isReleaseCommit = (ref) => spawnSync('git', ['cat-file', '-e', `${ref}:dist/omlint.cjs`], { cwd: ROOT }).status === 0;

function latestRelease() {
  const tags = git('tag', '--list', 'v*').split('\n').filter((tag) => /^v\d+\.\d+\.\d+/.test(tag) && isReleaseCommit(tag));
  const key = (tag) => tag.slice(1).split(/[.-]/).map((part) => (/^\d+$/.test(part) ? part.padStart(8, '0') : part)).join('.');
  return tags.sort((a, b) => (key(a) < key(b) ? 1 : -1))[0];
}

/** The release tree must be the source tree plus dist/, with the release package.json and no lock file. */
function checkTree(commit, parent) {
  const changes = git('diff-tree', '-r', '--no-renames', '--name-status', parent, commit).split('\n').filter(Boolean).map((line) => line.split('\t'));
  const unexpected = changes.filter(([status, file]) =>
    !(status === 'A' && file.startsWith('dist/')) && !(status === 'M' && file === 'package.json') && !(status === 'D' && file === 'package-lock.json'));
  if (unexpected.length > 0) throw new VerifyError(`the release commit changes more than dist/ and package.json:\n  ${unexpected.map((c) => c.join(' ')).join('\n  ')}`);
  const source = JSON.parse(git('show', `${parent}:package.json`));
  delete source.devDependencies;
  delete source.scripts;
  const release = JSON.parse(git('show', `${commit}:package.json`));
  if (JSON.stringify(release) !== JSON.stringify(source)) throw new VerifyError('the release package.json is not the source package.json without devDependencies and scripts');
  return changes.filter(([status]) => status === 'A').map(([, file]) => file);
}

/** The source commit, built in a temporary folder: its dist/ folder. */
function buildSource(parent, dir) {
  const tar = path.join(dir, 'source.tar');
  git('archive', '--format=tar', '-o', tar, parent);
  const tree = path.join(dir, 'source');
  fs.mkdirSync(tree);
  run('tar', ['-xf', tar, '-C', tree]);
  // This checkout's packages when they are the ones the source commit locks; else a clean install.
  const lock = (dir) => {
    try {
      return fs.readFileSync(path.join(dir, 'package-lock.json'), 'utf8');
    } catch {
      return undefined;
    }
  };
  if (fs.existsSync(path.join(ROOT, 'node_modules')) && lock(ROOT) === lock(tree)) {
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(tree, 'node_modules'), 'dir');
  } else {
    console.error('verify-release: installing the source commit\'s packages (npm ci)');
    run('npm', ['ci', '--ignore-scripts', '--no-audit', '--no-fund'], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
  }
  run('npm', ['run', 'build'], { cwd: tree, stdio: ['ignore', 'ignore', 'inherit'] });
  return tree;
}

function verify(ref) {
  const commit = git('rev-parse', `${ref}^{commit}`);
  if (!isReleaseCommit(commit)) throw new VerifyError(`${ref} is not a release commit (it has no dist/omlint.cjs)`);
  const parent = git('rev-parse', `${commit}^1`);
  const committed = checkTree(commit, parent);
  if (!committed.includes(CODE_CACHE)) throw new VerifyError(`${CODE_CACHE} is missing`);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-verify-'));
  try {
    const tree = buildSource(parent, dir);
    const differing = [];
    for (const file of committed) {
      if (file === CODE_CACHE) continue;
      const fresh = path.join(tree, file);
      if (!fs.existsSync(fresh)) differing.push(`${file}: the build does not make it`);
      else if (!gitBytes('show', `${commit}:${file}`).equals(fs.readFileSync(fresh))) differing.push(`${file}: differs from a fresh build`);
    }
    for (const file of ['dist/omlint.cjs', 'dist/api.cjs']) if (!committed.includes(file)) differing.push(`${file}: not committed`);
    if (differing.length > 0) throw new VerifyError(`${ref} (${commit.slice(0, 12)}): its committed bundle is not what its source commit ${parent.slice(0, 12)} builds:\n  ${differing.join('\n  ')}`);
    console.error(`verify-release: ${ref} (${commit.slice(0, 12)}): the ${committed.length - 1} committed dist/ files are what source commit ${parent.slice(0, 12)} builds (the code cache exists; it is made per Node.js version)`);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const [arg = 'HEAD', ...rest] = process.argv.slice(2);
  if (rest.length > 0) throw new VerifyError('usage: node scripts/verify-release.js [REF | --latest]');
  if (arg === '--latest') {
    const tag = latestRelease();
    if (!tag) {
      console.error('verify-release: no release tag yet; nothing to check');
      return;
    }
    verify(tag);
  } else {
    verify(arg);
  }
}

try {
  main();
} catch (error) {
  if (!(error instanceof VerifyError)) throw error;
  console.error(`verify-release: ${error.message}`);
  process.exitCode = 1;
}
