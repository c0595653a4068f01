/** How a message names another key: by its chart name and line, or as the chart default it falls back to. */
import type { Path } from '../../types';
import type { RuleContext } from './rule';
import { show } from './helpers';

/** The key's name as users read it in a values file: `oidcConfiguration.serverUrl`, `authorizer.principalDomain`. */
export function keyName(path: Path): string {
  const names = path.filter((segment) => typeof segment === 'string') as string[];
  return (names[0] === 'authentication' && names.length > 1 ? names.slice(1) : names).join('.');
}

/**
 * `oidcConfiguration.serverUrl (line 36)` when the user wrote it, else
 * `oidcConfiguration.serverUrl (not set, so the chart default "http://openmetadata:8585")`.
 */
export function mention(ctx: RuleContext, path: Path): string {
  const entry = typeof path.at(-1) === 'number' ? ' entry' : '';
  if (ctx.get(path) !== undefined) return `${keyName(path)}${entry} (line ${ctx.locationOf(path).line})`;
  const fallback = ctx.effective(path);
  return fallback === undefined ? `${keyName(path)} (not set)` : `${keyName(path)} (not set, so the chart default ${show(fallback)})`;
}
