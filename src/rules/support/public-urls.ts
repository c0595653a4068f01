/**
 * OpenMetadata's own public address appears in several settings: the SPA callback, and for the
 * server-side code flow the OIDC callback and serverUrl (OpenMetadata AuthenticationCodeFlowHandler.java
 * @ 0152299f). callback-url checks the
 * code-flow settings against each other; public-url-consistency checks the rest against them.
 * Both use these functions so that one disagreement is reported once.
 */
import type { Path } from '../../types';
import type { RuleContext } from './rule';
import { isInternalHost, usableHttpUrl } from './om-urls';
import { isPlainMap } from '../../types';

export const AUTH_CALLBACK: Path = ['authentication', 'callbackUrl'];
export const OIDC_CALLBACK: Path = ['authentication', 'oidcConfiguration', 'callbackUrl'];
export const SERVER_URL: Path = ['authentication', 'oidcConfiguration', 'serverUrl'];

export interface UrlSetting {
  path: Path;
  url: URL;
  /** False when the chart default applies. */
  written: boolean;
}

/**
 * The server runs the OIDC code flow (and reads oidcConfiguration) only for confidential OIDC
 * clients (AuthServeletHandlerFactory.java @ 4a4ca905). Without any oidcConfiguration written, client-type-oidc alone reports what to add:
 * checking the chart defaults of a block the user never wrote would only repeat it.
 */
export function usesCodeFlow(ctx: RuleContext): boolean {
  return ctx.clientType === 'confidential' && ctx.isOidcProvider && isPlainMap(ctx.get(['authentication', 'oidcConfiguration']));
}

/** OpenMetadata's public origin as the SPA callback gives it, for suggestions in messages. */
export function suggestedOrigin(ctx: RuleContext): string {
  return urlSetting(ctx, AUTH_CALLBACK)?.url.origin ?? 'https://<OpenMetadata host>';
}

/**
 * The effective value at `path` as a usable http(s) URL, or undefined (unset, blank, malformed,
 * placeholder). callback-url and public-url-consistency read the same settings: the URL is worked
 * out once per model.
 */
export function urlSetting(ctx: RuleContext, path: Path): UrlSetting | undefined {
  const written = ctx.get(path);
  const url = ctx.once(usableHttpUrl, written !== undefined ? written : ctx.effective(path));
  return url && { path, url, written: written !== undefined };
}

/** serverUrl, the SPA callback and the OIDC callback, in the order that decides ties. */
export function codeFlowUrls(ctx: RuleContext): UrlSetting[] {
  return [SERVER_URL, AUTH_CALLBACK, OIDC_CALLBACK].flatMap((path) => urlSetting(ctx, path) ?? []);
}

/**
 * The origin the settings most likely mean as OpenMetadata's public address: among public hosts if
 * any, else among what the user wrote, else among all; the most frequent, ties to the earliest.
 */
export function agreedOrigin(settings: readonly UrlSetting[]): string | undefined {
  const publicOnes = settings.filter((setting) => !isInternalHost(setting.url.hostname));
  const writtenOnes = settings.filter((setting) => setting.written);
  const pool = publicOnes.length > 0 ? publicOnes : writtenOnes.length > 0 ? writtenOnes : settings;
  let best: string | undefined;
  let bestCount = 0;
  for (const setting of pool) {
    const count = pool.filter((other) => other.url.origin === setting.url.origin).length;
    if (count > bestCount) {
      best = setting.url.origin;
      bestCount = count;
    }
  }
  return best;
}
