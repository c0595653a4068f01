/**
 * The server layout (openmetadata.yaml), env files and extraEnvs: server names map to the model's
 * chart names, `${VAR:-default}` is evaluated (from --env-file when it has the variable), locations
 * land on the server key or the substitution's text, and Helm-only checks stay quiet.
 */
import { lintText } from './support/lint';
import { parseEnvFile } from '../src/layouts/env-file';
import { parseYaml } from '../src/source/yaml';
import { buildServerModel } from '../src/layouts/server-config';
import { buildHelmModels } from '../src/layouts/helm-values';
import { foldExtraEnvs } from '../src/layouts/extra-envs';
import { CHART_DEFAULTS } from '../src/knowledge/defaults';
import { ENV_NAMES, ENV_TO_MODEL_PATH, envNameForPath, isAuthEnvName } from '../src/knowledge/env-names';
import { coalesce } from '../src/source/merge';
import { valueAt } from '../src/types';

const SERVER = [
  'authorizerConfiguration:', //                                          1
  '  adminPrincipals: ${AUTHORIZER_ADMIN_PRINCIPALS:-[jane.doe]}', //     2
  '  principalDomain: ${AUTHORIZER_PRINCIPAL_DOMAIN:-"acme-analytics.com"}', // 3
  'authenticationConfiguration:', //                                      4
  '  provider: ${AUTHENTICATION_PROVIDER:-google}', //                    5
  '  publicKeyUrls: ${AUTHENTICATION_PUBLIC_KEYS:-[https://www.googleapis.com/oauth2/v3/certs]}', // 6
  '  oidcConfiguration:', //                                              7
  '    id: "48213576021-abc.apps.googleusercontent.com"', //              8
  '    secret: ${OIDC_CLIENT_SECRET:-}', //                               9
  '    type: ${OIDC_TYPE:-"google"}', //                                  10
  '    prompt: "select_account"', //                                      11
  '    customParams: ${OIDC_CUSTOM_PARAMS:-}', //                         12
  'fernetConfiguration:', //                                              13
  '  fernetKey: ${FERNET_KEY:-jJ/9sz0g0OHxsfxOoSfdFdmk3ysNmPRnH3TUAbz3IHA=}', // 14
  '',
].join('\n');

function serverModel(text: string, envText?: string) {
  const [document] = parseYaml(text, 'openmetadata.yaml').documents;
  const envFile = envText !== undefined ? parseEnvFile(envText, 'prod.env') : undefined;
  const model = buildServerModel('openmetadata.yaml', document, document.plain(), envFile);
  if (!model) throw new Error('no server model');
  return model;
}

