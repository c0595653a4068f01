/**
 * Every message names a setting as the kind of file it is about writes it, and a default as the
 * chart's or the server's: Helm values (`fernetkey.value`, `authorizer.initialAdmins`), the server's
 * openmetadata.yaml (`fernetConfiguration.fernetKey`, `authorizerConfiguration.adminPrincipals`) and
 * docker env files (`FERNET_KEY`, `AUTHORIZER_ADMIN_PRINCIPALS`). For each rule of the settings group,
 * inputs in each layout it can fire in: its findings (rule id, line, column, severity) and texts are
 * recorded in test/__snapshots__/words-settings.test.ts.snap, and no text names another layout's keys.
 */
import { lintText } from './support/lint';
import { CHART_ENV_KEYS } from '../src/knowledge/env-names';

type Form = 'values' | 'server-config' | 'env-file';

const FILE: Record<Form, string> = { values: 'values.yaml', 'server-config': 'openmetadata.yaml', 'env-file': 'prod.env' };

/** Words only Helm values use: absent from the messages about openmetadata.yaml and env files. */
const CHART_ONLY = [
  /\bchart\b/i,
  /\bHelm\b/i,
  /\bsecretRef\b/,
  /\bsecretKey\b/,
  /\bextraEnvs\b/,
  /\bvalues file\b/,
  /\bfernetkey\b/,
  /\binitialAdmins\b/,
  /\bpublicKeys\b/,
  /\bsaml\.[a-z]/,
  /\boidcType\b/,
  /\bpromptType\b/,
  /\bclientSecret\b/,
  /\bopenmetadata\.config\b/,
  /\bauthorizer\./,
];

/** The server's names: absent from the messages about Helm values and env files. */
const SERVER_ONLY = [
  /\bauthenticationConfiguration\b/,
  /\bauthorizerConfiguration\b/,
  /\bfernetConfiguration\b/,
  /\bsamlConfiguration\b/,
  /\bpublicKeyUrls\b/,
  /\badminPrincipals\b/,
];

/**
 * An env file names its settings by variable only: no YAML key of a setting a variable carries
 * (`principalDomain`, `enableSelfSignup`, `keyId`, …: the camel-case ones, which no sentence uses
 * otherwise) and no dotted path.
 */
const YAML_KEYS = [
  ...new Set(
    Object.values(CHART_ENV_KEYS)
      .flat()
      .map((path) => String(path.at(-1)))
      .filter((key) => /[a-z][A-Z]/.test(key)),
  ),
].map((key) => new RegExp(`\\b${key}\\b`));
const ENV_ONLY_NAMES = [...YAML_KEYS, /\b(ldap|oidc|jwtToken|saml)Configuration\./];

function forbidden(form: Form): RegExp[] {
  if (form === 'values') return SERVER_ONLY;
  if (form === 'server-config') return CHART_ONLY;
  return [...CHART_ONLY, ...SERVER_ONLY, ...ENV_ONLY_NAMES];
}

interface Case {
  rule: string;
  form: Form;
  what: string;
  text: string;
}

const lines = (...text: string[]): string => `${text.join('\n')}\n`;

