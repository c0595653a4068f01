/**
 * The public API, and the only way into omlint: the CLI, its worker threads, the tests and editor
 * integrations all lint through createLinter().
 *
 *   const { createLinter, loadFormatter } = require('omlint');
 *   const linter = createLinter({ cwd: repo });
 *   const results = linter.lintFiles(['helm/']);
 *   console.log(loadFormatter('stylish')(results, { cwd: repo, color: false, rules: linter.rules }));
 *
 * A linter honours the same things the command line does: `.omlintrc.*` files found upward from
 * each file (or `configFile`), `rules` over them, inline `# omlint-disable…` directives, the baseline
 * of `baseline`, `since` or a config file, the env file, the input limits. It keeps what it caches for
 * itself: two linters share nothing, and nothing outlives the linter.
 */
import * as path from 'path';
import type { LintResult, RuleSetting } from './types';
import type { InputLimits } from './source/limits';
import type { SourceText } from './engine/job';
import type { Rule } from './rules/support/rule';
import { createEngineCaches } from './engine/caches';
import { Runner, RunOptions, type HelmSetOption } from './runner/runner';
import { ConfigError, EffectiveConfig, RunConfig } from './runner/config';
import { decodeText, readStdin } from './source/read';
import type { FileOutcome } from './runner/parallel';
import { RuleCrashError } from './engine/crash';

export type { Finding, LintResult, Location, Path, Range, RuleSetting, Severity, TextFix } from './types';
export type { Rule, RuleMeta, RuleContext, Report, Baseline } from './rules/support/rule';
export type { Formatter, FormatterContext } from './formatters/types';
export type { SourceText } from './engine/job';
export type { EffectiveConfig, RunConfig } from './runner/config';
export type { HelmSetOption } from './runner/runner';
export { NoFilesMatchError } from './runner/files';
export { InputError } from './source/read';
export { RuleCrashError } from './engine/crash';
export { ConfigError };
export type { FileOutcome } from './runner/parallel';
export { DEFAULT_INPUT_LIMITS, LIMIT_OPTIONS, MAX_DEPTH_CEILING } from './source/limits';
export type { InputLimits } from './source/limits';
export { RULES } from './rules';
export { docsUrl } from './rules/support/rule';
export { loadFormatter, FORMAT_NAMES } from './formatters';

