/**
 * A YAML document inside a string of another file (Argo CD's `helm.values: |`), located back in the
 * file that holds it (src/source/embedded.ts): exactly in a literal block, on the string itself
 * otherwise; and values written as a map below a key of another file.
 */
import { parseSource } from '../src/source/parse';
import { EmbeddedLocator, SubtreeLocator, duplicatesBelow, embeddedText } from '../src/source/embedded';
import type { Path } from '../src/types';

function outerPosition(text: string, needle: string, from = 0): string {
  const offset = text.indexOf(needle, from);
  const before = text.slice(0, offset).split('\n');
  return `${before.length}:${before[before.length - 1].length + 1}`;
}

/** The inner document's locator in the outer file, the string at `path` of `outer`. */
function embedded(outer: string, path: Path, parser: 'auto' | 'yaml' = 'auto') {
  const document = parseSource(outer, 'app.yaml', { parser }).documents[0];
  const value = document.plain() as Record<string, unknown>;
  let inner: unknown = value;
  for (const segment of path) inner = (inner as Record<string, unknown>)[String(segment)];
  const scalar = document.scalarSource(path);
  if (!scalar || typeof inner !== 'string') throw new Error('no string there');
  const whole = document.locate(path, 'value');
  if (!whole) throw new Error('no location');
  const text = embeddedText(scalar, inner, whole);
  const innerDocument = parseSource(text.text, 'app.yaml', { parser }).documents[0];
  return { text, locator: new EmbeddedLocator(innerDocument, text, 'app.yaml'), whole };
}

const KEYS: [Path, string][] = [
  [['openmetadata'], 'openmetadata:'],
  [['openmetadata', 'config', 'authentication'], 'authentication:'],
  [['openmetadata', 'config', 'authentication', 'provider'], 'okta'],
  [['openmetadata', 'config', 'authentication', 'publicKeys', 1], 'https://acme'],
  [['openmetadata', 'config', 'authorizer', 'initialAdmins', 0], 'alice'],
];

describe.each([
  ['|', ''],
  ['|-', ''],
  ['|+', '\n\n'],
  ['|2', ''],
  ['| # a comment after the header', ''],
])('a literal block %s', (header, trailer) => {
  const outer = [
    'spec:', '  source:', '    helm:', `      values: ${header}`,
    '        openmetadata:', '          config:', '            authentication:', '              provider: okta',
    '              publicKeys:', '                - http://openmetadata:8585/api/v1/system/config/jwks', '                - https://acme.okta.com/oauth2/default/v1/keys',
    '', '            authorizer:', '              initialAdmins: [alice]', `      releaseName: om${trailer}`, '',
  ].join('\n');
  it.each(['auto', 'yaml'] as const)('maps every position exactly (%s reader)', (parser) => {
    const { text, locator } = embedded(outer, ['spec', 'source', 'helm', 'values'], parser);
    // `|2` is relative to the parent's indentation (6): the block's lines are then 8 deep, as detected.
    expect(text.exact).toBe(true);
    for (const [path, needle] of KEYS) {
      const location = locator.locate(path);
      expect(`${location?.line}:${location?.column}`).toBe(outerPosition(outer, needle, outer.indexOf('values:')));
    }
  });
});

it('a block whose lines are indented more than the first line: still exact', () => {
  const outer = 'values: |\n  a:\n      deep: 1\n  b: 2\n';
  const { text, locator } = embedded(outer, ['values']);
  expect(text.exact).toBe(true);
  expect(locator.locate(['a', 'deep'])).toMatchObject({ line: 3, column: 13 });
  expect(locator.locate(['b'])).toMatchObject({ line: 4, column: 6 });
});

it.each([
  ['a folded block', 'x: 1\nvalues: >\n  openmetadata:\n    config: {}\n'],
  ['a quoted string', 'x: 1\nvalues: "openmetadata:\\n  config:\\n    authentication: {}\\n"\n'],
  ['a plain string over lines', 'x: 1\nvalues: openmetadata\n  config\n'],
])('%s: every position lands on the string', (_name, outer) => {
  const { text, locator, whole } = embedded(outer, ['values']);
  expect(text.exact).toBe(false);
  expect(locator.locateClosest(['openmetadata', 'config'])).toEqual({ ...whole, filePath: 'app.yaml' });
});

it('values as a map below a key: located in place, duplicates relative to it', () => {
  const outer = 'spec:\n  values:\n    a:\n      b: 1\n      b: 2\n  other:\n    b: 1\n    b: 2\n';
  const document = parseSource(outer, 'x.yaml').documents[0];
  expect(new SubtreeLocator(document, ['spec', 'values']).locate(['a', 'b'])).toMatchObject({ line: 5, column: 10 });
  expect(duplicatesBelow(document.duplicateKeys(), ['spec', 'values']).map((d) => [d.mapPath, d.key, d.repeat.line])).toEqual([[['a'], 'b', 5]]);
});
