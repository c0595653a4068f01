/**
 * The environment variables the chart renders from auth values, and the values key each one comes
 * from (openmetadata-helm-charts `templates/secrets.yaml` and `_helpers.tpl` @ 1.13.1). The server
 * reads the same names from conf/openmetadata.yaml, so a variable set again in `extraEnvs` replaces
 * what the values key says (container `env` beats `envFrom`: chart `templates/deployment.yaml`).
 */
import type { Path } from '../types';
import { SERVER_ONLY_AUTH_ENV } from './names';

const AUTHORIZER = ['authorizer'];
const AUTH = ['authentication'];
const OIDC = ['authentication', 'oidcConfiguration'];
const LDAP = ['authentication', 'ldapConfiguration'];
const TRUST = [...LDAP, 'trustStoreConfig'];
const SAML = ['authentication', 'saml'];
const JWT = ['jwtTokenConfiguration'];

/** Env name → the config-relative values paths it carries (two for the LDAP flags the chart reuses). */
export const CHART_ENV_KEYS: Readonly<Record<string, readonly Path[]>> = {
  AUTHORIZER_CLASS_NAME: [[...AUTHORIZER, 'className']],
  AUTHORIZER_REQUEST_FILTER: [[...AUTHORIZER, 'containerRequestFilter']],
  AUTHORIZER_ADMIN_PRINCIPALS: [[...AUTHORIZER, 'initialAdmins']],
  AUTHORIZER_ALLOWED_REGISTRATION_DOMAIN: [[...AUTHORIZER, 'allowedEmailRegistrationDomains']],
  AUTHORIZER_PRINCIPAL_DOMAIN: [[...AUTHORIZER, 'principalDomain']],
  AUTHORIZER_ALLOWED_DOMAINS: [[...AUTHORIZER, 'allowedDomains']],
  AUTHORIZER_ENFORCE_PRINCIPAL_DOMAIN: [[...AUTHORIZER, 'enforcePrincipalDomain']],
  AUTHORIZER_ENABLE_SECURE_SOCKET: [[...AUTHORIZER, 'enableSecureSocketConnection']],
  AUTHORIZER_USE_ROLES_FROM_PROVIDER: [[...AUTHORIZER, 'useRolesFromProvider']],

  AUTHENTICATION_CLIENT_TYPE: [[...AUTH, 'clientType']],
  AUTHENTICATION_PROVIDER: [[...AUTH, 'provider']],
  AUTHENTICATION_PUBLIC_KEYS: [[...AUTH, 'publicKeys']],
  AUTHENTICATION_AUTHORITY: [[...AUTH, 'authority']],
  AUTHENTICATION_CLIENT_ID: [[...AUTH, 'clientId']],
  AUTHENTICATION_CALLBACK_URL: [[...AUTH, 'callbackUrl']],
  AUTHENTICATION_RESPONSE_TYPE: [[...AUTH, 'responseType']],
  AUTHENTICATION_JWT_PRINCIPAL_CLAIMS: [[...AUTH, 'jwtPrincipalClaims']],
  AUTHENTICATION_JWT_PRINCIPAL_CLAIMS_MAPPING: [[...AUTH, 'jwtPrincipalClaimsMapping']],
  AUTHENTICATION_ENABLE_SELF_SIGNUP: [[...AUTH, 'enableSelfSignup']],

  OIDC_TYPE: [[...OIDC, 'oidcType']],
  OIDC_CLIENT_ID: [[...OIDC, 'clientId']],
  OIDC_CLIENT_SECRET: [[...OIDC, 'clientSecret']],
  OIDC_SCOPE: [[...OIDC, 'scope']],
  OIDC_DISCOVERY_URI: [[...OIDC, 'discoveryUri']],
  OIDC_USE_NONCE: [[...OIDC, 'useNonce']],
  OIDC_PREFERRED_JWS: [[...OIDC, 'preferredJwsAlgorithm']],
  OIDC_RESPONSE_TYPE: [[...OIDC, 'responseType']],
  OIDC_PROMPT_TYPE: [[...OIDC, 'promptType']],
  OIDC_DISABLE_PKCE: [[...OIDC, 'disablePkce']],
  OIDC_CALLBACK: [[...OIDC, 'callbackUrl']],
  OIDC_SERVER_URL: [[...OIDC, 'serverUrl']],
  OIDC_CLIENT_AUTH_METHOD: [[...OIDC, 'clientAuthenticationMethod']],
  OIDC_TENANT: [[...OIDC, 'tenant']],
  OIDC_MAX_CLOCK_SKEW: [[...OIDC, 'maxClockSkew']],
  OIDC_OM_REFRESH_TOKEN_VALIDITY: [[...OIDC, 'tokenValidity']],
  OIDC_CUSTOM_PARAMS: [[...OIDC, 'customParams']],
  OIDC_MAX_AGE: [[...OIDC, 'maxAge']],
  OIDC_SESSION_EXPIRY: [[...OIDC, 'sessionExpiry']],

  AUTHENTICATION_LDAP_HOST: [[...LDAP, 'host']],
  AUTHENTICATION_LDAP_PORT: [[...LDAP, 'port']],
  AUTHENTICATION_LOOKUP_ADMIN_DN: [[...LDAP, 'dnAdminPrincipal']],
  AUTHENTICATION_LOOKUP_ADMIN_PWD: [[...LDAP, 'dnAdminPassword']],
  AUTHENTICATION_USER_LOOKUP_BASEDN: [[...LDAP, 'userBaseDN']],
  AUTHENTICATION_USER_MAIL_ATTR: [[...LDAP, 'mailAttributeName']],
  AUTHENTICATION_LDAP_POOL_SIZE: [[...LDAP, 'maxPoolSize']],
  AUTHENTICATION_LDAP_SSL_ENABLED: [[...LDAP, 'sslEnabled']],
  AUTHENTICATION_GROUP_LOOKUP_BASEDN: [[...LDAP, 'groupBaseDN']],
  AUTHENTICATION_USER_ROLE_ADMIN_NAME: [[...LDAP, 'roleAdminName']],
  AUTHENTICATION_USER_ALL_ATTR: [[...LDAP, 'allAttributeName']],
  AUTHENTICATION_USER_NAME_ATTR: [[...LDAP, 'usernameAttributeName']],
  AUTHENTICATION_USER_GROUP_ATTR: [[...LDAP, 'groupAttributeName']],
  AUTHENTICATION_USER_GROUP_ATTR_VALUE: [[...LDAP, 'groupAttributeValue']],
  AUTHENTICATION_USER_GROUP_MEMBER_ATTR: [[...LDAP, 'groupMemberAttributeName']],
  AUTH_ROLES_MAPPING: [[...LDAP, 'authRolesMapping']],
  AUTH_REASSIGN_ROLES: [[...LDAP, 'authReassignRoles']],
  AUTHENTICATION_LDAP_TRUSTSTORE_TYPE: [[...LDAP, 'truststoreConfigType']],
  AUTHENTICATION_LDAP_TRUSTSTORE_PATH: [[...TRUST, 'customTrustManagerConfig', 'trustStoreFilePath']],
  AUTHENTICATION_LDAP_KEYSTORE_PASSWORD: [[...TRUST, 'customTrustManagerConfig', 'trustStoreFilePassword']],
  AUTHENTICATION_LDAP_SSL_KEY_FORMAT: [[...TRUST, 'customTrustManagerConfig', 'trustStoreFileFormat']],
  AUTHENTICATION_LDAP_SSL_VERIFY_CERT_HOST: [
    [...TRUST, 'customTrustManagerConfig', 'verifyHostname'],
    [...TRUST, 'jvmDefaultConfig', 'verifyHostname'],
  ],
  AUTHENTICATION_LDAP_EXAMINE_VALIDITY_DATES: [
    [...TRUST, 'customTrustManagerConfig', 'examineValidityDates'],
    [...TRUST, 'trustAllConfig', 'examineValidityDates'],
  ],
  AUTHENTICATION_LDAP_ALLOW_WILDCARDS: [[...TRUST, 'hostNameConfig', 'allowWildCards']],
  AUTHENTICATION_LDAP_ALLOWED_HOSTNAMES: [[...TRUST, 'hostNameConfig', 'acceptableHostNames']],

  SAML_DEBUG_MODE: [[...SAML, 'debugMode']],
  SAML_IDP_ENTITY_ID: [[...SAML, 'idp', 'entityId']],
  SAML_IDP_SSO_LOGIN_URL: [[...SAML, 'idp', 'ssoLoginUrl']],
  SAML_IDP_CERTIFICATE: [[...SAML, 'idp', 'idpX509Certificate']],
  SAML_AUTHORITY_URL: [[...SAML, 'idp', 'authorityUrl']],
  SAML_IDP_NAME_ID: [[...SAML, 'idp', 'nameId']],
  SAML_SP_ENTITY_ID: [[...SAML, 'sp', 'entityId']],
  SAML_SP_ACS: [[...SAML, 'sp', 'acs']],
  SAML_SP_CERTIFICATE: [[...SAML, 'sp', 'spX509Certificate']],
  SAML_SP_PRIVATE_KEY: [[...SAML, 'sp', 'spPrivateKey']],
  SAML_SP_CALLBACK: [[...SAML, 'sp', 'callback']],
  SAML_STRICT_MODE: [[...SAML, 'security', 'strictMode']],
  SAML_VALIDATE_XML: [[...SAML, 'security', 'validateXml']],
  SAML_SP_TOKEN_VALIDITY: [[...SAML, 'security', 'tokenValidity']],
  SAML_SEND_ENCRYPTED_NAME_ID: [[...SAML, 'security', 'sendEncryptedNameId']],
  SAML_SEND_SIGNED_AUTH_REQUEST: [[...SAML, 'security', 'sendSignedAuthRequest']],
  SAML_SIGNED_SP_METADATA: [[...SAML, 'security', 'signSpMetadata']],
  SAML_WANT_MESSAGE_SIGNED: [[...SAML, 'security', 'wantMessagesSigned']],
  SAML_WANT_ASSERTION_SIGNED: [[...SAML, 'security', 'wantAssertionsSigned']],
  SAML_WANT_ASSERTION_ENCRYPTED: [[...SAML, 'security', 'wantAssertionEncrypted']],
  SAML_KEYSTORE_FILE_PATH: [[...SAML, 'security', 'keyStoreFilePath']],
  SAML_KEYSTORE_ALIAS: [[...SAML, 'security', 'keyStoreAlias']],
  SAML_KEYSTORE_PASSWORD: [[...SAML, 'security', 'keyStorePassword']],

  RSA_PUBLIC_KEY_FILE_PATH: [[...JWT, 'rsapublicKeyFilePath']],
  RSA_PRIVATE_KEY_FILE_PATH: [[...JWT, 'rsaprivateKeyFilePath']],
  JWT_ISSUER: [[...JWT, 'jwtissuer']],
  JWT_KEY_ID: [[...JWT, 'keyId']],
  FERNET_KEY: [['fernetkey', 'value']],
};

