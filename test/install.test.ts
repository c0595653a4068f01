/**
 * Installing omlint without a registry name, as a user would: scripts/release.js makes a release
 * in a throw-away repository (test/support/release.ts; the real repository never gets a tag), then
 * the tarball it packed and a git+file:// URL at its tag are installed into empty folders, and the
 * installed command and API are run on a fixture. The installed tree holds omlint and nothing else.
 * scripts/verify-release.js accepts the release commit and refuses one whose bundle was changed; a
 * second release lists the output contract changes it finds under "Breaking".
 */
import { spawnSync } from 'child_process';
import * as crypto from 'crypto';
import * as fs from 'fs';
import * as path from 'path';
import { makeRelease, must, release, Release, ROOT, run } from './support/release';
import { tempDir } from './support/temp';

const FIXTURE = path.join(ROOT, 'fixtures', 'demo', 'values-broken.yaml');
const TIMEOUT = 600_000;

let home: string;
let made: Release;
const tagsBefore = must(run('git', ['tag', '--list'], ROOT, process.env), 'git tag').trim();

beforeAll(() => {
  home = tempDir('omlint-install-');
  made = makeRelease(home, '0.1.0');
}, TIMEOUT);

const git = (...args: string[]): string => must(run('git', args, made.repo, made.env), `git ${args.join(' ')}`).trim();

/** An empty project folder with `npm install SPEC` done in it. */
function installInto(spec: string): string {
  const project = fs.mkdtempSync(path.join(home, 'project-'));
  fs.writeFileSync(path.join(project, 'package.json'), '{ "name": "deploy", "version": "1.0.0", "private": true }\n');
  must(run('npm', ['install', '--no-audit', '--no-fund', spec], project, made.env), `npm install ${spec}`);
  return project;
}

/** Every package npm installed into `project`, as `npm ls --all` lists them. */
function installedPackages(project: string): string[] {
  const tree = JSON.parse(must(run('npm', ['ls', '--all', '--json'], project, made.env), 'npm ls'));
  const names: string[] = [];
  const walk = (deps: Record<string, { dependencies?: Record<string, unknown> }> = {}): void => {
    for (const [name, dep] of Object.entries(deps)) {
      names.push(name);
      walk(dep.dependencies as Record<string, { dependencies?: Record<string, unknown> }>);
    }
  };
  walk(tree.dependencies);
  return names;
}

/** The installed command on the demo file, `npx omlint` of the installed, pinned package, and the API. */
function expectWorkingInstall(project: string): void {
  expect(fs.readdirSync(path.join(project, 'node_modules')).filter((name) => !name.startsWith('.'))).toEqual(['omlint']);
  expect(installedPackages(project)).toEqual(['omlint']);
  const lint = run(path.join(project, 'node_modules', '.bin', 'omlint'), ['--format', 'compact', FIXTURE], project, made.env);
  expect(lint.status).toBe(1);
  expect(lint.stdout).toMatch(/values-broken\.yaml:11:7: error publicKeys has no \/api\/v1\/system\/config\/jwks entry.*\[jwks-public-key\]$/m);
  const npx = run('npx', ['--no-install', 'omlint', '--version'], project, made.env);
  expect([npx.status, npx.stdout]).toEqual([0, `${made.version}\n`]);
  const api = run(process.execPath, ['-e', `const { createLinter } = require('omlint'); console.log(createLinter().lintFiles([${JSON.stringify(FIXTURE)}])[0].errorCount)`], project, made.env);
  expect(api.stderr).toBe('');
  expect(Number(api.stdout)).toBeGreaterThan(0);
  // The bundle, not a build: no compiled modules, no TypeScript, no esbuild were installed.
  expect(fs.existsSync(path.join(project, 'node_modules', 'omlint', 'dist', 'cli', 'main.js'))).toBe(false);
}

