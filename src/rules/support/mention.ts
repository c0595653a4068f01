/** How a message names another key: by its chart name and line, or as the chart default it falls back to. */
import type { Path, Plain } from '../../types';
import type { RuleContext } from './rule';
import { showValue } from './message';

/** The key's name as users read it in a values file: `oidcConfiguration.serverUrl`, `authorizer.principalDomain`. */
export function keyName(path: Path): string {
  const names = path.filter((segment) => typeof segment === 'string') as string[];
  return (names[0] === 'authentication' && names.length > 1 ? names.slice(1) : names).join('.');
}

/**
 * `oidcConfiguration.serverUrl (line 36)` when the user wrote it, else
 * `oidcConfiguration.serverUrl (not set, so the chart default "http://openmetadata:8585")`.
 *
 * The text holds the key's name, a line number or a default, never a value the user wrote, so a
 * rule may pass it as a plain datum (and join several): with nothing written at the path, not even
 * through extraEnvs, effective() can only be the chart's default (the stock openmetadata.yaml's on
 * the server layout), which is omlint's knowledge, not the user's text.
 */
export function mention(ctx: RuleContext, path: Path): string {
  const entry = typeof path.at(-1) === 'number' ? ' entry' : '';
  if (ctx.get(path) !== undefined) return `${keyName(path)}${entry} (line ${ctx.locationOf(path).line})`;
  const chartDefault = ctx.effective(path);
  return chartDefault === undefined
    ? `${keyName(path)} (not set)`
    : `${keyName(path)} (not set, so the chart default ${quotedDefault(chartDefault)})`;
}

/** A default as a message shows a value: quoted, on one line, cut short. */
function quotedDefault(value: Plain): string {
  return showValue(typeof value === 'string' ? value : JSON.stringify(value));
}
