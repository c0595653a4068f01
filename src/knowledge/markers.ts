/**
 * What only OpenMetadata's configuration holds: the positive evidence a file must show before
 * omlint lints it as OpenMetadata's. Generic words are not evidence: `JWT_SECRET`, `OIDC_CLIENT_ID`,
 * `OIDC_SCOPES` and `SAML_*` are set by Outline, Supabase, BookStack, Medusa, Kubeflow's
 * oidc-authservice…; a root `config.authentication` or `global.authentication` by Bitnami-style charts
 * (test/corpus/real-world/traps). Names and keys below are those of OpenMetadata's
 * conf/openmetadata.yaml (open-metadata/OpenMetadata @ 948f5718, and the 1.10–1.12 era file in
 * Jason-Clark-FG/OpenMetadata-Mirror @ 140a85b6) and of the chart's values (openmetadata-helm-charts
 * `charts/openmetadata/values.yaml`).
 */
import { ENV_NAMES } from './env-names';

/**
 * Keys no other application's configuration is known to use: the server's section names, the chart's
 * `fernetkey` (and its pre-1.0 spelling `fernetKey`), and keys of the authorizer, authentication,
 * SAML and JWT sections with OpenMetadata's own names.
 */
export const OPENMETADATA_KEYS: ReadonlySet<string> = new Set([
  'authenticationConfiguration',
  'authorizerConfiguration',
  'jwtTokenConfiguration',
  'fernetConfiguration',
  'fernetkey',
  'fernetKey',
  'containerRequestFilter',
  'initialAdmins',
  'adminPrincipals',
  'botPrincipals',
  // Their spellings in charts before 0.0.16 (src/knowledge/chart-history.ts renames).
  'initialAdmin',
  'botPrincipal',
  'principalDomain',
  'enforcePrincipalDomain',
  'enableSecureSocketConnection',
  'allowedEmailRegistrationDomains',
  'useRolesFromProvider',
  'jwtPrincipalClaims',
  'jwtPrincipalClaimsMapping',
  'publicKeyUrls',
  'idpX509Certificate',
  'spX509Certificate',
  'spPrivateKey',
  'ssoLoginUrl',
  'rsapublicKeyFilePath',
  'rsaprivateKeyFilePath',
  'jwtissuer',
]);

/**
 * Values only OpenMetadata's settings hold: its Java class names (`org.openmetadata.service.security.
 * DefaultAuthorizer`, `…JwtFilter`, the pre-1.0 `org.openmetadata.catalog.…`) and its JWKS path
 * (`/api/v1/system/config/jwks`, before 1.0 `/api/v1/config/jwks`).
 */
export const OPENMETADATA_VALUE = /org\.openmetadata\.|\/api\/v1\/(?:system\/)?config\/jwks/;

/**
 * Environment variables only OpenMetadata reads: every auth variable of its configuration whose
 * name says so (`AUTHENTICATION_*`, `AUTHORIZER_*`, `CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME`,
 * `OIDC_OM_REFRESH_TOKEN_VALIDITY`, the RSA key paths), and a few of its other settings' names
 * (conf/openmetadata.yaml: clusterName, pipelineServiceClientConfiguration, database, email).
 * `OIDC_CLIENT_ID`, `JWT_ISSUER`, `SAML_SP_ACS`, `FERNET_KEY` and the like are read by OpenMetadata
 * too, but other applications use the same names.
 */
export const OPENMETADATA_ENV_NAMES: ReadonlySet<string> = new Set([
  ...[...ENV_NAMES.keys()].filter((name) => /^(?:AUTHENTICATION_|AUTHORIZER_)/.test(name)),
  'CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME',
  'OIDC_OM_REFRESH_TOKEN_VALIDITY',
  'RSA_PUBLIC_KEY_FILE_PATH',
  'RSA_PRIVATE_KEY_FILE_PATH',
  'AUTHORIZER_ENABLE_SMTP',
  'AUTHORIZER_INGESTION_PRINCIPALS',
  'OPENMETADATA_CLUSTER_NAME',
  'OPENMETADATA_SERVER_URL',
  'OPENMETADATA_SMTP_SENDER_MAIL',
  'OM_DATABASE',
  'PIPELINE_SERVICE_CLIENT_ENDPOINT',
  'PIPELINE_SERVICE_CLIENT_CLASS_NAME',
  'SERVER_HOST_API_URL',
]);

/**
 * Markers of OpenMetadata's settings in a text that could not be parsed: an `openmetadata:` key, the
 * chart's own path written out (`openmetadata.config.authentication`, as a template names it), the
 * keys and values above. Only a text with one is worth a yaml-syntax finding; any other is some
 * other application's file (an env sample, a template, another chart's values).
 */
export const OPENMETADATA_TEXT_MARKER = new RegExp(
  `^[ \\t]*["']?openmetadata["']?[ \\t]*:|openmetadata\\.config\\.(?:authentication|authorizer|jwtTokenConfiguration|fernetkey)\\b|` +
    `${OPENMETADATA_VALUE.source}|\\b(?:${[...OPENMETADATA_KEYS].join('|')})\\b`,
  'm',
);

/**
 * The server's configuration file by its name (`conf/openmetadata.yaml`, `openmetadata-security.yaml`,
 * the names omlint scans for): a bare SAML fragment in it is OpenMetadata's whatever its keys.
 */
export function isOpenMetadataFileName(filePath: string): boolean {
  return /^openmetadata[^/\\]*\.ya?ml$/i.test(filePath.split(/[\\/]/).pop() ?? '');
}
