/**
 * From inputs to jobs: which files to lint, what applies to each (config files, `--rule`, the
 * baseline of `--baseline`, `--since` or a config file, the env file), read within the limits, and
 * handed to the engine as one job each. createLinter() (src/index.ts) is built on this, and so is
 * every worker thread of a run, from the same options.
 */
import * as path from 'path';
import type { LintResult, RuleSetting } from '../types';
import type { Baseline, StoredConfig } from '../rules/support/rule';
import type { LintJob, JobSettings, RelatedFile, SetArgument, SourceText } from '../engine/job';
import type { FileRequest } from '../layouts/gitops';
import type { SetFlag } from '../source/helm-set';
import type { EngineCaches } from '../engine/caches';
import { InputLimits, resolveLimits } from '../source/limits';
import { DEFAULT_READ_LIMITS, InputError, ReadLimits, Scratch, readSourceFile } from '../source/read';
import type { ParsedEnvFile } from '../layouts/env-file';
import { ConfigError, ConfigResolver, EffectiveConfig, RunConfig } from './config';

/** What a run lints with: createLinter's options with their defaults, plain data (a worker thread gets a copy). */
export interface RunOptions {
  cwd: string;
  /** A config file to use instead of looking for `.omlintrc.*` upward from each file; `false`: none at all. */
  configFile?: string | false;
  /** Severities that win over config files (`--rule`). */
  rules: Record<string, RuleSetting>;
  chartVersion?: string;
  /** The OpenMetadata server the server's files are for (`--server-version`). */
  serverVersion?: string;
  /** `--layout`: read YAML files by their shape (`auto`), always as a security config `export`, or never as one (`server`). */
  layout?: 'auto' | 'export' | 'server';
  /** The variables of `${VAR:-default}` in openmetadata.yaml: a file to read, or its text. */
  envFile?: string | SourceText;
  /** The older values every file is compared with (`--baseline`): a file to read, or its text. */
  baseline?: string | SourceText;
  /** The security config export every file is compared with (`--against-export`): a file to read, or its text. */
  againstExport?: string | SourceText;
  /** Compare each file with its version at this git revision (`--since`). */
  since?: string;
  limits: Partial<InputLimits>;
  reportUnusedDisableDirectives: boolean;
  /** Apply the safe fixes: `write` writes the files, `dry-run` returns the fixed text as `output`. */
  fix?: 'write' | 'dry-run';
  parser: 'auto' | 'yaml';
  /** Give each fixable finding its fix as a text edit (`textFix`, ESLint's `fix` in JSON); never while fixing. */
  textFixes?: boolean;
  /** Helm's `--set` family, applied on top of every Helm release linted (LinterOptions.set). */
  set?: readonly HelmSetOption[];
}

/** One `--set…` argument (createLinter's `set`, the command line's `--set`, `--set-string`, `--set-json`, `--set-file`). */
export interface HelmSetOption {
  flag: SetFlag;
  argument: string;
  /**
   * The 1-based column of the argument's first character in the command line, where a finding on a
   * value it sets lands (file `<command line>`, line 1). Default: the arguments written one after
   * another, `--set A --set-string B …`, from column 1.
   */
  column?: number;
}

export class Runner {
  readonly readLimits: ReadLimits;
  private readonly limits: InputLimits;
  private readonly configs: ConfigResolver | undefined;
  private readonly fixedBaseline: Baseline | undefined;
  private readonly envFile: ParsedEnvFile | undefined;
  private readonly configBaselines = new Map<string, Baseline>();
  private readonly configEnvFiles = new Map<string, ParsedEnvFile>();
  private readonly fixedStored: StoredConfig | undefined;
  private readonly configStored = new Map<string, StoredConfig>();
  private readonly scratch: Scratch = {};
  private readonly sets: readonly SetArgument[];
  private related: import('./related').RelatedFiles | undefined;

  constructor(
    readonly options: RunOptions,
    private readonly caches: EngineCaches,
    private readonly notice: (text: string) => void,
  ) {
    this.limits = resolveLimits(options.limits);
    this.readLimits = { maxBytes: options.limits.maxFileSize ?? DEFAULT_READ_LIMITS.maxBytes };
    const { RULES } = require('../rules') as typeof import('../rules');
    this.configs = options.configFile === false
      ? undefined
      : new ConfigResolver({ configFile: options.configFile, cwd: options.cwd, knownRuleIds: RULES.map((rule) => rule.id), notice });
    this.fixedBaseline = options.baseline === undefined ? undefined : this.readBaseline(options.baseline);
    this.envFile = options.envFile === undefined ? undefined : this.readEnvFile(options.envFile);
    this.sets = options.set && options.set.length > 0 ? this.readSets(options.set) : [];
    this.fixedStored = options.againstExport === undefined ? undefined : this.readStored(options.againstExport, '--against-export');
  }

