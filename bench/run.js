#!/usr/bin/env node
/**
 * omlint's benchmark (never part of `npm test`): generates the inputs (bench/generate.js), then runs
 * omlint and its floors — a bare `node -e 0` and bench/parse-only.js (`yaml` parseDocument +
 * LineCounter over the same files, one process) — and with --peers ajv-cli and Spectral
 * (npm run bench:peers installs them under bench/peers/), in alternation: every round runs every
 * command of a case once, starting with a different one each round. Prints medians, min/max of
 * wall time, CPU time (user+sys), peak RSS and ratios, and writes them to bench/out/results-<date>.json.
 *
 *   npm run bench                       omlint and the floors
 *   npm run bench:peers                 also ajv-cli and Spectral
 *   node bench/run.js --cases one,k1 --runs 9 --omlint other=path/to/bin.js
 * Options: --runs N (default 5), --cases one,k1,k10,d10,big, --peers, --no-spectral (ajv-cli only),
 * --no-parse-only (drops that floor, ~17 s a run at 10 000 files, for quick comparisons),
 * --spectral-runs-k10 N (default 1;
 * Spectral needs minutes and gigabytes there), --omlint LABEL=BIN (extra omlint variants to compare),
 * --format F (omlint's output format for the directory cases, default json; e.g. sarif, which
 * carries no ESLint fix objects),
 * --help. A wrong option is one line on stderr and exit code 2.
 * Peak RSS comes from /usr/bin/time -v when present, else from process.resourceUsage() at exit
 * (bench/rss-probe.js preloaded with NODE_OPTIONS).
 */
'use strict';
const fs = require('fs');
const os = require('os');
const path = require('path');
const { spawnSync } = require('child_process');
const { generate, OUT } = require('./generate');

const ROOT = path.join(__dirname, '..');
const PEERS = path.join(__dirname, 'peers', 'node_modules');
const NODE = process.execPath;

const CASES = ['one', 'k1', 'k10', 'd10', 'big'];
const FORMATS = ['json', 'sarif', 'stylish', 'junit', 'gitlab', 'checkstyle', 'compact'];

function parseOptions(argv) {
  const options = { runs: 5, cases: CASES, peers: false, spectralRunsK10: 1, variants: [], format: 'json' };
  const valueOf = (i) => {
    if (i >= argv.length) throw new UsageError(`${argv[i - 1]} needs a value`);
    return argv[i];
  };
  const count = (i) => {
    const value = valueOf(i);
    if (!/^[1-9]\d*$/.test(value)) throw new UsageError(`${argv[i - 1]} takes a positive whole number, not "${value}"`);
    return Number(value);
  };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    if (arg === '--runs') options.runs = count(++i);
    else if (arg === '--cases') {
      options.cases = valueOf(++i).split(',');
      const unknown = options.cases.find((name) => !CASES.includes(name));
      if (unknown !== undefined) throw new UsageError(`--cases: unknown case "${unknown}"; use ${CASES.join(', ')}`);
    } else if (arg === '--peers') options.peers = true;
    else if (arg === '--no-spectral') options.noSpectral = true;
    else if (arg === '--no-parse-only') options.noParseOnly = true;
    else if (arg === '--spectral-runs-k10') options.spectralRunsK10 = count(++i);
    else if (arg === '--format') {
      options.format = valueOf(++i);
      if (!FORMATS.includes(options.format)) throw new UsageError(`--format: use one of ${FORMATS.join(', ')}`);
    }
    else if (arg === '--omlint') {
      const [label, bin] = valueOf(++i).split('=');
      if (!label || !bin) throw new UsageError('--omlint takes LABEL=path/to/bin.js');
      options.variants.push({ label, bin: path.resolve(bin) });
    } else if (arg === '--help' || arg === '-h') {
      options.help = true;
    } else throw new UsageError(`unknown option ${arg}; see node bench/run.js --help`);
  }
  return options;
}

