/**
 * A lint job: everything one deployment's configuration is linted with, whatever form it came in.
 * The runner turns each input (a values file, `-f` layers, standard input, a server
 * `openmetadata.yaml`, an env file, a `--since` comparison) into one job; the engine runs every job
 * through the same stages (src/engine/pipeline.ts), so a setting acts the same on each of them.
 */
import type { RuleSetting } from '../types';
import type { Baseline, StoredConfig } from '../rules/support/rule';
import type { InputLimits } from '../source/limits';
import type { ParsedEnvFile } from '../layouts/env-file';
import type { ChartFile, LayoutChoice } from '../layouts/model';
import type { FileRequest } from '../layouts/gitops/request';
import type { SetFlag } from '../source/helm-set';

/** One text of a job, as read: the file it came from and its content. */
export interface SourceText {
  filePath: string;
  text: string;
}

export interface JobSettings {
  /** Severity per rule id: config files merged with `--rule` (`off` turns a rule off). */
  rules: Readonly<Record<string, RuleSetting>>;
  /** The older values to compare with (jwt-principal-claims-order, stored-config-precedence). */
  baseline?: Baseline;
  /** The security config a server stored, from a get-security-config export (`--against-export`; stored-config-drift). */
  storedConfig?: StoredConfig;
  /** The chart release the values are for (its keys and defaults). */
  chartVersion?: string;
  /** The OpenMetadata server openmetadata.yaml, env files and security config exports are for (`--server-version`). */
  serverVersion?: string;
  /** The variables the `${VAR:-default}` substitutions of openmetadata.yaml take (--env-file). */
  envFile?: ParsedEnvFile;
  /** `--layout`: read YAML files by their shape, always as a security config export, or never as one. */
  layout?: LayoutChoice;
  limits: InputLimits;
  /** Report `# omlint-disable…` directives that suppressed nothing. */
  reportUnusedDisableDirectives: boolean;
  /**
   * The Chart.yaml beside the linted values file (the runner reads it on first call; undefined: none,
   * or not a real file). A fork of the chart keeps its own keys and defaults.
   */
  chartFile?: () => ChartFile | undefined;
  /** `yaml`: skip the fast reader (test/fast-path.test.ts compares both readers). */
  parser: 'auto' | 'yaml';
  /**
   * Helm's `--set` family from omlint's command line (or createLinter's `set`), applied on top of
   * every Helm release the job lints: after every `-f` file, on the values file, on a GitOps
   * file's release after the tool's own arguments.
   */
  sets?: readonly SetArgument[];
  /** Reads a values file a GitOps file names (the runner's: layouts and the engine read no file). */
  readRelated?: (from: string, request: FileRequest) => RelatedFile;
}

/** One `--set…` argument of omlint's command line. */
export interface SetArgument {
  flag: SetFlag;
  argument: string;
  /** The 1-based column of its first character in the command line (findings on its values land there). */
  column: number;
  /** Reads a `--set-file` argument's file: its text, or a thrown Error with Helm's reason. */
  readFile?: (path: string) => string;
}

/** A values file a GitOps file names: read, not there, or not readable (another repository, …). */
export type RelatedFile =
  | { source: SourceText }
  | { missing: string }
  | { unreadable: string };

export interface LintJob {
  /** The path the result is reported under: the linted file, or the last `-f` file (the one Helm gives precedence). */
  label: string;
  /** One source, or the `-f` values files in Helm's order. */
  sources: readonly SourceText[];
  /** The sources are values files merged as `helm -f` merges them. */
  layered: boolean;
  settings: JobSettings;
}
