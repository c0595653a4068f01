/**
 * What the npm package holds: one bundle that is both the CLI and the API (`main`), no run-time
 * dependency, and the documents a user needs (README, LICENSE, SECURITY.md that --help points to,
 * docs/). `npm pack --dry-run` lists the files as npm would pack them. Installing the package is
 * tested in test/install.test.ts.
 */
import { spawnSync } from 'child_process';
import * as fs from 'fs';
import { builtinModules } from 'module';
import * as path from 'path';
import { ROOT } from './support/cli';

const pkg = JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8'));

function packedFiles(): string[] {
  const packed = spawnSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: ROOT, encoding: 'utf8' });
  if (packed.status !== 0) throw new Error(`npm pack --dry-run: ${packed.stderr}`);
  return (JSON.parse(packed.stdout)[0].files as { path: string }[]).map((file) => file.path).sort();
}

describe('the package', () => {
  let files: string[];
  beforeAll(() => {
    files = packedFiles();
  }, 60_000);

  it('has no run-time dependencies: the bundle holds them', () => {
    expect(pkg.dependencies).toBeUndefined();
    expect(pkg.optionalDependencies).toBeUndefined();
    expect(pkg.peerDependencies).toBeUndefined();
    const bundle = fs.readFileSync(path.join(ROOT, 'dist', 'omlint.cjs'), 'latin1');
    // Every require() call of the bundle (ajv keeps one as the text of a string: `.code='require(…)'`).
    const required = new Set([...bundle.matchAll(/(?<!['"])\brequire\("([^"]+)"\)/g)].map((match) => match[1]));
    expect(required.size).toBeGreaterThan(3);
    const outside = [...required].filter((name) => !builtinModules.includes(name.replace(/^node:/, '')));
    expect(outside).toEqual([]);
  });

  it('ships the bundle as the command and as main, with the documents a user needs', () => {
    expect(pkg.bin).toEqual({ omlint: 'bin/omlint.js' });
    expect(pkg.main).toBe('dist/api.cjs');
    for (const file of ['README.md', 'LICENSE', 'SECURITY.md', 'package.json', 'bin/omlint.js', 'bin/load-cli.js', 'dist/omlint.cjs', 'dist/omlint.cjs.cache',
      'dist/omlint.cjs.LICENSES.txt', 'dist/api.cjs', 'dist/index.d.ts', 'docs/ci.md', 'docs/json-output.md', 'docs/rules/jwks-public-key.md', 'schemas/omlintrc.schema.json']) {
      expect(files).toContain(file);
    }
    // Neither the sources nor the compiled modules the bundle was made from.
    expect(files.filter((file) => file.startsWith('src/') || file.startsWith('test/') || (file.startsWith('dist/') && /\.js$/.test(file)))).toEqual([]);
  });

  it('--help names SECURITY.md, which the package ships', () => {
    const help = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'omlint.js'), '--help'], { encoding: 'utf8' }).stdout;
    expect(help).toContain('SECURITY.md');
    expect(files).toContain('SECURITY.md');
  });

  it('main is the API, from the same bundle as the command', () => {
    const api = require(path.join(ROOT, pkg.main));
    expect(typeof api.createLinter).toBe('function');
    expect(api.createLinter({ cwd: ROOT }).lintFiles(['fixtures/demo/values-broken.yaml'])[0].errorCount).toBeGreaterThan(0);
    expect(fs.readFileSync(path.join(ROOT, pkg.main), 'utf8')).toContain("require('../bin/load-cli.js')");
  });
});
