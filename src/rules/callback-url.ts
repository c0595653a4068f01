import { defineRule, RuleContext } from './support/rule';
import { parseHttpUrl } from './support/helpers';
import { writtenSetting } from './support/idp';
import { show } from './support/message';
import {
  UrlProblem,
  canonicalCallbackPath,
  httpUrlProblem,
  isCallbackPath,
  isInternalHost,
  maskPlaceholders,
  trimTrailingSlashes,
  urlProblemMessages,
  urlProblemReport,
} from './support/om-urls';
import { AUTH_CALLBACK, OIDC_CALLBACK, SERVER_URL, UrlSetting, agreedOrigin, codeFlowUrls, urlSetting, usesCodeFlow } from './support/public-urls';
import { mention } from './support/mention';
import type { Path } from '../types';

/**
 * For OIDC providers `authentication.callbackUrl` is the redirect URI the browser app registers
 * with the IdP; the server requires it ("Callback URL is required", SystemRepository). In the confidential
 * code flow `oidcConfiguration.callbackUrl` is the redirect_uri the server sends to the IdP,
 * `serverUrl` is OpenMetadata's public base (logout goes to serverUrl + "/logout"), and newer
 * servers only accept redirects to callbackUrl or serverUrl + "/auth/callback" (OpenMetadata
 * AuthenticationCodeFlowHandler.java; #23508, PR #33764). `/auth/callback` is accepted wherever
 * `/callback` is (#26311).
 * Blank oidc callbackUrl / serverUrl are client-type-oidc's findings; a value that starts with a
 * docs placeholder is no-placeholders'.
 */
export default defineRule({
  id: 'callback-url',
  severity: 'error',
  description: 'A callback URL or serverUrl that is missing, not absolute, not a /callback route, or on another origin.',
  messages: {
    spaCallbackMissing:
      '{{key}} is {{state}} for provider {{provider}}: the identity provider has nowhere to send users back to and the ' +
      'server requires it. Write OpenMetadata\'s public address + "/callback", e.g. "https://<OpenMetadata host>/callback", ' +
      'and register it at the IdP.',
    ...urlProblemMessages(
      'callbackNotUrl',
      '{{key}} {{value}} is not an absolute http(s) URL ({{problem}}), so the IdP cannot redirect to it. ' +
        'Write the full URL, e.g. "https://<OpenMetadata host>/callback".',
    ),
    notCallbackPath:
      '{{key}} {{value}} does not end in "/callback": OpenMetadata receives the login only there (newer servers also at ' +
      '"/auth/callback"). Write {{callback}} and register the same URL at the IdP.',
    ...urlProblemMessages(
      'serverUrlNotUrl',
      '{{key}} {{value}} is not an absolute http(s) URL ({{problem}}). ' +
        'Write OpenMetadata\'s public address, e.g. "https://<OpenMetadata host>".',
    ),
    serverUrlPath:
      '{{key}} {{value}} has the path {{path}}: it must be OpenMetadata\'s address only, since the ' +
      'server appends "/logout" and "/auth/callback" to it. Write {{origin}}.',
    serverUrlSlash:
      '{{key}} {{value}} ends with "/": the server appends "/logout" and "/auth/callback", which then ' +
      'start with "//" and match no registered redirect. Write {{withoutSlash}}.',
    serverUrlOrigin:
      '{{setting}} is on {{origin}}{{unreachable}} but {{others}} {{verb}} on {{agreed}}: newer servers trust a login\'s ' +
      'redirect only to {{spaCallbackKey}} or to {{serverUrlKey}} + "/auth/callback" (or "/mcp/callback"), so a login that ' +
      'returns to {{agreed}}/auth/callback fails with "Redirect URI must exactly match a trusted redirect URI". Use {{agreed}} here too.',
    callbackOrigin:
      '{{setting}} is on {{origin}}{{unreachable}} but {{others}} {{verb}} on {{agreed}}: the code flow then redirects the ' +
      'browser to another address than the one the server and the IdP expect. Use {{agreed}} here too.',
    differentCallbackPaths:
      '{{oidcCallback}} and {{spaCallback}} name different callback paths: with a confidential client both must be the ' +
      'same redirect URI registered at the IdP ("/callback" and "/auth/callback" count as the same). Use {{callback}} here.',
  },
  check(ctx) {
    if (!ctx.isOidcProvider) return;
    checkSpaCallback(ctx);
    if (!usesCodeFlow(ctx)) return;
    checkShape(ctx, OIDC_CALLBACK);
    checkServerUrl(ctx);
    checkSameOrigin(ctx);
    checkSameCallback(ctx);
  },
});

function checkSpaCallback(ctx: RuleContext): void {
  const value = writtenSetting(ctx, AUTH_CALLBACK);
  if (value === null) return; // valid-schema's finding
  if (value === undefined || (typeof value === 'string' && value.trim() === '')) {
    ctx.report({
      at: AUTH_CALLBACK,
      target: value === undefined ? 'key' : 'value',
      messageId: 'spaCallbackMissing',
      data: { key: ctx.keyName(AUTH_CALLBACK), state: value === undefined ? 'not set' : 'empty', provider: show(ctx.provider) },
    });
    return;
  }
  checkShape(ctx, AUTH_CALLBACK);
}

