import { defineRule, MessageData, RuleContext } from './support/rule';
import { parseHttpUrl } from './support/helpers';
import { show } from './support/message';
import type { Path } from '../types';
import {
  AZURE_LOGIN_HOSTS,
  COGNITO_ISSUER,
  decodedSegment,
  GOOGLE_AUTHORITY,
  isAzureTenant,
  isTemplated,
  pathSegments,
  pastedEndpoint,
} from './support/idp';

const AUTHORITY: Path = ['authentication', 'authority'];

/** The issuer CognitoAuthValidator matches. */
const COGNITO_SHAPE = 'https://cognito-idp.<region>.amazonaws.com/<user pool id>';

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
  messages: {
    missing:
      `{{key}} is not set, so {{defaults}} ${GOOGLE_AUTHORITY} is used and the browser signs in at Google ` +
      'instead of {{provider}}. Set {{key}} to {{expected}}.',
    empty: '{{key}} is empty; set it to {{expected}}.',
    noScheme: '{{key}} {{authority}} has no scheme; {{requirer}} an https URL. Write {{withScheme}}.',
    notAbsolute:
      '{{key}} {{authority}} is not an absolute URL; the browser and the server resolve it as a link. Set it to {{expected}}.',
    googleNotExact:
      `{{key}} must be exactly ${GOOGLE_AUTHORITY} for Google (GoogleAuthValidator compares it character for character), not {{authority}}.`,
    azureHost:
      '{{key}} must be https://login.microsoftonline.com/<tenant> for Azure (AzureAuthValidator rejects other hosts), not {{authority}}.',
    azureNoTenant:
      '{{key}} {{authority}} has no tenant; MSAL needs https://{{host}}/<tenant GUID> (or common/organizations/consumers for multi-tenant apps).',
    azureMoreThanTenant:
      '{{key}} {{authority}} has more than the tenant in its path ({{extraPath}}): MSAL appends the OpenID paths itself ' +
      'and AzureAuthValidator reads the last segment as the tenant. Use https://{{host}}/{{tenant}}.',
    azureNotTenant:
      '{{tenant}} in {{key}} is not a tenant id: AzureAuthValidator accepts a GUID or common/organizations/consumers ' +
      '("Invalid tenant ID format"). Use the Directory (tenant) ID GUID from the app registration.',
    cognitoHostedUi: `{{key}} {{authority}} is the Cognito hosted-UI domain, not the user pool issuer; use ${COGNITO_SHAPE}.`,
    cognitoSlash:
      `{{key}} must not end in "/" for Cognito: CognitoAuthValidator matches ${COGNITO_SHAPE} exactly. Write {{withoutSlash}}.`,
    cognitoShape: `{{key}} must be ${COGNITO_SHAPE} for Cognito (CognitoAuthValidator), not {{authority}}.`,
    cognitoRegion:
      'user pool {{pool}} belongs to region {{poolRegion}}, but {{key}} uses region {{region}}; the discovery document there does not exist.',
    httpsOnly:
      "{{key}}: {{name}} issuers are https only (the {{name}} SDK and OpenMetadata's {{name}} validator refuse http); write {{withHttps}}.",
    endpoint:
      '{{key}} {{authority}} is {{endpoint}}, not the issuer: the client appends /.well-known/openid-configuration to it ' +
      'and finds nothing. Use the issuer, e.g. {{issuer}}.',
    auth0Slash:
      '{{key}} must not end in "/" for Auth0: the Auth0 SDK adds one and then rejects tokens whose issuer lacks the doubled slash. Write {{withoutSlash}}.',
  },
  check(ctx) {
    if (!ctx.isOidcProvider) return;
    const authority = ctx.get(AUTHORITY);
    if (authority === undefined) {
      reportMissing(ctx);
      return;
    }
    if (typeof authority !== 'string') return; // valid-schema reports the type
    const text = authority.trim();
    const problem = isTemplated(text)
      ? templatedProblem(ctx.provider, text)
      : text === ''
        ? { messageId: 'empty', data: { expected: expectedShape(ctx.provider) } }
        : problemOf(ctx.provider, text, ctx.once(parseHttpUrl, authority));
    if (problem) ctx.report({ at: AUTHORITY, messageId: problem.messageId, data: { ...problem.data, key: ctx.keyName(AUTHORITY) } });
  },
});

/** A finding of this rule: which message, filled with what. */
interface Problem {
  messageId: string;
  data: MessageData;
}

/**
 * Without `authority` the chart renders https://accounts.google.com (the stock openmetadata.yaml has the same default). A public client's browser then
 * signs in at Google whatever the provider; confidential clients sign in through the server, which
 * reads discoveryUri instead, so only public clients are told.
 */
function reportMissing(ctx: RuleContext): void {
  if (ctx.provider === 'google' || ctx.clientType === 'confidential') return;
  // The provider is one of the OIDC provider names (isOidcProvider), printed bare as before.
  ctx.report({
    at: AUTHORITY,
    messageId: 'missing',
    data: { key: ctx.keyName(AUTHORITY), defaults: ctx.defaultsName, provider: ctx.provider, expected: expectedShape(ctx.provider) },
  });
}

