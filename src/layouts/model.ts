/**
 * The AuthModel: the auth sections of one document as plain data, in the Helm chart's key names,
 * with the means to point back at the file and line of anything in it. Rules see only this.
 */
import type { Location, Path, Plain, PlainMap, Severity } from '../types';
import type { DuplicateKey, Locator } from '../source/tree';
import type { EnvValueProblem } from './env-value';

/**
 * `beside-config`: auth sections written under `openmetadata` (or `<dependency>.openmetadata`) beside
 * `config` instead of inside it; `misplaced-config`: a root `config` without `openmetadata`.
 * `server` is OpenMetadata's own configuration: openmetadata.yaml or a docker env file, translated
 * to the chart's key names. Helm-only checks (chart schema, chart gates, `${VAR}` in values) skip it.
 */
export type LayoutId = 'helm' | 'umbrella' | 'legacy-global' | 'misplaced-config' | 'beside-config' | 'server';

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
  | { kind: 'unknown-name'; line: number; name: string; suggestion?: string }
  /** A name OpenMetadata read once and no longer does; `was`: what it set. */
  | { kind: 'removed-name'; line: number; name: string; was: string }
  /** The file is in docker compose's `KEY: value` format (`count` such lines, the first on `line`). */
  | { kind: 'compose-format'; line: number; count: number };

/** Which root a model path is relative to. */
export type ModelRoot = 'config' | 'chart' | 'document';

/**
 * `--layout`: what a YAML file is read as when its shape leaves a doubt. Declared here, not in
 * layouts/index.ts, so the public declarations (engine/job.ts) do not reach the YAML reader's types.
 */
export type LayoutChoice = 'auto' | 'export' | 'server';

/**
 * The kind of file the model was read from, which decides the words of a message: Helm values
 * (chart key names, chart defaults), the server's openmetadata.yaml (server key names, its stock
 * defaults) or a docker env file (variable names, the server's defaults).
 */
export type SourceForm = 'values' | 'server-config' | 'env-file';

/** The Chart.yaml beside a values file (the runner reads it): the chart the values are for. */
export interface ChartFile {
  filePath: string;
  name?: string;
  version?: string;
  appVersion?: string;
}

/** A ChartFile, judged. */
export interface ChartFacts extends ChartFile {
  /**
   * It is not a release of open-metadata's `openmetadata` chart: another chart, or a fork that kept
   * the name (src/knowledge/versions.ts isOpenMetadataChartRelease). Its keys and defaults are its
   * own, so the chart-schema checks step back; OpenMetadata's semantics still apply.
   */
  otherChart: boolean;
}

export interface AuthModel {
  layout: LayoutId;
  form: SourceForm;
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
   * Where a fix at document path `at` edits the linted file: which YAML document, and the path in it
   * (a GitOps file holds the values below a key of its own). Undefined where no single YAML key
   * carries the value (the server layout's translated names, -f layering, an env var); `blocked`
   * where one does but --fix cannot edit it (a YAML text inside a quoted or folded string, another file, an argument),
   * which --fix then says.
   */
  fixTarget?: (at: Path) => FixTarget | undefined;
  /**
   * Document paths whose value omlint cannot know: a template expression (`{{ … }}`) a tool renders
   * before Helm reads it, or a value from a source omlint cannot read. Nothing is reported about
   * such a value, nor about a list that holds one, nor in words that quote one (src/engine/funnel.ts).
   */
  unknown?: readonly Path[];
  /** Environment variables whose text the server cannot read as meant. */
  envValueFacts?: EnvValueFact[];
  /** An env file's lines that do not set what they seem to. */
  envLineFacts?: EnvLineFact[];
  /** The Chart.yaml beside the values file, when there is one (Helm layouts, not an umbrella's dependency). */
  chart?: ChartFacts;
  /**
   * The document is a security config export (`get-security-config`) or a file meant for
   * `update-security-config` (src/layouts/export.ts): server key names, values taken literally.
   */
  securityExport?: SecurityExportFacts;
  /**
   * Severities the layout raises before config files and `--rule` apply: an export is imported
   * without any validation, so its warnings are errors (`{ warn: 'error' }`).
   */
  escalate?: Readonly<Partial<Record<Severity, Severity>>>;
}

/** What the export layout found about the file as a whole. */
export interface SecurityExportFacts {
  /** Read as an export because `--layout export` said so, not because of its shape. */
  forced: boolean;
  /** The parts the file has (server names). */
  parts: string[];
  /** The parts it lacks: `securityConfiguration.json` requires both. */
  missing: string[];
  /** Top-level keys other than the two parts: the import refuses them. */
  unknownKeys: string[];
}

/**
 * Where a fix edits the linted file (`embedded`: inside the YAML text of the literal block string at
 * that path, `at` then a path of that text), or why --fix cannot make it there.
 */
export type FixTarget = { document: number; at: Path; embedded?: Path } | { blocked: string };

/** Helm values (any of its layouts), as opposed to the server's own configuration. */
export function isHelmModel(model: AuthModel): boolean {
  return model.layout !== 'server';
}

/** Turns a model path relative to `root` into a path from the document root. */
export function documentPath(model: AuthModel, path: Path, root: ModelRoot = 'config'): Path {
  if (root === 'document') return path;
  return [...(root === 'chart' ? model.chartPath : model.configPath), ...path];
}
