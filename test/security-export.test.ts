/**
 * Security config exports (`openmetadata-ops.sh get-security-config`, OpenMetadata 1.12+) as one more
 * layout of the single pipeline (src/layouts/export.ts): a hand-built export per provider in the shape
 * Jackson's YAML writer gives (test/fixtures/exports/, each saying that shape is inferred), linted with
 * positions; the preflight of `update-security-config` (stray keys and unknown keys are errors, every
 * warning is raised to an error, a config file or `--rule` still wins); detection and `--layout`; and
 * no secret of an export in any output format.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLinter, FORMAT_NAMES, loadFormatter, RULES } from '../src';
import { lintText } from './support/lint';
import { omlint } from './support/cli-in-process';
import type { Finding } from '../src';

const EXPORTS = path.join(__dirname, 'fixtures', 'exports');
const read = (name: string): string => fs.readFileSync(path.join(EXPORTS, name), 'utf8');
const brief = (findings: readonly Finding[]): string[] => findings.map((f) => `${f.ruleId}@${f.line}:${f.column}:${f.severity}`);

/**
 * Every finding of each provider's export, by rule, line, column and severity (info included). A
 * finding that is not here, or one that is here and gone, fails the test: what an export gives is
 * decided here, not discovered.
 */
const EXPECTED: Record<string, string[]> = {
  'auth0.yaml': ['sso-validator@24:3:info'],
  'aws-cognito.yaml': ['response-type@9:17:error', 'sso-validator@24:3:info'],
  'azure.yaml': ['security-config-export@6:1:info'],
  'basic.yaml': ['sso-validator@10:17:info', 'provider-block-ignored@23:3:info', 'provider-block-ignored@39:3:info', 'provider-block-ignored@66:3:info'],
  'custom-oidc.yaml': ['security-config-export@6:1:info'],
  'google.yaml': ['sso-validator@24:3:info'],
  'ldap.yaml': ['security-config-export@6:1:info'],
  'okta.yaml': ['sso-validator@24:3:info'],
  'saml.yaml': [],
};

