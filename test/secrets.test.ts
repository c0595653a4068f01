/**
 * Secrets never reach any output. Files hold a distinctive string in every secret-bearing place
 * (chart secret keys written as literals, server key names, extraEnvs, fernet key, an admin
 * password, a baseline's secrets); the built CLI lints them in every output format with every rule
 * on, and not one of the strings may appear on stdout or stderr. The test also checks that findings
 * do land on those lines, so the rules did look at the values.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { spawnSync } from 'child_process';
import { FORMAT_NAMES } from '../src/formatters';

const BIN = path.join(__dirname, '..', 'bin', 'omlint.js');

/** Random and distinctive. Some contain {…}, look like a path or a PEM body, so rules that quote values are tempted. */
const SECRET = {
  clientSecret: 'QxzzgEOzdm{tmpVal}enCkhv',
  serverSecret: 'QxGncfBAepfJBd0K',
  dottedSecret: 'Qxh8oOOL8dKLzdoc',
  dnAdminPassword: 'QxJ2isAjIhKtJ0Rl',
  trustStoreFilePassword: 'QxgLKOmxgJTeKdNn',
  idpX509Certificate: '/etc/saml/QxMdgaKjIg8xNbe3.pem',
  spPrivateKey: 'QxnNyjOq9wMxEhh2MIIEvQIBADANBgkqhkiG9w0BAQEFAASC',
  keyStoreAlias: 'QxMehGAkWvj7FAc9',
  keyStorePassword: 'QxQeWJKY40uvSwMF',
  fernetKey: 'QxFDEEtfjgVvVqE1SkHbn88HxjSI6bWHtP3fS2qHx6k=',
  envClientSecret: 'QxStPKR0CsTy4Qwb',
  envLdapPassword: 'Qx8DwkNhFdnXsiVp',
  envSamlKey: 'Qxzz63FfkCzJr4i0',
  envFernet: 'QxB3JrTAwR4y9ojf',
  adminPassword: 'QxljoQoaF1Llqsaj',
  baselineSecret: 'QxAIxNKu8iS2G8NP',
  baselineLdapPassword: 'QxRVdD53X83RZJzz',
  storedSecret: 'QxT7wq0eLmZkR3vA',
  storedLdapPassword: 'QxYc2nH8pDs5UfWj',
  storedKeyStorePassword: 'Qxb9KfE1rVt6NoMi',
};

const OIDC = `openmetadata:
  config:
    authorizer:
      initialAdmins:
        - "jane.doe:${SECRET.adminPassword}"
      principalDomain: "acme.io"
    authentication:
      provider: "okta"
      clientType: confidential
      authority: "https://acme.okta.com/oauth2/default"
      oidcConfiguration:
        enabled: true
        clientSecret: "${SECRET.clientSecret}"
        secret: "${SECRET.serverSecret}"
        oidcConfiguration.clientSecret: "${SECRET.dottedSecret}"
    fernetkey:
      value: "${SECRET.fernetKey}"
extraEnvs:
  - name: OIDC_CLIENT_SECRET
    value: "${SECRET.envClientSecret}"
  - name: FERNET_KEY
    value: "${SECRET.envFernet}"
`;

const LDAP = `openmetadata:
  config:
    authentication:
      provider: ldap
      ldapConfiguration:
        host: "ldap.corp.acme.io"
        port: 636
        dnAdminPassword: "${SECRET.dnAdminPassword}"
        truststoreConfigType: CustomTrustStore
        trustStoreConfig:
          customTrustManagerConfig:
            trustStoreFilePassword: "${SECRET.trustStoreFilePassword}"
extraEnvs:
  - name: AUTHENTICATION_LOOKUP_ADMIN_PWD
    value: "${SECRET.envLdapPassword}"
`;

const SAML = `openmetadata:
  config:
    authentication:
      provider: saml
      saml:
        idp:
          idpX509Certificate: "${SECRET.idpX509Certificate}"
        sp:
          spPrivateKey: "${SECRET.spPrivateKey}"
        security:
          wantAssertionEncrypted: true
          keyStoreAlias: "${SECRET.keyStoreAlias}"
          keyStorePassword: "${SECRET.keyStorePassword}"
extraEnvs:
  - name: SAML_SP_PRIVATE_KEY
    value: "${SECRET.envSamlKey}"
`;

