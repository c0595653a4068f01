/**
 * How a message names another key: as the user's kind of file writes it, with its line, or with the
 * default it falls back to (the chart's in Helm values, the stock openmetadata.yaml's on the server
 * layout).
 */
import type { Path, Plain } from '../../types';
import type { RuleContext } from './rule';
import { showValue } from './message';

/**
 * `oidcConfiguration.serverUrl (line 36)` when the user wrote it, else
 * `oidcConfiguration.serverUrl (not set, so the chart default "http://openmetadata:8585")`; in an
 * env file `OIDC_SERVER_URL (not set, so the server's default "http://localhost:8585")`.
 *
 * The text holds the key's name, a line number or a default, never a value the user wrote, so a
 * rule may pass it as a plain datum (and join several): with nothing written at the path, not even
 * through extraEnvs, effective() can only be the chart's default (the stock openmetadata.yaml's on
 * the server layout), which is omlint's knowledge, not the user's text.
 */
export function mention(ctx: RuleContext, path: Path): string {
  const name = ctx.keyName(path);
  const entry = typeof path.at(-1) === 'number' ? ' entry' : '';
  if (ctx.get(path) !== undefined) return `${name}${entry} (line ${ctx.locationOf(path).line})`;
  const fallback = ctx.effective(path);
  return fallback === undefined ? `${name} (not set)` : `${name} (not set, so ${ctx.defaultsName} ${quotedDefault(fallback)})`;
}

/**
 * The name of a list's entry: `publicKeys[1]` in a values file, `publicKeyUrls[1]`,
 * `AUTHENTICATION_PUBLIC_KEYS[1]` in the server's files (counted from 0, as YAML paths are).
 */
export function entryName(ctx: RuleContext, path: Path): string {
  const index = path.at(-1);
  return typeof index === 'number' ? `${ctx.keyName(path)}[${index}]` : ctx.keyName(path);
}

/** A default as a message shows a value: quoted, on one line, cut short. */
function quotedDefault(value: Plain): string {
  return showValue(typeof value === 'string' ? value : JSON.stringify(value));
}
