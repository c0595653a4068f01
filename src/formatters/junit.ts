/**
 * JUnit XML, for CI test-report views (GitLab `artifacts:reports:junit`, Jenkins, Azure DevOps):
 * one test suite a linted file, one failing test case a finding (errors and warnings), one passing
 * case for a clean file. Info findings are advice, never a failure: only with `showInfo`, each is a
 * passing test case with the advice as its output; without it a file with advice alone is clean.
 */
import { relativePath, SEVERITY_WORD, shownMessages, streamed, xmlEscape } from './common';
import type { LintResult } from '../types';
import type { FormatterContext } from './types';
import { helpUri } from '../rules/support/meta';

/**
 * Written result by result, but its beginning only at the end: the root element comes first and
 * carries the run's totals of tests and failures, known only after the last result. So the stream
 * keeps those two counts and gives the root element as its `head` (the CLI sets the test suites'
 * text aside, compressed, until then).
 */
const junit = streamed((context) => {
  let totalTests = 0;
  let totalFailures = 0;
  return {
    write(result) {
      const suite = testSuite(result, context);
      totalTests += suite.tests;
      totalFailures += suite.failures;
      return `\n${suite.text}`;
    },
    end: () => '\n</testsuites>',
    head: () =>
      '<?xml version="1.0" encoding="UTF-8"?>\n' +
      `<testsuites name="omlint" tests="${totalTests}" failures="${totalFailures}" errors="0">`,
  };
});

/** One linted file's test suite, as lines joined by newlines, with its counts for the root element. */
function testSuite(result: LintResult, context: FormatterContext): { text: string; tests: number; failures: number } {
  const file = relativePath(context.cwd, result.filePath);
  const cases: string[] = [];
  let failures = 0;
  for (const m of shownMessages(result, context)) {
    const where = `${relativePath(context.cwd, m.filePath)}:${m.line}:${m.column}`;
    const name = xmlEscape(`${m.ruleId} at ${where}`);
    const detail = xmlEscape(`${where}: ${SEVERITY_WORD[m.severity]} ${m.message} [${m.ruleId}]\n${helpUri(m.ruleId)}`);
    if (m.severity === 'info') {
      cases.push(`    <testcase name="${name}" classname="${xmlEscape(file)}"><system-out>${detail}</system-out></testcase>`);
      continue;
    }
    failures++;
    cases.push(
      `    <testcase name="${name}" classname="${xmlEscape(file)}">` +
        `<failure message="${xmlEscape(m.message)}" type="${SEVERITY_WORD[m.severity]}">${detail}</failure></testcase>`,
    );
  }
  if (cases.length === 0) cases.push(`    <testcase name="omlint" classname="${xmlEscape(file)}"/>`);
  const text = [
    `  <testsuite name="${xmlEscape(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
    ...cases,
    '  </testsuite>',
  ].join('\n');
  return { text, tests: cases.length, failures };
}

export default junit;
