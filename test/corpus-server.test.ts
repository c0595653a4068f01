/**
 * Every server-side file of the docs corpus (test/corpus/docs/<version>/server/: openmetadata.yaml
 * blocks, SAML fragments, docker env files) is linted: nothing crashes, and each defect INDEX.md notes
 * for the file is found, by the rule and on the line given here. The table was checked by hand against
 * INDEX.md and the files; `notFindings` says, per note, why it is not a finding.
 */
import * as fs from 'fs';
import * as path from 'path';
import { lintText } from './support/lint';
import { CORPUS } from './support/corpus';


interface Row {
  /** `rule@line` of each defect INDEX.md notes. */
  found: string[];
  /** INDEX.md notes that are not findings, with the reason. */
  notFindings?: string[];
}

const UNPARSED = 'the file does not parse (yaml-syntax is fatal), so no other rule runs on it';

const TABLE: Record<string, Row> = {
  'v1.10.x-SNAPSHOT/server/amazon-cognito-sso-bare-metal-1.yaml': {
    found: ['public-keys-urls@6', 'public-keys-urls@7', 'no-placeholders@8', 'no-placeholders@9'],
    notFindings: ['region us-west-1 and no clientType: valid (public is the default)'],
  },
  'v1.10.x-SNAPSHOT/server/auth0-bare-metal-authcode.yaml': {
    found: ['public-keys-urls@15', 'public-keys-urls@16', 'no-placeholders@17', 'no-placeholders@18', 'no-placeholders@22', 'no-placeholders@24', 'no-placeholders@25'],
    notFindings: ['comment on its own continuation line: valid YAML'],
  },
  'v1.10.x-SNAPSHOT/server/auth0-bare-metal-implicit.yaml': {
    found: ['yaml-syntax@12'],
    notFindings: [`placeholders: ${UNPARSED}`],
  },
  'v1.10.x-SNAPSHOT/server/auth0-docker-authcode.env': {
    found: ['env-file-syntax@18', 'env-file-syntax@19', 'no-placeholders@18', 'discovery-uri@18', 'env-file-syntax@13', 'public-keys-urls@9', 'no-placeholders@10'],
    notFindings: ['no OIDC_SERVER_URL: the stock openmetadata.yaml default http://localhost:8585 applies (public-url-consistency territory)'],
  },
  'v1.10.x-SNAPSHOT/server/auth0-docker-implicit.env': {
    found: ['env-file-syntax@13', 'public-keys-urls@9', 'no-placeholders@10'],
  },
  'v1.10.x-SNAPSHOT/server/azure-bare-metal-authcode.yaml': {
    found: ['yaml-syntax@15'],
    notFindings: [`stray quote L26, discoveryUri placeholder, no tenant: ${UNPARSED}`],
  },
  'v1.10.x-SNAPSHOT/server/azure-bare-metal-implicit.yaml': {
    found: ['yaml-syntax@15'],
    notFindings: [`{OMD URL} placeholder: ${UNPARSED}`],
  },
  'v1.10.x-SNAPSHOT/server/azure-docker-authcode.env': {
    found: ['env-file-syntax@20', 'env-file-syntax@16', 'env-file-syntax@21', 'public-keys-urls@9', 'no-placeholders@17'],
    notFindings: [
      'OIDC_TENANT given a URL: the URL still holds {Tenant ID}, so it is no-placeholders\' finding (azure-tenant leaves placeholders to it)','no OIDC_SERVER_URL: the stock default applies (public-url-consistency territory)'],
  },
  'v1.10.x-SNAPSHOT/server/azure-docker-implicit.env': {
    found: ['env-file-syntax@13', 'no-placeholders@10', 'no-placeholders@11'],
  },
  'v1.10.x-SNAPSHOT/server/basic-auth-index-3.yaml': {
    found: ['no-placeholders@5', 'yaml-syntax@5'],
    notFindings: [
      '`enableSelfSignup :` (space before the colon): valid YAML, the key is enableSelfSignup',
      'authority default https://accounts.google.com with basic: unused by basic auth',
    ],
  },
  'v1.10.x-SNAPSHOT/server/basic-auth-index-4.yaml': {
    found: [],
    notFindings: [
      'authorizer via ${VAR:-default}: that is the server syntax, evaluated here',
      'allowedEmailRegistrationDomains ["all"] with basic: the self-signup advice is for SSO providers',
      'no className/containerRequestFilter: a fragment of the stock file, which has them',
    ],
  },
  'v1.10.x-SNAPSHOT/server/custom-oidc-bare-metal-1.yaml': {
    found: ['public-keys-urls@8', 'no-placeholders@10'],
    notFindings: [
      'providerName "KeyCloak": a display name, valid',
      'Keycloak over http://localhost:8080: localhost is exempt from https-urls',
      'no clientType/discoveryUri: public client, which needs no discoveryUri',
    ],
  },
  'v1.10.x-SNAPSHOT/server/google-bare-metal-1.yaml': {
    found: ['public-keys-urls@7', 'no-placeholders@9'],
  },
  'v1.10.x-SNAPSHOT/server/google-bare-metal-2.yaml': {
    found: [],
    notFindings: ['principalDomain open-metadata.org: an authorizer-only fragment, the provider (SSO or not) is unknown here'],
  },
  'v1.10.x-SNAPSHOT/server/keycloak-bare-metal-authcode.yaml': {
    found: ['yaml-syntax@25'],
    notFindings: [`stray quote L26, /realms/ vs /auth/realms/, type "keycloak": ${UNPARSED}`],
  },
  'v1.10.x-SNAPSHOT/server/keycloak-bare-metal-implicit.yaml': {
    found: ['public-keys-urls@15', 'public-keys-urls@16', 'no-placeholders@17', 'no-placeholders@18'],
    notFindings: ['legacy /auth/realms/ prefix: right for Keycloak before 17, cannot be judged offline'],
  },
  'v1.10.x-SNAPSHOT/server/keycloak-docker-authcode.env': {
    found: ['env-file-syntax@20', 'discovery-uri@20', 'yaml-syntax@12', 'no-placeholders@14'],
    notFindings: [
      'AUTHENTICATION_CALLBACK_URL https://{your domain}/callback vs OIDC_CALLBACK on localhost: the first still holds a placeholder (no-placeholders@14), which public-url-consistency does not compare','OIDC_TYPE="Keycloak": any value selects the generic client (only azure/google matter)'],
  },
  'v1.10.x-SNAPSHOT/server/keycloak-docker-implicit.env': {
    found: ['env-file-syntax@4', 'env-file-syntax@5', 'yaml-syntax@14'],
    notFindings: [
      'JWKS realm (8081 /auth/realms/data-sec) differs from authority (8080 /realms/): needs idp-jwks-public-key, which the braces around the authority already make moot',
      'client id testsso: a valid id',
    ],
  },
  'v1.10.x-SNAPSHOT/server/ldap-bare-metal-1.yaml': {
    found: ['no-placeholders@5', 'yaml-syntax@5', 'no-plaintext-secrets@12'],
    notFindings: [
      '`enableSelfSignup :`: valid YAML',
      'authority default with ldap: unused by LDAP',
      'empty ${...:-} truststore defaults: the TrustAll type ignores them',
    ],
  },
  'v1.10.x-SNAPSHOT/server/ldap-bare-metal-6.yaml': {
    found: [],
    notFindings: ['authorizer via ${VAR:-default} and no className: a fragment of the stock file'],
  },
  'v1.10.x-SNAPSHOT/server/okta-bare-metal-authcode.yaml': {
    found: ['no-placeholders@25', 'discovery-uri@25', 'no-placeholders@24', 'public-keys-urls@15', 'no-placeholders@17', 'callback-url@26'],
  },
  'v1.10.x-SNAPSHOT/server/okta-bare-metal-implicit.yaml': {
    found: ['public-keys-urls@15', 'public-keys-urls@16', 'no-placeholders@17', 'no-placeholders@18'],
  },
  'v1.10.x-SNAPSHOT/server/okta-docker-authcode.env': {
    found: ['env-file-syntax@18', 'env-file-syntax@19', 'no-placeholders@18', 'discovery-uri@18', 'no-placeholders@11', 'no-placeholders@15'],
    notFindings: ['no OIDC_SERVER_URL: the stock default applies (public-url-consistency territory)'],
  },
  'v1.10.x-SNAPSHOT/server/okta-docker-implicit.env': {
    found: ['env-file-syntax@13', 'public-keys-urls@9', 'no-placeholders@10'],
  },
  'v1.10.x-SNAPSHOT/server/saml-bare-metal-1.yaml': {
    found: ['no-placeholders@5'],
    notFindings: [
      'no samlConfiguration parent, indented 4 spaces: read as the body of samlConfiguration (src/layouts/server-config.ts)',
      'entityId/ssoLoginUrl look swapped: the example.com ssoLoginUrl is found; which of two URLs is an entity id cannot be told offline',
    ],
  },
  'v1.10.x-SNAPSHOT/server/saml-bare-metal-2.yaml': {
    found: [],
    notFindings: [
      'no parent key: read as the body of samlConfiguration',
      'http://localhost entity/acs/callback: the stock values; a fragment sets no provider, so the SAML rules (which need provider saml) do not run',
      'trailing whitespace-only line: valid YAML',
    ],
  },
  'v1.10.x-SNAPSHOT/server/saml-bare-metal-3.yaml': {
    found: ['no-unknown-keys@12'],
    notFindings: ['no parent key: read as the body of samlConfiguration', 'empty keystore defaults: unused while wantAssertionEncrypted is false'],
  },
  'v1.3.x/server/azure-bare-metal-1.yaml': {
    found: ['public-keys-urls@7', 'no-placeholders@8', 'no-placeholders@9', 'idp-jwks-public-key@6'],
    notFindings: ['uses /system/ unlike the v1.3 docker page: right here'],
  },
  'v1.3.x/server/azure-bare-metal-2.yaml': {
    found: [],
    notFindings: ['authorizer-only block, same text as google-bare-metal-2: provider unknown'],
  },
  'v1.3.x/server/azure-docker-1.env': {
    found: ['no-legacy-layout@10', 'public-keys-urls@10'],
    notFindings: ['fence tagged shell: still an env file', 'no clientType: public is the default'],
  },
};

const serverFiles = fs.readdirSync(CORPUS, { recursive: true, encoding: 'utf8' })
  .filter((file) => /(^|\/)server\//.test(file) && /\.(ya?ml|env)$/.test(file))
  .sort();

it('has a row for every server-side file of the corpus, and no other', () => {
  expect(serverFiles.length).toBe(30);
  expect(Object.keys(TABLE).sort()).toEqual(serverFiles);
});

describe.each(serverFiles)('%s', (file) => {
  const row = TABLE[file];
  const text = fs.readFileSync(path.join(CORPUS, file), 'utf8');
  const result = lintText(text, path.join(CORPUS, file));
  const actual = (result?.messages ?? []).map((m) => `${m.ruleId}@${m.line}`);

  it('is linted as OpenMetadata config without crashing, every finding in this file', () => {
    expect(result).toBeDefined();
    for (const message of result?.messages ?? []) expect(message.filePath).toBe(path.join(CORPUS, file));
  });

  for (const expected of row.found) {
    it(`finds ${expected}`, () => {
      expect(actual).toContain(expected);
    });
  }
});
