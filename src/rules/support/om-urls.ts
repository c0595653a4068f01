/**
 * What the auth rules need to know about URLs: which shapes the server can turn into a URL at all,
 * which hosts only exist inside the cluster or on the developer's machine, and which paths the
 * OIDC callback may take. Pure functions, no I/O.
 */
import { parseHttpUrl } from './helpers';

/** Characters Java's URI.create rejects (the server parses these URLs with it: OpenMetadata JwtFilter). */
const NOT_URI_CHARACTER = /[\s"<>\\^`{|}]/;

/** Template text left from the docs: `{your domain}`, `<tenant>`. */
const PLACEHOLDER = /\{[^{}]*\}|<[^<>]*>/;

/**
 * Why `text` cannot be used as an absolute http(s) URL by the server, as a short phrase
 * ("it has no http:// or https:// scheme"), or undefined when it can.
 */
export function httpUrlProblem(text: string): string | undefined {
  return findUrlProblem(text);
}

function findUrlProblem(text: string): string | undefined {
  if (text.trim() === '') return 'it is empty';
  if (looksLikeKey(text)) return 'it is a key, not a URL';
  if (text !== text.trim()) return 'it has spaces around it, which the server keeps';
  const placeholder = PLACEHOLDER.exec(text);
  if (placeholder) return `it still holds the placeholder ${placeholder[0]}`;
  if (/\$\{/.test(text)) return 'it is an unexpanded ${…} variable';
  if (/^https?:\/\/+https?:/i.test(text)) return 'the scheme is written twice';
  const scheme = /^([a-z][a-z0-9+.-]*):\/\//i.exec(text)?.[1];
  if (!scheme) return text.startsWith('/') ? 'it is a path without scheme and host' : 'it has no http:// or https:// scheme';
  if (!/^https?$/i.test(scheme)) return `its scheme is ${scheme}://, not http:// or https://`;
  const bad = NOT_URI_CHARACTER.exec(text);
  if (bad) return `it contains ${bad[0].trim() === '' ? 'a space' : `"${bad[0]}"`}, which a URL cannot hold`;
  if (/%(?![0-9a-f]{2})/i.test(text)) return 'it contains a "%" that starts no %XX escape';
  if (!parseHttpUrl(text)) return 'it has no valid host';
  return undefined;
}

/** A PEM block or bare base64 DER key: never to be echoed in a message (it may be a private key). */
export function looksLikeKey(text: string): boolean {
  return /-----BEGIN [A-Z ]+-----/.test(text) || /^MII[A-Za-z0-9+/=\s]{40,}$/.test(text.trim());
}

/** The URL when `text` is one the server can use, else undefined. */
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
  return !host.includes('.') && !host.includes(':');
}

/**
 * The value with each docs placeholder replaced by the neutral host name "placeholder.invalid" (never internal), so that the
 * parts the user did write (scheme, path) can still be checked; undefined when the value starts
 * with a placeholder, which then stands for the scheme and host as well (`{ISSUER_URL}/...`).
 */
export function maskPlaceholders(text: string): string | undefined {
  if (!PLACEHOLDER.test(text)) return text;
  if (!/^[a-z][a-z0-9+.-]*:\/\//i.test(text)) return undefined;
  return text.replace(new RegExp(PLACEHOLDER.source, 'g'), 'placeholder.invalid');
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
