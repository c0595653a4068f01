/**
 * What the server's stock conf/openmetadata.yaml uses when an environment variable is not set
 * (the `:-default` parts of OpenMetadata's conf/openmetadata.yaml of the 1.10–1.12 era, as in
 * Jason-Clark-FG/OpenMetadata-Mirror @ 140a85b6; @ 948f5718 upstream lacks the newer keys), in the chart's
 * key names so rules read them like the chart defaults. Used for the server layout: an env file
 * sets only some variables and the image's openmetadata.yaml supplies the rest.
 */
import type { PlainMap } from '../types';
import { CHART_DEFAULTS, OPENMETADATA_JWKS_PATH } from './defaults';

/** The server's own address in its stock configuration. */
export const SERVER_DEFAULT_URL = 'http://localhost:8585';

export const SERVER_DEFAULTS: PlainMap = {
  // The stock openmetadata.yaml authorizer defaults are the chart's, less the chart's `enabled` gate.
  authorizer: withoutEnabledGate(CHART_DEFAULTS.authorizer as PlainMap),
  authentication: {
    clientType: 'public',
    provider: 'basic',
    responseType: 'id_token',
    providerName: '',
    publicKeys: [`${SERVER_DEFAULT_URL}${OPENMETADATA_JWKS_PATH}`],
    tokenValidationAlgorithm: 'RS256',
    authority: 'https://accounts.google.com',
    clientId: '',
    callbackUrl: '',
    jwtPrincipalClaims: ['email', 'preferred_username', 'sub'],
    jwtPrincipalClaimsMapping: [],
    enableSelfSignup: true,
    enableAutoRedirect: false,
    forceSecureSessionCookie: false,
    oidcConfiguration: {
      clientId: '',
      oidcType: '',
      clientSecret: '',
      scope: 'openid email profile',
      discoveryUri: '',
      useNonce: true,
      preferredJwsAlgorithm: 'RS256',
      responseType: 'code',
      disablePkce: true,
      callbackUrl: `${SERVER_DEFAULT_URL}/callback`,
      serverUrl: SERVER_DEFAULT_URL,
      clientAuthenticationMethod: 'client_secret_post',
      tenant: '',
      maxClockSkew: '',
      tokenValidity: '3600',
      customParams: null,
      maxAge: '0',
      promptType: 'consent',
      sessionExpiry: '604800',
    },
  },
  // The image's demo key paths, issuer and keyId, as in the chart; the fernet key likewise.
  jwtTokenConfiguration: withoutEnabledGate(CHART_DEFAULTS.jwtTokenConfiguration as PlainMap),
  fernetkey: { value: (CHART_DEFAULTS.fernetkey as PlainMap).value },
};

function withoutEnabledGate(section: PlainMap): PlainMap {
  return Object.fromEntries(Object.entries(section).filter(([key]) => key !== 'enabled'));
}
