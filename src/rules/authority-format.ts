import { defineRule, RuleContext } from './support/rule';
import { parseHttpUrl, show } from './support/helpers';
import { AZURE_LOGIN_HOSTS, COGNITO_ISSUER, GOOGLE_AUTHORITY, isAzureTenant, isTemplated, pathSegments } from './support/idp';

/**
 * `authentication.authority` is the issuer the browser signs in against (public clients: MSAL,
 * auth0-spa-js, okta-auth-js and oidc-client are all built from it) and what the server's provider
 * validators check (OpenMetadata `security/auth/validator/*`): Google exactly https://accounts.google.com;
 * Azure https://login.microsoftonline.com/{GUID|common|organizations|consumers} (OpenMetadata #18865:
 * an `/oauth2/v2.0/authorize` authority breaks login); Cognito https://cognito-idp.{region}.amazonaws.com/{pool};
 * Okta and Auth0 https (their validators refuse anything else); a custom OIDC provider's issuer, not
 * one of its endpoints (OpenMetadata #23508: the Keycloak Kubernetes docs page ships `/protocol/openid-connect/auth`).
 */
export default defineRule({
  id: 'authority-format',
  severity: 'error',
  description: 'authentication.authority is not the issuer URL the provider expects.',
  check(ctx) {
    if (!ctx.isOidcProvider) return;
    const authority = ctx.get(['authentication', 'authority']);
    if (authority === undefined) {
      reportMissing(ctx);
      return;
    }
    if (typeof authority !== 'string') return; // valid-schema reports the type
    const text = authority.trim();
    const problem = isTemplated(text)
      ? templatedProblem(ctx.provider, text)
      : text === ''
        ? `authority is empty; set it to ${expectedShape(ctx.provider)}.`
        : problemOf(ctx.provider, text);
    if (problem) ctx.report({ at: ['authentication', 'authority'], message: problem });
  },
});

/**
 * Without `authority` the chart renders https://accounts.google.com. A public client's browser then
 * signs in at Google whatever the provider; confidential clients sign in through the server, which
 * reads discoveryUri instead, so only public clients are told.
 */
function reportMissing(ctx: RuleContext): void {
  if (ctx.provider === 'google' || ctx.clientType === 'confidential') return;
  ctx.report({
    at: ['authentication', 'authority'],
    message:
      `authority is not set, so the chart default ${GOOGLE_AUTHORITY} is used and the browser signs in at Google ` +
      `instead of ${ctx.provider}. Set authority to ${expectedShape(ctx.provider)}.`,
  });
}

function expectedShape(provider: string): string {
  switch (provider) {
    case 'google':
      return GOOGLE_AUTHORITY;
    case 'azure':
      return 'https://login.microsoftonline.com/<tenant GUID>';
    case 'aws-cognito':
      return 'https://cognito-idp.<region>.amazonaws.com/<user pool id>';
    case 'okta':
      return 'your Okta issuer (https://<org>.okta.com or https://<org>.okta.com/oauth2/default)';
    case 'auth0':
      return 'your Auth0 domain (https://<tenant>.<region>.auth0.com)';
    default:
      return "your identity provider's issuer URL (for Keycloak https://<host>/realms/<realm>)";
  }
}

/** The message for a written authority that does not fit the provider, or undefined. */
function problemOf(provider: string, text: string): string | undefined {
  const url = parseHttpUrl(text);
  if (!url) {
    if ((provider === 'okta' || provider === 'auth0') && /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(text)) {
      const who = provider === 'okta' ? "the Okta SDK and OpenMetadata's Okta validator require" : "OpenMetadata's Auth0 validator requires";
      return `authority ${show(text)} has no scheme; ${who} an https URL. Write ${show(`https://${text}`)}.`;
    }
    return `authority ${show(text)} is not an absolute URL; the browser and the server resolve it as a link. Set it to ${expectedShape(provider)}.`;
  }
  switch (provider) {
    case 'google':
      return googleProblem(text);
    case 'azure':
      return azureProblem(text, url);
    case 'aws-cognito':
      return cognitoProblem(text, url);
    case 'okta':
    case 'auth0':
      return httpsOnlyProblem(provider, text, url) ?? endpointProblem(text, url) ?? auth0SlashProblem(provider, text);
    default:
      return endpointProblem(text, url);
  }
}

/**
 * A value with a placeholder is no-placeholders' finding; only the part around it is judged here,
 * e.g. `{Keycloak-server-URL}/realms/{realm}/protocol/openid-connect/auth` from the Keycloak docs
 * page is still the authorization endpoint once the placeholders are filled in.
 */
