/**
 * src/source/tree-edit.ts makes the common fixes' text edits on the fast reader's located tree, so
 * ESLint's `fix` objects in the JSON output need no `yaml` parse. It must give exactly the edit
 * src/source/edit.ts gives on the `yaml` document, or none (then the `yaml` path answers): checked
 * for every fix the linter offers on the fixtures, the corpus and generated values files, with LF
 * and CRLF line ends.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLinter } from '../src';
import { parseSource } from '../src/source/parse';
import { parseYaml } from '../src/source/yaml';
import { editsForFix } from '../src/source/edit';
import { treeEditsForFix } from '../src/source/tree-edit';
import { LocatedTree } from '../src/source/tree';
import { textFixesFor } from '../src/engine/fix';
import type { DocumentFix } from '../src/types';
import { CORPUS } from './support/corpus';

const ROOT = path.join(__dirname, '..');
const generator = require('../bench/generate') as { sampleValuesFiles(count: number, seed: number): string[] };

function filesUnder(dir: string): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    return entry.isDirectory() ? filesUnder(full) : /\.ya?ml$/.test(entry.name) ? [full] : [];
  });
}

const lfTexts = [
  ...[...filesUnder(path.join(ROOT, 'fixtures')), ...filesUnder(CORPUS)].map((file) => ({ name: path.relative(ROOT, file), text: fs.readFileSync(file, 'utf8') })),
  ...generator.sampleValuesFiles(800, 7).map((text, i) => ({ name: `generated-${i}/values.yaml`, text })),
];
const texts = [...lfTexts, ...lfTexts.filter(({ text }) => !text.includes('\r')).map(({ name, text }) => ({ name: `${name} (CRLF)`, text: text.replace(/\n/g, '\r\n') }))];

/** Every data-level fix the linter offers on a text (fixes inside a string's YAML are edit.ts's alone). */
function fixesOf(name: string, text: string): DocumentFix[] {
  const result = createLinter({ configFile: false }).lintText(text, name.replace(/ \(CRLF\)$/, ''));
  return (result?.messages ?? []).flatMap((m) => (m.fix && !m.fix.embedded && m.filePath.endsWith(path.basename(name.replace(/ \(CRLF\)$/, ''))) ? [m.fix] : []));
}

describe('text edits on the located tree', () => {
  const compared: Record<string, number> = {};
  const cases = texts.flatMap(({ name, text }) => fixesOf(name, text).map((fix) => ({ name, text, fix })));

  it('finds fixes to compare (the corpus and generated files carry hundreds)', () => {
    expect(cases.length).toBeGreaterThan(200);
  });

  it('give exactly the edits of the yaml document, or none', () => {
    const mismatches: string[] = [];
    for (const { name, text, fix } of cases) {
      const document = parseSource(text, name).documents[fix.document];
      const onTree = document instanceof LocatedTree ? treeEditsForFix(text, document, fix) : undefined;
      if (onTree === undefined) continue;
      const ast = parseYaml(text, name).asts[fix.document];
      const onYaml = ast ? editsForFix(text, ast, fix) : undefined;
      if (JSON.stringify(onTree) !== JSON.stringify(onYaml)) mismatches.push(`${name} ${JSON.stringify(fix)}: tree ${JSON.stringify(onTree)}, yaml ${JSON.stringify(onYaml)}`);
      compared[fix.kind] = (compared[fix.kind] ?? 0) + 1;
    }
    expect(mismatches).toEqual([]);
    // Each kind the tree handles is exercised, not only the easy ones.
    expect(compared['append-item']).toBeGreaterThan(20);
    expect(compared['rename-key']).toBeGreaterThan(20);
    expect(compared['replace-value']).toBeGreaterThan(5);
    expect(compared['remove-entry']).toBeGreaterThan(20);
  });

  it('leave moves (a dotted key nested) to the yaml document', () => {
    const others = cases.filter(({ fix }) => fix.kind === 'move-entry');
    expect(others.length).toBeGreaterThan(0);
    for (const { name, text, fix } of others) {
      const document = parseSource(text, name).documents[fix.document] as LocatedTree;
      expect(treeEditsForFix(text, document, fix)).toBeUndefined();
    }
  });

  it('an item appended to a list whose last item is quoted keeps that quoting, at the dash\'s indentation', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      publicKeys:\n        - "https://idp.example.org/keys"\n      authority: https://idp.example.org\n';
    const document = parseSource(text, 'values.yaml').documents[0] as LocatedTree;
    const fix = { kind: 'append-item', at: ['openmetadata', 'config', 'authentication', 'publicKeys'], value: 'http://openmetadata:8585/api/v1/system/config/jwks', document: 0 } as const;
    expect(treeEditsForFix(text, document, fix)).toEqual([{ start: text.indexOf('      authority'), end: text.indexOf('      authority'), text: '        - "http://openmetadata:8585/api/v1/system/config/jwks"\n' }]);
    expect(textFixesFor(text, [fix])).toEqual([{ range: [text.indexOf('      authority'), text.indexOf('      authority')], text: '        - "http://openmetadata:8585/api/v1/system/config/jwks"\n' }]);
  });
});
