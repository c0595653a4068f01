/**
 * The identity-provider and URL rules speak the language of the file they read: chart key names
 * and "the chart default" in Helm values, the server's key names and "the server's default" in
 * openmetadata.yaml, the variable names in a docker env file, and no Helm-only advice outside
 * values files. Each case is one configuration, in the chart's names, written out as each kind of
 * file the rule can fire in; every message is checked against the names that kind of file never
 * uses, and the texts are kept in a snapshot.
 */
import { stringify } from 'yaml';
import { lintText } from './support/lint';
import { SERVER_SECTIONS, SERVER_TO_CHART_KEYS } from '../src/knowledge/names';
import { envNameForPath } from '../src/knowledge/env-names';
import type { Finding, Path } from '../src/types';

type Form = 'values' | 'server-config' | 'env-file';
type Config = Record<string, unknown>;

interface Case {
  rule: string;
  name: string;
  /** `authentication` (and `authorizer`) in the chart's names, as under `openmetadata.config`. */
  config: Config;
  /** The kinds of file the rule can fire in for this configuration (default: all three). */
  forms?: readonly Form[];
}

const FORMS: readonly Form[] = ['values', 'server-config', 'env-file'];
const FILE_NAMES: Record<Form, string> = { values: 'values.yaml', 'server-config': 'openmetadata.yaml', 'env-file': 'openmetadata.env' };

/** Inverse of the server's renames: chart name → server name, by the chart name of the parent map. */
function serverName(parent: string | undefined, name: string): string {
  if (parent === undefined) return Object.keys(SERVER_SECTIONS).find((key) => SERVER_SECTIONS[key] === name) ?? name;
  const renames = SERVER_TO_CHART_KEYS[parent] ?? {};
  return Object.keys(renames).find((key) => renames[key] === name) ?? name;
}

const isMap = (value: unknown): value is Config => typeof value === 'object' && value !== null && !Array.isArray(value);

/** The chart's gate `oidcConfiguration.enabled` does not exist on the server. */
function withoutGate(path: readonly string[], key: string): boolean {
  return path.at(-1) === 'oidcConfiguration' && key === 'enabled';
}

function toServer(config: Config, path: readonly string[] = []): Config {
  const out: Config = {};
  for (const [key, value] of Object.entries(config)) {
    if (withoutGate(path, key)) continue;
    out[serverName(path.at(-1), key)] = isMap(value) ? toServer(value, [...path, key]) : value;
  }
  return out;
}

/** One `NAME=value` line per setting, as the server reads the variable's text (lists as YAML flow sequences). */
function toEnv(config: Config, path: readonly string[] = []): string[] {
  return Object.entries(config).flatMap(([key, value]) => {
    if (withoutGate(path, key)) return [];
    if (isMap(value)) return toEnv(value, [...path, key]);
    const name = envNameForPath([...path, key]);
    if (!name) throw new Error(`no variable for ${[...path, key].join('.')}`);
    return [`${name}=${Array.isArray(value) ? `[${value.join(',')}]` : String(value)}`];
  });
}

function render(form: Form, config: Config): string {
  if (form === 'values') return stringify({ openmetadata: { config } });
  if (form === 'server-config') return stringify(toServer(config));
  return `${toEnv(config).join('\n')}\n`;
}

/**
 * Names a kind of file never writes. Values files: the server's renamed keys and its defaults.
 * openmetadata.yaml: the chart, its renamed keys and its Secret references. Env files: all of that,
 * and every YAML key name (the variable is the name).
 */
const NOT_IN_VALUES: readonly RegExp[] = [
  /\bpublicKeyUrls\b/, /\badminPrincipals\b/, /oidcConfiguration\.(id|secret|type|prompt)\b/, /the server's default/, /authenticationConfiguration/,
];
const NOT_IN_SERVER_CONFIG: readonly RegExp[] = [
  /chart/i, /\bhelm\b/i, /\bpublicKeys\b/, /\binitialAdmins\b/, /\b(clientSecret|oidcType|promptType)\b/, /oidcConfiguration\.clientId/,
  /secretRef|secretKey|Kubernetes Secret|extraEnvs|values\.yaml/,
];
const NOT_IN_ENV_FILE: readonly RegExp[] = [
  ...NOT_IN_SERVER_CONFIG,
  /\b(publicKeyUrls|oidcConfiguration|authenticationConfiguration|clientId|callbackUrl|serverUrl|discoveryUri|customParams)\b/,
  /\b(clientAuthenticationMethod|maxClockSkew|tokenValidity|sessionExpiry|maxAge)\b/,
  // Plain words as well as key names: only a message that starts with one names the key.
  /^(scope|tenant|authority|prompt|type)\b/,
];
const FORBIDDEN: Record<Form, readonly RegExp[]> = { values: NOT_IN_VALUES, 'server-config': NOT_IN_SERVER_CONFIG, 'env-file': NOT_IN_ENV_FILE };