function templatedProblem(provider: string, text: string): string | undefined {
  if (provider === 'google' || provider === 'azure' || provider === 'aws-cognito') return undefined;
  return endpointProblem(text, text.replace(/[?#].*$/, ''));
}

function googleProblem(text: string): string | undefined {
  if (text === GOOGLE_AUTHORITY) return undefined;
  return `Google's authority must be exactly ${GOOGLE_AUTHORITY} (GoogleAuthValidator compares it character for character), not ${show(text)}.`;
}

function azureProblem(text: string, url: URL): string | undefined {
  if (url.protocol !== 'https:' || !AZURE_LOGIN_HOSTS.includes(url.hostname.toLowerCase())) {
    return `Azure's authority must be https://login.microsoftonline.com/<tenant> (AzureAuthValidator rejects other hosts), not ${show(text)}.`;
  }
  const segments = pathSegments(url);
  if (segments.length === 0) {
    return `authority ${show(text)} has no tenant; MSAL needs https://${url.hostname}/<tenant GUID> (or common/organizations/consumers for multi-tenant apps).`;
  }
  const tenant = decodeURIComponent(segments[0]);
  if (segments.length > 1) {
    return (
      `authority ${show(text)} has more than the tenant in its path ("/${segments.slice(1).join('/')}"): MSAL appends ` +
      `the OpenID paths itself and AzureAuthValidator reads the last segment as the tenant. Use https://${url.hostname}/${tenant}.`
    );
  }
  if (!isAzureTenant(tenant)) {
    return (
      `"${tenant}" in authority is not a tenant id: AzureAuthValidator accepts a GUID or common/organizations/consumers ` +
      `("Invalid tenant ID format"). Use the Directory (tenant) ID GUID from the app registration.`
    );
  }
  return undefined;
}

function cognitoProblem(text: string, url: URL): string | undefined {
  if (/\.amazoncognito\.com$/i.test(url.hostname)) {
    return (
      `authority ${show(text)} is the Cognito hosted-UI domain, not the user pool issuer; ` +
      'use https://cognito-idp.<region>.amazonaws.com/<user pool id>.'
    );
  }
  const match = COGNITO_ISSUER.exec(text.replace(/\/+$/, ''));
  if (match && text.endsWith('/')) {
    return `Cognito's authority must not end in "/": CognitoAuthValidator matches https://cognito-idp.<region>.amazonaws.com/<user pool id> exactly. Write ${show(text.replace(/\/+$/, ''))}.`;
  }
  if (!match) {
    return `Cognito's authority must be https://cognito-idp.<region>.amazonaws.com/<user pool id> (CognitoAuthValidator), not ${show(text)}.`;
  }
  const [, region, pool] = match;
  // A user pool id is "<region>_<id>": one from another region points at a pool that does not exist there.
  if (pool.includes('_') && pool.split('_')[0] !== region) {
    return `user pool ${pool} belongs to region ${pool.split('_')[0]}, but authority uses region ${region}; the discovery document there does not exist.`;
  }
  return undefined;
}

function httpsOnlyProblem(provider: string, text: string, url: URL): string | undefined {
  if (url.protocol === 'https:') return undefined;
  const name = provider === 'okta' ? 'Okta' : 'Auth0';
  return `${name} issuers are https only (the ${name} SDK and OpenMetadata's ${name} validator refuse http); write ${show(text.replace(/^http:/i, 'https:'))}.`;
}

/** Endpoints people paste instead of the issuer; the SDKs append them to the issuer themselves. */
const ENDPOINT_SUFFIXES: readonly { suffix: RegExp; name: string }[] = [
  { suffix: /\/protocol\/openid-connect\/(auth|token|certs|userinfo|logout)$/, name: 'an OpenID Connect endpoint' },
  { suffix: /\/\.well-known\/(openid-configuration|jwks\.json)$/, name: 'a discovery or JWKS document' },
  { suffix: /\/(v1\/)?(authorize|token|keys|userinfo)$/, name: 'an OAuth endpoint' },
];

function endpointProblem(text: string, url: URL | string): string | undefined {
  const path = (typeof url === 'string' ? url : url.pathname).replace(/\/+$/, '');
  const endpoint = ENDPOINT_SUFFIXES.find(({ suffix }) => suffix.test(path));
  if (!endpoint) return undefined;
  const issuer = text.replace(/[?#].*$/, '').replace(/\/+$/, '').replace(endpoint.suffix, '').replace(/\/oauth2$/, '');
  return (
    `authority ${show(text)} is ${endpoint.name}, not the issuer: the client appends ` +
    `/.well-known/openid-configuration to it and finds nothing. Use the issuer, e.g. ${show(issuer)}.`
  );
}

/**
 * auth0-spa-js expects the issuer to be `${domain}/` and checks the id token's `iss` against it, so
 * a domain ending in "/" expects "https://x.auth0.com//" and every login fails the issuer check;
 * Auth0Validator builds `${authority}/.well-known/openid-configuration` the same way.
 */
function auth0SlashProblem(provider: string, text: string): string | undefined {
  if (provider !== 'auth0' || !text.endsWith('/')) return undefined;
  return `Auth0's authority must not end in "/": the Auth0 SDK adds one and then rejects tokens whose issuer lacks the doubled slash. Write ${show(text.replace(/\/+$/, ''))}.`;
}