describe.each(Object.keys(EXPECTED))('the export %s', (name) => {
  const text = read(name);

  it('says that its shape is inferred, and has it: a document marker, the two parts, quoted strings', () => {
    expect(text).toMatch(/^# Hand-built in the shape .* get-security-config writes \(inferred/m);
    expect(text).toMatch(/^---\nauthenticationConfiguration:\n[\s\S]*^authorizerConfiguration:\n/m);
    expect(text).toMatch(/^ {2}provider: "[a-z0-9-]+"$/m);
  });

  it('gives exactly its findings, on the export\'s own lines', () => {
    const result = lintText(text, name);
    expect(result).toBeDefined();
    expect(brief(result?.messages ?? [])).toEqual(EXPECTED[name]);
  });
});

describe('detection', () => {
  const exportText = read('okta.yaml');

  it('reads the two parts, and nothing else, as an export, with or without the document marker', () => {
    const withMarker = lintText(exportText.replace('clientId: "0oa1bcdefg2hijklmn3o4"', 'clientId: ""'), 'security.yaml');
    const without = lintText(exportText.replace('---\n', '').replace('clientId: "0oa1bcdefg2hijklmn3o4"', 'clientId: ""'), 'security.yaml');
    // client-id-format's warning, raised to an error as on every export.
    expect(brief(withMarker?.messages ?? []).filter((f) => f.startsWith('client-id-format'))).toEqual(['client-id-format@16:13:error']);
    expect(brief(without?.messages ?? []).filter((f) => f.startsWith('client-id-format'))).toEqual(['client-id-format@15:13:error']);
  });

  it('reads a file named as the server configuration, or one with ${VAR}, as openmetadata.yaml', () => {
    const blank = exportText.replace('clientId: "0oa1bcdefg2hijklmn3o4"', 'clientId: ""');
    expect(brief(lintText(blank, 'openmetadata-security.yaml')?.messages ?? []).filter((f) => f.startsWith('client-id-format'))).toEqual([
      'client-id-format@16:13:warn',
    ]);
    const substituted = blank.replace('providerName: "Okta"', 'providerName: ${PROVIDER_NAME:-Okta}');
    expect(brief(lintText(substituted, 'security.yaml')?.messages ?? []).filter((f) => f.startsWith('client-id-format'))).toEqual([
      'client-id-format@16:13:warn',
    ]);
  });

  it('follows --layout: export for a file of any shape, server for an export-shaped one', () => {
    const blank = exportText.replace('clientId: "0oa1bcdefg2hijklmn3o4"', 'clientId: ""');
    const asServer = createLinter({ layout: 'server' }).lintText(blank, 'security.yaml');
    expect(brief(asServer?.messages ?? []).filter((f) => f.startsWith('client-id-format'))).toEqual(['client-id-format@16:13:warn']);
    const values = 'openmetadata:\n  config:\n    authentication:\n      provider: okta\n';
    const asExport = createLinter({ layout: 'export' }).lintText(values, 'values.yaml');
    // No Helm model: the file is judged as an export, whose parts are missing and whose key is stray.
    expect(brief(asExport?.messages ?? [])).toEqual([
      'security-config-export@1:1:error',
      'security-config-export@1:1:error',
      'security-config-export@1:1:error',
    ]);
  });

  it('takes the CLI\'s --layout', () => {
    const dir = fs.mkdtempSync(path.join(require('os').tmpdir(), 'omlint-export-'));
    fs.writeFileSync(path.join(dir, 'import.yaml'), 'authenticationConfiguration:\n  provider: "basic"\n  providerName: "OpenMetadata"\n');
    // One part only: an openmetadata.yaml fragment by its shape, an export by --layout.
    expect(omlint(['--format', 'compact', 'import.yaml'], dir).stdout).not.toMatch(/security-config-export/);
    const run = omlint(['--format', 'compact', '--layout', 'export', 'import.yaml'], dir);
    expect(run.stdout).toMatch(/import\.yaml:1:1: error The file has no authorizerConfiguration: .*\[security-config-export\]/);
    expect(run.code).toBe(1);
  });
});

describe('the preflight of update-security-config', () => {
  const okta = read('okta.yaml');

  it('reports a key the schema does not have as refused by the import', () => {
    const typo = okta.replace('  callbackUrl: "https://metadata.acme.io/callback"\n', '  callbackURL: "https://metadata.acme.io/callback"\n');
    const found = (lintText(typo, 'security.yaml')?.messages ?? []).filter((f) => f.ruleId === 'no-unknown-keys');
    expect(found.map((f) => `${f.line}:${f.column} ${f.severity} ${f.message}`)).toEqual([
      '17:3 error "callbackURL" is not a key of authenticationConfiguration in OpenMetadata\'s security configuration schema ' +
        '(additionalProperties: false): update-security-config refuses the file. Did you mean "callbackUrl"?',
    ]);
  });

  it('raises every warning to an error, keeps info as info, and lets --rule and config files win', () => {
    const placeholder = okta.replace('principalDomain: "acme.io"', 'principalDomain: "open-metadata.org"');
    const raised = (lintText(placeholder, 'security.yaml')?.messages ?? []).filter((f) => f.ruleId === 'principal-domain');
    expect(raised.map((f) => f.severity)).toEqual(['error']);
    const asWritten = (lintText(placeholder, 'openmetadata.yaml')?.messages ?? []).filter((f) => f.ruleId === 'principal-domain');
    expect(asWritten.map((f) => f.severity)).toEqual(['warn']);
    const ruled = (lintText(placeholder, 'security.yaml', { rules: { 'principal-domain': 'warn' } })?.messages ?? []).filter((f) => f.ruleId === 'principal-domain');
    expect(ruled.map((f) => f.severity)).toEqual(['warn']);
  });

  it('reads customParams as the map Jackson writes, and tokenValidity as an integer', () => {
    const text = read('custom-oidc.yaml');
    expect(text).toMatch(/^ {4}customParams:\n {6}customParamKey1: "kc_idp_hint"$/m);
    expect(text).toMatch(/^ {4}tokenValidity: 3600$/m);
    const findings = lintText(text, 'custom-oidc.yaml')?.messages ?? [];
    expect(findings.filter((f) => ['valid-schema', 'custom-params', 'oidc-numeric-settings'].includes(f.ruleId))).toEqual([]);
    const ignored = text.replace('customParamKey1: "kc_idp_hint"', 'kc_idp_hint: "corp"').replace('      customParamValue1: "corp"\n', '');
    expect(brief((lintText(ignored, 'custom-oidc.yaml')?.messages ?? []).filter((f) => f.ruleId === 'custom-params'))).toEqual(['custom-params@37:5:error']);
  });
});

describe('secrets of an export', () => {
  const SECRETS = ['Qx8~kT3vN_mZ1pL7rW5yB2cF9hJ4dS6gA0eU', 'f3Kq9ZrT2wXv8NpL5mYb7HcJ4dGs1AeU', 'Bind-Pa55w0rd!2026'];
  const files = ['azure.yaml', 'custom-oidc.yaml', 'ldap.yaml'];

  it('are held by the fixtures, and named once per file, never shown', () => {
    for (const [i, file] of files.entries()) {
      expect(read(file)).toContain(SECRETS[i]);
      const advice = (lintText(read(file), file)?.messages ?? []).filter((f) => f.ruleId === 'security-config-export');
      expect(advice).toHaveLength(1);
      expect(advice[0].message).toMatch(/holds the stored secrets in clear \((oidcConfiguration\.secret|ldapConfiguration\.dnAdminPassword)\)/);
    }
  });

  it.each(FORMAT_NAMES.map((format) => [format]))('never appear in %s output, with every finding shown', (format) => {
    const linter = createLinter({ textFixes: true });
    // Every rule's findings, with values quoted by as many rules as possible: a broken copy of each export.
    const results = files.flatMap((file) => {
      const broken = read(file).replace(/"https:\/\/metadata\.acme\.io/g, '"http://metadata.acme.io').replace('principalDomain: "acme.io"', 'principalDomain: "f3Kq9ZrT2wXv8NpL5mYb7HcJ4dGs1AeU"');
      return linter.lintText(broken, file) ?? [];
    });
    expect(results.flatMap((r) => r.messages).length).toBeGreaterThan(3);
    const output = String(loadFormatter(format)?.(results, { cwd: EXPORTS, color: false, rules: RULES, showInfo: true }));
    for (const secret of SECRETS) expect(output).not.toContain(secret);
  });
});