const CASES: Case[] = [
  // auth-disabled: the chart's gates exist only in Helm values.
  {
    rule: 'auth-disabled',
    form: 'values',
    what: 'both gates off',
    text: lines('openmetadata:', '  config:', '    authentication:', '      enabled: false', '    authorizer:', '      enabled: false'),
  },

  // default-signing-keys
  {
    rule: 'default-signing-keys',
    form: 'values',
    what: 'every default written',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: okta',
      '    jwtTokenConfiguration:',
      '      rsapublicKeyFilePath: "./conf/public_key.der"',
      '      rsaprivateKeyFilePath: "./conf/private_key.der"',
      '      keyId: "Gb389a-9f76-gdjs-a92j-0242bk94356"',
      '    fernetkey:',
      '      value: "jJ/9sz0g0OHxsfxOoSfdFdmk3ysNmPRnH3TUAbz3IHA="',
    ),
  },
  {
    rule: 'default-signing-keys',
    form: 'server-config',
    what: 'the stock defaults',
    text: lines(
      'authenticationConfiguration:',
      '  provider: ${AUTHENTICATION_PROVIDER:-basic}',
      'jwtTokenConfiguration:',
      '  rsapublicKeyFilePath: ${RSA_PUBLIC_KEY_FILE_PATH:-"./conf/public_key.der"}',
      '  rsaprivateKeyFilePath: ${RSA_PRIVATE_KEY_FILE_PATH:-"./conf/private_key.der"}',
      '  keyId: ${JWT_KEY_ID:-"Gb389a-9f76-gdjs-a92j-0242bk94356"}',
      'fernetConfiguration:',
      '  fernetKey: ${FERNET_KEY:-jJ/9sz0g0OHxsfxOoSfdFdmk3ysNmPRnH3TUAbz3IHA=}',
    ),
  },
  {
    rule: 'default-signing-keys',
    form: 'env-file',
    what: 'no key set',
    text: lines('AUTHENTICATION_PROVIDER=basic', 'AUTHORIZER_ADMIN_PRINCIPALS=[jane.doe]'),
  },
  {
    rule: 'default-signing-keys',
    form: 'env-file',
    what: 'only the demo kid',
    text: lines(
      'FERNET_KEY=ihlyMH3vFXcsUxNNzUXKjr6y_yXWGnE2zFe8T2JnROs=',
      'RSA_PUBLIC_KEY_FILE_PATH=/run/secrets/om_jwt_public.der',
      'RSA_PRIVATE_KEY_FILE_PATH=/run/secrets/om_jwt_private.der',
    ),
  },

  // enforce-principal-domain
  {
    rule: 'enforce-principal-domain',
    form: 'values',
    what: 'principal domain not allowed, user name first',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authorizer:',
      '      enforcePrincipalDomain: true',
      '      principalDomain: acme.io',
      '      allowedDomains: [acme-labs.com]',
      '    authentication:',
      '      provider: azure',
      '      jwtPrincipalClaims: [preferred_username, email, sub]',
    ),
  },
  {
    rule: 'enforce-principal-domain',
    form: 'server-config',
    what: 'nothing to enforce',
    text: lines('authorizerConfiguration:', '  enforcePrincipalDomain: true', '  principalDomain: ""', 'authenticationConfiguration:', '  provider: google'),
  },
  {
    rule: 'enforce-principal-domain',
    form: 'env-file',
    what: 'principal domain not allowed, user name first',
    text: lines(
      'AUTHENTICATION_PROVIDER=azure',
      'AUTHORIZER_ENFORCE_PRINCIPAL_DOMAIN=true',
      'AUTHORIZER_PRINCIPAL_DOMAIN=acme.io',
      'AUTHORIZER_ALLOWED_DOMAINS=[acme-labs.com]',
      'AUTHENTICATION_JWT_PRINCIPAL_CLAIMS=[preferred_username,email,sub]',
    ),
  },

  // env-override: extraEnvs exist only in Helm values.
  {
    rule: 'env-override',
    form: 'values',
    what: 'an override and a typo',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: google',
      'extraEnvs:',
      '  - name: AUTHENTICATION_PROVIDER',
      '    value: okta',
      '  - name: AUTHENTICATION_CALBACK_URL',
      '    value: https://metadata.acme.io/callback',
    ),
  },

  // initial-admins
  {
    rule: 'initial-admins',
    form: 'values',
    what: 'a password, a bot, an email',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authorizer:',
      '      initialAdmins: ["admin:Kx9-temp", "ingestion-bot", "jane@acme-labs.com"]',
      '      principalDomain: acme.io',
      '    authentication:',
      '      provider: basic',
    ),
  },
  {
    rule: 'initial-admins',
    form: 'server-config',
    what: 'a password, an empty entry, an email',
    text: lines('authorizerConfiguration:', '  adminPrincipals: ["admin:Kx9-temp", "", "jane@acme.io"]', '  principalDomain: acme.io', 'authenticationConfiguration:', '  provider: okta'),
  },
  {
    rule: 'initial-admins',
    form: 'env-file',
    what: 'a password, an email on another domain',
    text: lines('AUTHENTICATION_PROVIDER=basic', 'AUTHORIZER_ADMIN_PRINCIPALS=[admin1:password1,jane@acme-labs.com]', 'AUTHORIZER_PRINCIPAL_DOMAIN=acme.io'),
  },

  // jwt-principal-claims
  {
    rule: 'jwt-principal-claims',
    form: 'values',
    what: 'empty',
    text: lines('openmetadata:', '  config:', '    authentication:', '      provider: google', '      jwtPrincipalClaims: []'),
  },
  {
    rule: 'jwt-principal-claims',
    form: 'server-config',
    what: 'repeated, no email or sub',
    text: lines('authenticationConfiguration:', '  provider: azure', '  jwtPrincipalClaims: [upn, preferred_username, UPN]'),
  },
  {
    rule: 'jwt-principal-claims',
    form: 'env-file',
    what: 'repeated, no email or sub',
    text: lines('AUTHENTICATION_PROVIDER=azure', 'AUTHENTICATION_JWT_PRINCIPAL_CLAIMS=[upn,preferred_username,upn]'),
  },

  // jwt-principal-claims-mapping
  {
    rule: 'jwt-principal-claims-mapping',
    form: 'values',
    what: 'a repeated key, a wrong key',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: custom-oidc',
      '      jwtPrincipalClaimsMapping: ["username:sub", "username:upn", "Email:email"]',
    ),
  },
  {
    rule: 'jwt-principal-claims-mapping',
    form: 'server-config',
    what: 'no email',
    text: lines('authenticationConfiguration:', '  provider: custom-oidc', '  jwtPrincipalClaimsMapping: ["username:sub"]'),
  },
  {
    rule: 'jwt-principal-claims-mapping',
    form: 'env-file',
    what: 'a repeated key',
    text: lines('AUTHENTICATION_PROVIDER=custom-oidc', 'AUTHENTICATION_JWT_PRINCIPAL_CLAIMS_MAPPING=[username:sub,username:upn,email:email]'),
  },

  // jwt-principal-claims-order
  {
    rule: 'jwt-principal-claims-order',
    form: 'values',
    what: 'reordered against the default',
    text: lines('openmetadata:', '  config:', '    authentication:', '      provider: okta', '      jwtPrincipalClaims: [preferred_username, email, sub]'),
  },
  {
    rule: 'jwt-principal-claims-order',
    form: 'server-config',
    what: 'reordered against the default',
    text: lines('authenticationConfiguration:', '  provider: okta', '  jwtPrincipalClaims: [sub, email, preferred_username]'),
  },
  {
    rule: 'jwt-principal-claims-order',
    form: 'env-file',
    what: 'reordered against the default',
    text: lines('AUTHENTICATION_PROVIDER=okta', 'AUTHENTICATION_JWT_PRINCIPAL_CLAIMS=[preferred_username,email,sub]'),
  },

  // ldap-config
  {
    rule: 'ldap-config',
    form: 'values',
    what: 'a URL as host, no password reference, the example DN',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: ldap',
      '      ldapConfiguration:',
      '        host: "ldaps://dc01.acme.io:636"',
      '        port: 389',
      '        sslEnabled: true',
      '        dnAdminPrincipal: "cn=svc,dc=acme,dc=io"',
      '        mailAttributeName: mail',
      '        groupBaseDN: "ou=groups,dc=acme,dc=io"',
      '        truststoreConfigType: CustomTrustStore',
    ),
  },
  {
    rule: 'ldap-config',
    form: 'server-config',
    what: 'empty settings, a group base without attributes',
    text: lines(
      'authenticationConfiguration:',
      '  provider: ldap',
      '  ldapConfiguration:',
      '    host: "ldap.acme.io:389"',
      '    port: 636',
      '    sslEnabled: false',
      '    dnAdminPrincipal: ""',
      '    dnAdminPassword: ""',
      '    userBaseDN: "dc=acme,dc=io"',
      '    mailAttributeName: mail',
      '    groupBaseDN: "ou=groups,dc=acme,dc=io"',
      '    authRolesMapping: "not json"',
      '    truststoreConfigType: HostName',
    ),
  },
  {
    rule: 'ldap-config',
    form: 'env-file',
    what: 'a URL as host, no password, a custom truststore without its file',
    text: lines(
      'AUTHENTICATION_PROVIDER=ldap',
      'AUTHENTICATION_LDAP_HOST=ldaps://dc01.acme.io:636',
      'AUTHENTICATION_LDAP_PORT=70000',
      'AUTHENTICATION_USER_LOOKUP_BASEDN=dc=acme,dc=io',
      'AUTHENTICATION_LDAP_TRUSTSTORE_TYPE=CustomTrustStore',
      'AUTHENTICATION_GROUP_LOOKUP_BASEDN=ou=groups,dc=acme,dc=io',
      'AUTH_ROLES_MAPPING={"cn=stewards,ou=groups,dc=acme,dc=io":"DataSteward"}',
    ),
  },

  // no-dotted-keys: env files have no nested keys.
  {
    rule: 'no-dotted-keys',
    form: 'values',
    what: 'a dotted key inside its map',
    text: lines('openmetadata:', '  config:', '    authentication:', '      oidcConfiguration:', '        oidcConfiguration.enabled: true'),
  },
  {
    rule: 'no-dotted-keys',
    form: 'server-config',
    what: 'a dotted key',
    text: lines('authenticationConfiguration:', '  provider: basic', '  samlConfiguration:', '    samlConfiguration.debugMode: false', '  ldap.host: x'),
  },

  // no-duplicate-keys: an env file's repeated name is env-file-syntax's.
  {
    rule: 'no-duplicate-keys',
    form: 'values',
    what: 'a key twice',
    text: lines('openmetadata:', '  config:', '    authorizer:', '      principalDomain: acme.io', '      principalDomain: acme.io'),
  },
  {
    rule: 'no-duplicate-keys',
    form: 'server-config',
    what: 'a key twice',
    text: lines('authenticationConfiguration:', '  provider: basic', '  provider: basic'),
  },

  // no-env-substitution: openmetadata.yaml and env files expand ${VAR} themselves.
  {
    rule: 'no-env-substitution',
    form: 'values',
    what: 'server syntax in values',
    text: lines('openmetadata:', '  config:', '    authentication:', '      authority: ${AUTHENTICATION_AUTHORITY:-https://accounts.google.com}'),
  },

  // no-legacy-layout
  {
    rule: 'no-legacy-layout',
    form: 'values',
    what: 'botPrincipals, the old JWKS path',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authorizer:',
      '      botPrincipals: [ingestion-bot]',
      '    authentication:',
      '      publicKeys: ["http://openmetadata:8585/api/v1/config/jwks"]',
    ),
  },
  {
    rule: 'no-legacy-layout',
    form: 'server-config',
    what: 'botPrincipals, a pre-1.0 class',
    text: lines(
      'authorizerConfiguration:',
      '  className: "org.openmetadata.catalog.security.DefaultAuthorizer"',
      '  adminPrincipals: [jane.doe]',
      '  botPrincipals: [ingestion-bot]',
    ),
  },
  {
    rule: 'no-legacy-layout',
    form: 'env-file',
    what: 'a pre-1.0 class, the old JWKS path',
    text: lines(
      'AUTHORIZER_CLASS_NAME=org.openmetadata.catalog.security.DefaultAuthorizer',
      'AUTHENTICATION_PUBLIC_KEYS=[http://localhost:8585/api/v1/config/jwks]',
    ),
  },

  // no-placeholders
  {
    rule: 'no-placeholders',
    form: 'values',
    what: 'docs templates',
    text: lines('openmetadata:', '  config:', '    authentication:', '      authority: "https://login.microsoftonline.com/{Tenant ID}"'),
  },
  {
    rule: 'no-placeholders',
    form: 'server-config',
    what: 'docs templates',
    text: lines('authenticationConfiguration:', '  provider: okta', '  authority: "https://<your-okta-domain>/oauth2/default"'),
  },
  {
    rule: 'no-placeholders',
    form: 'env-file',
    what: 'docs templates',
    text: lines('AUTHENTICATION_PROVIDER=okta', 'AUTHENTICATION_AUTHORITY=https://YOUR_OKTA_DOMAIN/oauth2/default'),
  },

  // no-plaintext-secrets
  {
    rule: 'no-plaintext-secrets',
    form: 'values',
    what: 'a client secret, a Fernet key, an extraEnvs password',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: okta',
      '      clientType: confidential',
      '      oidcConfiguration:',
      '        clientSecret: "nV5qW8eR1tY4uI7oP0aS3dF6gH9jK2lZ"',
      '    fernetkey:',
      '      value: "ihr2vWN6a8PTk1eY0MCvX5qB3sLdF9gHzJ7uQ4oR2tE="',
      'extraEnvs:',
      '  - name: AUTHENTICATION_LOOKUP_ADMIN_PWD',
      '    value: "Bind-Pa55w0rd!"',
    ),
  },
  {
    rule: 'no-plaintext-secrets',
    form: 'server-config',
    what: 'a client secret, a Fernet key',
    text: lines(
      'authenticationConfiguration:',
      '  provider: okta',
      '  oidcConfiguration:',
      '    secret: "nV5qW8eR1tY4uI7oP0aS3dF6gH9jK2lZ"',
      'fernetConfiguration:',
      '  fernetKey: ${FERNET_KEY:-ihr2vWN6a8PTk1eY0MCvX5qB3sLdF9gHzJ7uQ4oR2tE=}',
    ),
  },
  {
    rule: 'no-plaintext-secrets',
    form: 'env-file',
    what: 'a client secret, a Fernet key',
    text: lines('AUTHENTICATION_PROVIDER=okta', 'OIDC_CLIENT_SECRET=nV5qW8eR1tY4uI7oP0aS3dF6gH9jK2lZ', 'FERNET_KEY=ihr2vWN6a8PTk1eY0MCvX5qB3sLdF9gHzJ7uQ4oR2tE='),
  },

  // no-unknown-keys (the env-name part is the readers'; env files have no keys otherwise)
  {
    rule: 'no-unknown-keys',
    form: 'values',
    what: 'a typo, a server name',
    text: lines('openmetadata:', '  config:', '    authentication:', '      publicKey: ["https://x.acme.io/jwks"]', '      callbackURL: "https://metadata.acme.io/callback"'),
  },
  {
    rule: 'no-unknown-keys',
    form: 'server-config',
    what: 'a typo, an unknown key',
    text: lines('authenticationConfiguration:', '  provider: basic', '  publicKey: "http://localhost:8585/api/v1/system/config/jwks"', '  samlConfiguration:', '    security:', '      wantNameIdEncrypted: false'),
  },

  // principal-domain
  {
    rule: 'principal-domain',
    form: 'values',
    what: 'several domains in one string',
    text: lines('openmetadata:', '  config:', '    authorizer:', '      principalDomain: "acme.io, acme-labs.com"', '    authentication:', '      provider: azure'),
  },
  {
    rule: 'principal-domain',
    form: 'values',
    what: 'the placeholder left to the default',
    text: lines('openmetadata:', '  config:', '    authorizer:', '      initialAdmins: [jane.doe]', '    authentication:', '      provider: google'),
  },
  {
    rule: 'principal-domain',
    form: 'server-config',
    what: 'the placeholder written',
    text: lines('authorizerConfiguration:', '  principalDomain: "open-metadata.org"', 'authenticationConfiguration:', '  provider: okta'),
  },
  {
    rule: 'principal-domain',
    form: 'server-config',
    what: 'several domains in one string',
    text: lines('authorizerConfiguration:', '  principalDomain: "acme.io; acme-labs.com"', 'authenticationConfiguration:', '  provider: okta'),
  },
  {
    rule: 'principal-domain',
    form: 'env-file',
    what: 'the placeholder left to the default',
    text: lines('AUTHENTICATION_PROVIDER=custom-oidc', 'AUTHORIZER_ADMIN_PRINCIPALS=[jane.doe]'),
  },
  {
    rule: 'principal-domain',
    form: 'env-file',
    what: 'an email',
    text: lines('AUTHENTICATION_PROVIDER=okta', 'AUTHORIZER_PRINCIPAL_DOMAIN=admin@acme.io'),
  },

  // saml-config
  {
    rule: 'saml-config',
    form: 'values',
    what: 'provider never set, a certificate path',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      saml:',
      '        idp:',
      '          entityId: "https://sts.windows.net/6f1c2b7e-3d4a-4e8b-9c0d-2a1b3c4d5e6f/"',
      '          ssoLoginUrl: "login.microsoftonline.com/saml2"',
      '        sp:',
      '          spX509Certificate: "/etc/openmetadata/saml/sp.crt"',
      '          acs: "https://metadata.acme.io/saml/acs"',
      '        security:',
      '          sendSignedAuthRequest: true',
      '          wantAssertionEncrypted: true',
    ),
  },
  {
    rule: 'saml-config',
    form: 'server-config',
    what: 'provider saml, no IdP certificate, signing without keys',
    text: lines(
      'authenticationConfiguration:',
      '  provider: saml',
      '  samlConfiguration:',
      '    idp:',
      '      entityId: "https://sts.windows.net/6f1c2b7e-3d4a-4e8b-9c0d-2a1b3c4d5e6f/"',
      '      ssoLoginUrl: "https://login.microsoftonline.com/saml2"',
      '    security:',
      '      signSpMetadata: true',
      '      wantAssertionEncrypted: true',
    ),
  },
  {
    rule: 'saml-config',
    form: 'env-file',
    what: 'provider never set, the certificate as a path (OpenMetadata #19162)',
    // SAML_* names alone are other applications' too: the file shows OpenMetadata's own admins variable.
    text: lines(
      'AUTHORIZER_ADMIN_PRINCIPALS=[admin]',
      'SAML_IDP_ENTITY_ID=https://sts.windows.net/6f1c2b7e-3d4a-4e8b-9c0d-2a1b3c4d5e6f/',
      'SAML_IDP_SSO_LOGIN_URL=https://login.microsoftonline.com/saml2',
      'SAML_IDP_CERTIFICATE=/path/to/the/certificate',
      'SAML_SP_ACS=https://metadata.acme.io/saml/acs',
    ),
  },

  // self-signup
  {
    rule: 'self-signup',
    form: 'values',
    what: 'LDAP without self sign-up',
    text: lines('openmetadata:', '  config:', '    authentication:', '      provider: ldap', '      enableSelfSignup: false'),
  },
  {
    rule: 'self-signup',
    form: 'server-config',
    what: 'SSO open to every account',
    text: lines('authorizerConfiguration:', '  allowedEmailRegistrationDomains: ["all", "acme.io"]', 'authenticationConfiguration:', '  provider: google', '  enableSelfSignup: true'),
  },
  {
    rule: 'self-signup',
    form: 'env-file',
    what: 'LDAP without self sign-up (OpenMetadata #18430)',
    text: lines('AUTHENTICATION_PROVIDER=ldap', 'AUTHENTICATION_ENABLE_SELF_SIGNUP=false'),
  },
  {
    rule: 'self-signup',
    form: 'env-file',
    what: 'SSO open to every account',
    text: lines('AUTHENTICATION_PROVIDER=google', 'AUTHENTICATION_ENABLE_SELF_SIGNUP=true'),
  },

  // valid-schema
  {
    rule: 'valid-schema',
    form: 'values',
    what: 'a quoted boolean, a string list, a null',
    text: lines(
      'openmetadata:',
      '  config:',
      '    authentication:',
      '      provider: Google',
      '      enableSelfSignup: "true"',
      '      publicKeys: "https://www.googleapis.com/oauth2/v3/certs"',
      '      jwtPrincipalClaims:',
    ),
  },
  {
    rule: 'valid-schema',
    form: 'server-config',
    what: 'an enum, a string list, a null',
    text: lines('authenticationConfiguration:', '  provider: Google', '  publicKeyUrls: "https://www.googleapis.com/oauth2/v3/certs"', '  jwtPrincipalClaims:'),
  },
  {
    rule: 'valid-schema',
    form: 'env-file',
    what: 'an enum, a string list, an empty list',
    text: lines('AUTHENTICATION_PROVIDER=Google', 'AUTHENTICATION_PUBLIC_KEYS=https://www.googleapis.com/oauth2/v3/certs', 'AUTHENTICATION_JWT_PRINCIPAL_CLAIMS='),
  },
];

