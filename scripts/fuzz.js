#!/usr/bin/env node
'use strict';
/**
 * npm run fuzz [-- --seed N] [--runs N]
 *
 * Runs the property and fuzz tests (test/robustness/fuzz.test.ts, redaction.test.ts) with many
 * more cases than `npm test`: by default 100 000 engine cases, plus a fifth of that for redaction
 * and a few hundred through the CLI. The seed and the count are printed first and last, so a
 * failure can be replayed exactly with the same --seed (and --runs).
 */
const { spawnSync } = require('child_process');
const path = require('path');

function parse(argv) {
  const options = { seed: Math.floor(Math.random() * 2 ** 31), runs: 100000 };
  for (let i = 0; i < argv.length; i++) {
    const [flag, inline] = argv[i].includes('=') ? argv[i].split(/=(.*)/s) : [argv[i], undefined];
    const value = () => (inline !== undefined ? inline : argv[++i]);
    if (flag === '--seed') options.seed = Number(value());
    else if (flag === '--runs') options.runs = Number(value());
    else throw new Error(`unknown option ${flag}; use --seed N and --runs N`);
  }
  for (const key of ['seed', 'runs']) {
    if (!Number.isSafeInteger(options[key]) || options[key] < 0) throw new Error(`--${key} takes a whole number`);
  }
  return options;
}

const options = parse(process.argv.slice(2));
const total = options.runs + Math.round(options.runs * 0.2) + Math.round(options.runs * 0.002);
console.log(`omlint fuzz: seed=${options.seed} runs=${options.runs} (${total} cases in all)`);
const root = path.join(__dirname, '..');
const result = spawnSync(
  process.execPath,
  [require.resolve('jest/bin/jest'), '--runInBand', '--runTestsByPath', 'test/robustness/fuzz.test.ts', 'test/robustness/redaction.test.ts'],
  { cwd: root, stdio: 'inherit', env: { ...process.env, OMLINT_FUZZ_SEED: String(options.seed), OMLINT_FUZZ_RUNS: String(options.runs) } },
);
const ok = result.status === 0;
console.log(`omlint fuzz: ${ok ? 'passed' : 'FAILED'} ${total} cases, seed=${options.seed} runs=${options.runs}${ok ? '' : ` (replay: npm run fuzz -- --seed ${options.seed} --runs ${options.runs})`}`);
process.exitCode = result.status ?? 1;
