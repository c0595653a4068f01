/**
 * provider-block-ignored speaks the words of the file it reads: the chart's keys and what Helm
 * renders in values, the server's keys and what the server uses in openmetadata.yaml, variables in
 * an env file; and "filled in" is something a user did, never a stock `${SAML_…:-…}` default.
 */
import { lintText } from './support/lint';
import type { LintResult } from '../src/types';

const findings = (result: LintResult | undefined) => (result?.messages ?? []).filter((m) => m.ruleId === 'provider-block-ignored');

// A SAML block with the provider never set is saml-config's finding (OpenMetadata #19162), which
// supersedes this one: the LDAP block shows the words.
it('Helm values: the chart renders, the chart default, "; here it is" (no contradiction)', () => {
  const text = 'openmetadata:\n  config:\n    authentication:\n      ldapConfiguration:\n        host: ldap.acme.io\n';
  const [finding] = findings(lintText(text, 'values.yaml'));
  expect(`${finding.line}:${finding.column} ${finding.severity}`).toBe('4:7 info');
  expect(finding.message).toBe(
    'ldapConfiguration is filled in, but the chart renders it only when provider is "ldap"; here it is "basic" (the chart default), ' +
    'so none of it reaches the server. Set provider: ldap, or delete the block.',
  );
});

it('openmetadata.yaml: the server\'s key names and the server\'s default, nothing "rendered by the chart"', () => {
  const text = 'authenticationConfiguration:\n  ldapConfiguration:\n    host: ldap.acme.io\n';
  const [finding] = findings(lintText(text, 'openmetadata.yaml'));
  expect(`${finding.line}:${finding.column} ${finding.severity}`).toBe('2:3 info');
  expect(finding.message).toBe(
    'ldapConfiguration is filled in, but the server uses it only when provider is "ldap"; here it is "basic" (the server\'s default), ' +
    'so none of it takes effect. Set provider: ldap, or delete the block.',
  );
});

it('the stock openmetadata.yaml\'s ${SAML_…:-…} defaults are nobody\'s filling in; the --env-file\'s values are', () => {
  const text = 'authenticationConfiguration:\n  provider: ${AUTHENTICATION_PROVIDER:-basic}\n  samlConfiguration:\n' +
    '    idp:\n      entityId: ${SAML_IDP_ENTITY_ID:-"http://localhost:8585/api/v1/saml/metadata"}\n';
  expect(findings(lintText(text, 'openmetadata.yaml'))).toEqual([]);
  expect(lintText(text, 'openmetadata.yaml')?.messages.filter((m) => m.ruleId === 'saml-config')).toEqual([]);
  // Set from the env file, the SAML block is filled in while the provider never is: saml-config's error (#19162).
  const withEnv = lintText(text, 'openmetadata.yaml', { envFile: { filePath: 'prod.env', text: 'SAML_IDP_ENTITY_ID=https://idp.acme.io\n' } });
  expect(withEnv?.messages.filter((m) => m.ruleId === 'saml-config' || m.ruleId === 'provider-block-ignored').map((m) => `${m.ruleId}@${m.line}:${m.column} ${m.severity}`)[0])
    .toBe('saml-config@3:3 error');
});

it('an env file: the variables, on the first of them', () => {
  const text = 'AUTHENTICATION_PROVIDER=basic\nOIDC_CLIENT_ID=openmetadata\nOIDC_CLIENT_SECRET=abcdefghijklmnopqrstuvwxyz0123456789\n';
  const [finding] = findings(lintText(text, '.env'));
  expect(`${finding.line}:${finding.column} ${finding.severity}`).toBe('2:1 warn');
  expect(finding.message).toMatch(/^OIDC_CLIENT_ID, OIDC_CLIENT_SECRET set a client id and secret, but AUTHENTICATION_PROVIDER is "basic" and AUTHENTICATION_CLIENT_TYPE is "public" \(the server's default\)/);
  expect(finding.message).not.toMatch(/abcdefghij/);
});

it('an OIDC provider, or a confidential client, leaves the OIDC block to client-type-oidc', () => {
  const block = '      oidcConfiguration:\n        clientId:\n          secretRef: s\n          secretKey: id\n        clientSecret:\n          secretRef: s\n          secretKey: secret\n';
  for (const head of ['      provider: okta\n', '      clientType: confidential\n']) {
    expect(findings(lintText(`openmetadata:\n  config:\n    authentication:\n${head}${block}`, 'values.yaml'))).toEqual([]);
  }
});
