/** Providers that authenticate through an OIDC identity provider (OpenMetadata AuthServeletHandlerFactory.java @ 4a4ca905). */
export const OIDC_PROVIDERS: readonly string[] = ['google', 'okta', 'auth0', 'azure', 'custom-oidc', 'aws-cognito'];
