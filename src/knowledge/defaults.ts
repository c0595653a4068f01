/**
 * What the OpenMetadata Helm chart 1.13.1 renders for auth keys a user does not write
 * (open-metadata/openmetadata-helm-charts charts/openmetadata/values.yaml @ openmetadata-1.13.1,
 * lines 172–317; test/chart-versions.test.ts checks them against a vendored copy).
 * Rules use these to reason about the effective value of a key that is absent.
 */
import type { PlainMap } from '../types';

export const CHART_VERSION = '1.13.1';

/**
 * The OpenMetadata server chart 1.13.1 deploys (its appVersion; test/chart-versions.test.ts checks it
 * against the chart history): the server version of a file that names no other
 * (`--server-version`, or `--chart-version` for Helm values).
 */
export const SERVER_VERSION = '1.13.1';

/** In-cluster address the chart's defaults point at. */
export const CHART_DEFAULT_SERVER = 'http://openmetadata:8585';

export const OPENMETADATA_JWKS_PATH = '/api/v1/system/config/jwks';

export const CHART_DEFAULTS: PlainMap = {
  authorizer: {
    enabled: true,
    className: 'org.openmetadata.service.security.DefaultAuthorizer',
    containerRequestFilter: 'org.openmetadata.service.security.JwtFilter',
    initialAdmins: ['admin'],
    allowedEmailRegistrationDomains: ['all'],
    principalDomain: 'open-metadata.org',
    allowedDomains: [],
    enforcePrincipalDomain: false,
    enableSecureSocketConnection: false,
    useRolesFromProvider: false,
  },
  authentication: {
    enabled: true,
    clientType: 'public',
    provider: 'basic',
    publicKeys: [`${CHART_DEFAULT_SERVER}${OPENMETADATA_JWKS_PATH}`],
    authority: 'https://accounts.google.com',
    clientId: '',
    callbackUrl: '',
    responseType: 'id_token',
    jwtPrincipalClaims: ['email', 'preferred_username', 'sub'],
    jwtPrincipalClaimsMapping: [],
    enableSelfSignup: true,
    oidcConfiguration: {
      enabled: false,
      oidcType: '',
      clientId: { secretRef: 'oidc-secrets', secretKey: 'openmetadata-oidc-client-id' },
      clientSecret: { secretRef: 'oidc-secrets', secretKey: 'openmetadata-oidc-client-secret' },
      scope: 'openid email profile',
      discoveryUri: '',
      useNonce: true,
      preferredJwsAlgorithm: 'RS256',
      responseType: 'code',
      promptType: 'consent',
      disablePkce: true,
      callbackUrl: `${CHART_DEFAULT_SERVER}/callback`,
      serverUrl: CHART_DEFAULT_SERVER,
      clientAuthenticationMethod: 'client_secret_post',
      tenant: '',
      maxClockSkew: '',
      tokenValidity: '3600',
      customParams: '{}',
      maxAge: '0',
      sessionExpiry: '604800',
    },
    ldapConfiguration: {
      host: 'localhost',
      port: 10636,
      dnAdminPrincipal: 'cn=admin,dc=example,dc=com',
      dnAdminPassword: { secretRef: 'ldap-admin-secret', secretKey: 'openmetadata-ldap-secret' },
      userBaseDN: 'ou=people,dc=example,dc=com',
      mailAttributeName: 'email',
      maxPoolSize: 3,
      sslEnabled: false,
      groupBaseDN: '',
      roleAdminName: '',
      allAttributeName: '',
      usernameAttributeName: '',
      groupAttributeName: '',
      groupAttributeValue: '',
      groupMemberAttributeName: '',
      authRolesMapping: '',
      authReassignRoles: [],
      truststoreConfigType: 'TrustAll',
      trustStoreConfig: {
        customTrustManagerConfig: {
          trustStoreFilePath: '',
          trustStoreFilePassword: { secretRef: '', secretKey: '' },
          trustStoreFileFormat: '',
          verifyHostname: true,
          examineValidityDates: true,
        },
        hostNameConfig: { allowWildCards: false, acceptableHostNames: [] },
        jvmDefaultConfig: { verifyHostname: true },
        trustAllConfig: { examineValidityDates: true },
      },
    },
    saml: {
      debugMode: false,
      idp: {
        entityId: '',
        ssoLoginUrl: '',
        idpX509Certificate: { secretRef: '', secretKey: '' },
        authorityUrl: `${CHART_DEFAULT_SERVER}/api/v1/saml/login`,
        nameId: 'urn:oasis:names:tc:SAML:2.0:nameid-format:emailAddress',
      },
      sp: {
        entityId: `${CHART_DEFAULT_SERVER}/api/v1/saml/metadata`,
        acs: `${CHART_DEFAULT_SERVER}/api/v1/saml/acs`,
        spX509Certificate: { secretRef: '', secretKey: '' },
        spPrivateKey: { secretRef: '', secretKey: '' },
        callback: `${CHART_DEFAULT_SERVER}/saml/callback`,
      },
      security: {
        strictMode: false,
        validateXml: false,
        tokenValidity: 3600,
        sendEncryptedNameId: false,
        sendSignedAuthRequest: false,
        signSpMetadata: false,
        wantMessagesSigned: false,
        wantAssertionsSigned: false,
        wantAssertionEncrypted: false,
        keyStoreFilePath: '',
        keyStoreAlias: { secretRef: '', secretKey: '' },
        keyStorePassword: { secretRef: '', secretKey: '' },
      },
    },
  },
  jwtTokenConfiguration: {
    enabled: true,
    rsapublicKeyFilePath: './conf/public_key.der',
    rsaprivateKeyFilePath: './conf/private_key.der',
    jwtissuer: 'open-metadata.org',
    keyId: 'Gb389a-9f76-gdjs-a92j-0242bk94356',
  },
  fernetkey: {
    value: 'jJ/9sz0g0OHxsfxOoSfdFdmk3ysNmPRnH3TUAbz3IHA=',
    secretRef: '',
    secretKey: '',
  },
};
