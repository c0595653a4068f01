/**
 * A file is linted as OpenMetadata's only on positive evidence: keys, variable names or values only
 * OpenMetadata uses (src/knowledge/markers.ts). Generic words (`JWT_*`, `OIDC_*`, `SAML_*` alone, a
 * root `config.authentication`, `global.authentication` with nothing of OpenMetadata's) are not
 * evidence: such files are skipped silently, syntax errors included. Env files are recognised by
 * their syntax whatever their name; other tools' templates are never values files; a fork of the
 * chart (its Chart.yaml says so) keeps OpenMetadata's semantics without open-metadata's chart schema.
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLinter } from '../src';
import { lintText } from './support/lint';
import { tempDir } from './support/temp';
import type { Finding, LintResult } from '../src/types';

const REAL_WORLD = path.join(__dirname, 'corpus', 'real-world');
const read = (file: string): string => fs.readFileSync(path.join(REAL_WORLD, file), 'utf8');
const at = (result: LintResult | undefined, ruleId?: string): string[] =>
  (result?.messages ?? []).filter((m: Finding) => ruleId === undefined || m.ruleId === ruleId).map((m) => `${m.line}:${m.column} ${m.ruleId}`);

describe('other applications\' env files are skipped', () => {
  it('an Outline/Supabase-style .env with OIDC_AUTH_URI, OIDC_SCOPES, JWT_SECRET, JWT_EXPIRY', () => {
    const text = '# Outline\nSECRET_KEY=abc\nOIDC_CLIENT_ID=outline\nOIDC_AUTH_URI=https://sso.example.com/auth\nOIDC_SCOPES=openid profile email\n' +
      'JWT_SECRET=super-secret-jwt-token\nJWT_EXPIRY=3600\nSAML_SSO_ENDPOINT=https://idp.example.com/sso\n';
    expect(lintText(text, '.env')).toBeUndefined();
    expect(lintText(text, 'deploy/outline.env')).toBeUndefined();
  });

  it.each([
    'traps/bookstack/.env.example.complete',
    'traps/dna-frontend/.env',
    'traps/dna-kubeflow-oidc-authservice/params.env',
    'traps/medusa-starter/.env.template',
    'traps/jitsi-meet/env.example',
  ])('%s (real-world corpus)', (file) => {
    expect(lintText(read(file), path.join(REAL_WORLD, file))).toBeUndefined();
  });

  it('an env sample saved as *.yaml is read as an env file, not as broken YAML', () => {
    const text = '# copy to .env\nJWT_SECRET=change-me\nJWT_EXPIRY=3600\nOIDC_CLIENT_ID=app\nDATABASE_URL=postgres://x\n';
    expect(lintText(text, 'values.yaml')).toBeUndefined();
    expect(lintText(text, 'values.yaml', { parser: 'yaml' })).toBeUndefined();
  });

  it('one OpenMetadata variable or value is evidence', () => {
    const generic = 'OIDC_CLIENT_ID=app\nOIDC_TYPE=okta\n';
    expect(lintText(generic, '.env')).toBeUndefined();
    expect(lintText(`${generic}AUTHENTICATION_PROVIDER=okta\n`, '.env')).toBeDefined();
    expect(lintText(`${generic}SOME_FILTER=org.openmetadata.service.security.JwtFilter\n`, '.env')).toBeDefined();
  });
});

describe('env files whatever their name', () => {
  it('OpenMetadata\'s docker env-mysql (no .env suffix) is an env file: its findings, no yaml-syntax', () => {
    const result = lintText(read('env/om-compose-env-mysql/env-mysql'), path.join(REAL_WORLD, 'env/om-compose-env-mysql/env-mysql'));
    expect(at(result, 'yaml-syntax')).toEqual([]);
    expect(at(result, 'no-unknown-keys')).toEqual(['14:1 no-unknown-keys']);
    expect(at(result, 'default-signing-keys').filter((f) => f.startsWith('120:'))).toEqual(['120:12 default-signing-keys']);
  });

  it('.env-keycloak of openmetadata-demo', () => {
    const result = lintText(read('env/om-demo-keycloak/.env-keycloak'), path.join(REAL_WORLD, 'env/om-demo-keycloak/.env-keycloak'));
    expect(at(result).filter((f) => !f.includes('default-signing-keys'))).toEqual(expect.arrayContaining([
      '3:23 no-legacy-layout', '4:27 no-legacy-layout', '5:1 no-unknown-keys', '6:29 principal-domain', '9:1 jwks-public-key',
    ]));
  });

  it('YAML that names auth variables as keys, or has an env line or two, stays YAML', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      enabled: false\nenvironment:\n  AUTHENTICATION_PROVIDER: basic\n' +
      'notes: |\n  AUTHENTICATION_PROVIDER=basic\n';
    expect(at(lintText(text, 'values.yaml'), 'auth-disabled')).toEqual(['4:16 auth-disabled']);
  });
});

describe('yaml-syntax only for texts with OpenMetadata evidence', () => {
  it('another tool\'s broken YAML that mentions authentication is skipped', () => {
    const text = 'global:\n  authentication: true\nmysql:\n  key: *****secret\n  config: [\n';
    expect(lintText(text, 'values.yaml')).toBeUndefined();
    expect(lintText(text, 'values.yaml', { parser: 'yaml' })).toBeUndefined();
  });

  it('traps/dna-mysql-chart/values_dev.yaml (an alias without anchor in Bitnami MySQL values)', () => {
    expect(lintText(read('traps/dna-mysql-chart/values_dev.yaml'), 'values_dev.yaml')).toBeUndefined();
  });

  it('a broken file with openmetadata: at the root is reported', () => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      provider: "okta\n';
    expect(at(lintText(text, 'values.yaml'), 'yaml-syntax')).toEqual(['4:17 yaml-syntax']);
  });
});

describe('templates of other tools are not values files', () => {
  it.each(['helm-users/om-terraform-aws/helm_values.tftpl', 'helm-users/moj-analytical-platform/values.yml.tftpl'])('%s', (file) => {
    expect(lintText(read(file), path.join(REAL_WORLD, file))).toBeUndefined();
  });

  it.each(['values.tpl', 'values.yaml.gotmpl', 'values.yaml.j2', 'helm_values.TFTPL'])('%s', (name) => {
    const text = 'openmetadata:\n  config:\n    authentication:\n      enabled: false\n';
    expect(lintText(text, `deploy/${name}`)).toBeUndefined();
    expect(at(lintText(text, 'deploy/values.yaml'), 'auth-disabled')).toEqual(['4:16 auth-disabled']);
  });
});

describe('Helm layouts that need evidence', () => {
  it('a Bitnami-style root config.authentication is skipped', () => {
    const text = 'config:\n  authentication:\n    enabled: true\n    provider: ldap\n  authorizer:\n    enabled: true\n';
    expect(lintText(text, 'values.yaml')).toBeUndefined();
  });

  it('global.authentication with nothing of OpenMetadata\'s is skipped; with its keys it is the legacy layout', () => {
    const generic = 'global:\n  authentication:\n    enabled: true\n    provider: google\n';
    expect(lintText(generic, 'values.yaml')).toBeUndefined();
    const om = `${generic}  authorizer:\n    initialAdmins: [admin]\n`;
    expect(at(lintText(om, 'values.yaml'), 'no-legacy-layout')).toEqual(['1:1 no-legacy-layout']);
  });

  it('a root config.authentication with OpenMetadata keys is the misplaced layout', () => {
    const text = 'config:\n  authorizer:\n    className: org.openmetadata.service.security.DefaultAuthorizer\n';
    expect(lintText(text, 'values.yaml')).toBeDefined();
  });

  it('a SAML fragment with none of OpenMetadata\'s keys or variables is skipped', () => {
    expect(lintText('idp:\n  entityId: x\nsp:\n  entityId: y\n', 'saml.yaml')).toBeUndefined();
    expect(lintText('idp:\n  entityId: x\n  idpX509Certificate: ""\n', 'saml.yaml')).toBeDefined();
  });

  it('an umbrella chart whose dependency is named openmetadata (openmetadata.openmetadata.config) is linted', () => {
    const text = 'openmetadata:\n  openmetadata:\n    config:\n      authentication:\n        enabled: false\n';
    expect(at(lintText(text, 'values.yaml'), 'auth-disabled')).toEqual(['5:18 auth-disabled']);
  });
});

describe('a fork of the chart: its Chart.yaml beside the values file', () => {
  const CLEMLAB = read('traps/clemlab-openmetadata-chart/values.yaml');
  const SCHEMA_RULES = ['no-unknown-keys', 'valid-schema', 'jwt-principal-claims-order'];

  const lintWithChart = (chart: string | undefined, values: string): LintResult | undefined => {
    const dir = tempDir();
    fs.writeFileSync(path.join(dir, 'values.yaml'), values);
    if (chart !== undefined) fs.writeFileSync(path.join(dir, 'Chart.yaml'), chart);
    return createLinter({ cwd: dir, configFile: false }).lintFile(path.join(dir, 'values.yaml'));
  };
  const schemaFindings = (result: LintResult | undefined): string[] => at(result).filter((f) => SCHEMA_RULES.some((rule) => f.endsWith(rule)));

  // clemlabprojects/trino-charts charts/openmetadata: 1.13.24 (the corpus file), 1.12.7 with appVersion 1.12.6 (@ 047020f9).
  it.each([
    ['name: openmetadata\nversion: 1.13.24\n'],
    ['name: openmetadata\nversion: 1.12.7\nappVersion: "1.12.6"\n'],
    ['apiVersion: v2\nname: trino-openmetadata\nversion: 1.0.0\n'],
  ])('the clemlab chart\'s keys and claims order are its own: %j', (chart) => {
    expect(schemaFindings(lintWithChart(chart, CLEMLAB))).toEqual([]);
  });

  it('without a Chart.yaml, or beside a release of open-metadata\'s chart, the chart schema applies', () => {
    const expected = ['199:7 no-unknown-keys', '200:7 no-unknown-keys', '203:11 jwt-principal-claims-order'];
    expect(schemaFindings(lintWithChart(undefined, CLEMLAB))).toEqual(expected);
    expect(schemaFindings(lintWithChart('name: openmetadata\nversion: 1.12.7\nappVersion: 1.12.7\n', CLEMLAB))).toEqual(expected);
    expect(schemaFindings(lintWithChart('name: openmetadata\nversion: 1.13.1\n', CLEMLAB))).toEqual(expected);
  });

  it('OpenMetadata\'s semantics still apply to the fork', () => {
    const values = 'openmetadata:\n  config:\n    authentication:\n      provider: google\n      ownKey: 1\n      publicKeys:\n        - https://www.googleapis.com/oauth2/v3/certs\n';
    const fork = lintWithChart('name: openmetadata\nversion: 9.9.9\n', values);
    expect(at(fork, 'jwks-public-key')).toEqual(['6:7 jwks-public-key']);
    expect(at(fork, 'no-unknown-keys')).toEqual([]);
    expect(at(lintWithChart(undefined, values), 'no-unknown-keys')).toEqual(['5:7 no-unknown-keys']);
  });

  it('an umbrella\'s Chart.yaml does not make its openmetadata dependency a fork', () => {
    const values = 'om:\n  openmetadata:\n    config:\n      authentication:\n        ownKey: 1\n';
    expect(at(lintWithChart('name: platform\nversion: 1.0.0\n', values), 'no-unknown-keys')).toEqual(['5:9 no-unknown-keys']);
  });

  it('an unreadable or odd Chart.yaml counts as none', () => {
    const values = 'openmetadata:\n  config:\n    authentication:\n      ownKey: 1\n';
    for (const chart of ['name: [unclosed\n', '- a list\n', 'version: 1.0.0\n', '']) {
      expect(at(lintWithChart(chart, values), 'no-unknown-keys')).toEqual(['4:7 no-unknown-keys']);
    }
  });
});