describe('a release made by scripts/release.js', () => {
  it('tags a release commit off the branch: the source tree plus dist/, package.json without devDependencies and scripts', () => {
    const release = git('rev-parse', `${made.tag}^{commit}`);
    const source = git('rev-parse', 'main');
    expect(git('rev-parse', `${release}^1`)).toBe(source);
    expect(git('log', '-1', '--format=%s', source)).toBe(`Release ${made.version}`);
    const changed = git('diff-tree', '-r', '--no-renames', '--name-status', source, release).split('\n');
    expect(changed).toEqual(expect.arrayContaining(['A\tdist/omlint.cjs', 'A\tdist/api.cjs', 'A\tdist/omlint.cjs.cache', 'M\tpackage.json', 'D\tpackage-lock.json']));
    expect(changed.filter((line) => !/^A\tdist\//.test(line))).toEqual(['D\tpackage-lock.json', 'M\tpackage.json']);
    const pkg = JSON.parse(git('show', `${made.tag}:package.json`));
    expect([pkg.version, pkg.devDependencies, pkg.scripts, pkg.dependencies]).toEqual([made.version, undefined, undefined, undefined]);
    // The real repository got no tag.
    expect(must(run('git', ['tag', '--list'], ROOT, process.env), 'git tag').trim()).toBe(tagsBefore);
  });

  it('writes the tarball, its SHA-256 and the CHANGELOG entry', () => {
    const checksum = fs.readFileSync(`${made.tarball}.sha256`, 'utf8');
    const sha256 = crypto.createHash('sha256').update(fs.readFileSync(made.tarball)).digest('hex');
    expect(checksum).toBe(`${sha256}  omlint-${made.version}.tgz\n`);
    expect(must(run('sha256sum', ['-c', `omlint-${made.version}.tgz.sha256`], path.dirname(made.tarball), made.env), 'sha256sum -c')).toContain(': OK');
    const changelog = git('show', `${made.tag}:CHANGELOG.md`);
    expect(changelog).toMatch(new RegExp(`## Unreleased\\n\\n## ${made.version.replace(/\./g, '\\.')} \\(2026-01-02\\)\\n\\nThe first release\\.`));
    expect(changelog).toContain('### Breaking');
  });

  it('installs from the tarball into an empty folder: omlint alone, its command, npx and its API work', () => {
    expectWorkingInstall(installInto(made.tarball));
  }, TIMEOUT);

  it('installs from a git+file:// URL at the tag: the committed bundle, nothing built, nothing else installed', () => {
    const project = installInto(`git+file://${made.repo}#${made.tag}`);
    expectWorkingInstall(project);
    const installed = fs.readFileSync(path.join(project, 'node_modules', 'omlint', 'dist', 'omlint.cjs'));
    expect(crypto.createHash('sha256').update(installed).digest('hex')).toBe(
      crypto.createHash('sha256').update(must(run('git', ['show', `${made.tag}:dist/omlint.cjs`], made.repo, made.env), 'git show')).digest('hex'),
    );
  }, TIMEOUT);

  it('type-checks a TypeScript user of the installed package with skipLibCheck off', () => {
    const project = installInto(made.tarball);
    fs.writeFileSync(path.join(project, 'lint.ts'), [
      "import { createLinter, loadFormatter, type LintResult } from 'omlint';",
      'const linter = createLinter({ textFixes: true });',
      "const results: LintResult[] = linter.lintFiles(['helm/']);",
      "console.log(loadFormatter('json')!(results, { cwd: '.', color: false, rules: linter.rules }));",
      '',
    ].join('\n'));
    const tsc = run(process.execPath, [require.resolve('typescript/bin/tsc'), '--strict', '--noEmit', '--skipLibCheck', 'false', '--module', 'commonjs',
      '--moduleResolution', 'node10', '--ignoreDeprecations', '6.0', '--types', 'node', '--typeRoots', path.join(ROOT, 'node_modules', '@types'), 'lint.ts'], project, made.env);
    expect(tsc.stdout + tsc.stderr).toBe('');
    expect(tsc.status).toBe(0);
  }, TIMEOUT);

  it('is a GitHub Action at the tag: action.yml\'s main runs the committed bundle; without a bundle it says to use a release tag', () => {
    const extract = (ref: string): string => {
      const dir = fs.mkdtempSync(path.join(home, 'tree-'));
      must(run('git', ['archive', '--format=tar', '-o', path.join(dir, 'tree.tar'), ref], made.repo, made.env), 'git archive');
      must(run('tar', ['-xf', path.join(dir, 'tree.tar'), '-C', dir], dir, made.env), 'tar');
      return dir;
    };
    const workspace = fs.mkdtempSync(path.join(home, 'workspace-'));
    fs.copyFileSync(FIXTURE, path.join(workspace, 'values.yaml'));
    const action = (tree: string) => {
      const main = /^\s+main: (\S+)$/m.exec(fs.readFileSync(path.join(tree, 'action.yml'), 'utf8'))![1];
      return run(process.execPath, [path.join(tree, main)], workspace, { PATH: process.env.PATH, INPUT_PATHS: 'values.yaml', RUNNER_TEMP: home });
    };
    const released = action(extract(made.tag));
    expect(released.status).toBe(1);
    expect(released.stdout).toMatch(/^::error file=values\.yaml,line=11,col=7,.*title=omlint jwks-public-key::/m);
    const source = action(extract('main'));
    expect([source.status, source.stdout]).toEqual([2, expect.stringMatching(/^::error title=omlint::This ref of omlint\/omlint has no built bundle \(dist\/omlint\.cjs\)\. Use a release tag/)]);
  }, TIMEOUT);

  it('passes scripts/verify-release.js, which refuses a release commit whose bundle differs from a fresh build', () => {
    const verify = (ref: string) => run(process.execPath, [path.join(made.repo, 'scripts', 'verify-release.js'), ref], made.repo, made.env);
    const good = verify(made.tag);
    expect(good.stderr).toMatch(new RegExp(`^verify-release: ${made.tag} \\([0-9a-f]{12}\\): the \\d+ committed dist/ files are what source commit [0-9a-f]{12} builds`));
    expect(good.status).toBe(0);
    // The same release commit with one byte of the bundle changed.
    const release = git('rev-parse', `${made.tag}^{commit}`);
    const bundle = must(run('git', ['show', `${release}:dist/omlint.cjs`], made.repo, made.env), 'git show').replace('publicKeys has no', 'publicKeys lacks');
    const index = path.join(home, 'tampered-index');
    const indexed = { ...made.env, GIT_INDEX_FILE: index };
    must(run('git', ['read-tree', release], made.repo, indexed), 'read-tree');
    const changed = spawnSync('git', ['hash-object', '-w', '--stdin'], { cwd: made.repo, env: made.env, input: bundle, encoding: 'utf8' }).stdout.trim();
    must(run('git', ['update-index', '--cacheinfo', `100644,${changed},dist/omlint.cjs`], made.repo, indexed), 'update-index');
    const tree = must(run('git', ['write-tree'], made.repo, indexed), 'write-tree').trim();
    const tampered = must(run('git', ['commit-tree', tree, '-p', `${release}^1`, '-m', 'tampered'], made.repo, made.env), 'commit-tree').trim();
    const bad = verify(tampered);
    expect(bad.status).toBe(1);
    expect(bad.stderr).toContain('dist/omlint.cjs: differs from a fresh build');
  }, TIMEOUT);

  it('a second release lists the output contract changes against the first under "Breaking"', () => {
    const rule = path.join(made.repo, 'src', 'rules', 'jwks-public-key.ts');
    fs.writeFileSync(rule, fs.readFileSync(rule, 'utf8').replace("severity: 'error',", "severity: 'warn',"));
    const changelog = path.join(made.repo, 'CHANGELOG.md');
    fs.writeFileSync(changelog, fs.readFileSync(changelog, 'utf8').replace('## Unreleased\n', '## Unreleased\n\n### Changed\n\n- jwks-public-key is a warning.\n'));
    git('commit', '-q', '-am', 'jwks-public-key: a warning');
    const output = release(made.repo, '0.2.0', made.env);
    expect(output).toContain('breaking changes found against v0.1.0');
    const entry = git('show', 'v0.2.0:CHANGELOG.md').split('## 0.1.0')[0];
    expect(entry).toContain('## 0.2.0 (2026-01-02)\n\n### Breaking\n\n- Rule `jwks-public-key`: default severity error → warning (found comparing with v0.1.0).\n\n### Changed');
    // The documents' install commands, hook rev and Action pin moved to the new release.
    expect(git('show', 'v0.2.0:docs/ci.md')).toContain('rev: v0.2.0');
    expect(git('show', 'v0.2.0:README.md')).not.toMatch(/v0\.1\.0|omlint-0\.1\.0/);
    // No release, no tag, when the version is not above the last one.
    const again = run(process.execPath, [path.join(made.repo, 'scripts', 'release.js'), '0.1.5', '--skip-checks'], made.repo, made.env);
    expect([again.status, again.stderr]).toEqual([1, 'release: 0.1.5 is not above the last release, v0.2.0\n']);
  }, TIMEOUT);
});
