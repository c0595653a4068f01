/**
 * OpenMetadata's stored security configuration (1.10 and later) and the file its operations
 * command exports and imports.
 *
 * - From 1.10 the server copies `authenticationConfiguration` and `authorizerConfiguration` into its
 *   database (`openmetadata_settings`) at first start and afterwards runs that copy, whatever
 *   openmetadata.yaml, the environment or the Helm values say (SettingsCache.createDefaultConfiguration
 *   @ 0151c9d4, SecurityConfigurationManager @ 011c3768; OpenMetadata #26241, #31786, #29597, #23964).
 *   `openmetadata-ops.sh remove-security-config --force` and a restart make the YAML apply again
 *   (docs-v1 `content/partials/v1.11/deployment/sso-troubleshooting.md`).
 * - From 1.12.0 (a maintainer on #23964, 2026-02-02) `openmetadata-ops.sh get-security-config -o FILE`
 *   writes both rows as one `SecurityConfiguration` with Jackson's YAML writer, in the server's key
 *   names and with every secret in clear (`SystemRepository.updateSetting` stores them with a plain
 *   `pojoToJson`); `update-security-config -f FILE` reads the same shape back, upserts it without
 *   any validation and needs a restart (OpenMetadataOperations.java).
 * - `securityConfiguration.json` (openmetadata-spec `configuration/`) allows exactly those two parts,
 *   requires both and sets `additionalProperties: false`.
 */
import type { PlainMap } from '../types';

/** The two parts of a security config export, in the server's names, in the order Jackson writes them. */
export const SECURITY_CONFIG_PARTS = ['authenticationConfiguration', 'authorizerConfiguration'] as const;

/** The release that first stores the security configuration in the database, where it wins over the YAML. */
export const STORED_CONFIG_SINCE = '1.10.0';

/** The release whose openmetadata-ops.sh has get-security-config and update-security-config. */
export const SECURITY_CONFIG_COMMANDS_SINCE = '1.12.0';

/**
 * The release whose settings API validates the whole security configuration on every save of
 * Settings > SSO (SystemRepository.validateSecurityConfiguration; PATCH of
 * `/api/v1/system/security/config`, re-validated whole since PR #23562, PUT too since PR #30499).
 */
export const SSO_VALIDATOR_SINCE = '1.10.0';

/**
 * `GET /api/v1/system/config/auth`, which the login page reads, builds a fresh
 * AuthenticationConfiguration and copies a few fields of the stored one, not `responseType`
 * (ConfigResource.getAuthConfig): from 1.10.1 the browser gets the schema default `id_token`
 * whatever is stored, until PR #31516 (merged 2026-08-14) copies it.
 */
export const AUTH_CONFIG_DROPS_RESPONSE_TYPE_SINCE = '1.10.1';

export const RESPONSE_TYPE_FIX = {
  pr: 31516,
  merged: '2026-08-14',
  /**
   * The first release carrying the fix, once known. The releases omlint knows (up to 1.13.1,
   * published 2026-06-27) all predate the merge; which later release first ships it was not found.
   */
  release: undefined as string | undefined,
  /** The newest release known to predate the merge: every version up to it serves `id_token`. */
  lastWithout: '1.13.1',
};

/**
 * What `update-security-config` fills in for a key the file leaves out: the schema defaults of the
 * generated classes, and an empty list for a list (jsonschema2pojo initialises collections);
 * openmetadata-spec `configuration/authenticationConfiguration.json` @ 033237e5 and
 * `security/client/oidcClientConfig.json` @ 27d36847, in the chart's key names as the model holds
 * them. Other keys stay null.
 */
export const EXPORT_DEFAULTS: PlainMap = {
  authentication: {
    clientType: 'public',
    responseType: 'id_token',
    publicKeys: [],
    tokenValidationAlgorithm: 'RS256',
    jwtPrincipalClaims: [],
    jwtPrincipalClaimsMapping: [],
    enableSelfSignup: false,
    oidcConfiguration: {
      scope: 'openid email profile',
      useNonce: 'true',
      preferredJwsAlgorithm: 'RS256',
      responseType: 'code',
      disablePkce: true,
      tokenValidity: 3600,
      sessionExpiry: 604800,
    },
  },
  authorizer: {},
};
