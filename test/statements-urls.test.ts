/**
 * What the identity-provider and URL rules say must be true, and what they suggest must not be
 * reported by another rule in the same file. Each case names the finding by rule id, line and
 * column, and checks the words that were once wrong.
 */
import { lintText } from './support/lint';
import type { Finding } from '../src/types';

function lint(lines: readonly string[], filePath = 'values.yaml'): Finding[] {
  return lintText(`${lines.join('\n')}\n`, filePath, { configFile: false })?.messages ?? [];
}

function only(findings: readonly Finding[], ruleId: string): Finding[] {
  return findings.filter((finding) => finding.ruleId === ruleId);
}

/** A values file of a confidential Okta client, with `oidc` lines inside oidcConfiguration. */
function confidentialOkta(top: readonly string[], oidc: readonly string[]): string[] {
  return [
    'openmetadata:', //                                                       1
    '  config:', //                                                           2
    '    authentication:', //                                                 3
    '      provider: okta', //                                                4
    '      clientType: confidential', //                                      5
    '      clientId: 0oa8f5j3ecb5xuNsg5d7', //                                6
    '      authority: https://acme-corp.okta.com/oauth2/default', //          7
    '      publicKeys:', //                                                   8
    '        - http://openmetadata:8585/api/v1/system/config/jwks', //        9
    '        - https://acme-corp.okta.com/oauth2/default/v1/keys', //         10
    ...top, //                                                                11…
    '      oidcConfiguration:',
    '        enabled: true',
    ...oidc,
  ];
}

describe('callback-url', () => {
  it('says that newer servers trust callbackUrl as well as redirects built from serverUrl', () => {
    const findings = only(
      lint(confidentialOkta(['      callbackUrl: https://metadata.acme-corp.io/callback'], [
        '        discoveryUri: https://acme-corp.okta.com/oauth2/default/.well-known/openid-configuration', // 14
        '        callbackUrl: https://metadata.acme-corp.io/callback', //                                   15
        '        serverUrl: http://openmetadata:8585', //                                                    16
      ])),
      'callback-url',
    );
    expect(findings).toMatchObject([{ line: 16, column: 20 }]);
    expect(findings[0].message).toContain('trust a login\'s redirect only to callbackUrl or to oidcConfiguration.serverUrl + "/auth/callback"');
    expect(findings[0].message).not.toContain('only trust redirects built from serverUrl');
  });

  it('never quotes its own mask of a placeholder ({placeholder.invalid}) as the user\'s text', () => {
    const findings = lint(confidentialOkta(['      callbackUrl: "https://{{ .Values.host }}/callback"'], [
      '        discoveryUri: https://acme-corp.okta.com/oauth2/default/.well-known/openid-configuration', // 14
      '        callbackUrl: "https://{{host}}/callbac"', //                                                 15
      '        serverUrl: "https://{{host}}"', //                                                            16
    ]));
    for (const finding of findings) expect(finding.message).not.toContain('placeholder.invalid');
    // The path is still judged: "/callbac" is not the callback route.
    expect(only(findings, 'callback-url')).toMatchObject([{ line: 15, column: 22 }]);
    expect(only(findings, 'callback-url')[0].message).toContain('Write "https://{{host}}/callback"');
  });
});

