#!/usr/bin/env node
/**
 * Makes a release of omlint that needs no registry name:
 *
 *   node scripts/release.js X.Y.Z [--skip-checks] [--out DIR] [--date YYYY-MM-DD]
 *
 * 1. Checks: a clean work tree on a branch, a new version above the last release tag.
 * 2. Sets the version in package.json and package-lock.json and the release the documents pin
 *    (`rev: vX.Y.Z`, `omlint/omlint@vX.Y.Z`, install commands), builds, compares the new bundle's output
 *    contract with the previous release's (scripts/release-contract.js) and moves CHANGELOG.md's
 *    "Unreleased" section under the version, adding the contract changes it found: rules whose
 *    default severity changed, JSON fields no longer written or severities encoded differently,
 *    exit codes that changed go under "Breaking".
 * 3. Runs `npm run lint` and `npm test` (not with --skip-checks, which the tests use: they run it
 *    inside jest), then commits "Release X.Y.Z" on the branch: the source commit.
 * 4. Makes the release commit, a child of the source commit that stays off the branch: the same
 *    tree plus the built files the package ships (dist/), with a package.json without
 *    devDependencies and scripts (so no `prepare`) and no package-lock.json. It is what tag vX.Y.Z
 *    names, what `npm install git+https://…#vX.Y.Z`, the pre-commit hook (`rev: vX.Y.Z`) and the
 *    GitHub Action (`uses: omlint/omlint@vX.Y.Z`) get: they install no development package and
 *    compile nothing. scripts/verify-release.js rebuilds the source commit and compares.
 * 5. Packs the release commit's tree with `npm pack` into DIR (default release/) and writes the
 *    tarball's SHA-256 next to it (`sha256sum -c` reads it).
 *
 * Nothing is pushed: the last lines say what to push and upload.
 */
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { probeContract, contractChanges } = require('./release-contract');

const ROOT = path.join(__dirname, '..');

class ReleaseError extends Error {}

function parseOptions(argv) {
  const options = { checks: true, out: path.join(ROOT, 'release'), date: new Date().toISOString().slice(0, 10) };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--skip-checks') options.checks = false;
    else if (arg === '--out') options.out = path.resolve(argv[++i] ?? '');
    else if (arg === '--date') options.date = argv[++i];
    else if (/^\d+\.\d+\.\d+(-[0-9A-Za-z.-]+)?$/.test(arg) && !options.version) options.version = arg;
    else throw new ReleaseError(`unknown argument ${arg}; usage: node scripts/release.js X.Y.Z [--skip-checks] [--out DIR] [--date YYYY-MM-DD]`);
  }
  if (!options.version) throw new ReleaseError('usage: node scripts/release.js X.Y.Z [--skip-checks] [--out DIR] [--date YYYY-MM-DD]');
  if (!/^\d{4}-\d{2}-\d{2}$/.test(options.date)) throw new ReleaseError(`--date takes YYYY-MM-DD, not ${options.date}`);
  return options;
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: ROOT, encoding: 'utf8', maxBuffer: 256 * 1024 * 1024, ...options });
  if (result.error) throw new ReleaseError(`${command} ${args.join(' ')}: ${result.error.message}`);
  if (result.status !== 0) throw new ReleaseError(`${command} ${args.join(' ')} failed (${result.status}):\n${result.stdout ?? ''}${result.stderr ?? ''}`);
  return result.stdout;
}

const git = (...args) => run('git', args).trim();

/** npm as the one that runs this script (npm run), else the npm on PATH. */
function npm(args, options = {}) {
  const npmCli = process.env.npm_execpath;
  return npmCli && /\.[cm]?js$/.test(npmCli) ? run(process.execPath, [npmCli, ...args], options) : run('npm', args, options);
}

/** Versions as numbers, a pre-release below its release. */
function compareVersions(a, b) {
  const parse = (v) => {
    const [core, pre] = v.split('-');
    return { numbers: core.split('.').map(Number), pre };
  };
  const [x, y] = [parse(a), parse(b)];
  for (let i = 0; i < 3; i++) if (x.numbers[i] !== y.numbers[i]) return x.numbers[i] - y.numbers[i];
  if (x.pre === y.pre) return 0;
  if (x.pre === undefined) return 1;
  if (y.pre === undefined) return -1;
  return x.pre < y.pre ? -1 : 1;
}

/** The newest tag vX.Y.Z that names a release commit (one that carries the bundle), or undefined. */
function previousRelease() {
  const tags = git('tag', '--list', 'v*').split('\n').filter((tag) => /^v\d+\.\d+\.\d+/.test(tag));
  const releases = tags.filter((tag) => spawnSync('git', ['cat-file', '-e', `${tag}:dist/omlint.cjs`], { cwd: ROOT }).status === 0);
  return releases.sort((a, b) => compareVersions(b.slice(1), a.slice(1)))[0];
}

