'use strict';
/**
 * Loads omlint's CLI module for bin/omlint.js: dist/omlint.cjs, the CLI bundled into one file by
 * scripts/bundle.js, compiled with the V8 code cache dist/omlint.cjs.cache that the build writes
 * after a warm-up run. A one-file run (a pre-commit hook) then neither resolves ~110 modules nor
 * parses and compiles its functions again: together ~35 ms of a ~100 ms run (bench/README.md).
 * V8 rejects a cache made by another V8 version or for another source; the bundle is then compiled
 * as usual. Without a bundle (only `tsc` has run) it loads dist/cli/main.js.
 */
const fs = require('fs');
const path = require('path');
const vm = require('vm');
const Module = require('module');

const BUNDLE = path.join(__dirname, '..', 'dist', 'omlint.cjs');
const CODE_CACHE = `${BUNDLE}.cache`;

/** The compiled bundle, kept for scripts/code-cache.js to serialise after its warm-up. */
let script;

function loadCli() {
  let source;
  try {
    // The bundle is ASCII (scripts/bundle.js checks): latin1 reads it as UTF-8 would, without decoding.
    source = fs.readFileSync(BUNDLE, 'latin1');
  } catch (error) {
    if (error.code !== 'ENOENT') throw error;
    return require('../dist/cli/main.js');
  }
  let cachedData;
  try {
    cachedData = fs.readFileSync(CODE_CACHE);
  } catch {
    // No cache yet (scripts/code-cache.js is making it): compile as usual.
  }
  script = new vm.Script(Module.wrap(source), { filename: BUNDLE, cachedData });
  const module = { exports: {}, id: BUNDLE, filename: BUNDLE, loaded: false, children: [], paths: [] };
  script.runInThisContext().call(module.exports, module.exports, Module.createRequire(BUNDLE), module, BUNDLE, path.dirname(BUNDLE));
  module.loaded = true;
  return module.exports;
}

/** V8's code cache of the bundle with every function compiled so far. */
function createCodeCache() {
  if (!script) throw new Error('loadCli() has not loaded the bundle');
  return script.createCachedData();
}

module.exports = { loadCli, createCodeCache, BUNDLE, CODE_CACHE };