/** Absolute http(s) URL whose path is the callback route. Only written values: the chart defaults are well-formed. */
function checkShape(ctx: RuleContext, path: Path): void {
  const written = writtenUrl(ctx, path);
  if (!written) return;
  const { value, url, problem } = written;
  if (!url) {
    const { messageId, data } = urlProblemReport('callbackNotUrl', problem);
    ctx.report({ at: path, messageId, data: { ...data, key: ctx.keyName(path), value: show(value) } });
    return;
  }
  if (!isCallbackPath(url)) {
    ctx.report({
      at: path,
      messageId: 'notCallbackPath',
      data: { key: ctx.keyName(path), value: show(value), callback: show(`${writtenOrigin(value)}/callback`) },
    });
  }
}

/** serverUrl is a base: "/logout" and "/auth/callback" are appended to it. */
function checkServerUrl(ctx: RuleContext): void {
  const written = writtenUrl(ctx, SERVER_URL);
  if (!written) return;
  const { value, url, problem } = written;
  if (!url) {
    const { messageId, data } = urlProblemReport('serverUrlNotUrl', problem);
    ctx.report({ at: SERVER_URL, messageId, data: { ...data, key: ctx.keyName(SERVER_URL), value: show(value) } });
    return;
  }
  const path = trimTrailingSlashes(url.pathname);
  if (path !== '/' && !isBasePathOfCallback(ctx, path)) {
    ctx.report({
      at: SERVER_URL,
      messageId: 'serverUrlPath',
      data: { key: ctx.keyName(SERVER_URL), value: show(value), path: show(path), origin: show(writtenOrigin(value)) },
    });
  } else if (/\/$/.test(value.trim())) {
    ctx.report({
      at: SERVER_URL,
      messageId: 'serverUrlSlash',
      data: { key: ctx.keyName(SERVER_URL), value: show(value), withoutSlash: show(value.trim().replace(/\/+$/, '')) },
    });
  }
}

type WrittenUrl = { value: string; url: URL; problem?: undefined } | { value: string; url?: undefined; problem: UrlProblem };

/**
 * The URL written at `path`, or why it is not one; undefined when nothing is written or the value
 * starts with a placeholder (no-placeholders reports those).
 */
function writtenUrl(ctx: RuleContext, path: Path): WrittenUrl | undefined {
  const value = ctx.get(path);
  if (typeof value !== 'string' || value.trim() === '') return undefined;
  const text = maskPlaceholders(value);
  if (text === undefined) return undefined;
  const problem = httpUrlProblem(text);
  if (problem) return { value, problem };
  // No problem: an absolute http(s) URL with a host, which parseHttpUrl reads as new URL() does.
  const url = ctx.once(parseHttpUrl, text);
  return url ? { value, url } : undefined;
}

/**
 * Scheme and host as the user wrote them (placeholders, and any user:password@, included), for
 * suggestions: a slice of the user's text, so messages show it.
 */
function writtenOrigin(value: string): string {
  return /^[a-z][a-z0-9+.-]*:\/\/[^/?#]*/i.exec(value.trim())?.[0] ?? value.trim();
}

/** A base path (BASE_PATH deployments) is accepted when the OIDC callback lives below it. */
function isBasePathOfCallback(ctx: RuleContext, path: string): boolean {
  const callback = urlSetting(ctx, OIDC_CALLBACK);
  return callback !== undefined && canonicalCallbackPath(callback.url) === `${path}/callback`;
}

/**
 * serverUrl, the SPA callback and the OIDC callback must name one public origin (OpenMetadata #23508, PR #33764). An origin
 * (scheme, host and port of a parsed URL, never its user:password@) is printed bare, as before.
 */
function checkSameOrigin(ctx: RuleContext): void {
  const settings = codeFlowUrls(ctx);
  const agreed = agreedOrigin(settings);
  if (agreed === undefined) return;
  const holders = settings.filter((setting) => setting.url.origin === agreed);
  for (const setting of settings) {
    if (setting.url.origin === agreed) continue;
    ctx.report({
      at: setting.path,
      target: setting.written ? 'value' : 'key',
      messageId: setting.path === SERVER_URL ? 'serverUrlOrigin' : 'callbackOrigin',
      data: {
        setting: mention(ctx, setting.path),
        origin: setting.url.origin,
        unreachable: unreachable(setting),
        others: holders.map((holder) => mention(ctx, holder.path)).join(' and '),
        verb: holders.length > 1 ? 'are' : 'is',
        agreed,
        ...(setting.path === SERVER_URL ? { spaCallbackKey: ctx.keyName(AUTH_CALLBACK), serverUrlKey: ctx.keyName(SERVER_URL) } : {}),
      },
    });
  }
}

function unreachable(setting: UrlSetting): string {
  return isInternalHost(setting.url.hostname) ? ' (which a browser on another machine or outside the cluster cannot reach)' : '';
}

/** Same origin, different callback route: the server sends one redirect_uri and the browser app expects the other. */
function checkSameCallback(ctx: RuleContext): void {
  const spa = urlSetting(ctx, AUTH_CALLBACK);
  const oidc = urlSetting(ctx, OIDC_CALLBACK);
  if (!spa || !oidc || spa.url.origin !== oidc.url.origin) return;
  if (!isCallbackPath(spa.url) || !isCallbackPath(oidc.url)) return; // already reported by checkShape
  if (canonicalCallbackPath(spa.url) === canonicalCallbackPath(oidc.url)) return;
  ctx.report({
    at: OIDC_CALLBACK,
    target: oidc.written ? 'value' : 'key',
    messageId: 'differentCallbackPaths',
    data: { oidcCallback: mention(ctx, OIDC_CALLBACK), spaCallback: mention(ctx, AUTH_CALLBACK), callback: show(spa.url.href) },
  });
}
