'use strict';
/**
 * The stand-in linter of test/workers.test.ts, shared by its main thread and its worker threads
 * (test/support/parallel-worker.js): a result naming the thread, or the failure a file's name asks for.
 */
const { InputError } = require('../../dist/source/read.js');
const { ConfigError } = require('../../dist/runner/config.js');

function standInOutcome(file, threadId) {
  // Some work, so that every thread gets batches (no timing is asserted).
  let spin = 0;
  for (let i = 0; i < 20000; i++) spin += Math.sqrt(i);
  if (file.includes('input-error')) return { failure: new InputError(`${file}: cannot be read`) };
  if (file.includes('internal-error')) return { failure: new TypeError(`broken on ${file}`) };
  if (file.includes('thrown-value')) return { failure: `a string thrown on ${file}` };
  if (file.includes('config-error')) throw new ConfigError(`${file}: bad config`);
  return { result: { filePath: file, messages: [], errorCount: 0, warningCount: 0, infoCount: 0, threadId, spin: spin > 0 } };
}

module.exports = { standInOutcome };
