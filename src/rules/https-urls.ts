import { defineRule, MessageData, RuleContext } from './support/rule';
import { parseHttpUrl, stringItems } from './support/helpers';
import { show } from './support/message';
import type { Path } from '../types';
import { isInternalHost, isOidcBlockRendered, isOpenMetadataJwks, isTemplated, pastedEndpoint } from './support/idp';
import { CHART_DEFAULT_SERVER, OPENMETADATA_JWKS_PATH } from '../knowledge/defaults';
import { SERVER_DEFAULT_URL } from '../knowledge/server-defaults';

/**
 * Identity-provider URLs and OpenMetadata's public URLs carry tokens and signing keys; over plain
 * http they can be read or forged on the way. It also breaks things: a JWKS host that redirects
 * http to https answers with a "Moved" page the server cannot parse (OpenMetadata #13751); behind a
 * TLS-terminating ingress an http callback or ACS URL sends the browser to the wrong scheme (#24863,
 * #22992); Okta and Auth0 issuers must be https (OktaAuthValidator, Auth0Validator). Loopback,
 * Docker and in-cluster service hosts are exempt: plain http there is normal.
 *
 * Not checked here because another rule already reports http there as an error: the authority of
 * google, azure, aws-cognito, okta and auth0 (authority-format) and oidcConfiguration.discoveryUri
 * (discovery-uri).
 */
type Kind = 'jwks' | 'idp' | 'public';

interface Candidate {
  path: Path;
  kind: Kind;
}

export default defineRule({
  id: 'https-urls',
  severity: 'warn',
  description: 'An identity-provider or public OpenMetadata URL uses plain http outside localhost and the cluster.',
  messages: {
    openMetadataJwks:
      'OpenMetadata\'s JWKS is fetched over plain http from a public host: if it redirects to https the server ' +
      'gets a "Moved" page instead of keys and rejects bot tokens. Use {{https}} or {{local}}.',
    idpJwks:
      'the identity provider\'s signing keys are fetched over plain http, where they can be tampered with (and an https ' +
      'redirect breaks parsing); use {{https}}.',
    idp:
      '{{key}} sends sign-in traffic to the identity provider over plain http, where it can be read on the way, and logins ' +
      'fail wherever the provider does not answer plain http; use {{https}}.',
    public:
      '{{key}} is OpenMetadata\'s public address on plain http: tokens travel unencrypted, and behind a TLS ingress the ' +
      'browser is sent to the wrong scheme. Use {{https}}.',
  },
  check(ctx) {
    for (const candidate of candidates(ctx)) {
      const value = ctx.get(candidate.path);
      if (typeof value !== 'string' || isTemplated(value)) continue;
      const url = ctx.once(parseHttpUrl, value);
      if (!url || url.protocol !== 'http:' || isInternalHost(url.hostname)) continue;
      ctx.report({ at: candidate.path, ...reportFor(ctx, candidate, value.trim(), url) });
    }
  },
});

function candidates(ctx: RuleContext): Candidate[] {
  const list: Candidate[] = stringItems(ctx.get(['authentication', 'publicKeys'])).map(({ index }) => ({
    path: ['authentication', 'publicKeys', index],
    kind: 'jwks' as Kind,
  }));
  if (ctx.isOidcProvider) {
    if (ctx.provider === 'custom-oidc') list.push({ path: ['authentication', 'authority'], kind: 'idp' });
    list.push({ path: ['authentication', 'callbackUrl'], kind: 'public' });
    if (isOidcBlockRendered(ctx)) {
      list.push({ path: ['authentication', 'oidcConfiguration', 'callbackUrl'], kind: 'public' });
      list.push({ path: ['authentication', 'oidcConfiguration', 'serverUrl'], kind: 'public' });
    }
  }
  if (ctx.provider === 'saml') {
    list.push({ path: ['authentication', 'saml', 'idp', 'ssoLoginUrl'], kind: 'idp' });
    list.push({ path: ['authentication', 'saml', 'sp', 'acs'], kind: 'public' });
    list.push({ path: ['authentication', 'saml', 'sp', 'callback'], kind: 'public' });
  }
  return list;
}

/** OpenMetadata's own port, which serves plain http only: TLS is the ingress's or proxy's, on 443. */
const OPENMETADATA_HTTP_PORT = '8585';

/**
 * The message for an http URL, with the https URL to use instead (built from the user's value,
 * so shown): an authority that is an endpoint gets its issuer's https form (authority-format
 * reports the endpoint), OpenMetadata's own URLs lose the plain-http port 8585, and its JWKS the
 * pre-1.0 path `/api/v1/config/jwks` (OpenMetadata PR #10042).
 */
function reportFor(ctx: RuleContext, candidate: Candidate, value: string, url: URL): { messageId: string; data: MessageData } {
  switch (candidate.kind) {
    case 'jwks':
      return isOpenMetadataJwks(value)
        ? { messageId: 'openMetadataJwks', data: { https: show(openMetadataJwksOverHttps(value, url)), local: ownJwks(ctx) } }
        : { messageId: 'idpJwks', data: { https: show(withHttps(value)) } };
    case 'idp':
      return { messageId: 'idp', data: { key: ctx.keyName(candidate.path), https: show(withHttps(pastedEndpoint(value)?.issuer ?? value)) } };
    default:
      return { messageId: 'public', data: { key: ctx.keyName(candidate.path), https: show(openMetadataOverHttps(value, url)) } };
  }
}

function withHttps(value: string): string {
  return value.replace(/^http:/i, 'https:');
}

/** OpenMetadata's address over https: the plain-http port 8585 dropped, since https is served elsewhere. */
function openMetadataOverHttps(value: string, url: URL): string {
  const https = withHttps(value);
  return url.port === OPENMETADATA_HTTP_PORT ? https.replace(/^(https:\/\/[^/?#]*?):8585(?=[/?#]|$)/i, '$1') : https;
}

/** The JWKS entry over https, on the current path (a base path in front of it kept). */
function openMetadataJwksOverHttps(value: string, url: URL): string {
  const origin = openMetadataOverHttps(value, url).replace(/^(https:\/\/[^/?#]*).*$/i, '$1');
  const basePath = url.pathname.replace(/\/+$/, '').replace(/\/api\/v1\/(system\/)?config\/jwks$/, '');
  return `${origin}${basePath}${OPENMETADATA_JWKS_PATH}`;
}

/**
 * Where the server can always fetch its own key set without leaving its host: the chart's in-cluster
 * service in Helm values, the server's own address in openmetadata.yaml and env files (their
 * defaults: chart values.yaml and conf/openmetadata.yaml). A URL of the rule's, printed whole.
 */
function ownJwks(ctx: RuleContext): string {
  return ctx.form === 'values'
    ? `the in-cluster URL ${CHART_DEFAULT_SERVER}${OPENMETADATA_JWKS_PATH}`
    : `the server's own address ${SERVER_DEFAULT_URL}${OPENMETADATA_JWKS_PATH}`;
}
