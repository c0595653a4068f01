/**
 * A GitOps file's releases of OpenMetadata's chart, as each tool hands their values to Helm: the
 * values layers in the tool's order (lowest precedence first), the `--set` family arguments the tool
 * passes, and what omlint cannot read. The engine reads the layers (the runner reads the files they
 * name), merges them as Helm does, with provenance, and lints the release like any values file.
 * Layouts never read a file: a values file is a request the job's reader answers.
 */
import type { Path } from '../../types';
import type { SetFlag } from '../../source/helm-set';
import type { SourceDocument } from '../../source/parse';
import type { FileRequest } from './request';
import { isChartRelease } from '../../knowledge/versions';
import type { Plain } from '../../types';

export type { FileRequest } from './request';

export type GitopsTool = 'argo-cd' | 'flux' | 'helmfile' | 'kustomize';

/**
 * How the tool hands a map of values to Helm, which decides what its plain scalars are: `helm`, YAML
 * 1.1 as Helm and Kubernetes read it (`off` is false: sigs.k8s.io/yaml, go-yaml v2); `yaml`, as
 * written in YAML 1.2 (helmfile decodes and re-encodes inline values with gopkg.in/yaml.v3, which
 * keeps `off` a string and quotes it for Helm).
 */
export type Typing = 'helm' | 'yaml';

/** One layer of a release's values, in the tool's order. `at` is where the layer is named in the GitOps file. */
export type LayerPlan =
  /** A map written in the GitOps file (`valuesObject`, `spec.values`, an inline helmfile map, `valuesInline`). */
  | { kind: 'inline'; at: Path; typing: Typing; what: string }
  /** A YAML document inside a string of the GitOps file (Argo CD's `helm.values`). */
  | { kind: 'text'; at: Path; what: string }
  /** A values file the runner reads. `template`: rendered by the tool first (helmfile's `.gotmpl`). */
  | { kind: 'file'; at: Path; request: FileRequest; what: string; template?: boolean }
  /** A value omlint cannot read at a known path (a Flux `valuesFrom` with `targetPath`). */
  | { kind: 'unknown'; at: Path; path: Path; what: string };

/** One `--set…` argument the tool passes: `argument` as Helm receives it, and where its name and value are written. */
export interface SetPlan {
  flag: SetFlag;
  argument: string;
  /** The entry in the GitOps file. */
  at: Path;
  /** Offsets of the argument up to `nameEnd` are the name (written at `namePath`), the rest the value (at `valuePath`). */
  nameEnd: number;
  namePath: Path;
  valuePath: Path;
  /** The value, when it is written as a list (helmfile's `values:`), item by item: offsets in the argument, and each item's path. */
  items?: { start: number; end: number; path: Path }[];
}

/** Why a source is not read. */
export type UnreadReason =
  | { kind: 'cluster'; object: string; key?: string }
  | { kind: 'other-repository'; repoURL: string }
  | { kind: 'no-ref'; ref: string }
  | { kind: 'chart-package' }
  | { kind: 'remote' }
  | { kind: 'template' }
  | { kind: 'encrypted' }
  | { kind: 'set-file' }
  | { kind: 'build-variable' }
  /** The job's reader found no such file (`path`: where it looked). */
  | { kind: 'missing'; path: string }
  /** The job's reader cannot read it (another repository, a folder, …). */
  | { kind: 'unreadable'; why: string };

/** A values source the release names that omlint does not read, at the entry that names it. */
export interface UnreadPlan {
  at: Path;
  what: string;
  reason: UnreadReason;
}

/** A values source the tool itself ignores (`values` beside Argo CD's `valuesObject`, …). */
export interface IgnoredPlan {
  at: Path;
  what: string;
  reason: string;
}

export interface ReleasePlan {
  tool: GitopsTool;
  /** The release in words: `Argo CD Application openmetadata`. */
  name: string;
  /** The document of the GitOps file that declares it, and where. */
  document: SourceDocument;
  at: Path;
  /** The chart release the file pins, when it pins one exactly: what `--chart-version` would say, unless given. */
  chartVersion?: string;
  /** What renders `{{ … }}` in its values before Helm (an ApplicationSet, helmfile), when something does. */
  templating?: string;
  layers: LayerPlan[];
  sets: SetPlan[];
  unread: UnreadPlan[];
  ignored: IgnoredPlan[];
}

/** A path as a GitOps file writes it, for messages: `spec.sources[0].helm.valueFiles[1]`. */
export function pathText(path: Path): string {
  return path.map((segment, i) => (typeof segment === 'number' ? `[${segment}]` : `${i > 0 ? '.' : ''}${segment}`)).join('');
}

/**
 * `{ chartVersion }` when a GitOps file pins one exact release of OpenMetadata's chart (Argo CD's
 * `targetRevision` of a Helm-repository source, Flux's `spec.chart.spec.version`, helmfile's and
 * Kustomize's `version`), else nothing: spread into a plan. A range (`1.6.*`, `>=1.6.0`), a git ref or
 * an unknown version pins none, and the rules then judge by `--chart-version` or the newest chart, as
 * for a values file.
 */
export function pinnedVersion(value: Plain | undefined): { chartVersion?: string } {
  if (typeof value !== 'string') return {};
  const version = value.trim().replace(/^v/, '');
  return isChartRelease(version) ? { chartVersion: version } : {};
}