/** The rules whose words this file checks, and the layouts each can fire in. */
const RULE_FORMS: Record<string, Form[]> = {
  'auth-disabled': ['values'],
  'default-signing-keys': ['values', 'server-config', 'env-file'],
  'enforce-principal-domain': ['values', 'server-config', 'env-file'],
  'env-override': ['values'],
  'initial-admins': ['values', 'server-config', 'env-file'],
  'jwt-principal-claims': ['values', 'server-config', 'env-file'],
  'jwt-principal-claims-mapping': ['values', 'server-config', 'env-file'],
  'jwt-principal-claims-order': ['values', 'server-config', 'env-file'],
  'ldap-config': ['values', 'server-config', 'env-file'],
  'no-dotted-keys': ['values', 'server-config'],
  'no-duplicate-keys': ['values', 'server-config'],
  'no-env-substitution': ['values'],
  'no-legacy-layout': ['values', 'server-config', 'env-file'],
  'no-placeholders': ['values', 'server-config', 'env-file'],
  'no-plaintext-secrets': ['values', 'server-config', 'env-file'],
  'no-unknown-keys': ['values', 'server-config'],
  'principal-domain': ['values', 'server-config', 'env-file'],
  'saml-config': ['values', 'server-config', 'env-file'],
  'self-signup': ['values', 'server-config', 'env-file'],
  'valid-schema': ['values', 'server-config', 'env-file'],
};

