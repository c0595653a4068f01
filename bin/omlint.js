#!/usr/bin/env node
'use strict';
const fs = require('fs');
const { run } = require('./load-cli').loadCli();

/**
 * Where the report and messages go. On POSIX, straight to file descriptors 1 and 2: the first use
 * of process.stdout or process.stderr builds a stream and loads Node's stream modules, and `net`
 * when it is a pipe, as under a pre-commit hook: a one-file run took 5-7 ms longer through a pipe,
 * 1-4 ms into /dev/null (see the commit). Node writes to files, pipes and terminals synchronously
 * there too, so the bytes and their order are the same. Windows keeps Node's streams, which
 * convert text for its console.
 */
function outputs() {
  if (process.platform === 'win32') return streamOutputs();
  const stdout = fdOutput(1);
  const stderr = fdOutput(2);
  return { stdout: stdout.write, stderr: stderr.write, failures: () => [stdout.failure(), stderr.failure()], isTTY: () => isTerminal(1) };
}

/**
 * Writes all of each text, or remembers why it could not and drops what follows: a reader that
 * stops early (`omlint … | head`) closes the pipe (EPIPE), and the run still ends with its own
 * exit code, as other tools do.
 */
function fdOutput(fd) {
  let failure;
  const write = (text) => {
    if (failure) return;
    const bytes = Buffer.from(text, 'utf8');
    for (let offset = 0; offset < bytes.length; ) {
      try {
        offset += fs.writeSync(fd, bytes, offset);
      } catch (error) {
        // A non-blocking pipe that is full (its other end may have set O_NONBLOCK): let the reader catch up.
        if (error.code === 'EAGAIN') Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 1);
        else {
          failure = error;
          return;
        }
      }
    }
  };
  return { write, failure: () => failure };
}

/**
 * Whether `fd` is a terminal. Files, pipes, sockets and /dev/null are told apart with fstat; only a
 * character device that may be a terminal needs the tty module, which loads `net`.
 */
function isTerminal(fd) {
  try {
    const stat = fs.fstatSync(fd);
    if (!stat.isCharacterDevice() || stat.rdev === fs.statSync('/dev/null').rdev) return false;
  } catch {
    return false;
  }
  return require('tty').isatty(fd);
}

function streamOutputs() {
  for (const stream of [process.stdout, process.stderr]) {
    stream.on('error', (error) => {
      if (error.code !== 'EPIPE' && stream !== process.stderr) process.stderr.write(`omlint: cannot write the report: ${error.code || error.message}\n`);
      process.exit(error.code === 'EPIPE' ? process.exitCode || 0 : 2);
    });
  }
  return {
    stdout: (text) => process.stdout.write(text),
    stderr: (text) => process.stderr.write(text),
    // A stream reports a failed write later, as an 'error' event (above).
    failures: () => [],
    isTTY: () => Boolean(process.stdout.isTTY),
  };
}

const io = outputs();
const code = run(process.argv.slice(2), {
  stdout: io.stdout,
  stderr: io.stderr,
  cwd: process.cwd(),
  env: process.env,
  // Asked only when colour is neither forced nor turned off.
  get isTTY() {
    return io.isTTY();
  },
});
const [stdoutFailure, stderrFailure] = io.failures();
if (stdoutFailure && stdoutFailure.code !== 'EPIPE') {
  io.stderr(`omlint: cannot write the report: ${stdoutFailure.code || stdoutFailure.message}\n`);
  process.exitCode = 2;
} else {
  process.exitCode = stderrFailure && stderrFailure.code !== 'EPIPE' ? 2 : code;
}
