#!/usr/bin/env node
/**
 * Whether the fast reader still pays for itself: lints a case in process with the fast reader
 * (`parser: 'auto'`, the default) and with the `yaml` package alone (`parser: 'yaml'`), rounds
 * alternating between them, texts read up front; prints the median of each and their ratio, and
 * checks that both give the same findings. Never part of `npm test`.
 *
 *   npm run build && node bench/generate.js     (once)
 *   node bench/reader.js [--case k1|k10|d10|big] [--rounds N]
 */
'use strict';
const fs = require('fs');
const path = require('path');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const caseName = option('--case', 'k10');
const rounds = Number(option('--rounds', '5'));

const dir = path.join(__dirname, 'out', caseName);
if (!fs.existsSync(dir)) throw new Error(`${dir} is missing: run node bench/generate.js first`);
const { createLinter } = require(path.join(__dirname, '..', 'dist', 'index.js'));
const texts = listFiles(dir).map((file) => [file, fs.readFileSync(file, 'utf8')]);
const linters = { fast: createLinter({ configFile: false }), yaml: createLinter({ configFile: false, parser: 'yaml' }) };

const times = { fast: [], yaml: [] };
const findings = {};
for (let round = 0; round < rounds; round++) {
  const order = round % 2 === 0 ? ['fast', 'yaml'] : ['yaml', 'fast'];
  for (const reader of order) {
    const started = process.hrtime.bigint();
    let count = 0;
    for (const [file, text] of texts) count += linters[reader].lintText(text, file)?.messages.length ?? 0;
    times[reader].push(Number(process.hrtime.bigint() - started) / 1e6);
    findings[reader] = count;
  }
}
const median = (values) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
console.log(`${caseName}: ${texts.length} files, ${rounds} rounds each, alternating, in process`);
for (const reader of ['fast', 'yaml']) console.log(`  ${reader.padEnd(4)} ${median(times[reader]).toFixed(0).padStart(6)} ms median, ${findings[reader]} findings`);
console.log(`  yaml alone takes ${(median(times.yaml) / median(times.fast)).toFixed(2)}x the fast reader's time`);
if (findings.fast !== findings.yaml) console.log('  the two readers disagree on the number of findings');

function listFiles(target) {
  if (!fs.statSync(target).isDirectory()) return [target];
  return fs.readdirSync(target, { withFileTypes: true })
    .sort((a, b) => (a.name < b.name ? -1 : 1))
    .flatMap((entry) => listFiles(path.join(target, entry.name)))
    .filter((file) => /\.(ya?ml|env)$|(^|\/)\.env/.test(file));
}