function checkRepository(version) {
  if (git('status', '--porcelain') !== '') throw new ReleaseError('the work tree has changes; commit or stash them first');
  if (spawnSync('git', ['symbolic-ref', '-q', 'HEAD'], { cwd: ROOT }).status !== 0) throw new ReleaseError('HEAD is detached; release from a branch');
  if (git('tag', '--list', `v${version}`) !== '') throw new ReleaseError(`tag v${version} exists already`);
  const pkg = readJson('package.json');
  if (!pkg.devDependencies) throw new ReleaseError('package.json has no devDependencies: this looks like a release commit; release from the source branch');
  const previous = previousRelease();
  if (previous && compareVersions(version, previous.slice(1)) <= 0) throw new ReleaseError(`${version} is not above the last release, ${previous}`);
  return previous;
}

function readJson(file) {
  return JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
}

function writeJson(file, data) {
  fs.writeFileSync(path.join(ROOT, file), `${JSON.stringify(data, null, 2)}\n`);
}

function setVersion(version) {
  const pkg = readJson('package.json');
  pkg.version = version;
  writeJson('package.json', pkg);
  const lock = readJson('package-lock.json');
  lock.version = version;
  if (lock.packages?.['']) lock.packages[''].version = version;
  writeJson('package-lock.json', lock);
}

/** The documents whose install commands, hook `rev:` and Action `uses:` name a release. */
const PINNED_DOCS = ['README.md', 'docs/ci.md', 'docs/editors.md'];

