'use strict';
/**
 * A worker entry for test/workers.test.ts: serves lintAll's batches (dist/runner/parallel.js) with a
 * stand-in linter that names the thread that linted each file, and fails on files named for it.
 * The main thread's stand-in (in the test) does the same, so the test sees who did what.
 */
const { threadId } = require('worker_threads');
const { serveWorker } = require('../../dist/runner/parallel.js');
const { standInOutcome } = require('./parallel-stand-in.js');

exports.workerMain = () => serveWorker(() => (file) => standInOutcome(file, threadId));