const OM = 'https://metadata.acme-corp.io';
const KC = 'https://sso.acme-corp.io/realms/data';
const AZURE_TENANT = '3f6c2a1e-8b4d-4c7a-9e21-5d0b7f9a6c13';
const OTHER_TENANT = '9d4e1b7a-2c3f-4a5e-8b6d-0f1e2d3c4b5a';

/** A confidential client's oidcConfiguration: the chart gate, and the server's client id and secret. */
function oidc(settings: Config): Config {
  return { enabled: true, ...settings };
}

/** The server layout needs the client id and secret the chart reads from its Secret. */
function withServerClient(config: Config): Config {
  const authentication = config.authentication as Config;
  if (authentication.clientType !== 'confidential' || !isMap(authentication.oidcConfiguration)) return config;
  return { ...config, authentication: { ...authentication, oidcConfiguration: { clientId: 'openmetadata', clientSecret: 'kR7-unit-test-only', ...authentication.oidcConfiguration } } };
}

const customOidc = (extra: Config): Config => ({
  authentication: {
    provider: 'custom-oidc',
    clientId: 'openmetadata',
    authority: KC,
    callbackUrl: `${OM}/callback`,
    publicKeys: [`${OM}/api/v1/system/config/jwks`, `${KC}/protocol/openid-connect/certs`],
    ...extra,
  },
});

const confidential = (provider: string, authority: string, keys: readonly string[], settings: Config, extra: Config = {}): Config => ({
  authentication: {
    provider,
    clientType: 'confidential',
    clientId: provider === 'azure' ? 'c2b7e0d4-58a1-4f39-9e62-7d1a0c8b3f25' : 'openmetadata',
    authority,
    callbackUrl: `${OM}/callback`,
    publicKeys: [`${OM}/api/v1/system/config/jwks`, ...keys],
    ...extra,
    oidcConfiguration: oidc({ callbackUrl: `${OM}/callback`, serverUrl: OM, ...settings }),
  },
});

const KC_DISCOVERY = `${KC}/.well-known/openid-configuration`;
const AZURE = `https://login.microsoftonline.com/${AZURE_TENANT}`;
const AZURE_KEYS = [`${AZURE}/discovery/v2.0/keys`];
const azure = (settings: Config, extra: Config = {}): Config =>
  confidential('azure', AZURE, AZURE_KEYS, {
    oidcType: 'azure', tenant: AZURE_TENANT, discoveryUri: `${AZURE}/v2.0/.well-known/openid-configuration`, scope: 'openid email profile offline_access', ...settings,
  }, extra);
const keycloak = (settings: Config, extra: Config = {}): Config =>
  confidential('custom-oidc', KC, [`${KC}/protocol/openid-connect/certs`], { discoveryUri: KC_DISCOVERY, promptType: 'select_account', maxAge: '', ...settings }, extra);

