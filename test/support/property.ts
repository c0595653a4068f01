/**
 * Settings shared by the property and fuzz tests. `npm test` runs a modest number of cases;
 * `npm run fuzz` (scripts/fuzz.js) sets OMLINT_FUZZ_RUNS / OMLINT_FUZZ_SEED for many more, and
 * every run prints its seed and count so a failure can be replayed with `npm run fuzz -- --seed N`.
 */
import * as fc from 'fast-check';

export interface PropertyRun {
  seed: number;
  numRuns: number;
}

/** Seed and count for one property: from the environment, else a fresh seed and `defaultRuns`. */
export function propertyRun(name: string, defaultRuns: number, share = 1): PropertyRun {
  const seedText = process.env.OMLINT_FUZZ_SEED;
  const seed = seedText !== undefined && seedText !== '' ? Number(seedText) : Math.floor(Math.random() * 2 ** 31);
  const runsText = process.env.OMLINT_FUZZ_RUNS;
  const numRuns = runsText ? Math.max(1, Math.round(Number(runsText) * share)) : defaultRuns;
  // Printed so a failing run can be replayed (`npm run fuzz -- --seed <seed>`).
  process.stdout.write(`property ${name}: seed=${seed} runs=${numRuns}\n`);
  return { seed, numRuns };
}

/** fc.assert with the run's seed and count, reporting the seed in the failure message. */
export function assertProperty<T>(name: string, property: fc.IPropertyWithHooks<T> | fc.IProperty<T>, run: PropertyRun): void {
  try {
    fc.assert(property, { seed: run.seed, numRuns: run.numRuns, endOnFailure: false });
  } catch (error) {
    throw new Error(`property ${name} failed (replay: npm run fuzz -- --seed ${run.seed}): ${(error as Error).message}`);
  }
}

/** Jest's per-test timeout for a property: generous, scaled with the number of runs. */
export function propertyTimeout(runs: number, msPerRun: number): number {
  return Math.max(60_000, runs * msPerRun);
}
