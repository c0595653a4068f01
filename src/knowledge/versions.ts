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
import { CHART_DEFAULTS, CHART_VERSION, SERVER_VERSION } from './defaults';
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
  if (data().releases.some(([each]) => each === version)) return version;
  const releases = chartReleases();
  const sameLine = releases.filter((release) => minorLine(release) === minorLine(version));
  const below = (list: string[]) => list.filter((release) => compareVersions(release, version) < 0).at(-1);
  return below(sameLine) ?? sameLine[0] ?? below(releases) ?? releases[0];
}

/** Whether `version` is a released chart version. */
export function isChartRelease(version: string): boolean {
  return chartReleases().includes(version);
}

/**
 * Whether a Chart.yaml names a release of open-metadata's chart (openmetadata-helm-charts): name
 * `openmetadata`, a released version, and that release's appVersion when it gives one. Forks keep
 * the name: clemlabprojects/trino-charts `charts/openmetadata` is `openmetadata` 1.12.7 with
 * appVersion 1.12.6 (@ 047020f9) and later 1.13.5 and 1.13.24, with keys of its own.
 */
export function isOpenMetadataChartRelease(chart: { name?: string; version?: string; appVersion?: string }): boolean {
  if (chart.name !== 'openmetadata' || chart.version === undefined) return false;
  const release = data().releases.find(([version]) => version === chart.version);
  return release !== undefined && (chart.appVersion === undefined || chart.appVersion === release[1]);
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
 * One chart release's answers. A rule that asks several questions gets one (a few dozen
 * microseconds to make) through `ctx.once(chartRelease, ctx.chartVersion)`, so the rules of a model
 * share it; nothing outlives the caller's reference to it.
 */
export interface ChartRelease {
  /** The released version that answers (`releaseFor` of the version asked about). */
  readonly version: string;
  /** The OpenMetadata server it deploys (its appVersion). */
  readonly appVersion: string;
  /** Where it reads the auth sections from; undefined before the chart had any (0.0.12). */
  readonly layout: ChartLayout | undefined;
  /** Whether its values.yaml or values.schema.json has the key `path` (config-relative). */
  has(path: Path): boolean;
  /** The keys it has directly under the map at `path`. */
  childKeys(path: Path): string[];
  /** Whether its schema rejects an unknown key in the map at `path` ([] is the layout root): additionalProperties: false. */
  rejectsUnknownKeys(path: Path): boolean;
  /** Whether its schema closes the whole values file (1.0.x): an unknown top-level key fails helm install. */
  closesValuesRoot(): boolean;
  /** Why it does not have `path`; undefined when it has it, or when no release ever had it (a typo). */
  change(path: Path): KeyChange | undefined;
  /** Its defaults, from its values.yaml (a fresh copy). */
  defaults(): PlainMap;
  /** Its default for the leaf `path`, or undefined where it has none. */
  defaultAt(path: Path): Plain | undefined;
}

/** The answers of the chart release `version` (or of the release that answers for it, see releaseFor). */
export function chartRelease(version: string): ChartRelease {
  const history = data();
  const versions = history.releases.map(([each]) => each);
  const indexOf = new Map(versions.map((each, i) => [each, i]));
  const release = releaseFor(version);
  const at = indexOf.get(release) as number;
  const inRuns = (runs: VersionRuns | undefined, index: number = at): boolean =>
    runs?.some(([first, last]) => (indexOf.get(first) as number) <= index && index <= (indexOf.get(last) as number)) ?? false;
  const present = new Set(Object.keys(history.keys).filter((key) => inRuns(history.keys[key])));
  /** The default of a leaf `present` has: the last change at or before the release. */
  const defaultOf = (key: string): Plain => {
    const changes = history.defaults[key];
    let i = changes.length - 1;
    while (i > 0 && (indexOf.get(changes[i][0]) as number) > at) i--;
    return changes[i][1];
  };
  return {
    version: release,
    appVersion: history.releases[at][1],
    layout: history.layouts.filter(([first]) => (indexOf.get(first) as number) <= at).at(-1)?.[1] ?? undefined,
    has: (path) => present.has(dotted(path)),
    childKeys(path) {
      const prefix = path.length === 0 ? '' : `${dotted(path)}.`;
      return [...present].filter((key) => key.startsWith(prefix) && !key.slice(prefix.length).includes('.')).map((key) => key.slice(prefix.length));
    },
    rejectsUnknownKeys: (path) => inRuns(history.closed[dotted(path)]),
    closesValuesRoot: () => inRuns(history.rootClosed),
    change: (path) => (present.has(dotted(path)) ? undefined : changeOf(history, versions, release, path, (runs, index) => inRuns(runs, index))),
    defaults() {
      if (release === CHART_VERSION && version === CHART_VERSION) return CHART_DEFAULTS;
      const built: PlainMap = {};
      for (const key in history.defaults) {
        if (present.has(key)) setValueAt(built, key.split('.'), copyOf(defaultOf(key)));
      }
      // No clientType before 1.3.2: the server's own default, public, is what runs (nothing renders AUTHENTICATION_CLIENT_TYPE).
      if (!present.has('authentication.clientType')) setValueAt(built, ['authentication', 'clientType'], 'public');
      return built;
    },
    defaultAt(path) {
      const key = dotted(path);
      return present.has(key) && key in history.defaults ? copyOf(defaultOf(key)) : undefined;
    },
  };
}