const CASES: readonly Case[] = [
  { rule: 'authority-format', name: 'missing', config: { authentication: { provider: 'okta', clientId: '0oa8f5j3ecb5xuNsg5d7', callbackUrl: `${OM}/callback` } } },
  { rule: 'authority-format', name: 'endpoint', config: customOidc({ authority: `${KC}/protocol/openid-connect/auth` }) },
  { rule: 'authority-format', name: 'azure tenant word', config: { authentication: { provider: 'azure', authority: 'https://login.microsoftonline.com/my-tenant', clientId: 'c2b7e0d4-58a1-4f39-9e62-7d1a0c8b3f25', callbackUrl: `${OM}/callback` } } },
  { rule: 'azure-tenant', name: 'missing, named by authority', config: azure({ tenant: '' }) },
  { rule: 'azure-tenant', name: 'another tenant', config: azure({ tenant: OTHER_TENANT }) },
  { rule: 'azure-tenant', name: 'a URL', config: azure({ tenant: `${AZURE}/v2.0` }) },
  { rule: 'callback-url', name: 'missing', config: customOidc({ callbackUrl: '' }) },
  { rule: 'callback-url', name: 'serverUrl on another origin', config: keycloak({ serverUrl: 'http://localhost:8585' }) },
  { rule: 'callback-url', name: 'serverUrl with a path', config: keycloak({ serverUrl: `${OM}/api` }) },
  { rule: 'callback-url', name: 'different callback paths', config: keycloak({ callbackUrl: `${OM}/oidc/callback` }) },
  { rule: 'client-auth-method', name: 'private_key_jwt', config: keycloak({ clientAuthenticationMethod: 'private_key_jwt' }) },
  { rule: 'client-id-format', name: 'public, missing', config: customOidc({ clientId: '' }) },
  { rule: 'client-id-format', name: 'confidential, missing', config: keycloak({}, { clientId: '' }) },
  { rule: 'client-id-format', name: 'azure not a GUID', config: azure({}, { clientId: 'openmetadata-prod' }) },
  { rule: 'client-type-oidc', name: 'confidential, not an OIDC provider', config: { authentication: { provider: 'basic', clientType: 'confidential' } } },
  { rule: 'client-type-oidc', name: 'confidential, OIDC block not enabled', config: keycloak({ enabled: false }), forms: ['values'] },
  { rule: 'custom-params', name: 'not an object', config: keycloak({ customParams: 'prompt=login' }) },
  { rule: 'custom-params', name: 'ignored key', config: keycloak({ customParams: '{"prompt": "login"}' }), forms: ['values', 'server-config'] },
  { rule: 'discovery-uri', name: 'missing', config: keycloak({ discoveryUri: '' }) },
  { rule: 'discovery-uri', name: 'another issuer', config: keycloak({ discoveryUri: 'https://sso.acme-corp.io/realms/other/.well-known/openid-configuration' }) },
  { rule: 'discovery-uri', name: 'Azure without tenant', config: azure({ discoveryUri: 'https://login.microsoftonline.com/.well-known/openid-configuration' }) },
  { rule: 'https-urls', name: 'plain http', config: customOidc({ authority: 'http://sso.acme-corp.io/realms/data', callbackUrl: 'http://metadata.acme-corp.io/callback', publicKeys: ['http://metadata.acme-corp.io:8585/api/v1/system/config/jwks', `${KC}/protocol/openid-connect/certs`] }) },
  { rule: 'idp-jwks-public-key', name: 'not set', config: { authentication: { provider: 'google', clientId: '123-abc.apps.googleusercontent.com', authority: 'https://accounts.google.com', callbackUrl: `${OM}/callback` } } },
  { rule: 'idp-jwks-public-key', name: 'no IdP entry', config: customOidc({ publicKeys: [`${OM}/api/v1/system/config/jwks`] }) },
  { rule: 'idp-jwks-public-key', name: 'Okta key set of another authorization server', config: { authentication: { provider: 'okta', clientId: '0oa8f5j3ecb5xuNsg5d7', authority: 'https://acme-corp.okta.com', callbackUrl: `${OM}/callback`, publicKeys: [`${OM}/api/v1/system/config/jwks`, 'https://acme-corp.okta.com/oauth2/default/v1/keys'] } } },
  { rule: 'idp-jwks-public-key', name: 'Keycloak keys on localhost', config: customOidc({ authority: 'http://localhost:8080/realms/data', publicKeys: ['http://localhost:8585/api/v1/system/config/jwks', 'http://localhost:8080/realms/data/protocol/openid-connect/certs'] }) },
  { rule: 'jwks-public-key', name: 'no OpenMetadata JWKS', config: customOidc({ publicKeys: [`${KC}/protocol/openid-connect/certs`] }) },
  { rule: 'oidc-numeric-settings', name: 'not integers', config: keycloak({ maxClockSkew: 'thirty', tokenValidity: '0', sessionExpiry: '600' }) },
  { rule: 'oidc-prompt', name: 'none', config: keycloak({ promptType: 'none' }) },
  { rule: 'oidc-prompt', name: 'consent and max_age 0 by default', config: keycloak({ promptType: undefined, maxAge: undefined }) },
  { rule: 'oidc-prompt', name: 'Cognito, consent by default', config: confidential('aws-cognito', 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123', ['https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/jwks.json'], { discoveryUri: 'https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/openid-configuration', maxAge: '' }) },
  { rule: 'oidc-scope', name: 'no openid', config: keycloak({ scope: 'email,profile' }) },
  { rule: 'oidc-scope', name: 'Azure scope left at the default', config: azure({ scope: undefined }) },
  { rule: 'oidc-type-matches-provider', name: 'not set for Azure', config: azure({ oidcType: undefined }) },
  { rule: 'oidc-type-matches-provider', name: 'google for a custom provider', config: keycloak({ oidcType: 'google' }) },
  { rule: 'public-keys-urls', name: 'a placeholder and no scheme', config: customOidc({ publicKeys: ['{your domain}/api/v1/system/config/jwks', 'sso.acme-corp.io/realms/data/protocol/openid-connect/certs'] }) },
  { rule: 'public-url-consistency', name: 'callback public, JWKS on another host', config: customOidc({ publicKeys: ['https://catalog.acme-corp.io/api/v1/system/config/jwks', `${KC}/protocol/openid-connect/certs`] }) },
  { rule: 'public-url-consistency', name: 'code flow at the public host, JWKS on another', config: keycloak({}, { publicKeys: ['https://catalog.acme-corp.io/api/v1/system/config/jwks', `${KC}/protocol/openid-connect/certs`] }) },
];

/** A value of `undefined` in a case removes that setting. */
function pruned(config: Config): Config {
  return Object.fromEntries(Object.entries(config).filter(([, value]) => value !== undefined).map(([key, value]) => [key, isMap(value) ? pruned(value) : value]));
}

function findingsOf(testCase: Case, form: Form): Finding[] {
  const config = pruned(form === 'values' ? testCase.config : withServerClient(testCase.config));
  const text = render(form, config);
  const result = lintText(text, FILE_NAMES[form], { configFile: false });
  if (!result) throw new Error(`${testCase.rule} ${testCase.name}: ${form} not linted:\n${text}`);
  return result.messages.filter((finding) => finding.ruleId === testCase.rule);
}

describe.each(CASES.map((testCase) => [`${testCase.rule}: ${testCase.name}`, testCase] as const))('%s', (_name, testCase) => {
  describe.each(testCase.forms ?? FORMS)('in %s', (form) => {
    const findings = findingsOf(testCase, form);

    it('reports', () => {
      expect(findings.length).toBeGreaterThan(0);
    });

    it("names only this kind of file's keys and defaults", () => {
      const wrong = findings.flatMap(({ message }) => FORBIDDEN[form].filter((pattern) => pattern.test(message)).map((pattern) => ({ message, pattern: String(pattern) })));
      expect(wrong).toEqual([]);
    });

    it('says what it says', () => {
      expect(findings.map(({ line, column, severity, message }) => `${line}:${column} ${severity} ${message}`)).toMatchSnapshot();
    });
  });
});

it('covers every identity-provider and URL rule', () => {
  const rules = new Set(CASES.map((testCase) => testCase.rule));
  expect([...rules].sort()).toEqual([
    'authority-format', 'azure-tenant', 'callback-url', 'client-auth-method', 'client-id-format', 'client-type-oidc', 'custom-params',
    'discovery-uri', 'https-urls', 'idp-jwks-public-key', 'jwks-public-key', 'oidc-numeric-settings', 'oidc-prompt', 'oidc-scope',
    'oidc-type-matches-provider', 'public-keys-urls', 'public-url-consistency',
  ]);
});

/** The words of the key names come from src/layouts/names.ts: a path the renderers cannot write fails here, not silently. */
it('writes every setting of the cases as a variable', () => {
  const paths: Path[] = [];
  const walk = (value: unknown, path: string[]): void => {
    if (isMap(value)) for (const [key, child] of Object.entries(value)) walk(child, [...path, key]);
    else if (!(path.at(-2) === 'oidcConfiguration' && path.at(-1) === 'enabled')) paths.push(path);
  };
  for (const testCase of CASES) walk(pruned(withServerClient(testCase.config)), []);
  expect(paths.filter((path) => envNameForPath(path) === undefined)).toEqual([]);
});