/** How a run is measured: /usr/bin/time -v if it works here, else a preloaded probe. */
function detectMeter() {
  const probe = spawnSync('/usr/bin/time', ['-v', 'true'], { encoding: 'utf8' });
  return probe.status === 0 && /Maximum resident set size/.test(probe.stderr) ? 'time' : 'probe';
}

function measure(meter, command, args, env) {
  const stats = path.join(OUT, '.run-stats');
  const errFile = path.join(OUT, '.run-stderr');
  fs.rmSync(stats, { force: true });
  const stdout = fs.openSync('/dev/null', 'w');
  const stderr = fs.openSync(errFile, 'w');
  const runEnv = { ...process.env, ...env };
  let file = command;
  let fileArgs = args;
  if (meter === 'time') {
    file = '/usr/bin/time';
    fileArgs = ['-v', '-o', stats, command, ...args];
  } else {
    runEnv.NODE_OPTIONS = `${runEnv.NODE_OPTIONS ?? ''} --require ${path.join(__dirname, 'rss-probe.js')}`.trim();
    runEnv.OMLINT_BENCH_PROBE = stats;
  }
  const start = process.hrtime.bigint();
  const result = spawnSync(file, fileArgs, { cwd: ROOT, env: runEnv, stdio: ['ignore', stdout, stderr] });
  const wall = Number(process.hrtime.bigint() - start) / 1e9;
  fs.closeSync(stdout);
  fs.closeSync(stderr);
  const text = fs.existsSync(stats) ? fs.readFileSync(stats, 'utf8') : '';
  let rssKiB = 0;
  let cpu = 0;
  if (meter === 'time') {
    rssKiB = Number(/Maximum resident set size \(kbytes\): (\d+)/.exec(text)?.[1] ?? 0);
    cpu = Number(/User time \(seconds\): ([\d.]+)/.exec(text)?.[1] ?? 0) + Number(/System time \(seconds\): ([\d.]+)/.exec(text)?.[1] ?? 0);
    const status = /Exit status: (\d+)/.exec(text);
    if (status) result.status = Number(status[1]);
  } else {
    for (const line of text.split('\n').filter(Boolean)) {
      const sample = JSON.parse(line);
      rssKiB = Math.max(rssKiB, sample.maxRSS);
      cpu += (sample.userCPUTime + sample.systemCPUTime) / 1e6;
    }
  }
  return { wall, cpu, rssKiB, status: result.status, stderr: fs.readFileSync(errFile, 'utf8').slice(-2000) };
}

/** The yaml files of a case, in the order a directory walk gives them. */
function caseFiles(dir) {
  const out = [];
  const walk = (d) => {
    for (const entry of fs.readdirSync(d, { withFileTypes: true }).sort((a, b) => (a.name < b.name ? -1 : 1))) {
      const full = path.join(d, entry.name);
      if (entry.isDirectory()) walk(full);
      else if (entry.name.endsWith('.yaml')) out.push(full);
    }
  };
  walk(dir);
  return out;
}

/**
 * ajv-cli exits at the first file its YAML loader (js-yaml 3) rejects: syntax errors, and duplicate
 * keys, which js-yaml refuses. It is handed the files js-yaml loads; the report says how many.
 */
function ajvFiles(dir) {
  const cache = `${dir}.ajv-files`;
  if (fs.existsSync(cache)) return fs.readFileSync(cache, 'utf8').split('\n').filter(Boolean);
  const jsYaml = require(path.join(PEERS, 'js-yaml'));
  const ok = caseFiles(dir).filter((file) => {
    try {
      jsYaml.safeLoad(fs.readFileSync(file, 'utf8'));
      return true;
    } catch {
      return false;
    }
  });
  fs.writeFileSync(cache, ok.join('\n'));
  return ok;
}

const SCHEMAS = ['authentication', 'authorizer', 'fernetkey', 'jwt-token-configuration', 'secret-ref'].flatMap((name) => ['-r', `schemas/${name}.schema.json`]);

