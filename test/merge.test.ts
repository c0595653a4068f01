/**
 * Helm's merge of `-f` files (pkg/cli/values/options.go mergeMaps) and of the result with the chart
 * defaults (pkg/chartutil coalesceValues), as a table: the YAML files in Helm's order, the values
 * Helm ends up with, and which file each listed path comes from.
 */
import { parseYaml } from '../src/source/yaml';
import * as fc from 'fast-check';
import { Layer, coalesce, coalescedAt, mergeLayers } from '../src/source/merge';
import { CHART_DEFAULTS } from '../src/knowledge/defaults';
import type { Path, Plain } from '../src/types';
import { valueAt } from '../src/types';

function layersOf(texts: string[]): Layer[] {
  return texts.map((text, i) => {
    const file = `layer${i + 1}.yaml`;
    const [document] = parseYaml(text, file).documents;
    if (document) return { filePath: file, value: document.plain(), locator: document };
    // A file with only comments has no document: Helm reads it as an empty map.
    const nowhere = { filePath: file, line: 1, column: 1, endLine: 1, endColumn: 1 };
    return { filePath: file, value: null, locator: { locate: () => undefined, locateClosest: () => nowhere } };
  });
}

interface Case {
  name: string;
  files: string[];
  /** What Helm's mergeMaps gives. */
  merged: Plain;
  /** What Helm's coalesceValues gives with these chart defaults, when given. */
  defaults?: Plain;
  coalesced?: Plain;
  /** path → [file that set it, file whose value it replaced (or undefined)]. */
  origins?: [Path, string, string | undefined][];
}

const CASES: Case[] = [
  {
    name: 'maps merge key by key, at any depth',
    files: ['a:\n  x: 1\n  y:\n    p: 1\n', 'a:\n  y:\n    q: 2\n  z: 3\n'],
    merged: { a: { x: 1, y: { p: 1, q: 2 }, z: 3 } },
    origins: [[['a', 'x'], 'layer1.yaml', undefined], [['a', 'y', 'q'], 'layer2.yaml', undefined], [['a', 'y', 'p'], 'layer1.yaml', undefined]],
  },
  {
    name: 'a list from a later file replaces the earlier list (never merged)',
    files: ['keys:\n  - one\n  - two\n', 'keys:\n  - three\n'],
    merged: { keys: ['three'] },
    origins: [[['keys'], 'layer2.yaml', 'layer1.yaml'], [['keys', 0], 'layer2.yaml', 'layer1.yaml']],
  },
  {
    name: 'a scalar from a later file replaces the earlier one',
    files: ['provider: basic\nother: kept\n', 'provider: google\n'],
    merged: { provider: 'google', other: 'kept' },
    origins: [[['provider'], 'layer2.yaml', 'layer1.yaml'], [['other'], 'layer1.yaml', undefined]],
  },
  {
    name: 'null is kept by the merge and deletes the key (and its default) when coalesced',
    files: ['a:\n  x: 1\n  y: 2\n', 'a:\n  x: null\n'],
    merged: { a: { x: null, y: 2 } },
    defaults: { a: { x: 9, z: 3 } },
    coalesced: { a: { y: 2, z: 3 } },
  },
  {
    name: 'null on a map deletes the whole subtree with its defaults',
    files: ['a:\n  x: 1\n', 'a: ~\n'],
    merged: { a: null },
    defaults: { a: { x: 9 }, b: 1 },
    coalesced: { b: 1 },
  },
  {
    name: 'a map replaced by a scalar (type change) is gone, not merged',
    files: ['a:\n  x: 1\n', 'a: flat\n'],
    merged: { a: 'flat' },
    origins: [[['a'], 'layer2.yaml', 'layer1.yaml']],
  },
  {
    name: 'a scalar replaced by a map takes only the later map',
    files: ['a: flat\n', 'a:\n  x: 1\n'],
    merged: { a: { x: 1 } },
    origins: [[['a', 'x'], 'layer2.yaml', undefined], [['a'], 'layer2.yaml', 'layer1.yaml']],
  },
  {
    name: 'a map over a list replaces it',
    files: ['a:\n  - 1\n', 'a:\n  x: 1\n'],
    merged: { a: { x: 1 } },
  },
  {
    name: 'a map over a map that replaced a scalar does not bring the first map back',
    files: ['a:\n  old: 1\n', 'a: flat\n', 'a:\n  new: 2\n'],
    merged: { a: { new: 2 } },
    origins: [[['a', 'new'], 'layer3.yaml', undefined]],
  },
  {
    name: 'three files: the last one that sets a key wins; untouched keys keep their file',
    files: ['l: [1]\nx: base\n', 'l: [2]\n', 'y: prod\n'],
    merged: { l: [2], x: 'base', y: 'prod' },
    origins: [[['l'], 'layer2.yaml', 'layer1.yaml'], [['x'], 'layer1.yaml', undefined], [['y'], 'layer3.yaml', undefined]],
  },
  {
    name: 'an empty file changes nothing',
    files: ['a: 1\n', '# only a comment\n'],
    merged: { a: 1 },
  },
  {
    name: 'user keys the defaults lack are kept; user values win over defaults',
    files: ['a:\n  x: mine\n  extra: 1\n'],
    merged: { a: { x: 'mine', extra: 1 } },
    defaults: { a: { x: 'default', y: 'default' } },
    coalesced: { a: { x: 'mine', extra: 1, y: 'default' } },
  },
];

