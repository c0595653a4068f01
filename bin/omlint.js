#!/usr/bin/env node
'use strict';
const { run } = require('../dist/cli/main.js');

const code = run(process.argv.slice(2), {
  stdout: (text) => process.stdout.write(text),
  stderr: (text) => process.stderr.write(text),
  cwd: process.cwd(),
  env: process.env,
  isTTY: Boolean(process.stdout.isTTY),
  readStdin: () => require('fs').readFileSync(0),
});
process.exitCode = code;