function expectedShape(provider: string): string {
  switch (provider) {
    case 'google':
      return GOOGLE_AUTHORITY;
    case 'azure':
      return 'https://login.microsoftonline.com/<tenant GUID>';
    case 'aws-cognito':
      return COGNITO_SHAPE;
    case 'okta':
      return 'your Okta issuer (https://<org>.okta.com or https://<org>.okta.com/oauth2/default)';
    case 'auth0':
      return 'your Auth0 domain (https://<tenant>.<region>.auth0.com)';
    default:
      return "your identity provider's issuer URL (for Keycloak https://<host>/realms/<realm>)";
  }
}

/** What is wrong with a written authority for the provider, or undefined; `url` is the authority parsed, if it is a URL. */
function problemOf(provider: string, text: string, url: URL | undefined): Problem | undefined {
  if (!url) {
    if ((provider === 'okta' || provider === 'auth0') && /^[a-z0-9.-]+\.[a-z]{2,}(\/\S*)?$/i.test(text)) {
      const requirer = provider === 'okta' ? "the Okta SDK and OpenMetadata's Okta validator require" : "OpenMetadata's Auth0 validator requires";
      return { messageId: 'noScheme', data: { authority: show(text), requirer, withScheme: show(`https://${text}`) } };
    }
    return { messageId: 'notAbsolute', data: { authority: show(text), expected: expectedShape(provider) } };
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
      return httpsOnlyProblem(provider, text, url) ?? endpointProblem(text) ?? auth0SlashProblem(provider, text);
    default:
      return endpointProblem(text);
  }
}

/**
 * A value with a placeholder is no-placeholders' finding; only the part around it is judged here,
 * e.g. `{Keycloak-server-URL}/realms/{realm}/protocol/openid-connect/auth` from the Keycloak docs
 * page is still the authorization endpoint once the placeholders are filled in.
 */
function templatedProblem(provider: string, text: string): Problem | undefined {
  if (provider === 'google' || provider === 'azure' || provider === 'aws-cognito') return undefined;
  return endpointProblem(text);
}

function googleProblem(text: string): Problem | undefined {
  if (text === GOOGLE_AUTHORITY) return undefined;
  return { messageId: 'googleNotExact', data: { authority: show(text) } };
}

/**
 * The host printed bare is one of Microsoft's sign-in hosts (checked first), the tenant the first
 * segment of the user's URL: names, never secrets, printed bare in the URL to use as before.
 */
function azureProblem(text: string, url: URL): Problem | undefined {
  if (url.protocol !== 'https:' || !AZURE_LOGIN_HOSTS.includes(url.hostname.toLowerCase())) {
    return { messageId: 'azureHost', data: { authority: show(text) } };
  }
  const segments = pathSegments(url);
  if (segments.length === 0) return { messageId: 'azureNoTenant', data: { authority: show(text), host: url.hostname } };
  const tenant = decodedSegment(segments[0]);
  if (segments.length > 1) {
    return {
      messageId: 'azureMoreThanTenant',
      data: { authority: show(text), extraPath: show(`/${segments.slice(1).join('/')}`), host: url.hostname, tenant },
    };
  }
  if (!isAzureTenant(tenant)) return { messageId: 'azureNotTenant', data: { tenant: show(tenant) } };
  return undefined;
}

function cognitoProblem(text: string, url: URL): Problem | undefined {
  if (/\.amazoncognito\.com$/i.test(url.hostname)) return { messageId: 'cognitoHostedUi', data: { authority: show(text) } };
  const match = COGNITO_ISSUER.exec(text.replace(/\/+$/, ''));
  if (match && text.endsWith('/')) return { messageId: 'cognitoSlash', data: { withoutSlash: show(text.replace(/\/+$/, '')) } };
  if (!match) return { messageId: 'cognitoShape', data: { authority: show(text) } };
  const [, region, pool] = match;
  // A user pool id is "<region>_<id>": one from another region points at a pool that does not exist there.
  // Region and pool id are identifiers of the issuer URL (no secrets), printed bare as before.
  const poolRegion = pool.split('_')[0];
  if (pool.includes('_') && poolRegion !== region) return { messageId: 'cognitoRegion', data: { pool, poolRegion, region } };
  return undefined;
}

function httpsOnlyProblem(provider: string, text: string, url: URL): Problem | undefined {
  if (url.protocol === 'https:') return undefined;
  const name = provider === 'okta' ? 'Okta' : 'Auth0';
  return { messageId: 'httpsOnly', data: { name, withHttps: show(text.replace(/^http:/i, 'https:')) } };
}

function endpointProblem(text: string): Problem | undefined {
  const pasted = pastedEndpoint(text);
  if (!pasted) return undefined;
  return { messageId: 'endpoint', data: { authority: show(text), endpoint: pasted.name, issuer: show(pasted.issuer) } };
}

/**
 * auth0-spa-js expects the issuer to be `${domain}/` and checks the id token's `iss` against it, so
 * a domain ending in "/" expects "https://x.auth0.com//" and every login fails the issuer check;
 * Auth0Validator builds `${authority}/.well-known/openid-configuration` the same way.
 */
function auth0SlashProblem(provider: string, text: string): Problem | undefined {
  if (provider !== 'auth0' || !text.endsWith('/')) return undefined;
  return { messageId: 'auth0Slash', data: { withoutSlash: show(text.replace(/\/+$/, '')) } };
}