  /** What applies to `file` (absolute, or `<stdin>`): config files, whether they ignore it, its baseline. */
  configFor(file: string): EffectiveConfig {
    return this.configs?.forFile(file) ?? { configFiles: [], ignored: false, rules: {} };
  }

  /** The run keys of the config files of the working directory (allowEmpty, maxWarnings). */
  runConfig(): RunConfig {
    return this.configs?.forRun() ?? { configFiles: [] };
  }

  /**
   * The files a config file does not ignore. Every config file and config baseline they use is read
   * first, so a bad one ends the run (a ConfigError) before anything is printed.
   */
  notIgnored(files: readonly string[]): string[] {
    return files.filter((file) => {
      const config = this.configFor(file);
      if (!config.ignored && config.baseline && !this.fixedBaseline) {
        try {
          this.configBaseline(config.baseline);
        } catch (error) {
          // Unreadable: reported with the first file that uses it.
          if (error instanceof ConfigError || !(error instanceof InputError)) throw error;
        }
      }
      // A config file's export is read now too: a bad one ends the run before anything is printed.
      if (!config.ignored && config.againstExport && !this.fixedStored) this.storedFromConfig(config.againstExport);
      return !config.ignored;
    });
  }

  /** Lints one file as the user named it; undefined when a config file ignores it or it holds no auth settings. */
  lintFile(file: string): LintResult | undefined {
    if (this.configFor(file).ignored) return undefined;
    return this.lintSource({ filePath: file, text: readSourceFile(file, this.readLimits, this.scratch) }, file, true);
  }

  /**
   * Lints a text reported as `source.filePath`. `realPath` is the file it stands for (absolute), whose
   * config files and `--since` version apply; `<stdin>` or `<text>` when it stands for none. With
   * `fix: write`, only a real file the user named is written (`writable`).
   */
  lintSource(source: SourceText, realPath: string, writable: boolean): LintResult | undefined {
    const config = this.configFor(realPath);
    if (config.ignored) return undefined;
    const job: LintJob = { label: source.filePath, sources: [source], layered: false, settings: this.settings(realPath, config, true) };
    if (!this.options.fix) {
      const result = this.lint(job);
      if (!result || !this.options.textFixes) return result;
      const { withTextFixes } = require('./fix') as typeof import('./fix');
      return withTextFixes(result, source);
    }
    const { lintAndFix } = require('./fix') as typeof import('./fix');
    return lintAndFix(job, (fixed) => this.lint(fixed), this.options.fix === 'write' && writable && isRealFile(realPath), this.notice);
  }

  /** `-f a.yaml -f b.yaml`: the values files of one release, merged as Helm merges them. */
  lintValues(files: readonly (string | SourceText)[]): LintResult | undefined {
    const sources = files.map((file) => (typeof file === 'string' ? { filePath: file, text: readSourceFile(file, this.readLimits) } : file));
    const label = sources[sources.length - 1].filePath;
    return this.lint({ label, sources, layered: true, settings: this.settings(label, this.configFor(label), false) });
  }

  private lint(job: LintJob): LintResult | undefined {
    const { lintJob } = require('../engine/pipeline') as typeof import('../engine/pipeline');
    return lintJob(job, this.caches);
  }

  private settings(file: string, config: EffectiveConfig, single: boolean): JobSettings {
    const { chartFileBeside } = require('./chart-file') as typeof import('./chart-file');
    return {
      rules: { ...config.rules, ...this.options.rules },
      chartFile: isRealFile(file) ? chartFileBeside(file, this.readLimits) : undefined,
      baseline: this.baselineFor(file, config, single),
      chartVersion: this.options.chartVersion ?? config.chartVersion,
      serverVersion: this.options.serverVersion ?? config.serverVersion,
      layout: this.options.layout,
      storedConfig: this.fixedStored ?? (config.againstExport === undefined ? undefined : this.storedFromConfig(config.againstExport)),
      envFile: this.envFile ?? (config.envFile === undefined ? undefined : this.configEnvFile(config.envFile)),
      limits: this.limits,
      reportUnusedDisableDirectives: this.options.reportUnusedDisableDirectives || config.reportUnusedDisableDirectives === true,
      parser: this.options.parser,
      ...(this.sets.length > 0 ? { sets: this.sets } : {}),
      readRelated: (from, request) => this.readRelated(from, request),
    };
  }

  /** A values file a GitOps file names (src/runner/related.ts). */
  private readRelated(from: string, request: FileRequest): RelatedFile {
    if (!this.related) {
      const { RelatedFiles } = require('./related') as typeof import('./related');
      this.related = new RelatedFiles(this.options.cwd, this.readLimits);
    }
    return this.related.read(from, request);
  }