describe('server layout', () => {
  const model = serverModel(SERVER);

  it('translates server names to the chart names and evaluates the defaults as YAML', () => {
    expect(model.layout).toBe('server');
    expect(valueAt(model.config, ['authorizer', 'initialAdmins'])).toEqual(['jane.doe']);
    expect(valueAt(model.config, ['authorizer', 'principalDomain'])).toBe('acme-analytics.com');
    expect(valueAt(model.config, ['authentication', 'publicKeys'])).toEqual(['https://www.googleapis.com/oauth2/v3/certs']);
    expect(valueAt(model.config, ['authentication', 'oidcConfiguration', 'clientId'])).toBe('48213576021-abc.apps.googleusercontent.com');
    expect(valueAt(model.config, ['authentication', 'oidcConfiguration', 'oidcType'])).toBe('google');
    expect(valueAt(model.config, ['authentication', 'oidcConfiguration', 'promptType'])).toBe('select_account');
    expect(valueAt(model.config, ['authentication', 'oidcConfiguration', 'clientSecret'])).toBeNull();
    expect(valueAt(model.config, ['fernetkey', 'value'])).toBe('jJ/9sz0g0OHxsfxOoSfdFdmk3ysNmPRnH3TUAbz3IHA=');
  });

  it('locates a model path on the server key, and a substituted value on the substitution text', () => {
    expect(model.locator.locate(['authentication', 'publicKeys'], 'key')).toMatchObject({ line: 6, column: 3 });
    expect(model.locator.locate(['authentication', 'publicKeys', 0])).toMatchObject({ line: 6, column: 18 });
    expect(model.locator.locate(['authentication', 'oidcConfiguration', 'promptType'])).toMatchObject({ line: 11, column: 13 });
    expect(model.locator.locate(['fernetkey', 'value'], 'key')).toMatchObject({ line: 14, column: 3 });
    expect(model.locator.origin?.(['authentication', 'provider'])).toEqual({
      filePath: 'openmetadata.yaml', env: { name: 'AUTHENTICATION_PROVIDER', source: 'substitution-default' },
    });
  });

  it('runs the rules: jwks-public-key on publicKeyUrls, and no Helm-only finding', () => {
    const result = lintText(SERVER, 'openmetadata.yaml');
    const messages = result?.messages ?? [];
    const jwks = messages.find((m) => m.ruleId === 'jwks-public-key');
    expect(jwks).toMatchObject({ line: 6, column: 3 });
    expect(jwks?.message).toContain('publicKeyUrls');
    expect(jwks?.message).toContain('http://localhost:8585/api/v1/system/config/jwks');
    // Server names, plain-string secrets and ${VAR} are right in openmetadata.yaml.
    expect(messages.filter((m) => ['no-unknown-keys', 'valid-schema', 'no-env-substitution'].includes(m.ruleId))).toEqual([]);
  });

  it('takes a variable from --env-file, and then points at the env file', () => {
    const env = 'AUTHENTICATION_PUBLIC_KEYS=[https://www.googleapis.com/oauth2/v3/certs, https://metadata.acme-analytics.com/api/v1/system/config/jwks]\nOIDC_TYPE=azure\n';
    const withEnv = serverModel(SERVER, env);
    expect(valueAt(withEnv.config, ['authentication', 'publicKeys'])).toHaveLength(2);
    expect(withEnv.locator.locate(['authentication', 'oidcConfiguration', 'oidcType'])).toMatchObject({ filePath: 'prod.env', line: 2, column: 11 });
    const result = lintText(SERVER, 'openmetadata.yaml', { envFile: { filePath: 'prod.env', text: env } });
    expect(result?.messages.filter((m) => m.ruleId === 'jwks-public-key')).toEqual([]);

    const bad = lintText(SERVER, 'openmetadata.yaml', { envFile: { filePath: 'prod.env', text: 'AUTHENTICATION_PUBLIC_KEYS=[https://www.googleapis.com/oauth2/v3/certs]\n' } });
    expect(bad?.messages.find((m) => m.ruleId === 'jwks-public-key')).toMatchObject({ filePath: 'prod.env', line: 1, column: 1 });
  });

  it('reports a default that is not valid YAML once substituted, on the substitution text', () => {
    const text = 'authenticationConfiguration:\n  publicKeyUrls: ${AUTHENTICATION_PUBLIC_KEYS:-[{your domain}/api/v1/system/config/jwks]}\n';
    const finding = lintText(text, 'openmetadata.yaml')?.messages.find((m) => m.ruleId === 'yaml-syntax');
    expect(finding).toMatchObject({ line: 2, column: 18 });
    expect(finding?.message).toContain('AUTHENTICATION_PUBLIC_KEYS');
  });

  it('keeps a quoted substitution a string (no YAML re-read)', () => {
    const quoted = serverModel('authenticationConfiguration:\n  clientId: "${AUTHENTICATION_CLIENT_ID:-[not, a, list]}"\n');
    expect(valueAt(quoted.config, ['authentication', 'clientId'])).toBe('[not, a, list]');
  });

  it('reads a SAML fragment without parent key as samlConfiguration', () => {
    const fragment = '  sp:\n    entityId: ${SAML_SP_ENTITY_ID:-"https://metadata.acme-analytics.com/api/v1/saml/metadata"}\n';
    const saml = serverModel(fragment);
    expect(valueAt(saml.config, ['authentication', 'saml', 'sp', 'entityId'])).toBe('https://metadata.acme-analytics.com/api/v1/saml/metadata');
    expect(saml.locator.locate(['authentication', 'saml', 'sp', 'entityId'])).toMatchObject({ line: 2, column: 15 });
  });

  it('uses the stock openmetadata.yaml defaults for what the file does not set', () => {
    const fragment = serverModel('authorizerConfiguration:\n  principalDomain: acme-analytics.com\n');
    const running = coalesce(fragment.config, fragment.defaults);
    expect(valueAt(running, ['authorizer', 'principalDomain'])).toBe('acme-analytics.com');
    expect(valueAt(running, ['authentication', 'publicKeys'])).toEqual(['http://localhost:8585/api/v1/system/config/jwks']);
    expect(valueAt(running, ['authentication', 'oidcConfiguration', 'serverUrl'])).toBe('http://localhost:8585');
  });
});

describe('env files', () => {
  const env = [
    '# compose .env', //                                                  1
    'AUTHENTICATION_PROVIDER=google', //                                   2
    'AUTHENTICATION_PUBLIC_KEYS=[https://www.googleapis.com/oauth2/v3/certs]  # keys', // 3
    'AUTHORIZER_ADMIN_PRINCIPALS="[jane.doe]"', //                          4
    'DB_HOST=mysql', //                                                     5
    '',
  ].join('\n');

  it('lints the values through the model and locates them on their lines', () => {
    const result = lintText(env, 'docker/.env');
    const mine = ['jwks-public-key', 'env-file-syntax', 'no-unknown-keys', 'valid-schema', 'yaml-syntax', 'no-placeholders'];
    expect(result?.messages.filter((m) => mine.includes(m.ruleId)).map((m) => `${m.ruleId}@${m.line}:${m.column}`)).toEqual(['jwks-public-key@3:1']);
    // The other rules see the values too (google without a callback URL).
    expect(result?.messages.some((m) => m.ruleId === 'callback-url' && m.line === 2)).toBe(true);
  });

  it('skips an env file without auth variables', () => {
    expect(lintText('DB_HOST=mysql\nDB_PORT=3306\n', 'docker/.env')).toBeUndefined();
  });
});