function commandsFor(name, options) {
  const target = path.join(OUT, name);
  const rel = path.relative(ROOT, target);
  const rows = [];
  if (name === 'one') rows.push({ label: 'node -e 0', floor: 'node', command: NODE, args: ['-e', '0'] });
  if (!options.noParseOnly) rows.push({ label: 'parse only (yaml)', floor: 'parse', command: NODE, args: ['bench/parse-only.js', rel] });
  // One file: what a pre-commit hook runs (default stylish output); many: what CI runs (json unless --format).
  const omlintArgs = name === 'one' || name === 'big' ? [`${rel}/values.yaml`] : ['--format', options.format, rel];
  rows.push({ label: 'omlint', omlint: true, command: NODE, args: ['bin/omlint.js', ...omlintArgs] });
  for (const variant of options.variants) {
    rows.push({ label: `omlint ${variant.label}`, omlint: true, command: NODE, args: [variant.bin, ...omlintArgs] });
  }
  if (options.peers) {
    const files = name === 'one' || name === 'big' ? [`${rel}/values.yaml`] : ajvFiles(target).map((f) => path.relative(ROOT, f));
    const skipped = name === 'one' || name === 'big' ? 0 : caseFiles(target).length - files.length;
    rows.push({
      label: `ajv-cli${skipped ? ` (${files.length} files js-yaml loads)` : ''}`,
      peer: 'ajv',
      command: NODE,
      args: [path.join(PEERS, 'ajv-cli', 'dist', 'index.js'), 'validate', '-s', 'schemas/auth-config.schema.json', ...SCHEMAS, '--strict=false', '--all-errors', ...files.flatMap((f) => ['-d', f])],
    });
    const glob = name === 'one' || name === 'big' ? `${rel}/values.yaml` : `${rel}/**/*.yaml`;
    if (!options.noSpectral) rows.push({
      label: 'Spectral (4 rules)',
      peer: 'spectral',
      runs: name === 'k10' || name === 'd10' ? options.spectralRunsK10 : undefined,
      command: NODE,
      args: [path.join(PEERS, '@stoplight', 'spectral-cli', 'dist', 'index.js'), 'lint', glob, '-r', 'bench/peers/spectral-ruleset.yaml', '-f', 'json', '--quiet'],
    });
  }
  return rows;
}

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function runCase(name, options, meter) {
  const rows = commandsFor(name, options).map((row) => ({ ...row, samples: [] }));
  const rounds = options.runs;
  for (let round = 0; round < rounds; round++) {
    for (let k = 0; k < rows.length; k++) {
      const row = rows[(k + round) % rows.length];
      if (row.runs !== undefined && row.samples.length >= row.runs) continue;
      const sample = measure(meter, row.command, row.args, {});
      const ok = row.omlint || row.peer ? sample.status === 0 || sample.status === 1 : sample.status === 0;
      if (!ok) throw new Error(`${row.label} exited ${sample.status} on ${name}:\n${sample.stderr}`);
      row.samples.push(sample);
      process.stderr.write('.');
    }
  }
  process.stderr.write('\n');
  return rows.map((row) => ({
    label: row.label,
    floor: row.floor,
    omlint: row.omlint,
    peer: row.peer,
    runs: row.samples.length,
    wall: { median: median(row.samples.map((s) => s.wall)), min: Math.min(...row.samples.map((s) => s.wall)), max: Math.max(...row.samples.map((s) => s.wall)) },
    cpu: median(row.samples.map((s) => s.cpu)),
    rssMiB: { median: median(row.samples.map((s) => s.rssKiB)) / 1024, max: Math.max(...row.samples.map((s) => s.rssKiB)) / 1024 },
  }));
}

function seconds(value) {
  return value < 1 ? `${(value * 1000).toFixed(0)} ms` : `${value.toFixed(2)} s`;
}

