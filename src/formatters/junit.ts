/**
 * JUnit XML, for CI test-report views (GitLab `artifacts:reports:junit`, Jenkins, Azure DevOps):
 * one test suite a linted file, one failing test case a finding (errors and warnings), one passing
 * case for a clean file. Info findings are advice, never a failure: they pass, with the advice as output.
 */
import type { Formatter } from './types';
import { relativePath, SEVERITY_WORD, xmlEscape } from './common';
import { helpUri } from '../engine/meta';

const junit: Formatter = (results, context) => {
  const suites: string[] = [];
  let totalTests = 0;
  let totalFailures = 0;
  for (const result of results) {
    const file = relativePath(context.cwd, result.filePath);
    const cases: string[] = [];
    let failures = 0;
    for (const m of result.messages) {
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
    totalTests += cases.length;
    totalFailures += failures;
    suites.push(
      `  <testsuite name="${xmlEscape(file)}" tests="${cases.length}" failures="${failures}" errors="0" skipped="0">`,
      ...cases,
      '  </testsuite>',
    );
  }
  return [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<testsuites name="omlint" tests="${totalTests}" failures="${totalFailures}" errors="0">`,
    ...suites,
    '</testsuites>',
  ].join('\n');
};

export default junit;
