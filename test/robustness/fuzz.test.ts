/**
 * Fuzzing with random mutations of the fixtures and the docs corpus: linting never throws anything
 * but an InputError (one-line error), every finding has a valid rule id and position, and the JSON
 * output parses. Most cases run the engine in-process; a few run the built CLI, which must exit
 * 0, 1 or 2 within its timeout, print no stack trace and print valid JSON.
 */
import * as fc from 'fast-check';
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from '../support/lint';
import { InputError } from '../../src/source/read';
import { RULES } from '../../src/rules';
import json from '../../src/formatters/json';
import stylish from '../../src/formatters/stylish';
import { mutate, mutationArb } from '../support/mutations';
import { assertProperty, propertyRun, propertyTimeout } from '../support/property';
import { expectCleanRun, fuzzSourceFiles, makeTemp, removeTemp, runCli } from './cli';

const files = fuzzSourceFiles().filter((file) => fs.statSync(file).size < 50_000);
const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
const ruleIds = new Set(RULES.map((rule) => rule.id));

const inputArb = fc.record({
  source: fc.nat({ max: texts.length - 1 }),
  mutations: fc.array(mutationArb, { minLength: 1, maxLength: 8 }),
});

/** Mostly the defaults; sometimes tiny limits, so that reading stops in every odd place. */
const limitsArb = fc.option(
  fc.record({
    maxTokens: fc.integer({ min: 1, max: 600 }),
    maxDepth: fc.integer({ min: 1, max: 8 }),
    maxDocuments: fc.integer({ min: 1, max: 3 }),
    maxAliasExpansion: fc.integer({ min: 0, max: 50 }),
    maxLineLength: fc.integer({ min: 10, max: 200 }),
  }, { requiredKeys: [] }),
  { freq: 3, nil: undefined },
);

const inProcess = propertyRun('fuzz-engine', 400);

it(`lintText on mutated fixtures and corpus files (${texts.length} sources) never crashes`, () => {
  let linted = 0;
  assertProperty('fuzz-engine', fc.property(inputArb, limitsArb, ({ source, mutations }, limits) => {
    const text = mutate(texts[source], mutations);
    const file = files[source];
    let result;
    try {
      result = lintText(text, file, { limits });
    } catch (error) {
      if (error instanceof InputError) return;
      throw error;
    }
    if (!result) return;
    linted++;
    const lineCount = text.split(/\r\n|\r|\n/).length;
    for (const m of result.messages) {
      if (!ruleIds.has(m.ruleId)) throw new Error(`unknown rule id ${m.ruleId}`);
      if (!(m.line >= 1 && m.column >= 1 && m.line <= lineCount + 1 && m.endLine >= m.line)) {
        throw new Error(`bad position ${m.line}:${m.column}-${m.endLine}:${m.endColumn} for ${m.ruleId} in ${lineCount} lines`);
      }
      if (m.message.length === 0) throw new Error(`empty message from ${m.ruleId}`);
    }
    const context = { cwd: path.dirname(file), color: false, rules: RULES };
    JSON.parse(json([result], context));
    stylish([result], context);
  }), inProcess);
  expect(linted).toBeGreaterThan(0);
}, propertyTimeout(inProcess.numRuns, 30));

describe('through the CLI', () => {
  let dir: string;
  beforeAll(() => {
    dir = makeTemp();
  });
  afterAll(() => removeTemp(dir));

  const cli = propertyRun('fuzz-cli', 6, 0.002);
  const samples = fc.sample(inputArb, { numRuns: cli.numRuns, seed: cli.seed });

  it(`${samples.length} mutated files: exit 0, 1 or 2, no stack trace, JSON that parses`, () => {
    const written = samples.map(({ source, mutations }, i) => {
      const file = path.join(dir, `values-${i}-${path.basename(files[source])}`);
      fs.writeFileSync(file, mutate(texts[source], mutations));
      return file;
    });
    // One process per batch of files (each batch also proves one file never stops the others).
    for (let i = 0; i < written.length; i += 25) {
      expectCleanRun(runCli(['--format', 'json', ...written.slice(i, i + 25)]), [0, 1, 2]);
    }
    // And each alone, so an exit code 2 of one file cannot hide another's.
    for (const file of written.slice(0, 50)) expectCleanRun(runCli(['--format', 'json', file]), [0, 1, 2]);
  }, propertyTimeout(samples.length, 2_000));
});
