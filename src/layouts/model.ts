/**
 * The AuthModel: the auth sections of one document as plain data, in the Helm chart's key names,
 * with the means to point back at the file and line of anything in it. Rules see only this.
 */
import type { Location, Path, Plain, PlainMap } from '../types';
import type { DuplicateKey, Target } from '../source/yaml';
import type { EnvValueProblem } from './env-value';

/** What turns a document path into a location; a YAML document, or several merged ones. */
export interface Locator {
  locate(path: Path, target?: Target): Location | undefined;
  locateClosest(path: Path, target?: Target): Location;
  /** Where the value at a document path came from; absent: the file that holds its location. */
  origin?(path: Path): Origin | undefined;
}

/** Where a value came from: the file that set it, and how. */
export interface Origin {
  filePath: string;
  /** With -f layering: a later file replaced the list or scalar an earlier file set here (Helm replaces, it never merges lists). */
  replaced?: { filePath: string; value: Plain };
  /** The value is an environment variable's text (extraEnvs, an env file, `${VAR:-default}` in openmetadata.yaml). */
  env?: { name: string; source: EnvSource };
}

/** How an environment variable got its value. */
export type EnvSource = 'extraEnvs' | 'env-file' | 'substitution-default';

/**
 * `server` is OpenMetadata's own configuration: openmetadata.yaml or a docker env file, translated
 * to the chart's key names. Helm-only checks (chart schema, chart gates, `${VAR}` in values) skip it.
 */
export type LayoutId = 'helm' | 'umbrella' | 'legacy-global' | 'misplaced-config' | 'server';

/** An extraEnvs entry that sets a value the values keys also set; the env var wins (Kubernetes `env` beats `envFrom`). */
export interface EnvOverride {
  name: string;
  /** Config-relative model path it sets. */
  path: Path;
  /** Document path of the extraEnvs entry. */
  entryPath: Path;
  /** What the values file says there (written or chart default), which the env var shadows. */
  shadowed?: Plain;
  /** Where the shadowed values key is written, when it is. */
  shadowedLocation?: Location;
}

/**
 * An environment variable's text that the server cannot read as meant (an extraEnvs entry, an env
 * file's line, a `${VAR}` substitution), at the model path (relative to `root`) where it lands.
 */
export interface EnvValueFact {
  at: Path;
  root?: ModelRoot;
  /** The variables whose text it is. */
  names: string[];
  problem: EnvValueProblem;
}

/** An env-file line that does not set what it seems to (read while the file is parsed). */
export type EnvLineFact =
  | { kind: 'not-an-assignment'; line: number; text: string }
  | { kind: 'colon' | 'space-after-equals' | 'repeats-name' | 'self-reference'; line: number; name: string }
  | { kind: 'set-twice'; line: number; name: string; earlierLine: number }
  | { kind: 'unknown-name'; line: number; name: string; suggestion?: string };

/** Which root a model path is relative to. */
export type ModelRoot = 'config' | 'chart' | 'document';

export interface AuthModel {
  layout: LayoutId;
  /** The linted file. */
  filePath: string;
  /** The whole document as plain data. */
  document: Plain;
  /** Where the openmetadata chart's values start: [] at the root, [dependency] in an umbrella chart. */
  chartPath: Path;
  /** Where the auth sections' parent sits (`openmetadata.config` for the Helm layout). */
  configPath: Path;
  /** The map at configPath: authentication, authorizer, jwtTokenConfiguration, fernetkey. */
  config: PlainMap;
  locator: Locator;
  duplicateKeys: DuplicateKey[];
  /** What a key the user does not write is worth (default: the chart's, for --chart-version). */
  defaults?: PlainMap;
  /** extraEnvs entries folded into `config` (they win over the values keys). */
  envOverrides?: EnvOverride[];
  /**
   * The index of the YAML document a fix at document path `at` edits; undefined where no single
   * YAML key carries the value (the server layout's translated names, -f layering, an env var).
   */
  fixableDocument?: (at: Path) => number | undefined;
  /** Environment variables whose text the server cannot read as meant. */
  envValueFacts?: EnvValueFact[];
  /** An env file's lines that do not set what they seem to. */
  envLineFacts?: EnvLineFact[];
}

/** Helm values (any of its layouts), as opposed to the server's own configuration. */
export function isHelmModel(model: AuthModel): boolean {
  return model.layout !== 'server';
}

/** Turns a model path relative to `root` into a path from the document root. */
export function documentPath(model: AuthModel, path: Path, root: ModelRoot = 'config'): Path {
  if (root === 'document') return path;
  return [...(root === 'chart' ? model.chartPath : model.configPath), ...path];
}

/** The value at `path` below `from`, or undefined where the path does not exist. */
export function valueAt(from: Plain | undefined, path: Path): Plain | undefined {
  let current: Plain | undefined = from;
  for (const segment of path) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = Array.isArray(current)
      ? typeof segment === 'number' ? current[segment] : undefined
      : Object.prototype.hasOwnProperty.call(current, segment) ? current[String(segment)] : undefined;
  }
  return current;
}

/** Sets `value` at `path` below `root`, creating (or replacing non-map) parents as maps. */
export function setValueAt(root: PlainMap, path: Path, value: Plain): void {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    const next = node[String(segment)];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[String(segment)] = {};
    node = node[String(segment)] as PlainMap;
  }
  node[String(path.at(-1))] = value;
}