export interface LinterOptions {
  /** What relative paths and patterns are relative to (default: process.cwd()). */
  cwd?: string;
  /** Use this config file instead of looking for `.omlintrc.*` upward from each file; `false`: no config files. */
  configFile?: string | false;
  /** Rule severities that win over config files (`--rule`). */
  rules?: Record<string, RuleSetting>;
  /** The chart release the values are for (`--chart-version`; default: the newest omlint knows). */
  chartVersion?: string;
  /**
   * The OpenMetadata server openmetadata.yaml, env files and security config exports are for
   * (`--server-version`; default: the newest omlint knows). Helm values deploy their chart's appVersion.
   */
  serverVersion?: string;
  /**
   * What a YAML file is read as when its shape leaves a doubt (`--layout`): `auto` (the default) reads
   * a file with exactly `authenticationConfiguration` and `authorizerConfiguration` as a security
   * config export, `export` reads every YAML file as one (a file meant for update-security-config),
   * `server` never does.
   */
  layout?: 'auto' | 'export' | 'server';
  /** The variables of openmetadata.yaml's `${VAR:-default}` (`--env-file`): a path, or `{ filePath, text }`. */
  envFile?: string | SourceText;
  /** Older values every file is compared with (`--baseline`): a path, or `{ filePath, text }`. */
  baseline?: string | SourceText;
  /** Compare each file with its version at this git revision (`--since`). */
  since?: string;
  /**
   * The security config export (`openmetadata-ops.sh get-security-config`) every file is compared
   * with (`--against-export`): a path, or `{ filePath, text }`. stored-config-drift reports what the
   * stored copy runs instead of the file's values.
   */
  againstExport?: string | SourceText;
  /** Input limits (SECURITY.md); missing entries keep their defaults. */
  limits?: Partial<InputLimits>;
  /** Report `# omlint-disable…` directives that suppress nothing. */
  reportUnusedDisableDirectives?: boolean;
  /** Apply the safe fixes: `write` writes the files back, `dry-run` gives the fixed text as each result's `output`. */
  fix?: 'write' | 'dry-run';
  /** Where notices go (a fixed text not shown because it holds secrets); default: nowhere. */
  onNotice?: (text: string) => void;
  /** `yaml`: parse with the `yaml` package only, never the fast reader (for tests). */
  parser?: 'auto' | 'yaml';
  /**
   * Give each fixable finding its fix as an edit of the file's text (`textFix`), which the json
   * format writes as ESLint's `fix`. It costs a parse of each file with a fixable finding, so it is
   * off by default; `--format json` turns it on. Never while fixing (`fix`).
   */
  textFixes?: boolean;
  /**
   * Helm's `--set` family (`--set`, `--set-string`, `--set-json`, `--set-file`), read as Helm reads
   * them and applied as Helm applies them: on top of every Helm release linted (after every values
   * file of lintValues, on a values file linted alone, on a GitOps file's release after the tool's
   * own arguments), by flag in Helm's order (`--set-json`, `--set`, `--set-string`, `--set-file`),
   * each flag's arguments in the order given. A finding on a value one sets is reported in
   * `<command line>`, line 1, at the value's column (`column`: where the argument starts in the
   * command line; by default the arguments are taken as written one after another, `--set A
   * --set-string B …`). An argument Helm refuses whatever the values, or a `--set-file` file that
   * cannot be read, throws an InputError when the linter is made. docs/gitops.md.
   */
  set?: readonly HelmSetOption[];
}

export interface Linter {
  /** Every rule, for formatters and `--list-rules`. */
  readonly rules: readonly Rule[];
  /**
   * Files, directories and globs, as the command line takes them: a directory is scanned for values,
   * server and env files (honouring .gitignore). Files without auth settings, or ignored by a config
   * file, are left out. A file that cannot be read throws an InputError with a one-line message.
   */
  lintFiles(patterns: readonly string[]): LintResult[];
  /** The files `patterns` name, less those config files ignore. A pattern that names nothing goes to `onMissing`, else throws. */
  files(patterns: readonly string[], onMissing?: (error: Error) => void): string[];
  /** One file. Undefined: ignored by a config file, or no OpenMetadata auth settings in it. */
  lintFile(file: string): LintResult | undefined;
  /** A text, as if it were the file `filePath` (its config files apply when it names one). */
  lintText(text: string, filePath?: string): LintResult | undefined;
  /** The values files of one release (paths, or texts), merged as `helm -f` merges them, findings in the file that set each value. */
  lintValues(files: readonly (string | SourceText)[]): LintResult | undefined;
  /**
   * Each file's outcome, in the order given, as it becomes known: its result, or the error that
   * stops only that file (an unreadable file). A ConfigError is thrown: it ends the run. With
   * `env`, a run over many files shares them with worker threads (OMLINT_WORKERS in it overrides
   * how many), each with a linter made from this one's options; never while fixing.
   */
  lintEach(files: readonly string[], env?: NodeJS.ProcessEnv): Iterable<{ file: string; outcome: FileOutcome }>;
  /** Standard input (read within the file size limit), as if it were `filePath`. */
  lintStdin(filePath?: string, read?: () => Uint8Array): LintResult | undefined;
  /** What applies to `file`: the config files used, whether it is ignored, rules, baseline and the other per-file keys. */
  configFor(file: string): EffectiveConfig;
  /**
   * What the config files of the working directory (or `configFile`) say about the run as a whole:
   * `allowEmpty` and `maxWarnings`, which decide a command's exit code. The linter itself does not
   * act on them; the CLI does.
   */
  runConfig(): RunConfig;
  /** The options this linter was made with, defaults filled in: what a worker thread makes its own linter from. */
  readonly options: RunOptions;
}