  /**
   * The `--set` arguments, checked as Helm parses them before anything is linted: an argument Helm
   * refuses whatever the values (`a[x]=1`, `name`) and a `--set-file` file that cannot be read are an
   * InputError (exit 2), located by its column in the command line. Files are read once, from the
   * working directory, as Helm reads them.
   */
  private readSets(options: readonly HelmSetOption[]): SetArgument[] {
    const { applySetArgument } = require('../source/helm-set') as typeof import('../source/helm-set');
    let column = 1;
    return options.map((option) => {
      const argumentColumn = option.column ?? column + option.flag.length + 1;
      column = argumentColumn + option.argument.length + 1;
      const files = new Map<string, string>();
      const readFile = (file: string): string => {
        const known = files.get(file);
        if (known !== undefined) return known;
        const text = readSourceFile(path.resolve(this.options.cwd, file), this.readLimits);
        files.set(file, text);
        return text;
      };
      const outcome = applySetArgument({}, option.flag, option.argument, readFile);
      if (outcome.problem) {
        throw new InputError(`${option.flag}: Helm refuses this argument: ${outcome.problem.message} (command line, column ${argumentColumn + outcome.problem.offset})`);
      }
      return { flag: option.flag, argument: option.argument, column: argumentColumn, ...(option.flag === '--set-file' ? { readFile } : {}) };
    });
  }

  /** `--baseline` wins, then the file at `--since`, then a config file's baseline. */
  private baselineFor(file: string, config: EffectiveConfig, single: boolean): Baseline | undefined {
    if (this.fixedBaseline) return this.fixedBaseline;
    const since = this.options.since ?? config.since;
    if (since !== undefined && single && isRealFile(file)) {
      const { showAtRef } = require('./git') as typeof import('./git');
      const older = showAtRef(since, file);
      if (older !== undefined) {
        const { parseBaseline } = require('./baseline') as typeof import('./baseline');
        const baseline = parseBaseline(older, `${since}:${path.relative(this.options.cwd, file)}`, this.limits);
        if (baseline) return baseline;
      }
    }
    return config.baseline ? this.configBaseline(config.baseline) : undefined;
  }

  private configBaseline(file: string): Baseline {
    let baseline = this.configBaselines.get(file);
    if (!baseline) {
      const { parseBaseline } = require('./baseline') as typeof import('./baseline');
      baseline = parseBaseline(readSourceFile(file), path.relative(this.options.cwd, file) || file);
      if (!baseline) throw new ConfigError(`baseline ${file} (from a config file) holds no OpenMetadata auth settings`);
      this.configBaselines.set(file, baseline);
    }
    return baseline;
  }

  /** A config file's againstExport (absolute), read once. */
  private storedFromConfig(file: string): StoredConfig {
    let stored = this.configStored.get(file);
    if (!stored) {
      stored = this.readStored(file, 'againstExport (from a config file)');
      this.configStored.set(file, stored);
    }
    return stored;
  }

  /** `--against-export`: a security config export (its path as given is its label) or a text. */
  private readStored(from: string | SourceText, option: string): StoredConfig {
    const { parseStoredConfig } = require('./stored-config') as typeof import('./stored-config');
    const source = typeof from === 'string' ? { filePath: from, text: readSourceFile(path.resolve(this.options.cwd, from), this.readLimits) } : from;
    const label = path.isAbsolute(source.filePath) ? path.relative(this.options.cwd, source.filePath) || source.filePath : source.filePath;
    const stored = parseStoredConfig(source.text, label, this.limits);
    const problem = `${option}: ${label} is no security config export (get-security-config writes authenticationConfiguration and authorizerConfiguration)`;
    if (!stored) throw option.startsWith('--') ? new InputError(problem) : new ConfigError(problem);
    return stored;
  }

  /** A config file's envFile (absolute), read once. */
  private configEnvFile(file: string): ParsedEnvFile {
    let parsed = this.configEnvFiles.get(file);
    if (!parsed) {
      parsed = this.readEnvFile(file);
      this.configEnvFiles.set(file, parsed);
    }
    return parsed;
  }

  /** `--baseline`: a file (its path as given is its label) or a text. */
  private readBaseline(from: string | SourceText): Baseline {
    const { parseBaseline } = require('./baseline') as typeof import('./baseline');
    const source = typeof from === 'string' ? { filePath: from, text: readSourceFile(from, this.readLimits) } : from;
    const baseline = parseBaseline(source.text, source.filePath, this.limits);
    if (!baseline) throw new InputError(`--baseline: ${source.filePath} holds no OpenMetadata auth settings`);
    return baseline;
  }

  private readEnvFile(from: string | SourceText): ParsedEnvFile {
    const { parseEnvFile } = require('../layouts/env-file') as typeof import('../layouts/env-file');
    const source = typeof from === 'string' ? this.read(from) : from;
    return parseEnvFile(source.text, source.filePath);
  }

  private read(file: string): SourceText {
    const filePath = path.resolve(this.options.cwd, file);
    return { filePath, text: readSourceFile(filePath, this.readLimits) };
  }
}

/** A name standing for no file: standard input without --stdin-filename, or an API text without a path. */
function isRealFile(file: string): boolean {
  return !/^<.*>$/.test(file);
}
