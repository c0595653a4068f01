/**
 * The environment variables the server's openmetadata.yaml reads for its auth settings, and the
 * model path (Helm chart names, relative to `openmetadata.config`) each one sets. The single source
 * of truth for env files, `--env-file`, `${VAR:-default}` in openmetadata.yaml and `extraEnvs`.
 *
 * Sources: reference/openmetadata-auth.md §1.3 (authorizer), §1.4 and §1.4.1 (authentication,
 * oidcConfiguration), §1.4.2 (LDAP), §1.4.3 (SAML), §1.5 (JWT, fernet), §3.2 and §3.3 (names the
 * chart does not render: server-only keys, settable only through extraEnvs or an env file).
 */
import type { Path } from '../types';

export interface EnvName {
  name: string;
  /** Every model path the variable sets (two LDAP truststore variables feed two keys each). */
  paths: readonly Path[];
  /** The chart has no key for it: in Helm it can only be set through extraEnvs (§1.4, §3.3). */
  serverOnly?: boolean;
  /** The chart renders it from a Kubernetes Secret ({secretRef, secretKey}), not from a value. */
  secret?: boolean;
}

type Row = [name: string, path: string | string[], flags?: { serverOnly?: boolean; secret?: boolean }];

const AUTHZ = 'authorizer';
const AUTH = 'authentication';
const OIDC = 'authentication.oidcConfiguration';
const LDAP = 'authentication.ldapConfiguration';
const TRUST = `${LDAP}.trustStoreConfig`;
const SAML = 'authentication.saml';

