/**
 * Which chart release introduced which auth key, for `--chart-version`: the keys of an older
 * chart and its defaults. Only this history of open-metadata/openmetadata-helm-charts is modelled:
 *   `promptType` (PR #341, commit f905db0, tags from 1.6.13 and 1.7.1);
 *   `sessionExpiry` (commit 6726ded, chart 1.8.2);
 *   `allowedDomains` (commit 5cfd7d3, tags from openmetadata-1.6.12 and 1.7.0);
 *   `oidcConfiguration.enabled`, `oidcType`, `customParams` and `authentication.clientType`
 *     (commit 83b837d, "fix: #222", chart 1.3.2);
 *   `useRolesFromProvider` (commit dee3278, chart 1.4.0).
 * An older chart's values.schema.json rejects a key it does not know (`additionalProperties: false`).
 */
import type { Path, PlainMap } from '../types';
import { CHART_DEFAULTS, CHART_VERSION } from './defaults';
import { isPlainMap, valueAt } from '../types';

export interface KeyHistory {
  /** Config-relative path (under `openmetadata.config`). */
  path: Path;
  /**
   * The first release of each release line that has the key. A fix released on two lines at once
   * lists both ("1.6.13", "1.7.1"): 1.6.13+ and 1.7.1+ have it, 1.7.0 does not.
   */
  since: readonly string[];
}

export const KEY_HISTORY: readonly KeyHistory[] = [
  { path: ['authentication', 'clientType'], since: ['1.3.2'] },
  { path: ['authentication', 'oidcConfiguration', 'enabled'], since: ['1.3.2'] },
  { path: ['authentication', 'oidcConfiguration', 'oidcType'], since: ['1.3.2'] },
  { path: ['authentication', 'oidcConfiguration', 'customParams'], since: ['1.3.2'] },
  { path: ['authorizer', 'useRolesFromProvider'], since: ['1.4.0'] },
  { path: ['authorizer', 'allowedDomains'], since: ['1.6.12', '1.7.0'] },
  { path: ['authentication', 'oidcConfiguration', 'promptType'], since: ['1.6.13', '1.7.1'] },
  { path: ['authentication', 'oidcConfiguration', 'sessionExpiry'], since: ['1.8.2'] },
];

export const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

/** Compares two X.Y.Z versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

const line = (version: string): string => version.split('.').slice(0, 2).join('.');

/** Whether chart `version` has a key introduced in `since`. */
export function hasKey(history: KeyHistory, version: string): boolean {
  const newest = [...history.since].sort(compareVersions).at(-1) as string;
  if (compareVersions(version, newest) >= 0) return true;
  return history.since.some((first) => line(first) === line(version) && compareVersions(version, first) >= 0);
}

/** The keys `version` does not have yet, with the release(s) that added them. */
export function keysNewerThan(version: string): readonly KeyHistory[] {
  return remembered(newerKeys, version, () => KEY_HISTORY.filter((history) => !hasKey(history, version)));
}

/** Both answers depend only on the version, asked for every model of a run: computed once per version. */
const newerKeys = new Map<string, readonly KeyHistory[]>();
const defaultsByVersion = new Map<string, PlainMap>();

function remembered<T>(cache: Map<string, T>, version: string, compute: () => T): T {
  let value = cache.get(version);
  if (value === undefined) {
    value = compute();
    // A version comes from the command line or a config file: a handful per run at most.
    if (cache.size < 64) cache.set(version, value);
  }
  return value;
}

/** How a message names the release(s) that added a key: "1.8.2", "1.6.13 / 1.7.1". */
export function describeSince(history: KeyHistory): string {
  return history.since.join(' / ');
}

/**
 * The chart defaults of `version`: 1.13.1's without the keys that chart did not have yet. (Older
 * default values are not modelled, only when keys appeared.) Where a gated key is gone, the server's
 * own default applies: for clientType that is `public` (conf/openmetadata.yaml
 * `${AUTHENTICATION_CLIENT_TYPE:-public}`), which is what it stays.
 */
export function chartDefaults(version: string = CHART_VERSION): PlainMap {
  return remembered(defaultsByVersion, version, () => defaultsOf(version));
}

function defaultsOf(version: string): PlainMap {
  const missing = keysNewerThan(version).filter((history) => history.path.join('.') !== 'authentication.clientType');
  if (missing.length === 0) return CHART_DEFAULTS;
  const copy = structuredClone(CHART_DEFAULTS) as PlainMap;
  for (const { path } of missing) {
    const parent = valueAt(copy, path.slice(0, -1));
    if (isPlainMap(parent)) delete parent[String(path.at(-1))];
  }
  return copy;
}
