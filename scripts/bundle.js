#!/usr/bin/env node
// Bundles the compiled CLI (dist/cli/main.js) with its run-time dependencies into one file,
// dist/omlint.cjs, which bin/omlint.js loads: one file to read and compile instead of ~35 modules
// resolved one by one through node_modules (~12 ms of a ~110 ms one-file run; bench/README.md).
// The same bundle is the API: dist/api.cjs, the package's `main`, is a two-line file that loads it
// (as bin/omlint.js does, with the code cache) and returns its api(). So the package needs no
// run-time dependency at all: package.json has none, and an install brings omlint alone.
// Modules stay lazily initialised (esbuild wraps each in a function run on first require), so the
// `yaml` package, fast-glob, chalk and the formatters still cost nothing until a run needs them.
// The licences of the bundled packages go to dist/omlint.cjs.LICENSES.txt.
'use strict';
const fs = require('fs');
const path = require('path');
const esbuild = require('esbuild');

const root = path.join(__dirname, '..');
const outfile = path.join(root, 'dist', 'omlint.cjs');

const result = esbuild.buildSync({
  entryPoints: [path.join(root, 'dist', 'cli', 'main.js')],
  outfile,
  bundle: true,
  platform: 'node',
  format: 'cjs',
  target: 'node20',
  // Names stay readable in --debug stack traces; whitespace and comments go.
  minifyWhitespace: true,
  minifySyntax: true,
  legalComments: 'none',
  // Every character outside ASCII escaped (esbuild's default, relied on): bin/load-cli.js reads the
  // bundle as latin1, which skips UTF-8 decoding.
  charset: 'ascii',
  banner: { js: '// omlint, bundled by scripts/bundle.js; licences of the bundled packages: omlint.cjs.LICENSES.txt' },
  metafile: true,
  // Module names in the bundle are paths relative to the repository root; with node_modules a
  // symbolic link (scripts/verify-release.js builds a source commit that way, as do the release
  // tests), they stay node_modules/…, so the bytes do not depend on where the packages live.
  preserveSymlinks: true,
  logLevel: 'warning',
});

fs.writeFileSync(
  path.join(root, 'dist', 'api.cjs'),
  "'use strict';\n// omlint's API (README \"API\"), from the one bundle dist/omlint.cjs, loaded as bin/omlint.js loads it.\n" +
    "module.exports = require('../bin/load-cli.js').loadCli().api();\n",
);

const nonAscii = fs.readFileSync(outfile).findIndex((byte) => byte > 0x7f);
if (nonAscii >= 0) throw new Error(`${outfile}: a byte outside ASCII at offset ${nonAscii}; bin/load-cli.js reads the bundle as latin1`);

/** The package directories (node_modules/<name> or node_modules/@scope/<name>) the bundle took code from. */
function bundledPackages(metafile) {
  const dirs = new Set();
  for (const input of Object.keys(metafile.inputs)) {
    const match = /^(.*node_modules\/(?:@[^/]+\/)?[^/]+)\//.exec(input.split(path.sep).join('/'));
    if (match) dirs.add(path.resolve(root, match[1]));
  }
  return [...dirs].sort();
}

const notices = bundledPackages(result.metafile).map((dir) => {
  const pkg = JSON.parse(fs.readFileSync(path.join(dir, 'package.json'), 'utf8'));
  const licenseFile = fs.readdirSync(dir).find((name) => /^(licen[cs]e|copying)(\.|$)/i.test(name));
  const text = licenseFile ? fs.readFileSync(path.join(dir, licenseFile), 'utf8').trim() : `License: ${pkg.license}`;
  return `${pkg.name}@${pkg.version} (${pkg.license})\n\n${text}\n`;
});
fs.writeFileSync(`${outfile}.LICENSES.txt`, `Packages bundled into omlint.cjs\n\n${notices.join(`\n${'-'.repeat(72)}\n\n`)}`);

// The V8 code cache, made in a fresh process after a warm-up run (scripts/code-cache.js).
const made = require('child_process').spawnSync(process.execPath, [path.join(__dirname, 'code-cache.js')], { stdio: 'inherit' });
if (made.status !== 0) process.exit(made.status ?? 1);