const ROWS: Row[] = [
  // §1.3 authorizer
  ['AUTHORIZER_CLASS_NAME', `${AUTHZ}.className`],
  ['AUTHORIZER_REQUEST_FILTER', `${AUTHZ}.containerRequestFilter`],
  ['AUTHORIZER_ADMIN_PRINCIPALS', `${AUTHZ}.initialAdmins`],
  ['AUTHORIZER_ALLOWED_REGISTRATION_DOMAIN', `${AUTHZ}.allowedEmailRegistrationDomains`],
  ['AUTHORIZER_PRINCIPAL_DOMAIN', `${AUTHZ}.principalDomain`],
  ['AUTHORIZER_ALLOWED_DOMAINS', `${AUTHZ}.allowedDomains`],
  ['AUTHORIZER_ENFORCE_PRINCIPAL_DOMAIN', `${AUTHZ}.enforcePrincipalDomain`],
  ['AUTHORIZER_ENABLE_SECURE_SOCKET', `${AUTHZ}.enableSecureSocketConnection`],
  ['AUTHORIZER_USE_ROLES_FROM_PROVIDER', `${AUTHZ}.useRolesFromProvider`],
  // §1.4 authentication
  ['AUTHENTICATION_CLIENT_TYPE', `${AUTH}.clientType`],
  ['AUTHENTICATION_PROVIDER', `${AUTH}.provider`],
  ['AUTHENTICATION_PUBLIC_KEYS', `${AUTH}.publicKeys`],
  ['AUTHENTICATION_AUTHORITY', `${AUTH}.authority`],
  ['AUTHENTICATION_CLIENT_ID', `${AUTH}.clientId`],
  ['AUTHENTICATION_CALLBACK_URL', `${AUTH}.callbackUrl`],
  ['AUTHENTICATION_RESPONSE_TYPE', `${AUTH}.responseType`],
  ['AUTHENTICATION_JWT_PRINCIPAL_CLAIMS', `${AUTH}.jwtPrincipalClaims`],
  ['AUTHENTICATION_JWT_PRINCIPAL_CLAIMS_MAPPING', `${AUTH}.jwtPrincipalClaimsMapping`],
  ['AUTHENTICATION_ENABLE_SELF_SIGNUP', `${AUTH}.enableSelfSignup`],
  // §1.4 / §3.2 / §3.3: server keys the chart does not model
  ['CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME', `${AUTH}.providerName`, { serverOnly: true }],
  ['AUTHENTICATION_TOKEN_VALIDATION_ALGORITHM', `${AUTH}.tokenValidationAlgorithm`, { serverOnly: true }],
  ['AUTHENTICATION_ENABLE_AUTO_REDIRECT', `${AUTH}.enableAutoRedirect`, { serverOnly: true }],
  ['FORCE_SECURE_SESSION_COOKIE', `${AUTH}.forceSecureSessionCookie`, { serverOnly: true }],
  ['AUTHENTICATION_SESSION_EXPIRY', `${AUTH}.sessionExpiry`, { serverOnly: true }],
  ['AUTHENTICATION_MAX_ACTIVE_SESSIONS_PER_USER', `${AUTH}.maxActiveSessionsPerUser`, { serverOnly: true }],
  ['AUTHENTICATION_EMAIL_CLAIM', `${AUTH}.emailClaim`, { serverOnly: true }],
  ['AUTHENTICATION_JWT_TEAM_CLAIM_MAPPING', `${AUTH}.jwtTeamClaimMapping`, { serverOnly: true }],
  ['AUTHENTICATION_ADDITIONAL_TRUSTED_REDIRECT_URIS', `${AUTH}.additionalTrustedRedirectUris`, { serverOnly: true }],
  // §1.4.1 oidcConfiguration
  ['OIDC_TYPE', `${OIDC}.oidcType`],
  ['OIDC_CLIENT_ID', `${OIDC}.clientId`, { secret: true }],
  ['OIDC_CLIENT_SECRET', `${OIDC}.clientSecret`, { secret: true }],
  ['OIDC_SCOPE', `${OIDC}.scope`],
  ['OIDC_DISCOVERY_URI', `${OIDC}.discoveryUri`],
  ['OIDC_USE_NONCE', `${OIDC}.useNonce`],
  ['OIDC_PREFERRED_JWS', `${OIDC}.preferredJwsAlgorithm`],
  ['OIDC_RESPONSE_TYPE', `${OIDC}.responseType`],
  ['OIDC_PROMPT_TYPE', `${OIDC}.promptType`],
  ['OIDC_DISABLE_PKCE', `${OIDC}.disablePkce`],
  ['OIDC_CALLBACK', `${OIDC}.callbackUrl`],
  ['OIDC_SERVER_URL', `${OIDC}.serverUrl`],
  ['OIDC_CLIENT_AUTH_METHOD', `${OIDC}.clientAuthenticationMethod`],
  ['OIDC_TENANT', `${OIDC}.tenant`],
  ['OIDC_MAX_CLOCK_SKEW', `${OIDC}.maxClockSkew`],
  ['OIDC_OM_REFRESH_TOKEN_VALIDITY', `${OIDC}.tokenValidity`],
  ['OIDC_CUSTOM_PARAMS', `${OIDC}.customParams`],
  ['OIDC_MAX_AGE', `${OIDC}.maxAge`],
  ['OIDC_SESSION_EXPIRY', `${OIDC}.sessionExpiry`],
  // §1.4.2 ldapConfiguration
  ['AUTHENTICATION_LDAP_HOST', `${LDAP}.host`],
  ['AUTHENTICATION_LDAP_PORT', `${LDAP}.port`],
  ['AUTHENTICATION_LOOKUP_ADMIN_DN', `${LDAP}.dnAdminPrincipal`],
  ['AUTHENTICATION_LOOKUP_ADMIN_PWD', `${LDAP}.dnAdminPassword`, { secret: true }],
  ['AUTHENTICATION_USER_LOOKUP_BASEDN', `${LDAP}.userBaseDN`],
  ['AUTHENTICATION_USER_MAIL_ATTR', `${LDAP}.mailAttributeName`],
  ['AUTHENTICATION_LDAP_POOL_SIZE', `${LDAP}.maxPoolSize`],
  ['AUTHENTICATION_LDAP_SSL_ENABLED', `${LDAP}.sslEnabled`],
  ['AUTHENTICATION_GROUP_LOOKUP_BASEDN', `${LDAP}.groupBaseDN`],
  ['AUTHENTICATION_USER_ROLE_ADMIN_NAME', `${LDAP}.roleAdminName`],
  ['AUTHENTICATION_USER_ALL_ATTR', `${LDAP}.allAttributeName`],
  ['AUTHENTICATION_USER_NAME_ATTR', `${LDAP}.usernameAttributeName`],
  ['AUTHENTICATION_USER_GROUP_ATTR', `${LDAP}.groupAttributeName`],
  ['AUTHENTICATION_USER_GROUP_ATTR_VALUE', `${LDAP}.groupAttributeValue`],
  ['AUTHENTICATION_USER_GROUP_MEMBER_ATTR', `${LDAP}.groupMemberAttributeName`],
  ['AUTH_ROLES_MAPPING', `${LDAP}.authRolesMapping`],
  ['AUTH_REASSIGN_ROLES', `${LDAP}.authReassignRoles`],
  ['AUTHENTICATION_LDAP_TRUSTSTORE_TYPE', `${LDAP}.truststoreConfigType`],
  ['AUTHENTICATION_LDAP_TRUSTSTORE_PATH', `${TRUST}.customTrustManagerConfig.trustStoreFilePath`],
  ['AUTHENTICATION_LDAP_KEYSTORE_PASSWORD', `${TRUST}.customTrustManagerConfig.trustStoreFilePassword`, { secret: true }],
  ['AUTHENTICATION_LDAP_SSL_KEY_FORMAT', `${TRUST}.customTrustManagerConfig.trustStoreFileFormat`],
  ['AUTHENTICATION_LDAP_SSL_VERIFY_CERT_HOST', [`${TRUST}.customTrustManagerConfig.verifyHostname`, `${TRUST}.jvmDefaultConfig.verifyHostname`]],
  ['AUTHENTICATION_LDAP_EXAMINE_VALIDITY_DATES', [`${TRUST}.customTrustManagerConfig.examineValidityDates`, `${TRUST}.trustAllConfig.examineValidityDates`]],
  ['AUTHENTICATION_LDAP_ALLOW_WILDCARDS', `${TRUST}.hostNameConfig.allowWildCards`],
  ['AUTHENTICATION_LDAP_ALLOWED_HOSTNAMES', `${TRUST}.hostNameConfig.acceptableHostNames`],
  // §1.4.3 saml (server: samlConfiguration)
  ['SAML_DEBUG_MODE', `${SAML}.debugMode`],
  ['SAML_IDP_ENTITY_ID', `${SAML}.idp.entityId`],
  ['SAML_IDP_SSO_LOGIN_URL', `${SAML}.idp.ssoLoginUrl`],
  ['SAML_IDP_CERTIFICATE', `${SAML}.idp.idpX509Certificate`, { secret: true }],
  ['SAML_AUTHORITY_URL', `${SAML}.idp.authorityUrl`],
  ['SAML_IDP_NAME_ID', `${SAML}.idp.nameId`],
  ['SAML_SP_ENTITY_ID', `${SAML}.sp.entityId`],
  ['SAML_SP_ACS', `${SAML}.sp.acs`],
  ['SAML_SP_CERTIFICATE', `${SAML}.sp.spX509Certificate`, { secret: true }],
  ['SAML_SP_PRIVATE_KEY', `${SAML}.sp.spPrivateKey`, { secret: true }],
  ['SAML_SP_CALLBACK', `${SAML}.sp.callback`],
  ['SAML_STRICT_MODE', `${SAML}.security.strictMode`],
  ['SAML_VALIDATE_XML', `${SAML}.security.validateXml`],
  ['SAML_SP_TOKEN_VALIDITY', `${SAML}.security.tokenValidity`],
  ['SAML_SEND_ENCRYPTED_NAME_ID', `${SAML}.security.sendEncryptedNameId`],
  ['SAML_SEND_SIGNED_AUTH_REQUEST', `${SAML}.security.sendSignedAuthRequest`],
  ['SAML_SIGNED_SP_METADATA', `${SAML}.security.signSpMetadata`],
  ['SAML_WANT_MESSAGE_SIGNED', `${SAML}.security.wantMessagesSigned`],
  ['SAML_WANT_ASSERTION_SIGNED', `${SAML}.security.wantAssertionsSigned`],
  ['SAML_WANT_ASSERTION_ENCRYPTED', `${SAML}.security.wantAssertionEncrypted`],
  ['SAML_WANT_NAME_ID_ENCRYPTED', `${SAML}.security.wantNameIdEncrypted`, { serverOnly: true }],
  ['SAML_KEYSTORE_FILE_PATH', `${SAML}.security.keyStoreFilePath`],
  ['SAML_KEYSTORE_ALIAS', `${SAML}.security.keyStoreAlias`, { secret: true }],
  ['SAML_KEYSTORE_PASSWORD', `${SAML}.security.keyStorePassword`, { secret: true }],
  // §1.5 jwtTokenConfiguration and fernetkey
  ['RSA_PUBLIC_KEY_FILE_PATH', 'jwtTokenConfiguration.rsapublicKeyFilePath'],
  ['RSA_PRIVATE_KEY_FILE_PATH', 'jwtTokenConfiguration.rsaprivateKeyFilePath'],
  ['JWT_ISSUER', 'jwtTokenConfiguration.jwtissuer'],
  ['JWT_KEY_ID', 'jwtTokenConfiguration.keyId'],
  ['FERNET_KEY', 'fernetkey.value', { secret: true }],
];

const toPath = (dotted: string): Path => dotted.split('.');

/** Every known auth env name, keyed by name. */
export const ENV_NAMES: ReadonlyMap<string, EnvName> = new Map(
  ROWS.map(([name, paths, flags]) => [
    name,
    { name, paths: (Array.isArray(paths) ? paths : [paths]).map(toPath), ...flags },
  ]),
);

/** Env name → the (first) model path it sets, relative to `openmetadata.config`. */
export const ENV_TO_MODEL_PATH: Readonly<Record<string, Path>> = Object.fromEntries(
  [...ENV_NAMES.values()].map((env) => [env.name, env.paths[0]]),
);

/**
 * Names with these prefixes are meant for OpenMetadata's auth settings (issue 5, user-pain C4): an
 * unknown one is a typo the server silently ignores.
 */
export const AUTH_ENV_PREFIX = /^(AUTHENTICATION_|AUTHORIZER_|OIDC_|SAML_|JWT_|FERNET_)/;

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
