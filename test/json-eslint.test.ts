/**
 * The JSON output is ESLint's, proven by ESLint 8 itself (a dev dependency): its own `stylish` and
 * `junit` formatters, fed omlint's JSON, print the same problems at the same lines and columns, with
 * the same counts, as omlint's formatters; and ESLint's own fixer (the code `eslint --fix` applies
 * fixes with), fed the `fix` objects of the JSON pass after pass, writes exactly what `omlint --fix`
 * writes.
 */
import * as fs from 'fs';
import * as path from 'path';
import { XMLParser } from 'fast-xml-parser';
import { createLinter, loadFormatter, LintResult } from '../src';
import { tempDir } from './support/temp';

const ROOT = path.join(__dirname, '..');
const FIXTURES = path.join(ROOT, 'fixtures');

// eslint-disable-next-line @typescript-eslint/no-var-requires
const { ESLint } = require('eslint');
/** ESLint's fixer, by path: the package's `exports` do not list it. It is what `eslint --fix` applies fixes with. */
const SourceCodeFixer = require(path.join(path.dirname(require.resolve('eslint/package.json')), 'lib', 'linter', 'source-code-fixer.js'));

interface JsonMessage {
  ruleId: string;
  severity: 1 | 2;
  level: string;
  message: string;
  line: number;
  column: number;
  fatal?: true;
  fix?: { range: [number, number]; text: string };
}
interface JsonResult {
  filePath: string;
  messages: JsonMessage[];
  errorCount: number;
  fatalErrorCount: number;
  warningCount: number;
  fixableErrorCount: number;
  fixableWarningCount: number;
  usedDeprecatedRules: unknown[];
}

const linter = createLinter({ cwd: ROOT, textFixes: true });
const context = { cwd: ROOT, color: false, rules: linter.rules };

function format(name: string, results: LintResult[], showInfo = false): string {
  return loadFormatter(name)!(results, { ...context, showInfo });
}

function json(results: LintResult[], showInfo = false): JsonResult[] {
  return JSON.parse(format('json', results, showInfo));
}

const file = (...parts: string[]): string => path.join(FIXTURES, ...parts);
const lint = (filePath: string): LintResult => {
  const result = linter.lintFile(filePath);
  if (!result) throw new Error(`${filePath}: no OpenMetadata settings`);
  return result;
};

/** Results with errors, warnings, advice, a YAML syntax error, fixable findings and a clean file. */
const SETS: [string, () => LintResult[]][] = [
  ['the demo file', () => [lint(file('demo', 'values-broken.yaml'))]],
  ['fixable findings and a clean file', () => [
    lint(file('no-dotted-keys', 'invalid', 'fix-join-existing-map.yaml')),
    lint(file('examples', 'values-google.yaml')),
    lint(file('no-unknown-keys', 'invalid', 'fix-server-key-names.yaml')),
  ]],
  ['a syntax error, warnings and advice', () => [
    lint(file('yaml-syntax', 'invalid', fs.readdirSync(file('yaml-syntax', 'invalid'))[0])),
    lint(file('public-url-consistency', 'invalid', fs.readdirSync(file('public-url-consistency', 'invalid'))[0])),
    lint(file('provider-block-ignored', 'invalid', fs.readdirSync(file('provider-block-ignored', 'invalid'))[0])),
  ]],
];

/** `line:column severity ruleId` of each problem, the way a reader of either format sees them. */
type Problem = string;
const problemOf = (m: JsonMessage): Problem => `${m.line}:${m.column} ${m.severity === 2 ? 'error' : 'warning'} ${m.ruleId}`;

