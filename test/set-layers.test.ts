/**
 * Helm's --set family on top of merged values files, with provenance (src/source/set-layers.ts): the
 * flags in Helm's order, every value located in the argument that set it, the rest in its file.
 */
import { parseSource } from '../src/source/parse';
import { mergeLayers } from '../src/source/merge';
import { applySetLayers, commandLinePlace, SetLayer } from '../src/source/set-layers';
import type { SetFlag } from '../src/source/helm-set';

function base(text: string) {
  const document = parseSource(text, 'values.yaml').documents[0];
  return mergeLayers([{ filePath: 'values.yaml', value: document.helmPlain(), locator: document }]);
}

/** Arguments as they would sit on a command line, one after another from column 1: `--set ARG --set ARG`. */
function commandLine(...args: [SetFlag, string][]): SetLayer[] {
  let column = 1;
  return args.map(([flag, argument]) => {
    const at = column + flag.length + 1;
    column = at + argument.length + 1;
    return { flag, argument, filePath: '<command line>', place: commandLinePlace(at) };
  });
}

const VALUES = 'auth:\n  provider: okta\n  publicKeys:\n    - http://a/jwks\n    - http://b/jwks\n  clientId: one\n';

it('applies the flags in Helm order, whatever order they are given in', () => {
  const { applied } = applySetLayers(base(VALUES), commandLine(['--set-string', 'auth.clientId=string'], ['--set', 'auth.clientId=set'], ['--set-json', 'auth.clientId="json"']));
  expect((applied.value as { auth: { clientId: string } }).auth.clientId).toBe('string');
  // `--set-string auth.clientId=string` is the first argument: its value at column 27.
  expect(applied.locator.locate(['auth', 'clientId'])).toEqual({ filePath: '<command line>', line: 1, column: 28, endLine: 1, endColumn: 34 });
});

it('locates what an argument set in it, the rest in the file; a list item set by index is the argument\'s', () => {
  const { applied } = applySetLayers(base(VALUES), commandLine(['--set', 'auth.publicKeys[1]=http://c/jwks,auth.enabled=false']));
  const { locator } = applied;
  expect(locator.locate(['auth', 'publicKeys', 1])).toMatchObject({ filePath: '<command line>', column: 26 });
  expect(locator.locate(['auth', 'publicKeys', 0])).toMatchObject({ filePath: 'values.yaml', line: 4 });
  expect(locator.locate(['auth', 'publicKeys'])).toMatchObject({ filePath: 'values.yaml', line: 3 });
  expect(locator.locate(['auth', 'enabled'], 'key')).toMatchObject({ filePath: '<command line>', column: 40 });
  expect(locator.locate(['auth', 'provider'])).toMatchObject({ filePath: 'values.yaml', line: 2 });
  expect(applied.setBy(['auth', 'publicKeys', 1])?.flag).toBe('--set');
  expect(applied.setBy(['auth', 'publicKeys', 0])).toBeUndefined();
});

it('a list an argument replaces names the file whose list it replaced', () => {
  const { applied } = applySetLayers(base(VALUES), commandLine(['--set', 'auth.publicKeys={http://c/jwks}']));
  expect(applied.locator.origin?.(['auth', 'publicKeys'])).toEqual({
    filePath: '<command line>',
    replaced: { filePath: 'values.yaml', value: ['http://a/jwks', 'http://b/jwks'] },
  });
});

it('maps an argument creates are located on it, and a missing path on its nearest existing ancestor', () => {
  const { applied } = applySetLayers(base(VALUES), commandLine(['--set', 'extra.deep.key=1']));
  expect(applied.locator.locate(['extra'])).toMatchObject({ filePath: '<command line>', column: 7 });
  expect(applied.locator.locateClosest(['extra', 'deep', 'missing'])).toMatchObject({ filePath: '<command line>', column: 7 });
  expect(applied.locator.locateClosest(['auth', 'missing'])).toMatchObject({ filePath: 'values.yaml', line: 1 });
});

it('an argument Helm refuses given the values below it is a problem where reading stopped, and stops there', () => {
  const { problem, applied } = applySetLayers(base(VALUES), commandLine(['--set', 'auth.provider.name=x'], ['--set', 'auth.clientId=two']));
  expect(problem).toMatchObject({ message: '"provider" is not a map, so "provider.…" cannot be set', location: { filePath: '<command line>', column: 12 } });
  expect((applied.value as { auth: { clientId: string } }).auth.clientId).toBe('one');
});

it('does not change the values below it', () => {
  const merged = base(VALUES);
  applySetLayers(merged, commandLine(['--set', 'auth.clientId=two,auth.publicKeys[0]=x']));
  expect(merged.value).toEqual(parseSource(VALUES, 'values.yaml').documents[0].plain());
});
