/**
 * Helm's --set family (src/source/helm-set.ts) against the cases Helm documents ("The Format and
 * Limitations of --set", https://helm.sh/docs/intro/using_helm/) and its parser's rules
 * (helm/helm pkg/strvals/parser.go): typing, nesting, lists, escapes, the flags' own readings.
 */
import { applySetArgument, typedSetValue, SetFlag } from '../src/source/helm-set';
import type { PlainMap } from '../src/types';

function set(argument: string, flag: SetFlag = '--set', base: PlainMap = {}, files: Record<string, string> = {}) {
  const values = structuredClone(base);
  const outcome = applySetArgument(values, flag, argument, (path) => {
    if (!(path in files)) throw new Error('no such file');
    return files[path];
  });
  return { values, ...outcome };
}

describe.each([
  ['name=value', { name: 'value' }],
  ['a=b,c=d', { a: 'b', c: 'd' }],
  ['outer.inner=value', { outer: { inner: 'value' } }],
  ['name={a, b, c}', { name: ['a', ' b', ' c'] }],
  ['name=[]', { name: '[]' }],
  ['name=null', { name: null }],
  ['servers[0].port=80', { servers: [{ port: 80 }] }],
  ['servers[0].port=80,servers[0].host=example', { servers: [{ port: 80, host: 'example' }] }],
  ['name=value1\\,value2', { name: 'value1,value2' }],
  ['nodeSelector."kubernetes\\.io/role"=master', { nodeSelector: { '"kubernetes.io/role"': 'master' } }],
  ['nodeSelector.kubernetes\\.io/role=master', { nodeSelector: { 'kubernetes.io/role': 'master' } }],
  ['a[2]=x', { a: [null, null, 'x'] }],
  ['a[0][1]=x', { a: [[null, 'x']] }],
  ['enabled=true,other=FALSE,n=42,neg=-7,zero=0,octal=0755,float=1.5', { enabled: true, other: false, n: 42, neg: -7, zero: 0, octal: '0755', float: '1.5' }],
  ['a=b=c', { a: 'b=c' }],
  ['a=', { a: '' }],
])('--set %s', (argument, expected) => {
  it('gives what Helm gives', () => {
    const { values, problem } = set(argument);
    expect(problem).toBeUndefined();
    expect(values).toEqual(expected);
  });
});

it('--set-string keeps every value a string', () => {
  expect(set('enabled=true,n=42,x=null,l={1,true}', '--set-string').values).toEqual({ enabled: 'true', n: '42', x: 'null', l: ['1', 'true'] });
});

it('--set-json reads JSON values, an empty one as null', () => {
  expect(set('a={"b":[1,2]},c="x,y",d=', '--set-json').values).toEqual({ a: { b: [1, 2] }, c: 'x,y', d: null });
  expect(set('a={broken', '--set-json').problem?.message).toBe('not a JSON value');
});

it('--set-file reads each value from its file', () => {
  expect(set('cert=ca.pem', '--set-file', {}, { 'ca.pem': '-----BEGIN CERTIFICATE-----\n' }).values).toEqual({ cert: '-----BEGIN CERTIFICATE-----\n' });
  expect(set('cert=missing.pem', '--set-file').problem?.message).toBe('cannot read missing.pem: no such file');
});

it('sets into the values it is given, as ParseInto does: maps joined, list items replaced by index', () => {
  const base: PlainMap = { a: { keep: 1, b: 'old' }, l: ['x', 'y'] };
  expect(set('a.b=new,l[1]=z', '--set', base).values).toEqual({ a: { keep: 1, b: 'new' }, l: ['x', 'z'] });
  expect(set('l={p}', '--set', base).values).toEqual({ a: { keep: 1, b: 'old' }, l: ['p'] });
});

it('records where each value is written in the argument', () => {
  const { assignments } = set('a.b=c,list[1]={x,y},n=5');
  expect(assignments.map((a) => ({ path: a.path, key: [a.keyStart, a.keyEnd], value: [a.valueStart, a.valueEnd] }))).toEqual([
    { path: ['a', 'b'], key: [0, 3], value: [4, 5] },
    { path: ['list', 1], key: [6, 13], value: [14, 19] },
    { path: ['n'], key: [20, 21], value: [22, 23] },
  ]);
});

describe.each([
  ['name', 'key "name" has no value'],
  ['name,', 'key "name" has no value (cannot end with ,)'],
  ['a[x]=1', '"x" is not a list index'],
  ['a[-1]=1', 'negative -1 index not allowed'],
  ['a={x,y', "list must terminate with '}'"],
])('--set %s', (argument, message) => {
  it('is refused as Helm refuses it', () => expect(set(argument).problem?.message).toBe(message));
});

it('refuses a name under a value that is not a map, or an index into a non-list', () => {
  expect(set('a.b=1', '--set', { a: 'text' }).problem?.message).toBe('"a" is not a map, so "a.…" cannot be set');
  expect(set('a[0]=1', '--set', { a: 'text' }).problem?.message).toBe('"a" is not a list, so "a[…]" cannot be set');
});

it('types values as Helm does: booleans and null in any case, integers without a leading zero', () => {
  expect([typedSetValue('True'), typedSetValue('NULL'), typedSetValue('+5'), typedSetValue('007'), typedSetValue('9223372036854775808'), typedSetValue('1e3')])
    .toEqual([true, null, 5, '007', '9223372036854775808', '1e3']);
});
