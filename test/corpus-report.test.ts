/**
 * The whole docs corpus (test/corpus/docs: OpenMetadata's own examples, broken ones included)
 * linted with every rule, recorded as a report a reviewer can read: per file, each finding's
 * position, severity and rule. A change in what omlint finds on real-world text shows up as a diff
 * of test/__snapshots__/corpus-report.test.ts.snap; review it, then update with `npx jest -u`.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import type { LintResult } from '../src/types';
import { CORPUS } from './support/corpus';

const SEVERITY = { error: 'E', warn: 'W', info: 'I' } as const;

function corpusFiles(): string[] {
  return (fs.readdirSync(CORPUS, { recursive: true }) as string[])
    .filter((file) => /\.(ya?ml|env)$/.test(file))
    .map((file) => file.split(path.sep).join('/'))
    .sort();
}

function report(file: string, result: LintResult | undefined): string {
  if (!result) return `${file}: skipped (no OpenMetadata auth settings)`;
  const counts = `${result.errorCount} errors, ${result.warningCount} warnings, ${result.infoCount} info`;
  const lines = result.messages.map((m) => `  ${m.line}:${m.column} ${SEVERITY[m.severity]} ${m.ruleId}`);
  return [`${file}: ${counts}`, ...lines].join('\n');
}

it('lints every corpus file; the findings match the reviewed report', () => {
  const files = corpusFiles();
  expect(files.length).toBeGreaterThanOrEqual(63);
  const text = files
    .map((file) => report(file, lintText(fs.readFileSync(path.join(CORPUS, file), 'utf8'), path.join(CORPUS, file))))
    .join('\n');
  expect(`\n${text}\n`).toMatchSnapshot();
});
