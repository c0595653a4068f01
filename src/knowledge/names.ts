/**
 * Key names that differ between the server's openmetadata.yaml and the Helm chart, and server keys
 * the chart does not model at all: the chart's values.yaml / values.schema.json @ 1.13.1 against the
 * server's conf/openmetadata.yaml and openmetadata-spec `configuration/authenticationConfiguration.json`;
 * the newer server-only names from OpenMetadata's 2.0 code (DeploymentConfigTest, ConfigSourceIT).
 * Without an extraEnvs entry a custom-oidc install cannot set providerName (OpenMetadata #24404).
 */

/** Server name → chart name, by the chart section that holds it. */
export const SERVER_TO_CHART_KEYS: Readonly<Record<string, Readonly<Record<string, string>>>> = {
  authentication: { publicKeyUrls: 'publicKeys', samlConfiguration: 'saml' },
  authorizer: { adminPrincipals: 'initialAdmins' },
  oidcConfiguration: { id: 'clientId', secret: 'clientSecret', type: 'oidcType', prompt: 'promptType' },
};

/** Server-only authentication keys: in Helm they can only be set through extraEnvs, with these names. */
export const SERVER_ONLY_AUTH_ENV: Readonly<Record<string, string>> = {
  providerName: 'CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME',
  tokenValidationAlgorithm: 'AUTHENTICATION_TOKEN_VALIDATION_ALGORITHM',
  enableAutoRedirect: 'AUTHENTICATION_ENABLE_AUTO_REDIRECT',
  forceSecureSessionCookie: 'FORCE_SECURE_SESSION_COOKIE',
  sessionExpiry: 'AUTHENTICATION_SESSION_EXPIRY',
  maxActiveSessionsPerUser: 'AUTHENTICATION_MAX_ACTIVE_SESSIONS_PER_USER',
  emailClaim: 'AUTHENTICATION_EMAIL_CLAIM',
  jwtTeamClaimMapping: 'AUTHENTICATION_JWT_TEAM_CLAIM_MAPPING',
  additionalTrustedRedirectUris: 'AUTHENTICATION_ADDITIONAL_TRUSTED_REDIRECT_URIS',
};

/** SAML blocks that the SAML docs page puts straight under openmetadata.config (corpus saml-1). */
export const MISPLACED_SAML_KEYS: readonly string[] = ['idp', 'sp', 'security', 'samlConfiguration'];

/** Top-level sections of the server's openmetadata.yaml → the chart's section names. */
export const SERVER_SECTIONS: Readonly<Record<string, string>> = {
  authenticationConfiguration: 'authentication',
  authorizerConfiguration: 'authorizer',
  jwtTokenConfiguration: 'jwtTokenConfiguration',
  fernetConfiguration: 'fernetkey',
};

/** Server name → chart name inside fernetConfiguration (server `fernetKey`, chart `fernetkey.value`). */
export const SERVER_FERNET_KEYS: Readonly<Record<string, string>> = { fernetKey: 'value' };

/**
 * Keys the server's configuration schema has but the chart's does not, by the (chart) name of the
 * map that holds them: not unknown on the server layout (openmetadata-spec
 * `configuration/authenticationConfiguration.json` @ 033237e5, `authorizerConfiguration.json` @ 997b568b,
 * `ldapConfiguration.json` @ 05e9b61b; conf/openmetadata.yaml).
 */
export const SERVER_ONLY_KEYS: Readonly<Record<string, readonly string[]>> = {
  authentication: [...Object.keys(SERVER_ONLY_AUTH_ENV), 'displayNameClaim'],
  authorizer: ['botPrincipals', 'testPrincipals'],
  ldapConfiguration: ['isFullDn', 'truststoreFormat', 'recursiveGroupMembership'],
};