const BASELINE = `openmetadata:
  config:
    authentication:
      provider: "okta"
      oidcConfiguration:
        clientSecret: "${SECRET.baselineSecret}"
      ldapConfiguration:
        dnAdminPassword: "${SECRET.baselineLdapPassword}"
`;

/** A get-security-config export: every secret in clear, as the server writes it (--against-export). */
const STORED = `---
authenticationConfiguration:
  clientType: "confidential"
  provider: "okta"
  authority: "https://acme.okta.com/oauth2/default"
  oidcConfiguration:
    type: "okta"
    id: "0oa1b2c3d4e5f6g7h8i9"
    secret: "${SECRET.storedSecret}"
  ldapConfiguration:
    dnAdminPassword: "${SECRET.storedLdapPassword}"
  samlConfiguration:
    security:
      keyStorePassword: "${SECRET.storedKeyStorePassword}"
authorizerConfiguration:
  adminPrincipals:
  - "jane.doe"
  principalDomain: "acme.io"
`;

let dir: string;
const files: Record<string, string> = { 'values-oidc.yaml': OIDC, 'values-ldap.yaml': LDAP, 'values-saml.yaml': SAML };

beforeAll(() => {
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-secrets-'));
  for (const [name, text] of Object.entries({ ...files, 'baseline.yaml': BASELINE, 'stored.yaml': STORED })) fs.writeFileSync(path.join(dir, name), text);
});

afterAll(() => {
  fs.rmSync(dir, { recursive: true, force: true });
});

function run(args: string[]): string {
  const result = spawnSync(process.execPath, [BIN, '--no-color', ...args], { cwd: dir, encoding: 'utf8' });
  return `${result.stdout}\n${result.stderr}`;
}

/** Every secret string, and the distinctive random part at its start, so a truncated echo is caught too. */
function leaks(output: string): string[] {
  return Object.values(SECRET).filter((secret) => output.includes(secret) || output.includes(secret.replace(/^\/etc\/saml\//, '').slice(0, 12)));
}

describe.each(FORMAT_NAMES.map((format) => [format]))('--format %s', (format) => {
  it('prints none of the secrets', () => {
    const output = run(['--format', format, ...Object.keys(files)]);
    expect(output.length).toBeGreaterThan(0);
    expect(leaks(output)).toEqual([]);
  });

  it('prints none of the secrets of a baseline either', () => {
    const output = run(['--format', format, '--baseline', 'baseline.yaml', 'values-oidc.yaml', 'values-ldap.yaml']);
    expect(leaks(output)).toEqual([]);
  });

  it('prints none of the secrets of a security config export, nor of the files compared with it', () => {
    const output = run(['--format', format, '--show-info', '--against-export', 'stored.yaml', ...Object.keys(files)]);
    expect(output).toMatch(/stored-config-drift/);
    expect(leaks(output)).toEqual([]);
  });
});

it('compares the secrets of the export with the file\'s (the drift is found, by hash)', () => {
  const results = JSON.parse(run(['--format', 'json', '--against-export', 'stored.yaml', 'values-oidc.yaml']).split('\n')[0]) as { messages: { ruleId: string; line: number }[] }[];
  const drift = results[0].messages.filter((m) => m.ruleId === 'stored-config-drift');
  expect(drift.map((m) => m.line)).toContain(OIDC.split('\n').findIndex((line) => line.includes(SECRET.clientSecret)) + 1);
});

it('reports a finding on the line of every secret (the values were looked at, not skipped)', () => {
  const results = JSON.parse(run(['--format', 'json', ...Object.keys(files)]).split('\n')[0]) as {
    filePath: string;
    messages: { line: number }[];
  }[];
  for (const [name, text] of Object.entries(files)) {
    const result = results.find((r) => path.basename(r.filePath) === name);
    const lines = new Set(result?.messages.map((m) => m.line));
    text.split('\n').forEach((line, index) => {
      if (Object.values(SECRET).some((secret) => line.includes(secret))) expect([name, index + 1, lines.has(index + 1)]).toEqual([name, index + 1, true]);
    });
  }
});