/** Names the server reads but the chart never renders: extraEnvs is the only way to set them (src/knowledge/names.ts). */
export const SERVER_ONLY_ENV_NAMES: readonly string[] = Object.values(SERVER_ONLY_AUTH_ENV);

/** Every auth-related name OpenMetadata reads, for did-you-mean suggestions. */
export const KNOWN_AUTH_ENV_NAMES: readonly string[] = [...Object.keys(CHART_ENV_KEYS), ...SERVER_ONLY_ENV_NAMES];

/** Env names whose value is a secret: the chart renders them from a Secret (secretKeyRef), never inline. */
export const SECRET_ENV_NAMES: readonly string[] = [
  'OIDC_CLIENT_SECRET',
  'AUTHENTICATION_LOOKUP_ADMIN_PWD',
  'AUTHENTICATION_LDAP_KEYSTORE_PASSWORD',
  'SAML_SP_PRIVATE_KEY',
  'SAML_KEYSTORE_PASSWORD',
  'FERNET_KEY',
];

// ---------------------------------------------------------------------------------------------
// The same table seen from the model: used by env files, `--env-file`, `${VAR:-default}` in
// openmetadata.yaml and the extraEnvs fold (src/layouts/env-file.ts, server-config.ts, extra-envs.ts).

/** One auth env name and what it sets in the model (chart names, relative to `openmetadata.config`). */
export interface EnvName {
  name: string;
  /** Every model path the variable sets (two LDAP truststore variables feed two keys each). */
  paths: readonly Path[];
  /** The chart has no key for it: in Helm it can only be set through extraEnvs. */
  serverOnly?: boolean;
}

