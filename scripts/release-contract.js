'use strict';
/**
 * The output contract of a built omlint, as a user's tooling sees it, and what changed between two
 * builds: scripts/release.js compares the new bundle with the one the previous release commit
 * carries and writes the changes a user must act on under "Breaking" in CHANGELOG.md.
 *
 * What is compared: each rule's default severity (`--list-rules`), the fields of the JSON output and
 * how severities are encoded in it (`--format json --show-info` over the fixtures), and the exit
 * codes of a few runs (a clean folder, a broken file, an empty folder).
 */
const fs = require('fs');
const os = require('os');
const path = require('path');

/** The runs whose exit codes are part of the contract, as argv relative to the repository root. */
const EXIT_PROBES = [['fixtures/examples'], ['fixtures/demo/values-broken.yaml'], ['<empty folder>']];

/** The contract of the bundle `bundleFile` (a dist/omlint.cjs), run in-process on the fixtures of `root`. */
function probeContract(bundleFile, root) {
  const cli = require(path.resolve(bundleFile));
  const empty = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-contract-'));
  const call = (argv) => {
    let stdout = '';
    const io = { stdout: (text) => (stdout += text), stderr: () => undefined, cwd: root, env: { OMLINT_WORKERS: '0', NO_COLOR: '1' }, isTTY: false };
    const code = cli.run(argv.map((arg) => (arg === '<empty folder>' ? empty : arg)), io);
    return { code, stdout };
  };
  try {
    const rules = {};
    for (const line of call(['--list-rules']).stdout.split('\n').filter(Boolean)) {
      const [id, severity] = line.split(/\s+/);
      rules[id] = severity === 'warn' ? 'warning' : severity;
    }
    const results = JSON.parse(call(['--format', 'json', '--show-info', 'fixtures']).stdout || '[]');
    const resultFields = new Set();
    const messageFields = new Set();
    const encoding = new Set();
    for (const result of results) {
      for (const key of Object.keys(result)) resultFields.add(key);
      for (const message of result.messages) {
        for (const key of Object.keys(message)) messageFields.add(key);
        encoding.add(message.level === undefined ? `${message.severity}` : `${message.level} ${message.severity}`);
      }
    }
    const exitCodes = Object.fromEntries(EXIT_PROBES.map((argv) => [argv.join(' '), call(argv).code]));
    return { rules, resultFields: [...resultFields].sort(), messageFields: [...messageFields].sort(), encoding: [...encoding].sort(), exitCodes };
  } finally {
    fs.rmSync(empty, { recursive: true, force: true });
  }
}

/** What changed from contract `before` to `after`: `breaking` lines a user must act on, `added` ones they may use. */
function contractChanges(before, after) {
  const breaking = [];
  const added = [];
  for (const [id, severity] of Object.entries(before.rules)) {
    if (!(id in after.rules)) breaking.push(`Rule \`${id}\` removed: configs and directives naming it now get an unknown-rule error or warning.`);
    else if (after.rules[id] !== severity) breaking.push(`Rule \`${id}\`: default severity ${severity} → ${after.rules[id]}.`);
  }
  for (const [id, severity] of Object.entries(after.rules)) {
    if (!(id in before.rules)) added.push(`Rule \`${id}\` (default severity ${severity}).`);
  }
  for (const [where, key] of [['result', 'resultFields'], ['message', 'messageFields']]) {
    for (const field of before[key]) if (!after[key].includes(field)) breaking.push(`JSON: the ${where} field \`${field}\` is no longer written.`);
    for (const field of after[key]) if (!before[key].includes(field)) added.push(`JSON: the ${where} field \`${field}\`.`);
  }
  if (before.encoding.join() !== after.encoding.join()) {
    breaking.push(`JSON severity encoding (level and severity of the messages written): ${before.encoding.join(', ')} → ${after.encoding.join(', ')}.`);
  }
  for (const [probe, code] of Object.entries(before.exitCodes)) {
    if (probe in after.exitCodes && after.exitCodes[probe] !== code) breaking.push(`Exit code of \`omlint ${probe}\`: ${code} → ${after.exitCodes[probe]}.`);
  }
  return { breaking, added };
}

module.exports = { probeContract, contractChanges, EXIT_PROBES };
