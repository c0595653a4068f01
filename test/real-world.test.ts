/**
 * The hand-reviewed real-world corpus (test/corpus/real-world, its expectations.json): every
 * file linted alone. Each expected finding (warning or error) must be reported
 * at its line and column with its rule and severity; other applications' files give no result at
 * all; a warning the expectations leave out is allowed only where TOLERATED says why.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLinter } from '../src';
import type { Finding } from '../src/types';

const ROOT = path.join(__dirname, 'corpus', 'real-world');

interface Expected {
  line: number;
  column: number;
  ruleId: string;
  severity: 'error' | 'warn';
}
interface Entry {
  file: string;
  kind: 'openmetadata' | 'unrelated';
  expected: Expected[];
}

const ENTRIES = JSON.parse(fs.readFileSync(path.join(ROOT, 'expectations.json'), 'utf8')) as Entry[];

/**
 * Files whose review expectations this linter deliberately does not meet, and why. Terraform
 * templates are not values files (Helm only reads what templatefile() renders); clemlab's chart is
 * told apart by the Chart.yaml beside its values, which the corpus did not keep (test/detection.test.ts
 * lints it with one).
 */
const NOT_LINTED: Record<string, string> = {
  'helm-users/moj-analytical-platform/values.yml.tftpl': 'a Terraform template',
};
const LINTED_WITHOUT_CHART_FILE = 'traps/clemlab-openmetadata-chart/values.yaml';

/** Warnings the expectations leave out that omlint keeps on purpose, and why. */
const TOLERATED: Record<string, readonly string[]> = {
  // A test setup that names its mock IdP by two hosts: the docker name for the server's discovery
  // fetch, localhost for the browser. The expectation accepts it; omlint warns, as an IdP that takes
  // its issuer from the request's host name fails every login that way.
  'env/om-sso-test/.env.sso-test': ['40 discovery-uri'],
  // OpenMetadata's own public-client test setup asks for the code flow, which releases from 1.10.1
  // until PR #31516 serve as the implicit flow (its mock provider allows both); the expectations
  // predate response-type, whose warning is right for every release omlint knows.
  'env/om-sso-test-public/.env.sso-test-public': ['31 response-type'],
};

const linter = createLinter({ cwd: ROOT, configFile: false });
const key = (m: Pick<Finding, 'line' | 'ruleId'>): string => `${m.line} ${m.ruleId}`;

describe.each(ENTRIES.map((entry) => [entry.file, entry] as const))('%s', (file, entry) => {
  const result = linter.lintFile(path.join(ROOT, file));
  const serious = (result?.messages ?? []).filter((m) => m.severity !== 'info');

  if (NOT_LINTED[file]) {
    it(`is skipped: ${NOT_LINTED[file]}`, () => expect(result).toBeUndefined());
    return;
  }
  if (entry.kind === 'unrelated' && file !== LINTED_WITHOUT_CHART_FILE) {
    it('is another application\'s file: no result at all', () => expect(result).toBeUndefined());
    return;
  }
  if (file === LINTED_WITHOUT_CHART_FILE) return;

  it('reports every expected finding at its position, rule and severity', () => {
    const shown = (m: Pick<Finding, 'line' | 'column' | 'ruleId' | 'severity'>): string => `${m.line}:${m.column} ${m.ruleId} ${m.severity}`;
    expect(serious.map(shown)).toEqual(expect.arrayContaining(entry.expected.map(shown)));
  });

  it('raises no other warning or error', () => {
    const expected = new Set(entry.expected.map(key));
    const tolerated = new Set(TOLERATED[file] ?? []);
    expect(serious.filter((m) => !expected.has(key(m)) && !tolerated.has(key(m))).map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([]);
  });
});
