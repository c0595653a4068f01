/**
 * The server release a configuration runs on (ctx.server): Helm values deploy their chart's
 * appVersion (`--chart-version`), the server's files and exports name none (`--server-version`, else
 * the newest omlint knows). The rules that depend on it, across releases: sso-validator (the SSO
 * validator came with 1.10.0) and response-type (the login page serves id_token from 1.10.1 until
 * PR #31516, whose first release is not known).
 */
import { lintText } from './support/lint';
import { appVersionOf, serverVersionOf } from '../src/knowledge/versions';
import { CHART_VERSION, SERVER_VERSION } from '../src/knowledge/defaults';
import type { Finding } from '../src';

const VALUES = `openmetadata:
  config:
    authorizer:
      initialAdmins: [jane.doe]
      principalDomain: acme.io
    authentication:
      provider: aws-cognito
      responseType: code
      publicKeys:
        - https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/jwks.json
        - https://metadata.acme.io/api/v1/system/config/jwks
      authority: https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123
      clientId: 4k5j6h7g8f9d0s1a2p3o4i5u6y
      callbackUrl: https://metadata.acme.io/callback
`;

const SERVER = `authenticationConfiguration:
  provider: aws-cognito
  responseType: code
  providerName: ""
  publicKeyUrls:
    - https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123/.well-known/jwks.json
    - http://localhost:8585/api/v1/system/config/jwks
  authority: https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123
  clientId: 4k5j6h7g8f9d0s1a2p3o4i5u6y
  callbackUrl: http://localhost:8585/callback
  oidcConfiguration:
    id: ""
    secret: ""
authorizerConfiguration:
  adminPrincipals: [jane.doe]
  principalDomain: acme.io
`;

/** What the two rules say, as `rule:messageKind`: the kind is the one part of the message that varies with the release. */
function verdicts(findings: readonly Finding[]): string[] {
  return findings
    .filter((f) => f.ruleId === 'sso-validator' || f.ruleId === 'response-type')
    .map((f) => {
      if (f.ruleId === 'sso-validator') return /provider name/.test(f.message) ? 'sso-validator:providerName' : 'sso-validator:oidcStub';
      return /is in no release up to 1\.13\.1/.test(f.message) ? 'response-type:implicit' : 'response-type:implicit-fix-unknown';
    })
    .sort();
}

const BOTH = ['response-type:implicit', 'sso-validator:oidcStub', 'sso-validator:providerName'];

it('takes the newest server omlint knows from the newest chart', () => {
  expect(appVersionOf(CHART_VERSION)).toBe(SERVER_VERSION);
  expect(serverVersionOf(true)).toEqual({ version: SERVER_VERSION, from: 'chart', chartVersion: CHART_VERSION });
  expect(serverVersionOf(false)).toEqual({ version: SERVER_VERSION, from: 'default' });
  expect(serverVersionOf(true, '1.9.7', '1.12.4')).toEqual({ version: '1.9.7', from: 'chart', chartVersion: '1.9.7' });
  expect(serverVersionOf(true, undefined, '1.12.4')).toEqual({ version: '1.12.4', from: 'option' });
  expect(serverVersionOf(false, '1.9.7', '1.12.4')).toEqual({ version: '1.12.4', from: 'option' });
});

describe.each([
  ['1.9.7', []],
  ['1.10.0', ['sso-validator:oidcStub', 'sso-validator:providerName']],
  ['1.10.1', BOTH],
  ['1.11.2', BOTH],
  ['1.12.8', BOTH],
  ['1.13.1', BOTH],
] as const)('Helm values with --chart-version %s', (chartVersion, expected) => {
  it(`deploy OpenMetadata ${chartVersion} and get ${expected.length} findings of the two rules`, () => {
    const findings = lintText(VALUES, 'values.yaml', { chartVersion })?.messages ?? [];
    expect(verdicts(findings)).toEqual([...expected]);
    for (const f of findings.filter((m) => m.ruleId === 'sso-validator' || m.ruleId === 'response-type')) {
      expect(f.message).toContain(`OpenMetadata ${chartVersion} (what chart ${chartVersion} deploys)`);
    }
  });
});

describe.each([
  [undefined, BOTH],
  ['1.9.9', []],
  ['1.10.0', ['sso-validator:oidcStub', 'sso-validator:providerName']],
  ['1.10.1', BOTH],
  ['1.12.0', BOTH],
  ['1.13.1', BOTH],
  ['2.0.5', ['response-type:implicit-fix-unknown', 'sso-validator:oidcStub', 'sso-validator:providerName']],
] as const)('openmetadata.yaml with --server-version %s', (serverVersion, expected) => {
  it(`gets ${expected.length} findings of the two rules`, () => {
    const findings = lintText(SERVER, 'openmetadata.yaml', { serverVersion })?.messages ?? [];
    expect(verdicts(findings)).toEqual([...expected]);
    const words = serverVersion === undefined ? 'OpenMetadata 1.13.1 (the newest omlint knows; --server-version names yours)' : `OpenMetadata ${serverVersion}`;
    for (const f of findings.filter((m) => m.ruleId === 'sso-validator')) expect(f.message).toContain(words);
  });
});

it('applies --server-version to env files and exports, and not to Helm values of a named chart', () => {
  const env = 'AUTHENTICATION_PROVIDER=aws-cognito\nAUTHENTICATION_RESPONSE_TYPE=code\nAUTHENTICATION_AUTHORITY=https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEf123\n';
  expect(verdicts(lintText(env, 'prod.env', { serverVersion: '1.9.9' })?.messages ?? [])).toEqual([]);
  expect(verdicts(lintText(env, 'prod.env', { serverVersion: '1.10.1' })?.messages ?? [])).toEqual(BOTH);
  expect(verdicts(lintText(VALUES, 'values.yaml', { chartVersion: '1.13.1', serverVersion: '1.9.9' })?.messages ?? [])).toEqual(BOTH);
});
