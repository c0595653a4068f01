/**
 * Correct, realistic configurations of every OIDC provider (fixtures/<rule>/valid/clean-*.yaml:
 * azure, google, okta, auth0, aws-cognito, Keycloak and OneLogin as custom-oidc; public and
 * confidential) must pass every rule: no identity-provider rule may say anything about them, and no
 * rule at all may raise an error or a warning. A provider rule that fires on a correct real-world
 * config is a bug even when its own fixtures pass.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import { FIXTURES_DIR } from './support/fixtures';

const PROVIDER_RULES = [
  'authority-format',
  'azure-tenant',
  'client-auth-method',
  'client-id-format',
  'custom-params',
  'https-urls',
  'idp-jwks-public-key',
  'oidc-numeric-settings',
  'oidc-prompt',
  'oidc-scope',
  'oidc-type-matches-provider',
];

const cleanConfigs = fs
  .readdirSync(FIXTURES_DIR)
  .flatMap((ruleId) => {
    const dir = path.join(FIXTURES_DIR, ruleId, 'valid');
    return fs.existsSync(dir) ? fs.readdirSync(dir).filter((f) => /^clean-.*\.ya?ml$/.test(f)).map((f) => path.join(dir, f)) : [];
  })
  .sort();

it('covers every OIDC provider, public and confidential', () => {
  const names = cleanConfigs.map((file) => path.basename(file, '.yaml').replace(/^clean-/, ''));
  for (const provider of ['azure', 'google', 'okta', 'auth0', 'aws-cognito', 'keycloak']) {
    expect(names).toEqual(expect.arrayContaining([`${provider}-public`, `${provider}-confidential`]));
  }
  expect(names).toContain('onelogin-public');
});

describe.each(cleanConfigs.map((file) => [path.relative(FIXTURES_DIR, file), file]))('%s', (_name, file) => {
  const result = lintText(fs.readFileSync(file, 'utf8'), file);
  const messages = result?.messages ?? [];

  it('is linted', () => {
    expect(result).toBeDefined();
  });
  it('gets nothing from the identity-provider rules', () => {
    expect(messages.filter((m) => PROVIDER_RULES.includes(m.ruleId)).map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([]);
  });
  it('gets no error or warning from any rule', () => {
    expect(messages.filter((m) => m.severity !== 'info').map((m) => `${m.line}:${m.column} ${m.ruleId}`)).toEqual([]);
  });
});
