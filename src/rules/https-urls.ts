import { defineRule, MessageData, RuleContext } from './support/rule';
import { parseHttpUrl, stringItems } from './support/helpers';
import { show } from './support/message';
import type { Path } from '../types';
import { isInternalHost, isOidcBlockRendered, isOpenMetadataJwks, isTemplated } from './support/idp';

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
      'OpenMetadata\'s JWKS is fetched over plain http from a host outside the cluster: if it redirects to https the server ' +
      'gets a "Moved" page instead of keys and rejects bot tokens. Use {{https}} or the in-cluster URL ' +
      'http://openmetadata:8585/api/v1/system/config/jwks.',
    idpJwks:
      'the identity provider\'s signing keys are fetched over plain http, where they can be tampered with (and an https ' +
      'redirect breaks parsing); use {{https}}.',
    idp: '{{key}} sends sign-in traffic to the identity provider over plain http; use {{https}}.',
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
      ctx.report({ at: candidate.path, ...reportFor(candidate, value.trim()) });
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

/** The message for an http URL: the user's value with https:// instead, shown, and the key it is at. */
function reportFor(candidate: Candidate, value: string): { messageId: string; data: MessageData } {
  const https = show(value.replace(/^http:/i, 'https:'));
  switch (candidate.kind) {
    case 'jwks':
      return { messageId: isOpenMetadataJwks(value) ? 'openMetadataJwks' : 'idpJwks', data: { https } };
    case 'idp':
      return { messageId: 'idp', data: { key: keyOf(candidate.path), https } };
    default:
      return { messageId: 'public', data: { key: keyOf(candidate.path), https } };
  }
}

/** The last two names of the path, e.g. `sp.acs`, `oidcConfiguration.serverUrl`. */
function keyOf(path: Path): string {
  return path.filter((segment) => typeof segment === 'string').slice(-2).join('.');
}