/** A default is a scalar, a list of scalars or an empty map: a shallow copy keeps the data untouched. */
function copyOf(value: Plain): Plain {
  if (Array.isArray(value)) return value.slice();
  return value !== null && typeof value === 'object' ? { ...value } : value;
}

/**
 * Why `release` lacks `path`. Patch releases of a line are judged along their line first (1.7.0
 * lacks promptType, which came with 1.7.1 on that line, although 1.6.13 had it).
 */
function changeOf(
  history: ChartHistoryData,
  versions: readonly string[],
  release: string,
  path: Path,
  inRuns: (runs: VersionRuns | undefined, index: number) => boolean,
): KeyChange | undefined {
  const runs = history.keys[dotted(path)];
  if (!runs) return undefined;
  const at = versions.indexOf(release);
  const having = versions.filter((_, i) => inRuns(runs, i));
  const before = having.filter((each) => versions.indexOf(each) < at);
  const after = having.filter((each) => versions.indexOf(each) > at);
  const onLine = (list: string[]) => list.filter((each) => minorLine(each) === minorLine(release));
  const lastBefore = onLine(before).at(-1);
  const firstAfter = onLine(after)[0];
  if (lastBefore && firstAfter) return { kind: 'skipped', lastIn: lastBefore, backIn: firstAfter };
  const added = (first: string): KeyChange => {
    const rename = history.renames.find((each) => each.to === dotted(path) && each.in === first);
    return { kind: 'added', in: first, ...(rename && { renamedFrom: rename.from.split('.') }) };
  };
  const removed = (last: string): KeyChange => {
    const next = versions[versions.indexOf(last) + 1];
    const rename = history.renames.find((each) => each.from === dotted(path) && each.in === next);
    return { kind: 'removed', in: next, lastIn: last, ...(rename && { renamedTo: rename.to.split('.') }) };
  };
  if (firstAfter) return added(firstAfter);
  if (lastBefore) return removed(lastBefore);
  if (after.length > 0) return added(after[0]);
  return removed(before.at(-1) as string);
}

/** The OpenMetadata server version chart `version` deploys (its appVersion). */
export function appVersionOf(version: string): string {
  const release = releaseFor(version);
  return (data().releases.find(([each]) => each === release) as readonly [string, string, string])[1];
}

/** "1.4.8", or "0.0.49 (OpenMetadata 0.13.1)" when the chart and server versions differ. */
export function describeRelease(version: string): string {
  const app = appVersionOf(version);
  return app === version ? version : `${version} (OpenMetadata ${app})`;
}

/** Where chart `version` reads the auth sections from; undefined before the chart had any (0.0.12). */
export function chartLayout(version: string): ChartLayout | undefined {
  return chartRelease(version).layout;
}

/** The first release that reads the auth sections from `layout`. */
export function layoutSince(layout: ChartLayout): string {
  return data().layouts.find(([, each]) => each === layout)?.[0] as string;
}

/** Whether chart `version` has the key `path` (config-relative) in its values.yaml or values.schema.json. */
export function chartHasKey(version: string, path: Path): boolean {
  return chartRelease(version).has(path);
}

/**
 * Whether chart `version`'s schema rejects an unknown key in the map at `path` ([] is the layout
 * root): `additionalProperties: false` there. Otherwise the chart accepts the key and ignores it.
 */
export function chartRejectsUnknownKeys(version: string, path: Path): boolean {
  return chartRelease(version).rejectsUnknownKeys(path);
}

/** Why chart `version` does not have the key `path` (see ChartRelease.change). */
export function keyChange(version: string, path: Path): KeyChange | undefined {
  return chartRelease(version).change(path);
}

/**
 * The chart defaults of `version`, from its values.yaml (1.13.1's are src/knowledge/defaults.ts,
 * which the data is checked against). Where a release has no clientType yet (before 1.3.2) it
 * stays `public`, the server's own default.
 */
export function chartDefaults(version: string = CHART_VERSION): PlainMap {
  if (version === CHART_VERSION) return CHART_DEFAULTS;
  return chartRelease(version).defaults();
}

/** Where the version of the OpenMetadata server a model is for comes from. */
export type ServerVersionSource =
  /** The appVersion of the chart release the values are for (`--chart-version`, default 1.13.1). */
  | 'chart'
  /** `--server-version` (or `serverVersion` in a config file). */
  | 'option'
  /** Nothing named one: the server the newest chart omlint knows deploys. */
  | 'default';

export interface ServerVersion {
  version: string;
  from: ServerVersionSource;
  /** The chart release, when `from` is `chart`. */
  chartVersion?: string;
}

/**
 * The OpenMetadata server a model is for. Helm values deploy the chart's appVersion (chart 1.13.1's
 * unless `--chart-version` names another release; `--server-version` when the values pin another
 * image); the server's openmetadata.yaml, env files and security config exports name no version:
 * `--server-version`, else the newest server omlint knows (SERVER_VERSION).
 */
export function serverVersionOf(helm: boolean, chartVersion?: string, serverVersion?: string): ServerVersion {
  if (helm && chartVersion !== undefined) return { version: appVersionOf(chartVersion), from: 'chart', chartVersion };
  if (serverVersion !== undefined) return { version: serverVersion, from: 'option' };
  return helm ? { version: SERVER_VERSION, from: 'chart', chartVersion: CHART_VERSION } : { version: SERVER_VERSION, from: 'default' };
}

/** Whether `version` is `since` or later (X.Y.Z, or an appVersion of four parts). */
export function isAtLeast(version: string, since: string): boolean {
  return compareVersions(version, since) >= 0;
}
