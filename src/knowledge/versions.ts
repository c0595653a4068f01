/**
 * The history of the chart's auth settings, for `--chart-version`: which key paths a chart release
 * has, what happened to a key it lacks (added later, removed before, renamed), where it reads the
 * auth sections from (`global` before 1.1.0, `openmetadata.config` since), its defaults, whether its
 * schema rejects an unknown key there, and the OpenMetadata server it deploys (appVersion).
 *
 * The data is src/knowledge/chart-history.ts, extracted from every tag openmetadata-X.Y.Z of
 * open-metadata/openmetadata-helm-charts by scripts/extract-chart-history.js. It is loaded only when
 * a question is asked (a run on the current chart with no unknown key never loads it), and nothing
 * is remembered between calls here: Node keeps the loaded module, the answers are cheap to recompute.
 */
import type { Path, Plain, PlainMap } from '../types';
import { CHART_DEFAULTS, CHART_VERSION } from './defaults';
import { setValueAt } from '../types';

/** Where a chart release reads the auth sections from. */
export type ChartLayout = 'global' | 'openmetadata.config';

/** Runs of releases in version order, as [first, last] chart versions. */
export type VersionRuns = readonly (readonly [string, string])[];

export interface ChartRename {
  /** Dotted config-relative paths. */
  from: string;
  to: string;
  /** The first release with `to` instead of `from`. */
  in: string;
  /** The chart commit that made the swap. */
  commit: string;
}

/** The shape of src/knowledge/chart-history.ts. */
export interface ChartHistoryData {
  /** Every release in version order: [chart version, appVersion, commit of the tag]. */
  releases: readonly (readonly [string, string, string])[];
  /** [first release, layout] for each stretch of releases with one layout (null: no auth settings yet). */
  layouts: readonly (readonly [string, ChartLayout | null])[];
  /** The releases that ship a values.schema.json. */
  schema: VersionRuns;
  /** The releases whose schema closes the whole values file (an unknown top-level key fails). */
  rootClosed: VersionRuns;
  /** Dotted config-relative key path → the releases whose values.yaml or values.schema.json has it. */
  keys: Readonly<Record<string, VersionRuns>>;
  /** Dotted path of a map ("" is the layout root) → the releases whose schema sets additionalProperties: false on it. */
  closed: Readonly<Record<string, VersionRuns>>;
  /** Dotted path of a leaf → [first release, default] for each change of its values.yaml default. */
  defaults: Readonly<Record<string, readonly (readonly [string, Plain])[]>>;
  renames: readonly ChartRename[];
}

export const VERSION_PATTERN = /^\d+\.\d+\.\d+$/;

/** Compares two X.Y.Z versions numerically. */
export function compareVersions(a: string, b: string): number {
  const pa = a.split('.').map(Number);
  const pb = b.split('.').map(Number);
  for (let i = 0; i < 3; i++) if (pa[i] !== pb[i]) return (pa[i] ?? 0) - (pb[i] ?? 0);
  return 0;
}

function data(): ChartHistoryData {
  return (require('./chart-history') as typeof import('./chart-history')).CHART_HISTORY;
}

const minorLine = (version: string): string => version.split('.').slice(0, 2).join('.');
const dotted = (path: Path): string => path.map(String).join('.');
const inRuns = (runs: VersionRuns | undefined, release: string): boolean =>
  runs?.some(([first, last]) => compareVersions(first, release) <= 0 && compareVersions(release, last) <= 0) ?? false;

/** The released chart versions, oldest first. */
export function chartReleases(): string[] {
  return data().releases.map(([version]) => version);
}

/**
 * The release whose data answers for `version`: the version itself when it was released; else the
 * newest release below it on its X.Y line; else the first release of that line (1.11.0 was never
 * tagged: 1.11.2); else the newest release below it (a future 2.0.0: 1.13.1), or the oldest release.
 */
export function releaseFor(version: string): string {
  const releases = chartReleases();
  if (releases.includes(version)) return version;
  const sameLine = releases.filter((release) => minorLine(release) === minorLine(version));
  const below = (list: string[]) => list.filter((release) => compareVersions(release, version) < 0).at(-1);
  return below(sameLine) ?? sameLine[0] ?? below(releases) ?? releases[0];
}

/** Whether `version` is a released chart version. */
export function isChartRelease(version: string): boolean {
  return chartReleases().includes(version);
}

/** The OpenMetadata server version chart `version` deploys (its appVersion). */
export function appVersionOf(version: string): string {
  const release = releaseFor(version);
  return data().releases.find(([chart]) => chart === release)?.[1] ?? release;
}

/** "1.4.8", or "0.0.49 (OpenMetadata 0.13.1)" when the chart and server versions differ. */
export function describeRelease(version: string): string {
  const app = appVersionOf(version);
  return app === version ? version : `${version} (OpenMetadata ${app})`;
}

