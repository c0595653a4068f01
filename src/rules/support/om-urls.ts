/**
 * What the auth rules need to know about URLs: which shapes the server can turn into a URL at all,
 * which hosts only exist inside the cluster or on the developer's machine, and which paths the
 * OIDC callback may take. Pure functions, no I/O.
 */
import { parseHttpUrl } from './helpers';
import { show } from './message';
import type { MessageData } from './rule';

/** Characters Java's URI.create rejects (the server parses these URLs with it: OpenMetadata JwtFilter). */
const NOT_URI_CHARACTER = /[\s"<>\\^`{|}]/;

/** Template text left from the docs: `{your domain}`, `<tenant>`. */
const PLACEHOLDER = /\{[^{}]*\}|<[^<>]*>/;

/**
 * A template expression (`{{ .Values.host }}`, an ApplicationSet's `{{domain}}`), which the tool that
 * renders it fills in before Helm reads the value (docs/gitops.md): never a docs placeholder.
 */
const TEMPLATE_EXPRESSIONS = /\{\{[\s\S]*?\}\}/g;

/**
 * Why a text is not an absolute http(s) URL the server can use, in the few words a rule's message
 * puts in parentheses. The part of the value a reason names (the placeholder, the scheme, the
 * character) is a placeholder of its own, filled from the problem's data.
 */
export const URL_PROBLEMS = {
  empty: 'it is empty',
  key: 'it is a key, not a URL',
  spaces: 'it has spaces around it, which the server keeps',
  placeholder: 'it still holds the placeholder {{placeholder}}',
  variable: 'it is an unexpanded ${…} variable',
  schemeTwice: 'the scheme is written twice',
  pathOnly: 'it is a path without scheme and host',
  noScheme: 'it has no http:// or https:// scheme',
  otherScheme: 'its scheme is {{scheme}}://, not http:// or https://',
  space: 'it contains a space, which a URL cannot hold',
  character: 'it contains {{character}}, which a URL cannot hold',
  percent: 'it contains a "%" that starts no %XX escape',
  noHost: 'it has no valid host',
} as const;

export type UrlProblemKind = keyof typeof URL_PROBLEMS;

export interface UrlProblem {
  kind: UrlProblemKind;
  /**
   * The part of the value the reason names. A docs placeholder and a URL scheme are printed bare,
   * as they always were (template text and a scheme are no secrets); a stray character is shown.
   */
  data: MessageData;
}

/**
 * Why `text` cannot be used as an absolute http(s) URL by the server, or undefined when it can.
 * A message names it through urlProblemMessages() and urlProblemReport().
 */
export function httpUrlProblem(value: string): UrlProblem | undefined {
  const problem = (kind: UrlProblemKind, data: MessageData = {}): UrlProblem => ({ kind, data });
  // A template expression is filled in before Helm reads the value: no placeholder left behind, a host of its own.
  const text = value.replace(TEMPLATE_EXPRESSIONS, 'template.invalid');
  if (text.trim() === '') return problem('empty');
  if (looksLikeKey(text)) return problem('key');
  if (text !== text.trim()) return problem('spaces');
  const placeholder = PLACEHOLDER.exec(text);
  if (placeholder) return problem('placeholder', { placeholder: placeholder[0] });
  if (/\$\{/.test(text)) return problem('variable');
  if (/^https?:\/\/+https?:/i.test(text)) return problem('schemeTwice');
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (!scheme) return problem(text.startsWith('/') ? 'pathOnly' : 'noScheme');
  if (!/^https?$/i.test(scheme)) return problem('otherScheme', { scheme });
  const bad = NOT_URI_CHARACTER.exec(text);
  if (bad) return bad[0].trim() === '' ? problem('space') : problem('character', { character: show(bad[0]) });
  if (/%(?![0-9a-f]{2})/i.test(text)) return problem('percent');
  if (!parseHttpUrl(text)) return problem('noHost');
  return undefined;
}

/**
 * The templates of a message that says why a URL is unusable: `frame` with its `{{problem}}`
 * spelled out for each reason, under the ids `<id>.<reason>` (one sentence shape each).
 */
export function urlProblemMessages(id: string, frame: string): Record<string, string> {
  if (!frame.includes('{{problem}}')) throw new Error(`message ${id} has no {{problem}} to spell out`);
  const messages: Record<string, string> = {};
  for (const [kind, words] of Object.entries(URL_PROBLEMS)) messages[`${id}.${kind}`] = frame.replace('{{problem}}', () => words);
  return messages;
}

/** The message id and data of `problem` in the messages urlProblemMessages(id, …) made. */
export function urlProblemReport(id: string, problem: UrlProblem): { messageId: string; data: MessageData } {
  return { messageId: `${id}.${problem.kind}`, data: problem.data };
}

/** A PEM block or bare base64 DER key: never to be echoed in a message (it may be a private key). */
export function looksLikeKey(text: string): boolean {
  return /-----BEGIN [A-Z ]+-----/.test(text) || /^MII[A-Za-z0-9+/=\s]{40,}$/.test(text.trim());
}

/**
 * The URL when `text` is one the server can use, else undefined. Rules with a context ask through
 * ctx.once(usableHttpUrl, value): the URL returned may then be shared and must not be modified.
 */
export function usableHttpUrl(text: unknown): URL | undefined {
  return typeof text === 'string' && httpUrlProblem(text) === undefined ? parseHttpUrl(text) : undefined;
}

/**
 * Hosts a browser outside the cluster cannot reach: loopback, and Kubernetes service names
 * (single-label like the chart's `openmetadata`, or `*.svc`, `*.cluster.local`).
 */
export function isInternalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || host === '::1' || host === '0.0.0.0') return true;
  if (/^127\.\d+\.\d+\.\d+$/.test(host)) return true;
  if (host === 'host.docker.internal') return true;
  if (/\.svc$|\.svc\.cluster\.local$|\.cluster\.local$/.test(host)) return true;
  // IPv6, as the URL parser writes it: loopback, unspecified, or 127.x.y.z mapped (`::ffff:7f00:1`).
  if (host.includes(':')) return host === '::1' || host === '::' || /^::ffff:7f[0-9a-f]{2}:[0-9a-f]{1,4}$/.test(host);
  return !host.includes('.');
}