describe('discovery-uri', () => {
  it('suggests the discovery document of the issuer, not of the endpoint pasted as authority', () => {
    const findings = lint([
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: custom-oidc',
      '      clientType: confidential',
      '      authority: https://sso.acme-corp.io/realms/data/protocol/openid-connect/auth', // 6
      '      oidcConfiguration:', //                                                         7
      '        enabled: true',
      '        callbackUrl: https://metadata.acme-corp.io/callback',
      '        serverUrl: https://metadata.acme-corp.io',
    ]);
    expect(only(findings, 'authority-format')).toMatchObject([{ line: 6, column: 18 }]);
    const [discovery] = only(findings, 'discovery-uri');
    expect(discovery).toMatchObject({ line: 7, column: 7, severity: 'error' });
    expect(discovery.message).toContain('"https://sso.acme-corp.io/realms/data/.well-known/openid-configuration"');
    expect(discovery.message).not.toContain('openid-connect/auth/.well-known');
  });

  it('warns, not errs, when the server and the browser reach one provider under two local names', () => {
    const findings = only(lint([
      'AUTHENTICATION_PROVIDER=custom-oidc', //                                             1
      'AUTHENTICATION_CLIENT_TYPE=confidential', //                                         2
      'AUTHENTICATION_AUTHORITY=http://localhost:9090', //                                  3
      'AUTHENTICATION_CLIENT_ID=openmetadata-test', //                                      4
      'AUTHENTICATION_CALLBACK_URL=http://localhost:8585/callback', //                      5
      'OIDC_CLIENT_ID=openmetadata-test', //                                                6
      'OIDC_CLIENT_SECRET=openmetadata-test-secret', //                                     7
      'OIDC_DISCOVERY_URI=http://mock-oidc-provider:9090/.well-known/openid-configuration', // 8
      'OIDC_CALLBACK=http://localhost:8585/callback', //                                    9
      'OIDC_SERVER_URL=http://localhost:8585', //                                           10
    ], '.env'), 'discovery-uri');
    expect(findings).toMatchObject([{ line: 8, column: 20, severity: 'warn' }]);
    expect(findings[0].message).toContain('mock-oidc-provider:9090');
    expect(findings[0].message).toContain('AUTHENTICATION_AUTHORITY (line 3) names it localhost:9090');
  });
});

describe('client-id-format', () => {
  const values = (clientType: string): string[] => [
    'openmetadata:',
    '  config:',
    '    authentication:',
    '      provider: okta',
    `      clientType: ${clientType}`,
    '      clientId: ""', // 6
    '      oidcConfiguration:',
    '        enabled: true',
  ];

  it('says the server, not the browser, starts a confidential client\'s sign-in', () => {
    const [finding] = only(lint(values('confidential')), 'client-id-format');
    expect(finding).toMatchObject({ line: 6, column: 17 });
    expect(finding.message).toContain('the server starts the sign-in with oidcConfiguration.clientId');
    expect(finding.message).not.toContain('browser');
  });

  it('says the browser cannot start a public client\'s sign-in', () => {
    const [finding] = only(lint(values('public')), 'client-id-format');
    expect(finding).toMatchObject({ line: 6, column: 17 });
    expect(finding.message).toContain('the browser cannot start the sign-in');
  });
});

describe('https-urls', () => {
  const findings = only(lint([
    'openmetadata:',
    '  config:',
    '    authentication:',
    '      provider: custom-oidc',
    '      authority: http://sso.acme-corp.io/realms/data/protocol/openid-connect/auth', // 5
    '      publicKeys:',
    '        - http://metadata.acme-corp.io:8585/api/v1/config/jwks', //                  7
    '        - https://sso.acme-corp.io/realms/data/protocol/openid-connect/certs',
    '      callbackUrl: http://metadata.acme-corp.io:8585/callback', //                  9
  ]), 'https-urls');

  it('suggests the https form of the issuer, not of the endpoint pasted as authority', () => {
    const authority = findings.find((finding) => finding.line === 5);
    expect(authority).toMatchObject({ column: 18 });
    expect(authority?.message).toContain('use "https://sso.acme-corp.io/realms/data"');
  });

  it("suggests OpenMetadata's JWKS over https without the plain-http port and on the current path", () => {
    const jwks = findings.find((finding) => finding.line === 7);
    expect(jwks).toMatchObject({ column: 11 });
    expect(jwks?.message).toContain('Use "https://metadata.acme-corp.io/api/v1/system/config/jwks"');
    expect(jwks?.message).not.toContain(':8585/api/v1/config/jwks');
    expect(jwks?.message).toContain('the in-cluster URL http://openmetadata:8585/api/v1/system/config/jwks');
  });

  it("suggests OpenMetadata's public address over https without the plain-http port", () => {
    const callback = findings.find((finding) => finding.line === 9);
    expect(callback).toMatchObject({ column: 20 });
    expect(callback?.message).toContain('Use "https://metadata.acme-corp.io/callback"');
  });
});