/** Where chart `version` reads the auth sections from; undefined before the chart had any (0.0.12). */
export function chartLayout(version: string): ChartLayout | undefined {
  const release = releaseFor(version);
  return data().layouts.filter(([first]) => compareVersions(first, release) <= 0).at(-1)?.[1] ?? undefined;
}

/** The first release that reads the auth sections from `layout`. */
export function layoutSince(layout: ChartLayout): string {
  return data().layouts.find(([, each]) => each === layout)?.[0] as string;
}

/** Whether chart `version`'s schema closes the whole values file (1.0.x): an unknown top-level key fails helm install. */
export function chartClosesValuesRoot(version: string): boolean {
  return inRuns(data().rootClosed, releaseFor(version));
}

/** Whether chart `version` has the key `path` (config-relative) in its values.yaml or values.schema.json. */
export function chartHasKey(version: string, path: Path): boolean {
  return inRuns(data().keys[dotted(path)], releaseFor(version));
}

/** The keys chart `version` has directly under the map at `path`. */
export function chartChildKeys(version: string, path: Path): string[] {
  const release = releaseFor(version);
  const prefix = path.length === 0 ? '' : `${dotted(path)}.`;
  return Object.entries(data().keys)
    .filter(([key, runs]) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.') && inRuns(runs, release))
    .map(([key]) => key.slice(prefix.length));
}

/**
 * Whether chart `version`'s schema rejects an unknown key in the map at `path` ([] is the layout
 * root): `additionalProperties: false` there. Otherwise the chart accepts the key and ignores it.
 */
export function chartRejectsUnknownKeys(version: string, path: Path): boolean {
  return inRuns(data().closed[dotted(path)], releaseFor(version));
}

/** What happened to a key a chart release lacks. */
export type KeyChange =
  /** The chart got the key later, in `in` (with another name before: `renamedFrom`). */
  | { kind: 'added'; in: string; renamedFrom?: Path }
  /** The chart dropped the key in `in` (`lastIn` was the last release with it), for `renamedTo` if it was a rename. */
  | { kind: 'removed'; in: string; lastIn: string; renamedTo?: Path }
  /** A release of the line left out a key the line had before and has again after (1.8.3 and sessionExpiry). */
  | { kind: 'skipped'; lastIn: string; backIn: string };

/**
 * Why chart `version` does not have the key `path`; undefined when it has it, or when no release
 * ever had it (a typo: the schema rules say so). Patch releases of a line are judged along their line
 * first (1.7.0 lacks promptType, which came with 1.7.1 on that line, although 1.6.13 had it).
 */
export function keyChange(version: string, path: Path): KeyChange | undefined {
  const { releases, keys, renames } = data();
  const runs = keys[dotted(path)];
  const release = releaseFor(version);
  if (!runs || inRuns(runs, release)) return undefined;
  const having = releases.map(([each]) => each).filter((each) => inRuns(runs, each));
  const before = having.filter((each) => compareVersions(each, release) < 0);
  const after = having.filter((each) => compareVersions(each, release) > 0);
  const onLine = (list: string[]) => list.filter((each) => minorLine(each) === minorLine(release));
  const lastBefore = onLine(before).at(-1);
  const firstAfter = onLine(after)[0];
  if (lastBefore && firstAfter) return { kind: 'skipped', lastIn: lastBefore, backIn: firstAfter };
  const added = (first: string): KeyChange => {
    const rename = renames.find((each) => each.to === dotted(path) && each.in === first);
    return { kind: 'added', in: first, ...(rename && { renamedFrom: rename.from.split('.') }) };
  };
  const removed = (last: string): KeyChange => {
    const next = releases.map(([each]) => each).find((each) => compareVersions(each, last) > 0) as string;
    const rename = renames.find((each) => each.from === dotted(path) && each.in === next);
    return { kind: 'removed', in: next, lastIn: last, ...(rename && { renamedTo: rename.to.split('.') }) };
  };
  if (firstAfter) return added(firstAfter);
  if (lastBefore) return removed(lastBefore);
  if (after.length > 0) return added(after[0]);
  return removed(before.at(-1) as string);
}

/**
 * The chart defaults of `version`, from its values.yaml. Where a release has no clientType yet
 * (before 1.3.2) it stays `public`: the server's own default, which is what runs (no
 * AUTHENTICATION_CLIENT_TYPE is rendered).
 */
export function chartDefaults(version: string = CHART_VERSION): PlainMap {
  if (version === CHART_VERSION) return CHART_DEFAULTS;
  const release = releaseFor(version);
  const { keys, defaults } = data();
  const built: PlainMap = {};
  for (const [key, changes] of Object.entries(defaults)) {
    if (!inRuns(keys[key], release)) continue;
    const value = changes.filter(([first]) => compareVersions(first, release) <= 0).at(-1)?.[1];
    if (value !== undefined) setValueAt(built, key.split('.'), structuredClone(value));
  }
  if (!inRuns(keys['authentication.clientType'], release)) setValueAt(built, ['authentication', 'clientType'], 'public');
  return built;
}
