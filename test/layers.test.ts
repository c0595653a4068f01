/**
 * The layer rules of .dependency-cruiser.cjs (run by `npm run lint`) reject what they should: each
 * case is a tiny tree of its own, checked with the repository's config.
 */
import * as fs from 'fs';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { scratchDir } from './support/cli';

const ROOT = path.join(__dirname, '..');
const CRUISE = path.join(ROOT, 'node_modules', 'dependency-cruiser', 'bin', 'dependency-cruise.mjs');

/** depcruise over a tree of `files` (path → source) with the repository's rules: the names of the rules broken. */
function brokenRules(files: Record<string, string>): string[] {
  const dir = scratchDir({ ...files, 'tsconfig.build.json': '{ "compilerOptions": { "module": "commonjs", "target": "ES2022" }, "include": ["src"] }' });
  const run = spawnSync(process.execPath, [CRUISE, 'src', '--config', path.join(ROOT, '.dependency-cruiser.cjs'), '--output-type', 'json'], { cwd: dir, encoding: 'utf8' });
  const report = JSON.parse(run.stdout) as { summary: { violations: { rule: { name: string } }[] } };
  return [...new Set(report.summary.violations.map((violation) => violation.rule.name))].sort();
}

describe('layer rules', () => {
  it('accept imports that point down', () => {
    expect(brokenRules({
      'src/index.ts': "import { run } from './runner/run';\nexport const x = run;\n",
      'src/runner/run.ts': "import { lint } from '../engine/lint';\nexport const run = lint;\n",
      'src/engine/lint.ts': "import { read } from '../source/read';\nexport const lint = read;\n",
      'src/source/read.ts': 'export const read = 1;\n',
    })).toEqual([]);
  });

  it('reject an upward import, and the cycle it makes', () => {
    expect(brokenRules({
      'src/cli/main.ts': "import { read } from '../source/read';\nexport const main = read;\n",
      'src/source/read.ts': "import { main } from '../cli/main';\nexport const read = 1;\nexport const again = main;\n",
    })).toEqual(['cli-through-the-api', 'no-circular', 'no-upward-import-from-source']);
  });

  it('reject a rule that reads the source layer or the file system', () => {
    expect(brokenRules({
      'src/rules/x.ts': "import * as fs from 'fs';\nimport { read } from '../source/read';\nexport const x = [fs, read];\n",
      'src/source/read.ts': 'export const read = 1;\n',
    })).toEqual(['rules-never-read-the-source-layer', 'rules-touch-no-file-system-process-or-clock']);
  });

  it('reject a formatter that reaches into the engine', () => {
    expect(brokenRules({
      'src/formatters/json.ts': "import { lint } from '../engine/lint';\nexport const json = lint;\n",
      'src/engine/lint.ts': 'export const lint = 1;\n',
    })).toEqual(['formatters-see-results-and-rule-metadata-only']);
  });
});

it('the repository itself keeps the rules', () => {
  const run = spawnSync(process.execPath, [CRUISE, 'src', '--config', '.dependency-cruiser.cjs'], { cwd: ROOT, encoding: 'utf8' });
  expect(run.stdout).toContain('no dependency violations found');
  expect(run.status).toBe(0);
  expect(fs.existsSync(path.join(ROOT, '.dependency-cruiser.cjs'))).toBe(true);
});