describe('public-keys-urls', () => {
  it('gives one finding, not two, for a docs placeholder in an entry', () => {
    const findings = lint([
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: basic',
      '      publicKeys:',
      '        - "{your domain}/api/v1/system/config/jwks"', // 6
    ]);
    const atEntry = findings.filter((finding) => finding.line === 6);
    expect(atEntry.map(({ ruleId, line, column }) => ({ ruleId, line, column }))).toEqual([{ ruleId: 'public-keys-urls', line: 6, column: 11 }]);
  });

  it('leaves the placeholder to no-placeholders when it is switched off', () => {
    const findings = lintText(
      ['openmetadata:', '  config:', '    authentication:', '      publicKeys:', '        - "{your domain}/api/v1/system/config/jwks"', ''].join('\n'),
      'values.yaml',
      { configFile: false, rules: { 'public-keys-urls': 'off' } },
    )?.messages ?? [];
    expect(findings.filter((finding) => finding.line === 5).map(({ ruleId, column }) => ({ ruleId, column }))).toEqual([{ ruleId: 'no-placeholders', column: 11 }]);
  });
});

describe('custom-params', () => {
  const SERVER = [
    'authenticationConfiguration:', //                                                      1
    '  provider: custom-oidc', //                                                           2
    '  clientType: confidential', //                                                        3
    '  authority: https://sso.acme-corp.io/realms/data', //                                 4
    '  callbackUrl: https://metadata.acme-corp.io/callback', //                             5
    '  oidcConfiguration:', //                                                              6
    '    id: openmetadata', //                                                              7
    '    secret: ${OIDC_CLIENT_SECRET:-}', //                                               8
    '    discoveryUri: https://sso.acme-corp.io/realms/data/.well-known/openid-configuration', // 9
    '    callbackUrl: https://metadata.acme-corp.io/callback', //                           10
    '    serverUrl: https://metadata.acme-corp.io', //                                      11
    '    customParams: ${OIDC_CUSTOM_PARAMS:-}', //                                         12
  ];

  it("reports a null customParams only in Helm values, where the chart pipes it into b64enc; the server reads it as none", () => {
    expect(only(lint(SERVER, 'openmetadata.yaml'), 'custom-params')).toEqual([]);
    const values = only(lint([
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: custom-oidc',
      '      clientType: confidential',
      '      oidcConfiguration:',
      '        enabled: true',
      '        customParams: null', // 8
    ]), 'custom-params');
    expect(values).toMatchObject([{ line: 8, column: 9, severity: 'error' }]);
    expect(values[0].message).toContain('b64enc');
  });
});

describe('an empty variable on the server layout', () => {
  it('is an empty setting, not a null left to valid-schema', () => {
    const findings = lint([
      'AUTHENTICATION_PROVIDER=azure', //                                                              1
      'AUTHENTICATION_CLIENT_TYPE=confidential', //                                                     2
      'AUTHENTICATION_CLIENT_ID=c2b7e0d4-58a1-4f39-9e62-7d1a0c8b3f25', //                               3
      'AUTHENTICATION_AUTHORITY=https://login.microsoftonline.com/3f6c2a1e-8b4d-4c7a-9e21-5d0b7f9a6c13', // 4
      'AUTHENTICATION_CALLBACK_URL=', //                                                                5
      'OIDC_CLIENT_ID=c2b7e0d4-58a1-4f39-9e62-7d1a0c8b3f25', //                                         6
      'OIDC_TENANT=', //                                                                                7
      'OIDC_DISCOVERY_URI=', //                                                                         8
      'OIDC_CALLBACK=https://metadata.acme-corp.io/callback', //                                         9
      'OIDC_SERVER_URL=https://metadata.acme-corp.io', //                                               10
    ], '.env');
    expect(only(findings, 'callback-url')).toMatchObject([{ line: 5, column: 29, message: expect.stringContaining('AUTHENTICATION_CALLBACK_URL is empty') }]);
    expect(only(findings, 'azure-tenant')).toMatchObject([{ line: 7, column: 13, message: expect.stringContaining('OIDC_TENANT is empty') }]);
    expect(only(findings, 'discovery-uri')).toMatchObject([{ line: 8, column: 20, message: expect.stringContaining('OIDC_DISCOVERY_URI is empty') }]);
  });
});