function findings({ rule, form, text }: Case): { line: number; column: number; severity: string; message: string }[] {
  const result = lintText(text, FILE[form]);
  return (result?.messages ?? [])
    .filter((finding) => finding.ruleId === rule)
    .map(({ line, column, severity, message }) => ({ line, column, severity, message }));
}

it('has inputs for every layout each rule can fire in', () => {
  const covered = new Set(CASES.map((c) => `${c.rule} ${c.form}`));
  const missing = Object.entries(RULE_FORMS).flatMap(([rule, forms]) => forms.filter((form) => !covered.has(`${rule} ${form}`)).map((form) => `${rule} ${form}`));
  expect(missing).toEqual([]);
});

describe.each(CASES.map((c) => [`${c.rule} in ${FILE[c.form]}: ${c.what}`, c] as const))('%s', (_name, c) => {
  const found = findings(c);

  it('is read as that kind of file and gives the rule findings', () => {
    expect(found.length).toBeGreaterThan(0);
  });

  it("names only that layout's keys and defaults", () => {
    const wrong = found.flatMap(({ message }) => forbidden(c.form).filter((word) => word.test(message)).map((word) => `${word}: ${message}`));
    expect(wrong).toEqual([]);
  });

  it('says what it says (rule id, line, column, severity, text)', () => {
    expect(found.map(({ line, column, severity, message }) => `${line}:${column} ${severity} ${c.rule} ${message}`)).toMatchSnapshot();
  });
});

it('never calls one quoted string of principalDomain "a list"', () => {
  const texts = CASES.filter((c) => c.rule === 'principal-domain').flatMap((c) => findings(c).map((f) => f.message));
  expect(texts.some((text) => /one string naming 2 domains/.test(text))).toBe(true);
  expect(texts.filter((text) => /\bis a list\b/.test(text))).toEqual([]);
});
