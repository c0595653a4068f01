/**
 * Key names that differ between the server's openmetadata.yaml and the Helm chart, and server keys
 * the chart does not model at all (reference §1.3, §1.4, §1.4.1, §2.1, §3.3; user-pain G4, G5).
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

/** Top-level sections of the server's openmetadata.yaml → the chart's section names (reference §3). */
export const SERVER_SECTIONS: Readonly<Record<string, string>> = {
  authenticationConfiguration: 'authentication',
  authorizerConfiguration: 'authorizer',
  jwtTokenConfiguration: 'jwtTokenConfiguration',
  fernetConfiguration: 'fernetkey',
};

/** Server name → chart name inside fernetConfiguration (server `fernetKey`, chart `fernetkey.value`; §1.5, §3.2). */
export const SERVER_FERNET_KEYS: Readonly<Record<string, string>> = { fernetKey: 'value' };

/**
 * Keys the server's configuration schema has but the chart's does not, by the (chart) name of the
 * map that holds them: not unknown on the server layout (reference §2.1, §2.3, §2.5, §3.2, §3.3).
 */
export const SERVER_ONLY_KEYS: Readonly<Record<string, readonly string[]>> = {
  authentication: [...Object.keys(SERVER_ONLY_AUTH_ENV), 'displayNameClaim'],
  authorizer: ['botPrincipals', 'testPrincipals'],
  ldapConfiguration: ['isFullDn', 'truststoreFormat', 'recursiveGroupMembership'],
};