export function createLinter(options: LinterOptions = {}): Linter {
  return linterFrom(runOptions(options), options.onNotice ?? (() => undefined));
}

/** createLinter's options with their defaults: plain data, so a worker thread can get a copy. */
function runOptions(options: LinterOptions): RunOptions {
  return {
    cwd: options.cwd ?? process.cwd(),
    configFile: options.configFile,
    rules: { ...options.rules },
    chartVersion: options.chartVersion,
    serverVersion: options.serverVersion,
    layout: options.layout,
    envFile: options.envFile,
    baseline: options.baseline,
    againstExport: options.againstExport,
    since: options.since,
    limits: { ...options.limits },
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives ?? false,
    fix: options.fix,
    parser: options.parser ?? 'auto',
    textFixes: options.textFixes ?? false,
    ...(options.set && options.set.length > 0 ? { set: options.set.map((set) => ({ ...set })) } : {}),
  };
}

function linterFrom(options: RunOptions, notice: (text: string) => void): Linter {
  const runner = new Runner(options, createEngineCaches(), notice);
  const { RULES } = require('./rules') as typeof import('./rules');
  const absolute = (file: string): string => path.resolve(options.cwd, file);
  // `<text>` and `<stdin>` stand for no file: no config file applies to them but the one given.
  const standsFor = (file: string): string => (/^<.*>$/.test(file) ? '<stdin>' : absolute(file));
  const files = (patterns: readonly string[], onMissing?: (error: Error) => void): string[] => {
    const { resolveFiles } = require('./runner/files') as typeof import('./runner/files');
    return runner.notIgnored(resolveFiles(patterns, options.cwd, onMissing));
  };
  return {
    rules: RULES,
    options,
    files,
    lintFiles: (patterns) => files(patterns).flatMap((file) => runner.lintFile(file) ?? []),
    lintFile: (file) => runner.lintFile(absolute(file)),
    lintText: (text, filePath = '<text>') => runner.lintSource({ filePath, text }, standsFor(filePath), false),
    lintValues: (valuesFiles) => runner.lintValues(valuesFiles.map((file) => (typeof file === 'string' ? absolute(file) : file))),
    configFor: (file) => runner.configFor(standsFor(file)),
    runConfig: () => runner.runConfig(),
    lintEach(fileList, env) {
      const { lintAll } = require('./runner/parallel') as typeof import('./runner/parallel');
      // A worker loads this module (or the bundle that holds it) and calls workerMain().
      const parallel = env && !options.fix ? { entry: __filename, options, env } : undefined;
      return lintAll(fileList, (file) => outcomeOf(runner, absolute(file)), parallel);
    },
    lintStdin(filePath = '<stdin>', read) {
      const bytes = read ? read() : readStdin(runner.readLimits);
      return runner.lintSource({ filePath, text: decodeText(bytes, filePath, runner.readLimits) }, standsFor(filePath), false);
    },
  };
}

/**
 * The body of a worker thread of a run (src/runner/parallel.ts): a linter made from the main
 * thread's options, linting the files it takes.
 */
export function workerMain(): void {
  const { serveWorker } = require('./runner/parallel') as typeof import('./runner/parallel');
  serveWorker((options: RunOptions) => {
    const runner = new Runner(options, createEngineCaches(), () => undefined);
    return (file) => outcomeOf(runner, file);
  });
}

/**
 * One file's outcome: its result, or the error that stops only this file (with the findings made,
 * when a rule crashed); a ConfigError ends the run.
 */
function outcomeOf(runner: Runner, file: string): FileOutcome {
  try {
    return { result: runner.lintFile(file) };
  } catch (error) {
    if (error instanceof ConfigError) throw error;
    return error instanceof RuleCrashError && error.result ? { failure: error, result: error.result } : { failure: error };
  }
}
