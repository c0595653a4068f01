/**
 * Fixture expectations live in the fixture as comments:
 *   key: value   # expect: rule-id              a finding of rule-id on this line
 *   key: value   # expect: rule-id@7            ... starting at column 7
 *   key: value   # expect: rule-id@7:warn, other-rule:info
 *   # expect-line 21: yaml-syntax@53           for lines that cannot hold a comment (inside a quote)
 * A file `<name>.baseline.yaml` beside a fixture is passed as its --baseline, a file
 * `<name>.stored.yaml` as its --against-export (the security config export it is compared with).
 *   # lint-options: {"layout": "export", "serverVersion": "1.9.0"}   createLinter options of the fixture
 * Env-file fixtures (`*.env`) use the same comments: `NAME= value   # expect: env-file-syntax@6:warn`
 * (an env file's inline comment), or a standalone `# expect-line N: …` line.
 */
import * as fs from 'fs';
import * as path from 'path';
import type { Severity } from '../../src/types';
import type { LinterOptions, SourceText } from '../../src';

export interface Expectation {
  ruleId: string;
  line: number;
  column?: number;
  severity?: Severity;
}

const TOKEN = /^([a-z0-9-]+)(?:@(\d+))?(?::(error|warn|info))?$/;

export function parseExpectations(text: string): Expectation[] {
  const expectations: Expectation[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    const standalone = /^\s*#\s*expect-line\s+(\d+):\s*(.+)$/.exec(lineText);
    const inline = /#\s*expect:\s*(.+)$/.exec(lineText);
    const [line, list] = standalone ? [Number(standalone[1]), standalone[2]] : inline ? [index + 1, inline[1]] : [0, ''];
    if (!line) return;
    for (const token of list.split(',').map((t) => t.trim()).filter(Boolean)) {
      const match = TOKEN.exec(token);
      if (!match) throw new Error(`bad expectation "${token}" on line ${index + 1}`);
      expectations.push({
        ruleId: match[1],
        line,
        column: match[2] ? Number(match[2]) : undefined,
        severity: match[3] as Severity | undefined,
      });
    }
  });
  return expectations;
}

export const FIXTURES_DIR = path.join(__dirname, '..', '..', 'fixtures');

export interface FixtureFile {
  ruleId: string;
  kind: 'valid' | 'invalid';
  file: string;
  baselineFile?: string;
  /** `<name>.stored.yaml` beside it: the export it is compared with (--against-export). */
  storedFile?: string;
}

/** The options a fixture is linted with: its `# lint-options:` comment, its baseline and its stored export. */
export function fixtureOptions(fixture: FixtureFile): Pick<LinterOptions, 'baseline' | 'againstExport' | 'layout' | 'serverVersion' | 'chartVersion'> {
  const text = fs.readFileSync(fixture.file, 'utf8');
  const source = (file: string | undefined): SourceText | undefined => (file ? { filePath: file, text: fs.readFileSync(file, 'utf8') } : undefined);
  const comment = /^#\s*lint-options:\s*(\{.*\})\s*$/m.exec(text);
  return { ...(comment ? JSON.parse(comment[1]) : {}), baseline: source(fixture.baselineFile), againstExport: source(fixture.storedFile) };
}

export function listRuleFixtures(): FixtureFile[] {
  const out: FixtureFile[] = [];
  for (const ruleId of fs.readdirSync(FIXTURES_DIR)) {
    if (ruleId === 'examples' || ruleId === 'demo' || ruleId === 'gitops') continue;
    for (const kind of ['valid', 'invalid'] as const) {
      const dir = path.join(FIXTURES_DIR, ruleId, kind);
      if (!fs.existsSync(dir)) continue;
      for (const name of fs.readdirSync(dir).sort()) {
        if (!/\.(ya?ml|env)$/.test(name) || /\.(baseline|stored)\.ya?ml$/.test(name)) continue;
        // Only a YAML fixture has a baseline (`x.yaml` → `x.baseline.yaml`); any fixture may have a stored export (`x.stored.yaml`).
        const baseline = /\.ya?ml$/.test(name) ? path.join(dir, name.replace(/\.ya?ml$/, '.baseline.yaml')) : undefined;
        const stored = path.join(dir, name.replace(/\.(ya?ml|env)$/, '.stored.yaml'));
        out.push({
          ruleId,
          kind,
          file: path.join(dir, name),
          baselineFile: baseline && fs.existsSync(baseline) ? baseline : undefined,
          storedFile: fs.existsSync(stored) ? stored : undefined,
        });
      }
    }
  }
  return out;
}
