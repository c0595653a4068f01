/** Providers that authenticate through an OIDC identity provider (AuthServeletHandlerFactory, §4.3). */
export const OIDC_PROVIDERS: readonly string[] = ['google', 'okta', 'auth0', 'azure', 'custom-oidc', 'aws-cognito'];
