/**
 * Azure as OpenMetadata's AzureAuthValidator (1.10+) compares it: the tenant's JWKS URL and a
 * confidential client's discovery URI string for string (Java's String.equals), built on the tenant
 * as written (oidcConfiguration.tenant, or the last segment of a public client's authority), the two
 * discovery forms only. Sign-in works with a URL that differs in case or a trailing slash; every save
 * of Settings > SSO does not (OpenMetadata #28379).
 */
import { lintText } from './support/lint';
import type { Finding } from '../src';

const TENANT = '6f1c2b7e-3d4a-4e8b-9c0d-2a1b3c4d5e6f';
const BASE = 'https://login.microsoftonline.com';
const V2 = `${BASE}/${TENANT}/v2.0/.well-known/openid-configuration`;
const V1 = `${BASE}/${TENANT}/.well-known/openid-configuration`;
const JWKS = `${BASE}/${TENANT}/discovery/v2.0/keys`;

/** A confidential Azure client in openmetadata.yaml: discovery URI on line 13, JWKS entry on line 4, tenant on line 15. */
function confidential(over: { discovery?: string; jwks?: string; tenant?: string } = {}): string {
  return `authenticationConfiguration:
  provider: azure
  publicKeyUrls:
    - "${over.jwks ?? JWKS}"
    - "https://metadata.acme.io/api/v1/system/config/jwks"
  authority: "${BASE}/${TENANT}"
  clientId: "2f8e4c1a-9b7d-4e3f-a1c2-5d6e7f8a9b0c"
  callbackUrl: "https://metadata.acme.io/callback"
  clientType: confidential
  oidcConfiguration:
    id: "2f8e4c1a-9b7d-4e3f-a1c2-5d6e7f8a9b0c"
    secret: "\${AZURE_CLIENT_SECRET}"
    discoveryUri: "${over.discovery ?? V2}"
    scope: "openid email profile offline_access"
    tenant: "${over.tenant ?? TENANT}"
    serverUrl: "https://metadata.acme.io"
    callbackUrl: "https://metadata.acme.io/callback"
authorizerConfiguration:
  adminPrincipals: [jane.doe]
  principalDomain: acme.io
`;
}

/** A public Azure client in Helm values: authority on line 6, JWKS entry on line 8. */
function publicClient(authority: string, jwks: string): string {
  return `openmetadata:
  config:
    authentication:
      provider: azure
      clientId: "2f8e4c1a-9b7d-4e3f-a1c2-5d6e7f8a9b0c"
      authority: "${authority}"
      publicKeys:
        - "${jwks}"
        - "https://metadata.acme.io/api/v1/system/config/jwks"
      callbackUrl: "https://metadata.acme.io/callback"
`;
}

const AZURE_RULES = ['discovery-uri', 'idp-jwks-public-key', 'azure-tenant', 'authority-format'];
const azure = (findings: readonly Finding[] | undefined): string[] =>
  (findings ?? []).filter((f) => AZURE_RULES.includes(f.ruleId)).map((f) => `${f.ruleId}@${f.line}:${f.severity}`);

describe('a confidential client', () => {
  it.each([
    ['the v2.0 discovery form', { discovery: V2 }, []],
    ['the v1 discovery form', { discovery: V1 }, []],
    ['a trailing slash on the discovery URI', { discovery: `${V2}/` }, ['discovery-uri@13:warn']],
    ['the discovery URI\'s tenant in capitals', { discovery: V2.replace(TENANT, TENANT.toUpperCase()) }, ['discovery-uri@13:warn']],
    ['the discovery URI\'s host in capitals', { discovery: V2.replace('login.microsoftonline.com', 'Login.MicrosoftOnline.com') }, ['discovery-uri@13:warn']],
    ['a trailing slash on the JWKS URL', { jwks: `${JWKS}/` }, ['idp-jwks-public-key@4:warn']],
    ['the JWKS URL\'s tenant in capitals', { jwks: JWKS.replace(TENANT, TENANT.toUpperCase()) }, ['idp-jwks-public-key@4:warn']],
    ['the tenant written in capitals, the URLs in lower case', { tenant: TENANT.toUpperCase() }, ['idp-jwks-public-key@4:warn', 'discovery-uri@13:warn']],
  ] as const)('%s', (_what, over, expected) => {
    expect(azure(lintText(confidential(over), 'openmetadata.yaml')?.messages)).toEqual([...expected]);
  });

  it('names the two forms to write, the tenant key and the release', () => {
    const [finding] = (lintText(confidential({ discovery: `${V2}/` }), 'openmetadata.yaml')?.messages ?? []).filter((f) => f.ruleId === 'discovery-uri');
    expect(finding.message).toBe(
      `oidcConfiguration.discoveryUri "${`${V2}/`.slice(0, 77)}..." names your tenant, but OpenMetadata 1.13.1 (the newest omlint knows; --server-version ` +
        `names yours) checks it as AzureAuthValidator does, string for string against "${V2}" and "${V1}" (the tenant as ` +
        'oidcConfiguration.tenant writes it, case and a trailing slash count): sign-in works, yet every save of Settings > SSO fails ' +
        '("Invalid Azure discovery URI"). Write one of the two.',
    );
  });

  it('leaves a case or slash difference alone on a server without the validator (before 1.10)', () => {
    const text = confidential({ discovery: `${V2}/`, jwks: `${JWKS}/` });
    expect(azure(lintText(text, 'openmetadata.yaml', { serverVersion: '1.9.9' })?.messages)).toEqual([]);
  });

  it('reports another tenant altogether as the error it is, not as a case difference', () => {
    const other = '0a1b2c3d-4e5f-4a6b-8c7d-9e0f1a2b3c4d';
    expect(azure(lintText(confidential({ discovery: V2.replace(TENANT, other) }), 'openmetadata.yaml')?.messages)).toEqual([
      'azure-tenant@13:error',
      'discovery-uri@13:error',
    ]);
  });
});

describe('a public client (the tenant is the last segment of authority)', () => {
  it.each([
    ['the same tenant, exactly', `${BASE}/${TENANT}`, JWKS, []],
    ['a trailing slash on authority, which is no segment', `${BASE}/${TENANT}/`, JWKS, []],
    ['the authority\'s tenant in capitals', `${BASE}/${TENANT.toUpperCase()}`, JWKS, ['idp-jwks-public-key@8:warn']],
    ['a trailing slash on the JWKS URL', `${BASE}/${TENANT}`, `${JWKS}/`, ['idp-jwks-public-key@8:warn']],
  ] as const)('%s', (_what, authority, jwks, expected) => {
    expect(azure(lintText(publicClient(authority, jwks), 'values.yaml')?.messages)).toEqual([...expected]);
  });

  it('follows the chart\'s appVersion: no validator before chart 1.10.0', () => {
    const text = publicClient(`${BASE}/${TENANT.toUpperCase()}`, JWKS);
    expect(azure(lintText(text, 'values.yaml', { chartVersion: '1.9.7' })?.messages)).toEqual([]);
    expect(azure(lintText(text, 'values.yaml', { chartVersion: '1.10.0' })?.messages)).toEqual(['idp-jwks-public-key@8:warn']);
  });
});
