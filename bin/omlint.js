#!/usr/bin/env node
'use strict';
const { run } = require('./load-cli').loadCli();

// A reader that stops early (`omlint … | head`) closes the pipe: stop quietly, as other tools do.
for (const stream of [process.stdout, process.stderr]) {
  stream.on('error', (error) => {
    if (error.code !== 'EPIPE' && stream !== process.stderr) process.stderr.write(`omlint: cannot write the report: ${error.code || error.message}\n`);
    process.exit(error.code === 'EPIPE' ? process.exitCode || 0 : 2);
  });
}

const code = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
});
process.exitCode = code;