/** A release named in a document: `rev: vX.Y.Z`, `omlint/omlint@vX.Y.Z`, `omlint.git#vX.Y.Z`, `omlint-X.Y.Z.tgz`, `download/vX.Y.Z`. */
const PINNED = /(rev: v|omlint\/omlint@v|omlint\.git#v|download\/v|omlint-)(\d+\.\d+\.\d+(?:-[0-9A-Za-z.-]+)?)(?=[^0-9A-Za-z.-]|\.tgz|$)/g;

/** Points the documents' pinned release at `version`; returns the files changed. */
function pinDocs(version) {
  return PINNED_DOCS.filter((file) => {
    const full = path.join(ROOT, file);
    const text = fs.readFileSync(full, 'utf8');
    const pinned = text.replace(PINNED, (_match, prefix) => `${prefix}${version}`);
    if (pinned === text) return false;
    fs.writeFileSync(full, pinned);
    return true;
  });
}

/** The contract changes against the previous release's bundle, or none for a first release. */
function detectChanges(previous) {
  if (!previous) return { breaking: [], added: [] };
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-release-'));
  try {
    const oldBundle = path.join(dir, 'omlint.cjs');
    fs.writeFileSync(oldBundle, run('git', ['show', `${previous}:dist/omlint.cjs`], { encoding: 'latin1' }), 'latin1');
    return contractChanges(probeContract(oldBundle, ROOT), probeContract(path.join(ROOT, 'dist', 'omlint.cjs'), ROOT));
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * CHANGELOG.md with its "## Unreleased" section moved under "## VERSION (DATE)" (a new empty
 * "Unreleased" above it), the detected changes added under "### Breaking" and "### Added".
 */
function changelogFor(text, version, date, changes, previous) {
  const heading = /^## Unreleased[ \t]*\n/m.exec(text);
  if (!heading) throw new ReleaseError('CHANGELOG.md has no "## Unreleased" section');
  const start = heading.index + heading[0].length;
  const next = text.slice(start).search(/^## /m);
  const end = next < 0 ? text.length : start + next;
  let body = text.slice(start, end).trim();
  const note = previous ? ` (found comparing with ${previous})` : '';
  for (const [title, lines] of [['Breaking', changes.breaking], ['Added', changes.added]]) {
    const missing = lines.filter((line) => !body.includes(line.replace(/\.$/, ''))).map((line) => `- ${line.replace(/\.$/, '')}${note}.`);
    if (missing.length === 0) continue;
    const section = new RegExp(`^### ${title}[ \\t]*$`, 'm').exec(body);
    if (section) {
      const after = section.index + section[0].length;
      body = `${body.slice(0, after)}\n${missing.join('\n')}${body.slice(after)}`;
    } else {
      body = title === 'Breaking' ? `### ${title}\n\n${missing.join('\n')}\n\n${body}`.trim() : `${body}\n\n### ${title}\n\n${missing.join('\n')}`.trim();
    }
  }
  if (body === '') throw new ReleaseError('CHANGELOG.md: nothing under "## Unreleased"; say what this release changes');
  return `${text.slice(0, heading.index)}## Unreleased\n\n## ${version} (${date})\n\n${body}\n\n${text.slice(end)}`.replace(/\n{3,}$/, '\n');
}

/** The files under dist/ that the package ships, as `npm pack` lists them. */
function shippedDistFiles() {
  const listed = JSON.parse(npm(['pack', '--dry-run', '--json', '--ignore-scripts']))[0].files.map((file) => file.path);
  const dist = listed.filter((file) => file.startsWith('dist/')).sort();
  for (const required of ['dist/omlint.cjs', 'dist/api.cjs']) if (!dist.includes(required)) throw new ReleaseError(`${required} is not built`);
  return dist;
}

/** package.json as the release commit carries it: no devDependencies, no scripts (so no prepare). */
function releasePackageJson() {
  const pkg = readJson('package.json');
  delete pkg.devDependencies;
  delete pkg.scripts;
  return `${JSON.stringify(pkg, null, 2)}\n`;
}

/** The release commit (a child of HEAD, off the branch) and its annotated tag; the work tree is not touched. */
function makeReleaseCommit(version, distFiles) {
  const index = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-release-index-')), 'index');
  const env = { ...process.env, GIT_INDEX_FILE: index };
  const gitIndexed = (args, input) => run('git', args, { env, input }).trim();
  try {
    gitIndexed(['read-tree', 'HEAD']);
    gitIndexed(['rm', '--cached', '--quiet', '--ignore-unmatch', 'package-lock.json']);
    const blob = (input) => gitIndexed(['hash-object', '-w', '--stdin'], input);
    gitIndexed(['update-index', '--add', '--cacheinfo', `100644,${blob(releasePackageJson())},package.json`]);
    for (const file of distFiles) {
      const sha = gitIndexed(['hash-object', '-w', path.join(ROOT, file)]);
      gitIndexed(['update-index', '--add', '--cacheinfo', `100644,${sha},${file}`]);
    }
    const tree = gitIndexed(['write-tree']);
    const message = `omlint ${version}: release commit\n\nThe source commit's tree with the built bundle (dist/) and a package.json without\n` +
      'devDependencies and scripts: installs from git, the pre-commit hook and the GitHub Action\n' +
      'install no development package and compile nothing. Made by scripts/release.js;\n' +
      'scripts/verify-release.js rebuilds the source commit and compares.\n';
    const commit = gitIndexed(['commit-tree', tree, '-p', 'HEAD', '-F', '-'], message);
    git('tag', '-a', `v${version}`, '-m', `omlint ${version}`, commit);
    return commit;
  } finally {
    fs.rmSync(path.dirname(index), { recursive: true, force: true });
  }
}

/** `npm pack` of the release commit's tree into `out`, and the tarball's SHA-256 next to it. */
function pack(version, out) {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-release-tree-'));
  try {
    const tar = path.join(dir, 'tree.tar');
    git('archive', '--format=tar', '-o', tar, `v${version}`);
    const tree = path.join(dir, 'tree');
    fs.mkdirSync(tree);
    run('tar', ['-xf', tar, '-C', tree]);
    fs.mkdirSync(out, { recursive: true });
    const [packed] = JSON.parse(npm(['pack', '--json', '--pack-destination', out], { cwd: tree }));
    const tarball = path.join(out, packed.filename);
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(tarball)).digest('hex');
    fs.writeFileSync(`${tarball}.sha256`, `${sha256}  ${packed.filename}\n`);
    return { tarball, sha256, integrity: packed.integrity };
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

function main() {
  const options = parseOptions(process.argv.slice(2));
  const { version } = options;
  const previous = checkRepository(version);
  const step = (text) => console.error(`release: ${text}`);

  step(`version ${version}${previous ? ` (previous release ${previous})` : ' (first release)'}`);
  setVersion(version);
  const pinned = pinDocs(version);
  step('building');
  npm(['run', 'build']);
  const changes = detectChanges(previous);
  const changelog = path.join(ROOT, 'CHANGELOG.md');
  fs.writeFileSync(changelog, changelogFor(fs.readFileSync(changelog, 'utf8'), version, options.date, changes, previous));
  if (changes.breaking.length > 0) step(`breaking changes found against ${previous}:\n  ${changes.breaking.join('\n  ')}`);
  if (options.checks) {
    step('npm run lint');
    npm(['run', 'lint'], { stdio: 'inherit' });
    step('npm test');
    npm(['test'], { stdio: 'inherit' });
  }
  git('add', 'package.json', 'package-lock.json', 'CHANGELOG.md', ...pinned);
  git('commit', '-q', '-m', `Release ${version}`, '-m', `Version and CHANGELOG for ${version}; tag v${version} names the release commit built from this one.`);
  const source = git('rev-parse', 'HEAD');
  const release = makeReleaseCommit(version, shippedDistFiles());
  step(`source commit ${source.slice(0, 12)}, release commit ${release.slice(0, 12)}, tag v${version}`);
  const packed = pack(version, options.out);
  step(`packed ${path.relative(process.cwd(), packed.tarball)} (sha256 ${packed.sha256})`);
  const branch = git('rev-parse', '--abbrev-ref', 'HEAD');
  console.log([
    `omlint ${version} is ready. Next:`,
    `  git push origin ${branch} v${version}`,
    `  attach ${path.basename(packed.tarball)} and ${path.basename(packed.tarball)}.sha256 to the release of tag v${version}`,
    '  check with: node scripts/verify-release.js v' + version,
  ].join('\n'));
}

if (require.main === module) {
  try {
    main();
  } catch (error) {
    if (!(error instanceof ReleaseError)) throw error;
    console.error(`release: ${error.message}`);
    process.exitCode = 1;
  }
}

module.exports = { changelogFor, compareVersions, PINNED, PINNED_DOCS };
