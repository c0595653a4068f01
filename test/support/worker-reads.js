'use strict';
/**
 * Test preload (NODE_OPTIONS=--require): in a worker thread, every file opened is named on a line of
 * the file $OMLINT_TEST_WORKER_LOG, so test/workers.test.ts can see that worker threads linted files.
 */
const fs = require('fs');
const { isMainThread, threadId } = require('worker_threads');

const log = process.env.OMLINT_TEST_WORKER_LOG;
if (!isMainThread && log) {
  const openSync = fs.openSync;
  fs.openSync = function logged(file, ...rest) {
    if (/\.ya?ml$/.test(String(file))) fs.appendFileSync(log, `${threadId} ${file}\n`);
    return openSync.call(this, file, ...rest);
  };
}