describe.each(CASES.map((c) => [c.name, c] as const))('%s', (_name, c) => {
  const merged = mergeLayers(layersOf(c.files));
  it('merges as Helm does', () => {
    expect(merged.value).toEqual(c.merged);
  });
  if (c.defaults !== undefined) {
    it('coalesces with the chart defaults as Helm does', () => {
      expect(coalesce(merged.value, c.defaults)).toEqual(c.coalesced);
    });
  }
  for (const [path, file, replaced] of c.origins ?? []) {
    it(`knows ${path.join('.')} came from ${file}`, () => {
      const origin = merged.locator.origin?.(path);
      expect(origin?.filePath).toBe(file);
      expect(origin?.replaced?.filePath).toBe(replaced);
      expect(merged.locator.locate(path)?.filePath).toBe(file);
    });
  }
});

it('locates a merged path on its line in the file that set it', () => {
  const merged = mergeLayers(layersOf(['a:\n  x: 1\n  y: 2\n', '# overlay\na:\n  y: 3\n']));
  expect(merged.locator.locate(['a', 'x'])).toMatchObject({ filePath: 'layer1.yaml', line: 2, column: 6 });
  expect(merged.locator.locate(['a', 'y'])).toMatchObject({ filePath: 'layer2.yaml', line: 3, column: 6 });
  expect(merged.locator.locate(['a', 'missing'])).toBeUndefined();
  expect(merged.locator.locateClosest(['a', 'missing'])).toMatchObject({ filePath: 'layer2.yaml', line: 2 });
});

describe('coalescedAt: one path of the coalesced values, without merging whole trees', () => {
  // Few keys, so that generated values, defaults and paths often meet; `constructor` checks that
  // inherited properties never count as keys.
  const key = fc.constantFrom('a', 'b', 'c', 'constructor');
  const scalar = fc.oneof(fc.constant(null), fc.boolean(), fc.integer(), fc.string({ maxLength: 3 }));
  const tree = fc.letrec<{ value: Plain }>((tie) => ({
    value: fc.oneof(
      { depthSize: 'small' },
      scalar,
      fc.array(tie('value'), { maxLength: 3 }),
      fc.dictionary(key, tie('value'), { maxKeys: 4 }),
    ),
  })).value;
  const path = fc.array(fc.oneof(key, fc.integer({ min: 0, max: 2 })), { maxLength: 4 });

  it('equals the value at that path of coalesce(user, defaults)', () => {
    fc.assert(
      fc.property(fc.option(tree, { nil: undefined }), fc.option(tree, { nil: undefined }), path, (user, defaults, at) => {
        expect(coalescedAt(user, defaults, at)).toEqual(valueAt(coalesce(user, defaults), at));
      }),
      { numRuns: 2000 },
    );
  });

  it('reads the chart defaults where the values are silent, and drops what a null deletes', () => {
    const user = { authentication: { provider: 'okta', clientType: null } };
    expect(coalescedAt(user, CHART_DEFAULTS, ['authentication', 'provider'])).toBe('okta');
    expect(coalescedAt(user, CHART_DEFAULTS, ['authentication', 'clientType'])).toBeUndefined();
    expect(coalescedAt(user, CHART_DEFAULTS, ['authorizer', 'className'])).toBe(valueAt(CHART_DEFAULTS, ['authorizer', 'className']));
    expect(valueAt(CHART_DEFAULTS, ['authorizer', 'className'])).toEqual(expect.any(String));
  });
});
