import { defineRule, RuleContext } from './support/rule';
import { stringItems } from './support/helpers';
import { isInternalHost, trimTrailingSlashes, usableHttpUrl } from './support/om-urls';
import { AUTH_CALLBACK, UrlSetting, agreedOrigin, codeFlowUrls, urlSetting, usesCodeFlow } from './support/public-urls';
import { mention } from './support/mention';
import { OPENMETADATA_JWKS_PATH } from '../knowledge/defaults';
import type { Path } from '../types';

/**
 * Browsers, the IdP and the server must all see OpenMetadata at one public address: the SPA
 * callback, the code flow's callback and serverUrl, SAML's service-provider URLs and an OpenMetadata
 * JWKS entry on a public host. A setting left at localhost or the chart's in-cluster
 * http://openmetadata:8585 while another names the public host is the usual cause of callback 404s
 * and "Redirect URI must exactly match a trusted redirect URI" (OpenMetadata #23508, PR #33764;
 * AuthenticationCodeFlowHandler). An OpenMetadata JWKS entry on the in-cluster service is right (the
 * server fetches it from its own pod, #15489) and never counts. Disagreements among the code-flow settings themselves are
 * callback-url's errors; here they count as one setting, at the origin callback-url settles on.
 */
const SAML_SP_URLS: Path[] = ['entityId', 'acs', 'callback'].map((name) => ['authentication', 'saml', 'sp', name]);

interface PublicUrl {
  /** Where a finding about it lands, and the settings it stands for. */
  at: Path;
  members: Path[];
  origin: string;
  hostname: string;
  written: boolean;
}

export default defineRule({
  id: 'public-url-consistency',
  severity: 'warn',
  description: "OpenMetadata's public address differs between callback, serverUrl, SAML and JWKS settings, or some still point at localhost.",
  messages: {
    otherOrigin:
      '{{settings}} {{verb}} at {{origin}}{{internal}}, but {{publicSetting}} uses {{publicOrigin}}: OpenMetadata has one ' +
      'public address, so logins or token checks fail on one of them. Use {{publicOrigin}} everywhere.',
  },
  check(ctx) {
    const urls = [...ownSettings(ctx), ...jwksEntries(ctx)];
    const publicOne = urls.find((url) => url.written && !isInternal(url)) ?? urls.find((url) => !isInternal(url));
    if (!publicOne) return;
    for (const url of urls) {
      if (url.origin === publicOne.origin) continue;
      ctx.report({
        at: url.at,
        target: url.written ? 'value' : 'key',
        messageId: 'otherOrigin',
        // An origin (scheme, host and port of a parsed URL, never its user:password@) is printed bare, as before.
        data: {
          settings: url.members.map((member) => mention(ctx, member)).join(', '),
          verb: url.members.length > 1 ? 'point' : 'points',
          origin: url.origin,
          internal: isInternal(url) ? ', an address a browser or identity provider on another machine or outside the cluster cannot reach' : '',
          publicSetting: mention(ctx, publicOne.at),
          publicOrigin: publicOne.origin,
        },
      });
    }
  },
});

function isInternal(url: PublicUrl): boolean {
  return isInternalHost(url.hostname);
}

function fromSetting(setting: UrlSetting): PublicUrl {
  return { at: setting.path, members: [setting.path], origin: setting.url.origin, hostname: setting.url.hostname, written: setting.written };
}

/** The settings that name OpenMetadata itself, as the provider and client type make the chart render them. */
function ownSettings(ctx: RuleContext): PublicUrl[] {
  if (usesCodeFlow(ctx)) {
    const settings = codeFlowUrls(ctx);
    const origin = agreedOrigin(settings);
    if (origin === undefined) return [];
    const members = settings.filter((setting) => setting.url.origin === origin);
    const representative = members.find((member) => member.written) ?? members[0];
    return [{
      at: representative.path,
      members: members.map((member) => member.path),
      origin,
      hostname: representative.url.hostname,
      written: representative.written,
    }];
  }
  if (ctx.isOidcProvider) {
    const callback = urlSetting(ctx, AUTH_CALLBACK);
    return callback?.written ? [fromSetting(callback)] : [];
  }
  if (ctx.provider === 'saml') return SAML_SP_URLS.flatMap((path) => urlSetting(ctx, path) ?? []).map(fromSetting);
  return [];
}

/** OpenMetadata's own JWKS on a public host: it names the public address too. */
function jwksEntries(ctx: RuleContext): PublicUrl[] {
  const path: Path = ['authentication', 'publicKeys'];
  return stringItems(ctx.get(path)).flatMap(({ item, index }) => {
    const url = ctx.once(usableHttpUrl, item);
    if (!url || isInternalHost(url.hostname) || !trimTrailingSlashes(url.pathname).endsWith(OPENMETADATA_JWKS_PATH)) return [];
    return [{ at: [...path, index], members: [[...path, index]], origin: url.origin, hostname: url.hostname, written: true }];
  });
}
