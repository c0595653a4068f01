#!/usr/bin/env node
/**
 * Where a run's time goes, without the machine's noise in the way of the ranking: lints one of the
 * benchmark's cases in process (one linter of dist/index.js, files read up front), several rounds so the
 * JIT is warm, under V8's sampling profiler; prints the functions and files with the most time of
 * their own, and the time spent inside a few engine phases. Never part of `npm test`.
 *
 *   npm run build && node bench/generate.js     (once)
 *   node bench/profile.js [--case k1|k10|d10|big] [--rounds N] [--top N] [--dist DIR]
 *
 * The profile itself goes to bench/out/profile-<case>.cpuprofile (Chrome DevTools opens it).
 */
'use strict';
const fs = require('fs');
const path = require('path');
const inspector = require('inspector');

const args = process.argv.slice(2);
const option = (name, fallback) => (args.includes(name) ? args[args.indexOf(name) + 1] : fallback);
const caseName = option('--case', 'k10');
const rounds = Number(option('--rounds', '3'));
const top = Number(option('--top', '30'));
/** Engine phases whose time, callees included, is worth knowing. */
const PHASES = ['lintJob', 'parseSource', 'readFastYaml', 'parseYaml', 'modelsOf', 'runRules', 'addReport', 'wording', 'locateClosest', 'secrets', 'scan', 'finish', 'applyDirectives'];

const root = path.join(__dirname, '..');
const dir = path.join(__dirname, 'out', caseName);
if (!fs.existsSync(dir)) throw new Error(`${dir} is missing: run node bench/generate.js first`);
const dist = path.resolve(option('--dist', path.join(root, 'dist')));
const linter = require(path.join(dist, 'index.js')).createLinter({ configFile: false });
const texts = listFiles(dir).map((file) => [file, fs.readFileSync(file, 'utf8')]);

const session = new inspector.Session();
session.connect();
const post = (method, params = {}) => {
  let answer;
  session.post(method, params, (error, result) => {
    if (error) throw error;
    answer = result;
  });
  return answer;
};
post('Profiler.enable');
post('Profiler.setSamplingInterval', { interval: 200 });
post('Profiler.start');
for (let round = 0; round < rounds; round++) {
  const started = process.hrtime.bigint();
  for (const [file, text] of texts) linter.lintText(text, file);
  console.log(`round ${round + 1}: ${(Number(process.hrtime.bigint() - started) / 1e6).toFixed(0)} ms for ${texts.length} files`);
}
const { profile } = post('Profiler.stop');
const out = path.join(__dirname, 'out', `profile-${caseName}.cpuprofile`);
fs.writeFileSync(out, JSON.stringify(profile));
report(profile);
console.log(`\nprofile: ${path.relative(process.cwd(), out)}`);

function report(profile) {
  const nodes = new Map(profile.nodes.map((node) => [node.id, node]));
  const parent = new Map();
  for (const node of profile.nodes) for (const child of node.children ?? []) parent.set(child, node.id);
  const self = new Map();
  const files = new Map();
  const phases = new Map(PHASES.map((name) => [name, 0]));
  let total = 0;
  profile.samples.forEach((id, i) => {
    const delta = profile.timeDeltas[i] ?? 0;
    total += delta;
    const frame = nodes.get(id).callFrame;
    const file = shortUrl(frame.url) || frame.functionName;
    add(self, frame.url ? `${frame.functionName || '(anonymous)'}  ${file}:${frame.lineNumber + 1}` : frame.functionName, delta);
    add(files, file, delta);
    const seen = new Set();
    for (let at = id; at !== undefined; at = parent.get(at)) seen.add(nodes.get(at).callFrame.functionName);
    for (const name of PHASES) if (seen.has(name)) add(phases, name, delta);
  });
  const rows = (map, count) => [...map].sort((a, b) => b[1] - a[1]).slice(0, count)
    .map(([name, time]) => `${(time / 1000).toFixed(0).padStart(7)} ms ${((100 * time) / total).toFixed(1).padStart(5)} %  ${name}`).join('\n');
  console.log(`\nsampled ${(total / 1000).toFixed(0)} ms\n\nphases (callees included)\n${rows(phases, PHASES.length)}`);
  console.log(`\nfiles (own time)\n${rows(files, 15)}\n\nfunctions (own time)\n${rows(self, top)}`);
}

function add(map, key, value) {
  map.set(key, (map.get(key) ?? 0) + value);
}

function shortUrl(url) {
  return url.replace(/^file:\/\//, '').replace(/^.*\/(node_modules\/[^/]+|dist)\//, '$1/');
}

function listFiles(from) {
  return fs.readdirSync(from, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(from, entry.name);
    return entry.isDirectory() ? listFiles(full) : [full];
  }).sort();
}
