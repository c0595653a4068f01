/**
 * `-f` layering: each folder of test/fixtures/layering is one `helm -f 1-… -f 2-… [-f 3-…]` run
 * (files in name order). Every file carries the `# expect:` comments of the findings that must land
 * in it (file, line and column); `# checks: id, id` names the rules whose findings are asserted
 * exactly. A single `-f` must give the same findings as linting the file on its own.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintLayers, lintText } from './support/lint';
import type { Finding } from '../src/types';
import { parseYaml } from '../src/source/yaml';
import { parseExpectations, listRuleFixtures, FIXTURES_DIR } from './support/fixtures';
import { CORPUS } from './support/corpus';

const CASES_DIR = path.join(__dirname, 'fixtures', 'layering');
const cases = fs.readdirSync(CASES_DIR).sort();

function filesOf(name: string): string[] {
  return fs.readdirSync(path.join(CASES_DIR, name)).filter((f) => f.endsWith('.yaml')).sort().map((f) => path.join(CASES_DIR, name, f));
}

describe.each(cases)('layering %s', (name) => {
  const files = filesOf(name);
  const texts = files.map((file) => fs.readFileSync(file, 'utf8'));
  const checked = new Set(texts.flatMap((text) => /#\s*checks:\s*(.+)$/m.exec(text)?.[1].split(',').map((id) => id.trim()) ?? []));
  const result = lintLayers(files.map((file, i) => ({ filePath: file, text: texts[i] })));

  it(`is a pair or a triple with rules to check`, () => {
    expect(files.length).toBeGreaterThanOrEqual(2);
    expect(checked.size).toBeGreaterThan(0);
  });

  it('gives exactly the expected findings, in the expected file, line and column', () => {
    const expected = files.flatMap((file, i) =>
      parseExpectations(texts[i]).map((e) => `${path.basename(file)}:${e.line}@${e.column ?? '?'} ${e.ruleId}`));
    const actual = (result?.messages ?? [])
      .filter((m) => checked.has(m.ruleId))
      .map((m) => {
        const wantsColumn = expected.some((e) => e.startsWith(`${path.basename(m.filePath)}:${m.line}@`) && !e.includes('@?'));
        return `${path.basename(m.filePath)}:${m.line}@${wantsColumn ? m.column : '?'} ${m.ruleId}`;
      });
    expect(actual.sort()).toEqual(expected.sort());
  });

  it('reports on the last file given', () => {
    expect(result?.filePath ?? files[files.length - 1]).toBe(files[files.length - 1]);
  });
});

it('names both files when an overlay replaced the list that had the JWKS entry', () => {
  const files = filesOf('overlay-drops-jwks');
  const result = lintLayers(files.map((file) => ({ filePath: file, text: fs.readFileSync(file, 'utf8') })));
  const finding = result?.messages.find((m) => m.ruleId === 'jwks-public-key');
  expect(finding?.message).toContain('2-values-prod.yaml replaces the publicKeys list of 1-values.yaml');
  expect(finding?.message).toContain('drops its JWKS entry');
});

it('says which env variable set a list an extraEnvs entry overrides', () => {
  const files = filesOf('extra-envs-in-overlay');
  const result = lintLayers(files.map((file) => ({ filePath: file, text: fs.readFileSync(file, 'utf8') })));
  expect(result?.messages.find((m) => m.ruleId === 'jwks-public-key')?.message).toContain('(set by AUTHENTICATION_PUBLIC_KEYS)');
});

describe('a single -f file gives the same findings as the file linted on its own', () => {
  const corpusFiles = fs.readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
    .filter((f) => f.endsWith('.yaml') && !f.includes('server'))
    .map((f) => path.join(CORPUS, f));
  // Helm values only: -f is Helm's option; openmetadata.yaml fixtures are the server layout.
  // One document: Helm reads only the first document of a -f file, positional linting reads them all.
  // GitOps files (Argo CD, Flux, helmfile, Kustomize) are no values file: linted alone, they are releases.
  const isHelmValues = (file: string): boolean => {
    const text = fs.readFileSync(file, 'utf8');
    return !/^\s*(authenticationConfiguration|authorizerConfiguration):/m.test(text) && !/^(apiVersion|releases|helmCharts):/m.test(text) &&
      parseYaml(text, file).documents.length <= 1;
  };
  const ruleFixtures = listRuleFixtures().map((f) => f.file).filter((f) => f.endsWith('.yaml') && isHelmValues(f));
  const examples = ['examples', 'demo'].flatMap((dir) => fs.readdirSync(path.join(FIXTURES_DIR, dir)).map((f) => path.join(FIXTURES_DIR, dir, f)));
  const files = [...ruleFixtures, ...examples, ...corpusFiles];

  it('covers the rule fixtures, the examples and the Helm files of the docs corpus', () => {
    expect(corpusFiles.length).toBeGreaterThan(20);
    expect(files.length).toBeGreaterThan(corpusFiles.length);
  });

  it.each(files.map((file) => [path.relative(path.join(__dirname, '..', '..'), file), file]))('%s', (_label, file) => {
    const text = fs.readFileSync(file, 'utf8');
    const alone = lintText(text, file);
    const layered = lintLayers([{ filePath: file, text }]);
    // --fix edits one file; a merge offers no fixes, so findings are compared without them.
    const withoutFix = (messages: Finding[] | undefined) => messages?.map(({ fix: _fix, ...finding }) => finding);
    expect(withoutFix(layered?.messages)).toEqual(withoutFix(alone?.messages));
  });
});
