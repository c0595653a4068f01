/**
 * The bundled examples are correct, realistic values files, one per provider and flow. With every
 * rule on they must give no error and no warning: a rule that fires on one of them is a false alarm.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import { parseYaml } from '../src/source/yaml';

const EXAMPLES_DIR = path.join(__dirname, '..', 'fixtures', 'examples');

/** Example file stem → the chart provider it must use, and whether it is a confidential client. */
const EXPECTED: Record<string, { provider: string; confidential: boolean }> = {
  'values-azure-public': { provider: 'azure', confidential: false },
  'values-azure-confidential': { provider: 'azure', confidential: true },
  'values-google': { provider: 'google', confidential: false },
  'values-google-confidential': { provider: 'google', confidential: true },
  'values-okta-public': { provider: 'okta', confidential: false },
  'values-okta-confidential': { provider: 'okta', confidential: true },
  'values-auth0-public': { provider: 'auth0', confidential: false },
  'values-auth0-confidential': { provider: 'auth0', confidential: true },
  'values-aws-cognito-public': { provider: 'aws-cognito', confidential: false },
  'values-aws-cognito-confidential': { provider: 'aws-cognito', confidential: true },
  'values-keycloak-public': { provider: 'custom-oidc', confidential: false },
  'values-keycloak-confidential': { provider: 'custom-oidc', confidential: true },
  'values-onelogin-public': { provider: 'custom-oidc', confidential: false },
  'values-onelogin-confidential': { provider: 'custom-oidc', confidential: true },
  'values-ldap': { provider: 'ldap', confidential: false },
  'values-saml': { provider: 'saml', confidential: false },
  'values-basic': { provider: 'basic', confidential: false },
};

const files = fs.readdirSync(EXAMPLES_DIR).filter((name) => /\.ya?ml$/.test(name)).sort();

it('has an example for every provider and flow, and nothing else', () => {
  expect(files.map((name) => name.replace(/\.ya?ml$/, '')).sort()).toEqual(Object.keys(EXPECTED).sort());
});

describe.each(files)('%s', (name) => {
  const text = fs.readFileSync(path.join(EXAMPLES_DIR, name), 'utf8');

  it('uses the provider and client type its name says', () => {
    const [document] = parseYaml(text, name).documents;
    const authentication = (document.plain() as { openmetadata: { config: { authentication: Record<string, unknown> } } })
      .openmetadata.config.authentication;
    const expected = EXPECTED[name.replace(/\.ya?ml$/, '')];
    expect(authentication.provider).toBe(expected.provider);
    expect(authentication.clientType === 'confidential').toBe(expected.confidential);
  });

  it('gives no error or warning with every rule on', () => {
    const result = lintText(text, name);
    expect(result).toBeDefined();
    const problems = (result?.messages ?? []).filter((m) => m.severity !== 'info');
    expect(problems.map((m) => `${m.line}:${m.column} ${m.ruleId} ${m.message}`)).toEqual([]);
  });
});