/**
 * The value with each docs placeholder replaced by the neutral host name "placeholder.invalid" (never internal), so that the
 * parts the user did write (scheme, path) can still be checked; undefined when the value starts
 * with a placeholder, which then stands for the scheme and host as well (`{ISSUER_URL}/...`).
 * Nested braces (`{{host}}`, a Helm or Jinja expression `{{ .Values.host }}`) are masked to the
 * last pair: one pass would leave `{placeholder.invalid}`, omlint's own word, for a message to
 * quote as if the user had written it.
 */
export function maskPlaceholders(text: string): string | undefined {
  if (!PLACEHOLDER.test(text)) return text;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  let masked = text;
  // Each pass removes one level of nesting, and a value has at most a few.
  for (let pass = 0; pass < 8 && PLACEHOLDER.test(masked); pass++) masked = masked.replace(new RegExp(PLACEHOLDER.source, 'g'), 'placeholder.invalid');
  return PLACEHOLDER.test(masked) ? undefined : masked;
}

/** True when the value still holds a docs placeholder. */
export function hasPlaceholder(text: string): boolean {
  return PLACEHOLDER.test(text);
}

/** A path with its trailing slashes removed ("/" stays "/"). */
export function trimTrailingSlashes(path: string): string {
  const trimmed = path.replace(/\/+$/, '');
  return trimmed === '' ? '/' : trimmed;
}

/**
 * The OIDC callback path, with the `/auth/callback` form that newer servers' confidential flow
 * uses folded onto `/callback` (OpenMetadata #26311, AuthenticationCodeFlowHandler), so the two compare equal.
 */
export function canonicalCallbackPath(url: URL): string {
  return trimTrailingSlashes(url.pathname).replace(/\/auth\/callback$/, '/callback');
}

/** True when the path is the callback route (`/callback` or `/auth/callback`, possibly below a base path). */
export function isCallbackPath(url: URL): boolean {
  return /\/callback$/.test(trimTrailingSlashes(url.pathname));
}

/** The suffix of every OpenID Connect discovery document URL (OpenID Connect Discovery 1.0 §4). */
export const DISCOVERY_SUFFIX = '/.well-known/openid-configuration';
