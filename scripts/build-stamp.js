#!/usr/bin/env node
// Whether dist/ (and src/schema/generated/) were built from the build inputs as they are now.
//
//   node scripts/build-stamp.js write    the last step of `npm run build`: record the inputs' hash
//   node scripts/build-stamp.js ensure   `npm test`: run `npm run build` unless the hash still matches
//
// Why: `npm ci` already builds (through `prepare`), so `npm test` building again doubled the build
// time of `npm ci && npm test`; yet the CLI tests run dist/, so they must never see a stale build.
// The stamp is a hash of the contents of every build input (sources, schemas, build scripts, the
// TypeScript configs, package.json and the lock file, whose packages are bundled) and of the Node
// version (the V8 code cache is made for it). Contents, not modification times: a clone or a branch
// switch gives files new times, and a time comparison can be fooled the other way round too.
'use strict';
const crypto = require('crypto');
const fs = require('fs');
const path = require('path');
const { spawnSync } = require('child_process');

const root = path.join(__dirname, '..');
const STAMP = path.join(root, 'dist', '.build-stamp');
const INPUT_DIRS = ['src', 'schemas'];
const INPUT_FILES = [
  'package.json',
  'package-lock.json',
  'tsconfig.json',
  'tsconfig.build.json',
  'scripts/compile-schemas.js',
  'scripts/bundle.js',
  'scripts/code-cache.js',
  'scripts/build-stamp.js',
];
/** Written by the build into src/: an output, not an input. */
const GENERATED = path.join('src', 'schema', 'generated');
/** Outputs that must exist besides the stamp (a deleted src/schema/generated/ means: build again). */
const OUTPUTS = [
  'dist/index.js',
  'dist/omlint.cjs',
  'dist/omlint.cjs.cache',
  'dist/api.cjs',
  'dist/schema/generated/validate-auth-config.js',
  'src/schema/generated/validate-auth-config.js',
  'src/schema/generated/validate-omlintrc.js',
];

/** Files under a directory, relative to the repository root. */
function filesUnder(dir) {
  const out = [];
  for (const entry of fs.readdirSync(path.join(root, dir), { withFileTypes: true })) {
    const rel = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (rel !== GENERATED) out.push(...filesUnder(rel));
    } else {
      out.push(rel);
    }
  }
  return out;
}

function inputsHash() {
  const hash = crypto.createHash('sha256').update(process.version);
  const inputs = [...INPUT_DIRS.flatMap(filesUnder), ...INPUT_FILES].map((rel) => rel.split(path.sep).join('/')).sort();
  for (const rel of inputs) hash.update(`\0${rel}\0`).update(fs.readFileSync(path.join(root, rel)));
  return hash.digest('hex');
}

function isFresh() {
  if (!OUTPUTS.every((rel) => fs.existsSync(path.join(root, rel)))) return false;
  try {
    return fs.readFileSync(STAMP, 'utf8').trim() === inputsHash();
  } catch {
    return false;
  }
}

function build() {
  // Under npm, npm_execpath is the npm that runs this script; otherwise the npm on PATH.
  const npmCli = process.env.npm_execpath;
  const run = npmCli && /\.[cm]?js$/.test(npmCli)
    ? spawnSync(process.execPath, [npmCli, 'run', 'build'], { cwd: root, stdio: 'inherit' })
    : spawnSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit', shell: process.platform === 'win32' });
  return run.status ?? 1;
}

const command = process.argv[2];
if (command === 'write') {
  fs.writeFileSync(STAMP, `${inputsHash()}\n`);
} else if (command === 'ensure') {
  if (isFresh()) {
    console.error('omlint build: dist/ is up to date with its sources; not rebuilding');
  } else {
    process.exitCode = build();
  }
} else {
  console.error('usage: node scripts/build-stamp.js write|ensure');
  process.exitCode = 2;
}
