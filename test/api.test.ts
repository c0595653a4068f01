/** The programmatic API (require('omlint')) that editor integrations build on. */
import * as path from 'path';
import { createLinter, loadFormatter, RULES, InputError } from '../src';
import { lintText } from './support/lint';
import { scratchDir } from './support/cli';

const BAD = 'openmetadata:\n  config:\n    authentication:\n      publicKeys: []\n';

describe('lintText', () => {
  it('returns findings with positions for auth config', () => {
    const result = lintText(BAD, 'values.yaml');
    // The file sets no signing keys of its own: default-signing-keys' warning is not what this is about.
    expect(result?.messages.filter((m) => m.severity !== 'info' && m.ruleId !== 'default-signing-keys')).toEqual([
      expect.objectContaining({ ruleId: 'jwks-public-key', line: 4, column: 7, filePath: 'values.yaml', severity: 'error' }),
    ]);
    expect(result?.errorCount).toBe(1);
  });

  it('returns undefined for YAML without OpenMetadata auth settings', () => {
    expect(lintText('replicaCount: 3\n', 'values.yaml')).toBeUndefined();
    expect(lintText('authentication: is mentioned only in a string\n', 'values.yaml')).toBeUndefined();
  });

  it('skips, without parsing, a text that mentions auth but has no key any layout reads', () => {
    // Another chart's values: it says "authentication", but holds no openmetadata/global/config key.
    const otherChart = 'airflow:\n  webserver:\n    authentication: ldap\n    defaultUser: "unclosed\n';
    expect(lintText(otherChart, 'values.yaml')).toBeUndefined();
    // The same broken text under a layout key is parsed, and its syntax error reported.
    const broken = lintText(`openmetadata:\n${otherChart.replace(/^/gm, '  ')}`, 'values.yaml');
    expect(broken?.messages.map((m) => [m.ruleId, m.line, m.column])).toEqual([['yaml-syntax', 5, 20]]);
  });

  it("skips a chart's templates/ file with {{ }}: a Helm template, not values (the pre-commit hook hands over every YAML file)", () => {
    const template = '{{- if .Values.openmetadata.config.authentication.enabled }}\napiVersion: v1\nkind: Secret\nmetadata:\n' +
      '  name: {{ .Release.Name }}-oidc\n{{- end }}\n';
    expect(lintText(template, 'charts/om-wrapper/templates/secret.yaml')).toBeUndefined();
    expect(lintText(template, 'charts\\om-wrapper\\templates\\secret.yaml')).toBeUndefined();
    // The same text as a values file is one Helm cannot load: reported.
    expect(lintText(template, 'charts/om-wrapper/values.yaml')?.errorCount).toBeGreaterThan(0);
  });

  it('reports a map key that is a map or a list, which Helm refuses: unquoted {{ }} at its braces, others at the key', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      provider: okta\n      clientId: {{ .Values.clientId }}\n' +
      '      ? [a, b]\n      : x\n      ? {{ .Values.key }}\n      : y\n';
    const found = lintText(text, 'values.yaml')?.messages.map((m) => [m.ruleId, m.line, m.column, m.endLine, m.endColumn, m.message.split(':')[1].trim()]);
    expect(found).toEqual([
      ['yaml-syntax', 5, 17, 5, 39, 'unquoted {{ … }} is read as a YAML map whose key is a map, which Helm refuses ("invalid map key"). Values files are not templates'],
      ['yaml-syntax', 6, 9, 6, 15, 'this map key is itself a map or a list, which Helm refuses ("invalid map key"). Write a plain key.'],
      ['yaml-syntax', 8, 9, 8, 26, 'unquoted {{ … }} is read as a YAML map whose key is a map, which Helm refuses ("invalid map key"). Values files are not templates'],
    ]);
    // Quoted, it is a string a chart may render with tpl.
    expect(lintText(text.replace('{{ .Values.clientId }}', '"{{ .Values.clientId }}"').replace(/ {6}\?[^]*$/, ''), 'values.yaml')?.messages.map((m) => m.ruleId)).not.toContain('yaml-syntax');
  });

  it('parses every text a layout can read: a key spelled with an escape, the server layout, a bare SAML fragment', () => {
    const escaped = lintText('"\\x6fpenmetadata":\n  config:\n    authentication:\n      publicKeys: []\n', 'values.yaml');
    expect(escaped?.messages.find((m) => m.ruleId === 'jwks-public-key')).toMatchObject({ line: 4, column: 7 });
    const server = lintText('authenticationConfiguration:\n  provider: google\n  publicKeyUrls: []\n', 'openmetadata.yaml');
    expect(server?.messages.length).toBeGreaterThan(0);
    const saml = lintText('idp:\n  entityId: "https://idp.example.com"\nsp:\n  entityId: "https://om.example.com"\n', 'openmetadata.yaml');
    expect(saml).toBeDefined();
  });

  it('lints SAML keys that come with no other auth word: a bare sp/security fragment, sp under openmetadata.config', () => {
    const fragment = 'sp:\n  entityId: "https://catalog.acme-corp.io"\n  acs: "https://catalog.acme-corp.io/callback"\nsecurity:\n  strictMode: true\n';
    expect(lintText(fragment, 'conf/openmetadata.yaml')).toBeDefined();
    const misplaced = lintText('openmetadata:\n  config:\n    sp:\n      entityId: "https://catalog.acme-corp.io"\n', 'values.yaml');
    expect(misplaced?.messages.find((m) => m.ruleId === 'no-unknown-keys')).toMatchObject({ line: 3, column: 5 });
  });

  it('honours rule settings', () => {
    const rulesOf = (result: ReturnType<typeof lintText>): string[] => (result?.messages ?? []).map((m) => m.ruleId);
    expect(rulesOf(lintText(BAD, 'v.yaml', { rules: { 'jwks-public-key': 'off' } }))).not.toContain('jwks-public-key');
    expect(lintText(BAD, 'v.yaml', { rules: { 'jwks-public-key': 'info' } })?.messages.find((m) => m.ruleId === 'jwks-public-key')?.severity).toBe('info');
  });

  it('lints every document of a multi-document file, each at its own lines', () => {
    const text = `${BAD}---\n${BAD}`;
    expect(lintText(text, 'v.yaml')?.messages.filter((m) => m.ruleId === 'jwks-public-key').map((m) => m.line)).toEqual([4, 9]);
  });
});

describe('lintFiles', () => {
  it('lints directories like the CLI and throws InputError on unreadable input', () => {
    const dir = scratchDir({ 'values.yaml': BAD, 'other.yaml': BAD });
    const results = createLinter().lintFiles([dir]);
    expect(results.map((r) => path.basename(r.filePath))).toEqual(['values.yaml']);
    expect(() => createLinter().lintFiles([path.join(dir, 'missing.yaml')])).toThrow(InputError);
  });
});

it('loads formatters by name and knows every rule', () => {
  const json = loadFormatter('json');
  expect(json).toBeDefined();
  expect(JSON.parse(json!([], { cwd: '/', color: false, rules: RULES }))).toEqual([]);
  expect(loadFormatter('nope')).toBeUndefined();
  expect(RULES.length).toBeGreaterThan(0);
});