/** Every auth env name the server reads, keyed by name: the chart's and the server-only ones. */
export const ENV_NAMES: ReadonlyMap<string, EnvName> = new Map<string, EnvName>([
  ...Object.entries(CHART_ENV_KEYS).map(([name, paths]): [string, EnvName] => [name, { name, paths }]),
  ...Object.entries(SERVER_ONLY_AUTH_ENV).map(([key, name]): [string, EnvName] => [name, { name, paths: [[...AUTH, key]], serverOnly: true }]),
]);

/** Env name → the (first) model path it sets. */
export const ENV_TO_MODEL_PATH: Readonly<Record<string, Path>> = Object.fromEntries(
  [...ENV_NAMES.values()].map((env) => [env.name, env.paths[0]]),
);

/**
 * Names with these prefixes are meant for OpenMetadata's auth settings: an unknown one is a typo the
 * server silently ignores (OpenMetadata PR #5403 fixed `AUTHENTICATION_CALBACK_URL` in its own
 * openmetadata.yaml).
 */
export const AUTH_ENV_PREFIX = /^(AUTHENTICATION_|AUTHORIZER_|OIDC_|SAML_|JWT_|FERNET_)/;

/**
 * Names with an auth prefix that the server reads for something else: not unknown, not auth.
 * `AUTHORIZER_ENABLE_SMTP` is `email.enableSmtpServer` (conf/openmetadata.yaml @ 00cad3d4 and
 * @ 948f5718; the `email` section left the file later, when SMTP moved to the settings in the UI).
 */