function printCase(name, summary, rows, options) {
  const input = summary[name];
  const size = input.bytes < 1024 * 1024 ? `${(input.bytes / 1024).toFixed(1)} KB` : `${(input.bytes / 1024 / 1024).toFixed(1)} MB`;
  const format = name === 'one' || name === 'big' ? 'stylish' : options.format;
  console.log(`\n### ${name}: ${input.files} file${input.files === 1 ? '' : 's'}, ${size}, omlint --format ${format}\n`);
  console.log('| command | runs | wall median | wall min–max | CPU median | peak RSS median (max) | ratios (wall, RSS) |');
  console.log('|---|---|---|---|---|---|---|');
  const node = rows.find((r) => r.floor === 'node');
  const parse = rows.find((r) => r.floor === 'parse');
  const ajv = rows.find((r) => r.peer === 'ajv');
  const spectral = rows.find((r) => r.peer === 'spectral');
  for (const row of rows) {
    const ratios = [];
    if (row.omlint) {
      if (node) ratios.push(`${(row.wall.median / node.wall.median).toFixed(2)}× / ${(row.rssMiB.median / node.rssMiB.median).toFixed(2)}× node -e 0`);
      if (parse) ratios.push(`${(row.wall.median / parse.wall.median).toFixed(2)}× parse only`);
      if (ajv) ratios.push(`${(row.wall.median / ajv.wall.median).toFixed(2)}× ajv-cli`);
      if (spectral) ratios.push(`Spectral ${(spectral.wall.median / row.wall.median).toFixed(0)}× slower`);
    }
    console.log(
      `| ${row.label} | ${row.runs} | ${seconds(row.wall.median)} | ${seconds(row.wall.min)}–${seconds(row.wall.max)} | ${seconds(row.cpu)} | ` +
        `${row.rssMiB.median.toFixed(0)} MiB (${row.rssMiB.max.toFixed(0)}) | ${ratios.join('; ')} |`,
    );
  }
}

/** A mistake in how the benchmark was called or prepared: one line on stderr, exit code 2. */
class UsageError extends Error {}

/** The usage text: this file's opening comment. */
function usage() {
  const source = fs.readFileSync(__filename, 'utf8');
  const comment = source.slice(source.indexOf('/**') + 3, source.indexOf('*/'));
  return comment.split('\n').map((line) => line.replace(/^ \* ?/, '')).join('\n').trim() + '\n';
}

function main() {
  const options = parseOptions(process.argv.slice(2));
  if (options.help) return process.stdout.write(usage());
  if (!fs.existsSync(path.join(ROOT, 'dist', 'cli', 'main.js'))) throw new UsageError('run `npm run build` first');
  if (options.peers && !fs.existsSync(PEERS)) throw new UsageError('peers missing: run `npm run bench:peers`');
  const summary = generate();
  const meter = detectMeter();
  const machine = `${os.cpus().length} CPUs (${os.cpus()[0]?.model ?? 'unknown'}), ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, node ${process.version}, ${os.platform()} ${os.release()}`;
  console.log(`omlint benchmark ${new Date().toISOString()} — ${machine}; load average ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}; RSS via ${meter === 'time' ? '/usr/bin/time -v' : 'process.resourceUsage()'}`);
  const results = { date: new Date().toISOString(), machine, meter, cases: {} };
  for (const name of options.cases) {
    process.stderr.write(`${name} `);
    const rows = runCase(name, options, meter);
    results.cases[name] = rows;
    printCase(name, summary, rows, options);
  }
  console.log(`\nload average after: ${os.loadavg().map((l) => l.toFixed(1)).join(' ')}`);
  fs.writeFileSync(path.join(OUT, `results-${results.date.replace(/[:.]/g, '-')}.json`), JSON.stringify(results, null, 2));
}

try {
  main();
} catch (error) {
  if (!(error instanceof UsageError)) throw error;
  process.stderr.write(`bench/run.js: ${error.message}\n`);
  process.exitCode = 2;
}
