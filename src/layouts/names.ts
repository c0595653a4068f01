/**
 * How a message names a setting in the kind of file the user wrote: the chart's key in Helm values
 * (`publicKeys`, `oidcConfiguration.callbackUrl`, `authorizer.principalDomain`), the server's key in
 * openmetadata.yaml (`publicKeyUrls`, `oidcConfiguration.callbackUrl`,
 * `authorizerConfiguration.principalDomain`), the variable in an env file
 * (`AUTHENTICATION_PUBLIC_KEYS`, `OIDC_CALLBACK`), and where a setting nobody wrote comes from.
 */
import type { Path } from '../types';
import type { SourceForm } from './model';
import { SERVER_FERNET_KEYS, SERVER_SECTIONS, SERVER_TO_CHART_KEYS } from '../knowledge/names';
import { envNameForPath } from '../knowledge/env-names';

/** The name of the setting at a config-relative model path (chart names), as the user writes it in `form`. */
export function keyNameIn(form: SourceForm, path: Path): string {
  // An item of a list is named by the list's variable.
  if (form === 'env-file') return envNameForPath(path.filter((segment) => typeof segment === 'string')) ?? serverKeyName(path);
  return form === 'server-config' ? serverKeyName(path) : chartKeyName(path);
}

/** Where a value nobody wrote comes from, in words: "the chart default", "the server's default". */
export function defaultsNameIn(form: SourceForm): string {
  return form === 'values' ? 'the chart default' : "the server's default";
}

/** `authentication.x.y` is written `x.y`: the section is implied, as in the chart's own comments. */
function shortened(names: string[], section: string): string {
  return (names[0] === section && names.length > 1 ? names.slice(1) : names).join('.');
}

function chartKeyName(path: Path): string {
  return shortened(path.filter((segment): segment is string => typeof segment === 'string'), 'authentication');
}

/** The server's names: sections end in `Configuration`, and a few keys differ (SERVER_TO_CHART_KEYS). */
function serverKeyName(path: Path): string {
  const names = path.filter((segment): segment is string => typeof segment === 'string');
  const server = names.map((name, i) => {
    if (i === 0) return Object.keys(SERVER_SECTIONS).find((key) => SERVER_SECTIONS[key] === name) ?? name;
    if (names[0] === 'fernetkey') return Object.keys(SERVER_FERNET_KEYS).find((key) => SERVER_FERNET_KEYS[key] === name) ?? name;
    const renames = SERVER_TO_CHART_KEYS[names[i - 1]] ?? {};
    return Object.keys(renames).find((key) => renames[key] === name) ?? name;
  });
  return shortened(server, 'authenticationConfiguration');
}