/** The problems of a stylish text (ESLint's or omlint's, same layout), by file as printed. */
function stylishProblems(text: string): Problem[][] {
  // eslint-disable-next-line no-control-regex
  const lines = text.replace(/\u001b\[[0-9;]*m/g, '').split('\n');
  const files: Problem[][] = [];
  for (const line of lines) {
    if (/^\S/.test(line) && !line.startsWith('\u2716')) files.push([]);
    const match = /^\s+(\d+):(\d+)\s+(error|warning|info)\s+.*?\s+([a-z0-9-]+)$/.exec(line);
    if (match) files[files.length - 1].push(`${match[1]}:${match[2]} ${match[3]} ${match[4]}`);
  }
  return files.filter((problems) => problems.length > 0);
}

function summaryLines(text: string): string[] {
  // eslint-disable-next-line no-control-regex
  return text.replace(/\u001b\[[0-9;]*m/g, '').split('\n').filter((line) => line.startsWith('\u2716') || /potentially fixable/.test(line)).map((line) => line.trim());
}

// ESLint's loadFormatter() sorts the results by path before formatting; so do these sets.
describe.each(SETS.map(([name, make]) => [name, () => make().sort((a, b) => (a.filePath < b.filePath ? -1 : 1))] as const))('ESLint\'s formatters read the JSON of %s', (_name, results) => {
  it.each([[false], [true]])('stylish prints the same problems, lines and counts as omlint (showInfo %s)', async (showInfo) => {
    const ours = json(results(), showInfo);
    const theirs: string = (await new ESLint().loadFormatter('stylish')).format(ours);
    const expected = ours.filter((r) => r.messages.length > 0).map((r) => r.messages.map(problemOf));
    expect(stylishProblems(theirs)).toEqual(expected);
    const total = (key: keyof JsonResult): number => ours.reduce((sum, r) => sum + (r[key] as number), 0);
    const [errors, warnings] = [total('errorCount'), total('warningCount')];
    const plural = (n: number, word: string): string => `${n} ${word}${n === 1 ? '' : 's'}`;
    const fixable = total('fixableErrorCount') + total('fixableWarningCount') > 0
      ? [`${plural(total('fixableErrorCount'), 'error')} and ${plural(total('fixableWarningCount'), 'warning')} potentially fixable with the \`--fix\` option.`]
      : [];
    expect(summaryLines(theirs)).toEqual(errors + warnings === 0 ? [] : [`\u2716 ${plural(errors + warnings, 'problem')} (${plural(errors, 'error')}, ${plural(warnings, 'warning')})`, ...fixable]);
    if (!showInfo) {
      // Without advice, omlint's own stylish lists the very same problems and the same summary.
      const own = format('stylish', results());
      expect(stylishProblems(own)).toEqual(expected);
      expect(summaryLines(own)[0]).toBe(summaryLines(theirs)[0]);
    }
  });

  it('junit has one test case per problem, at the same line and column, and the same counts', async () => {
    const ours = json(results());
    const xml: string = (await new ESLint().loadFormatter('junit')).format(ours);
    const parser = new XMLParser({ ignoreAttributes: false, attributeNamePrefix: '', isArray: (tag) => ['testsuite', 'testcase'].includes(tag) });
    const suites: { name: string; tests: string; errors: string; testcase: { name: string; failure?: { '#text': string }; error?: { '#text': string } }[] }[] =
      parser.parse(xml).testsuites.testsuite;
    expect(suites.map((s) => s.name)).toEqual(ours.map((r) => r.filePath));
    suites.forEach((suite, i) => {
      const { messages } = ours[i];
      expect(Number(suite.errors)).toBe(messages.length);
      if (messages.length === 0) return;
      const cases = suite.testcase.map((testcase) => {
        const body = (testcase.failure ?? testcase.error)!['#text'];
        const match = /^line (\d+), col (\d+), (Error|Warning) - .* \(([a-z0-9-]+)\)$/s.exec(body)!;
        return `${match[1]}:${match[2]} ${match[3].toLowerCase()} ${match[4]}${testcase.error ? ' fatal' : ''}`;
      });
      expect(cases).toEqual(messages.map((m) => `${problemOf(m)}${m.fatal ? ' fatal' : ''}`));
    });
    // omlint's own junit: one failing test case per error or warning, as many as ESLint's.
    const own = parser.parse(format('junit', results())).testsuites;
    expect(Number(own.failures)).toBe(ours.reduce((sum, r) => sum + r.messages.length, 0));
  });
});

describe('the ESLint result fields', () => {
  it('counts fixable errors and warnings, fatal errors, and lists no deprecated rules', () => {
    const results = json([lint(file('no-dotted-keys', 'invalid', 'fix-join-existing-map.yaml')), lint(file('yaml-syntax', 'invalid', fs.readdirSync(file('yaml-syntax', 'invalid'))[0]))]);
    for (const result of results) {
      expect(result.fixableErrorCount).toBe(result.messages.filter((m) => m.severity === 2 && m.fix).length);
      expect(result.fixableWarningCount).toBe(result.messages.filter((m) => m.severity === 1 && m.fix).length);
      expect(result.fatalErrorCount).toBe(result.messages.filter((m) => m.fatal).length);
      expect(result.usedDeprecatedRules).toEqual([]);
    }
    expect(results[0].fixableErrorCount).toBeGreaterThan(0);
    expect(results[1].messages.every((m) => m.ruleId === 'yaml-syntax' && m.fatal === true)).toBe(true);
  });

  it('has no fix objects, and no fixable counts, from a linter not asked for text fixes', () => {
    const [result] = JSON.parse(format('json', [createLinter({ cwd: ROOT }).lintFile(file('no-dotted-keys', 'invalid', 'fix-join-existing-map.yaml'))!]));
    expect(result.messages.some((m: JsonMessage) => 'fix' in m)).toBe(false);
    expect([result.fixableErrorCount, result.fixableWarningCount]).toEqual([0, 0]);
  });
});

/** Every fixture with a finding omlint can fix. */
const FIXABLE = fs.readdirSync(FIXTURES).flatMap((rule) =>
  ['invalid', 'valid'].flatMap((kind) => {
    const dir = path.join(FIXTURES, rule, kind);
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((name) => /\.ya?ml$/.test(name)).map((name) => path.join(dir, name)) : [];
  }),
).concat(file('demo', 'values-broken.yaml'))
  .filter((fixture) => createLinter({ cwd: ROOT }).lintFile(fixture)?.messages.some((m) => m.fix));

describe('fix objects', () => {
  it('exist for the fixable fixtures', () => {
    expect(FIXABLE.length).toBeGreaterThanOrEqual(10);
  });

  it.each(FIXABLE.map((fixture) => [path.relative(FIXTURES, fixture)]))('%s: ESLint\'s fixer, applying the JSON fixes pass after pass, writes what --fix writes', (relative) => {
    const fixture = path.join(FIXTURES, relative);
    const dir = tempDir('omlint-json-fix-');
    const target = path.join(dir, path.basename(fixture));
    fs.copyFileSync(fixture, target);
    createLinter({ cwd: dir, configFile: false, fix: 'write' }).lintFile(target);
    const written = fs.readFileSync(target, 'utf8');

    // As `eslint --fix` does: lint, apply every fix that overlaps no earlier one, lint again; at most 10 passes.
    const jsonLinter = createLinter({ cwd: dir, configFile: false, textFixes: true });
    let text = fs.readFileSync(fixture, 'utf8').replace(/^\ufeff/, '');
    let fixesApplied = 0;
    for (let pass = 0; pass < 10; pass++) {
      const result = jsonLinter.lintText(text, target);
      const [element] = result ? json([result], true) : [];
      const messages = element?.messages ?? [];
      if (!messages.some((m) => m.fix)) break;
      const { fixed, output } = SourceCodeFixer.applyFixes(text, messages, true);
      if (!fixed || output === text) break;
      fixesApplied++;
      text = output;
    }
    expect(fixesApplied).toBeGreaterThan(0);
    expect(text).toBe(written);
  });

  it('one message\'s fix, applied to the file text on its own, is what --fix writes for a file with one fixable finding', () => {
    const fixture = file('jwks-public-key', 'invalid', fs.readdirSync(file('jwks-public-key', 'invalid')).find((name) => {
      const result = createLinter({ cwd: ROOT, textFixes: true }).lintFile(file('jwks-public-key', 'invalid', name));
      return result?.messages.filter((m) => m.textFix).length === 1;
    })!);
    const dir = tempDir('omlint-json-fix-');
    const target = path.join(dir, 'values.yaml');
    fs.copyFileSync(fixture, target);
    const text = fs.readFileSync(target, 'utf8');
    const [element] = json([createLinter({ cwd: dir, configFile: false, textFixes: true }).lintFile(target)!]);
    const { fix } = element.messages.find((m) => m.fix)!;
    createLinter({ cwd: dir, configFile: false, fix: 'write' }).lintFile(target);
    expect(text.slice(0, fix!.range[0]) + fix!.text + text.slice(fix!.range[1])).toBe(fs.readFileSync(target, 'utf8'));
  });
});