export const OTHER_SERVER_ENV_NAMES: ReadonlySet<string> = new Set(['AUTHORIZER_ENABLE_SMTP']);

/**
 * Auth names OpenMetadata no longer reads, with what they were. `AUTHORIZER_INGESTION_PRINCIPALS`
 * filled `authorizerConfiguration.botPrincipals` in 0.x servers; no conf/openmetadata.yaml since
 * reads it (none at 00cad3d4, 948f5718 or the 1.10–1.12 era file of Jason-Clark-FG/OpenMetadata-Mirror
 * @ 140a85b6), and the chart dropped botPrincipals in 0.0.49. Its bots are ingestion-bot and service
 * accounts: moving them to AUTHORIZER_ADMIN_PRINCIPALS would make them admins.
 */
export const REMOVED_ENV_NAMES: Readonly<Record<string, string>> = {
  AUTHORIZER_INGESTION_PRINCIPALS: 'the bot principals list of OpenMetadata 0.x',
};

/** A name OpenMetadata reads for auth, or one with an auth prefix (a likely typo). */
export function isAuthEnvName(name: string): boolean {
  return ENV_NAMES.has(name) || AUTH_ENV_PREFIX.test(name);
}

/** The env name that sets `path` (config-relative, chart names), if any. */
export function envNameForPath(path: Path): string | undefined {
  const key = path.join('.');
  for (const env of ENV_NAMES.values()) if (env.paths.some((p) => p.join('.') === key)) return env.name;
  return undefined;
}