describe('extraEnvs', () => {
  const values = [
    'openmetadata:', //                                  1
    '  config:', //                                      2
    '    authentication:', //                            3
    '      provider: basic', //                          4
    'extraEnvs:', //                                     5
    '  - name: AUTHENTICATION_PROVIDER', //              6
    '    value: google', //                              7
    '  - name: OIDC_CLIENT_SECRET', //                   8
    '    valueFrom:', //                                 9
    '      secretKeyRef:', //                            10
    '        name: sso', //                              11
    '        key: client-secret', //                     12
    '  - name: CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME', // 13
    '    value: Keycloak', //                            14
    '',
  ].join('\n');
  const [document] = parseYaml(values, 'values.yaml').documents;
  const [model] = buildHelmModels('values.yaml', document.plain(), document, []);
  const folded = foldExtraEnvs(model, CHART_DEFAULTS);

  it('folds auth variables into the model (they win) and keeps what they shadow', () => {
    expect(valueAt(folded.config, ['authentication', 'provider'])).toBe('google');
    // Secret-reference keys are not folded: the chart still renders its own env entry from them.
    expect(valueAt(folded.config, ['authentication', 'oidcConfiguration', 'clientSecret'])).toBeUndefined();
    expect(folded.envOverrides?.map((o) => [o.name, o.shadowed, o.shadowedLocation?.line])).toEqual([
      ['AUTHENTICATION_PROVIDER', 'basic', 4],
      ['OIDC_CLIENT_SECRET', { secretRef: 'oidc-secrets', secretKey: 'openmetadata-oidc-client-secret' }, undefined],
    ]);
    // Server-only names have no values key: not folded (the chart schema would reject them as keys).
    expect(valueAt(folded.config, ['authentication', 'providerName'])).toBeUndefined();
  });

  it('locates a folded value on the extraEnvs entry', () => {
    expect(folded.locator.locate(['openmetadata', 'config', 'authentication', 'provider'])).toMatchObject({ line: 7, column: 12 });
    expect(folded.locator.locate(['openmetadata', 'config', 'authentication', 'provider'], 'key')).toMatchObject({ line: 6, column: 11 });
    expect(folded.locator.origin?.(['openmetadata', 'config', 'authentication', 'provider'])?.env).toEqual({ name: 'AUTHENTICATION_PROVIDER', source: 'extraEnvs' });
  });

  it('does not let the chart schema judge a value an env var set', () => {
    const text = values.replace('    value: google', '    value: not-a-provider');
    const messages = lintText(text, 'values.yaml')?.messages ?? [];
    expect(messages.filter((m) => m.ruleId === 'valid-schema')).toEqual([]);
  });
});

describe('env-names (shared with env-override)', () => {
  it('maps every env name to a path of the chart or a server-only key', () => {
    expect(ENV_TO_MODEL_PATH.AUTHENTICATION_PUBLIC_KEYS).toEqual(['authentication', 'publicKeys']);
    expect(ENV_TO_MODEL_PATH.AUTHORIZER_ADMIN_PRINCIPALS).toEqual(['authorizer', 'initialAdmins']);
    expect(ENV_TO_MODEL_PATH.OIDC_PROMPT_TYPE).toEqual(['authentication', 'oidcConfiguration', 'promptType']);
    expect(ENV_TO_MODEL_PATH.FERNET_KEY).toEqual(['fernetkey', 'value']);
    expect(envNameForPath(['authentication', 'oidcConfiguration', 'tokenValidity'])).toBe('OIDC_OM_REFRESH_TOKEN_VALIDITY');
    for (const env of ENV_NAMES.values()) {
      if (env.serverOnly) continue;
      for (const path of env.paths) expect([env.name, valueAt(CHART_DEFAULTS, path) !== undefined]).toEqual([env.name, true]);
    }
  });

  it('tells auth names (and likely typos of them) from other variables', () => {
    expect(isAuthEnvName('AUTHENTICATION_CALBACK_URL')).toBe(true);
    expect(isAuthEnvName('FORCE_SECURE_SESSION_COOKIE')).toBe(true);
    expect(isAuthEnvName('DB_HOST')).toBe(false);
  });
});
