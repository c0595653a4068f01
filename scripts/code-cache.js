#!/usr/bin/env node
// Writes dist/omlint.cjs.cache, the V8 code cache bin/load-cli.js compiles the bundle with: the
// bundle is loaded and run on the fixtures (what a hook or CI run executes: files and directories,
// stylish and json), then every function compiled by then is serialised. Run by scripts/bundle.js
// in a fresh process so the cache holds omlint's functions and nothing of the build.
'use strict';
const fs = require('fs');
const path = require('path');
const { loadCli, createCodeCache, CODE_CACHE } = require('../bin/load-cli');

const root = path.join(__dirname, '..');
fs.rmSync(CODE_CACHE, { force: true });
const cli = loadCli();
const io = { stdout: () => {}, stderr: () => {}, cwd: root, env: {}, isTTY: false };
for (const argv of [['fixtures'], ['--format', 'json', 'fixtures/demo/values-broken.yaml']]) cli.run(argv, io);
fs.writeFileSync(CODE_CACHE, createCodeCache());
