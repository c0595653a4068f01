/**
 * The config file: `.omlintrc.yaml`, `.omlintrc.yml` or `.omlintrc.json`, found upward from each
 * linted file (the nearest wins, key by key; `root: true` stops the search), or one file given with
 * --config. It is data only — YAML or JSON, validated against schemas/omlintrc.schema.json (compiled
 * at build time) — and nothing in it is ever executed or loaded as a module.
 *
 * Globs and `baseline` are relative to the config file's directory; for a file given with --config
 * they are relative to the working directory, as ESLint does with `-c`.
 */
import * as fs from 'fs';
import * as path from 'path';

/**
 * The part of the `ignore` package's matcher config files use. Declared here rather than imported
 * from the package: the published type declarations then need no package besides omlint.
 */
interface Ignore {
  ignores(pathname: string): boolean;
  test(pathname: string): { ignored: boolean; unignored: boolean };
}
import type { RuleSetting } from '../types';
import { InputError, readSourceFile } from '../source/read';
import { parseYaml } from '../source/yaml';
import { didYouMean } from '../util/did-you-mean';
import { gitignoreRules } from './gitignore';

/** A config file that cannot be used: one line naming the file and the key, exit 2, nothing linted. */
export class ConfigError extends InputError {}

export const CONFIG_FILE_NAMES = ['.omlintrc.yaml', '.omlintrc.yml', '.omlintrc.json'] as const;

type SettingInput = RuleSetting | 'warning' | 0 | 1 | 2;

interface ConfigData {
  $schema?: string;
  root?: boolean;
  rules?: Record<string, SettingInput>;
  ignorePatterns?: string | string[];
  overrides?: { files: string | string[]; excludedFiles?: string | string[]; rules?: Record<string, SettingInput> }[];
  baseline?: string;
  since?: string;
  chartVersion?: string;
  serverVersion?: string;
  envFile?: string;
  againstExport?: string;
  reportUnusedDisableDirectives?: boolean;
  allowEmpty?: boolean;
  maxWarnings?: number;
}

/**
 * The keys that decide a whole run (its exit code), not how one file is linted: read only from the
 * config files of the working directory (found upward from it) or from --config. In a config file
 * below the working directory they are ignored, with a notice.
 */
export const RUN_KEYS = ['allowEmpty', 'maxWarnings'] as const;

/** What a run takes from the config files of the working directory (RUN_KEYS). */
export interface RunConfig {
  /** The config files read, the farthest first. */
  configFiles: string[];
  allowEmpty?: boolean;
  maxWarnings?: number;
}

interface Override {
  /** The files it applies to; undefined: none. */
  files?: Ignore;
  excludedFiles?: Ignore;
  rules: Record<string, RuleSetting>;
}

/** The settings that say how a file is linted (each as its command-line option); the nearest config file that sets one wins. */
export interface FileSettings {
  /** Absolute path of the default baseline. */
  baseline?: string;
  /** The git revision to compare each file with (as --since). */
  since?: string;
  /** The chart release the values are for, `X.Y.Z` (as --chart-version). */
  chartVersion?: string;
  /** The OpenMetadata server the server's files are for, `X.Y.Z` (as --server-version). */
  serverVersion?: string;
  /** Absolute path of the env file for openmetadata.yaml's `${VAR:-default}` (as --env-file). */
  envFile?: string;
  /** Absolute path of the security config export the files are compared with (as --against-export). */
  againstExport?: string;
  reportUnusedDisableDirectives?: boolean;
}

/** One config file, checked and normalised. */
export interface ConfigFile extends FileSettings {
  filePath: string;
  /** What its globs and paths are relative to. */
  baseDir: string;
  root: boolean;
  rules: Record<string, RuleSetting>;
  /** Undefined when it has none. */
  ignorePatterns?: Ignore;
  overrides: Override[];
  allowEmpty?: boolean;
  maxWarnings?: number;
}

/** What applies to one file. */
export interface EffectiveConfig extends FileSettings {
  /** The config files used, the farthest first (the order they are applied in). */
  configFiles: string[];
  ignored: boolean;
  /** Severities set by config files (not yet the CLI's --rule). */
  rules: Record<string, RuleSetting>;
}

/** The keys of FileSettings, for resolving them file by file. */
const FILE_KEYS: readonly (keyof FileSettings)[] = ['baseline', 'since', 'chartVersion', 'serverVersion', 'envFile', 'againstExport', 'reportUnusedDisableDirectives'];

const SETTING: Record<string, RuleSetting> = {
  off: 'off', 0: 'off', info: 'info', warn: 'warn', warning: 'warn', 1: 'warn', error: 'error', 2: 'error',
};

export interface ResolverOptions {
  /** --config FILE (relative to cwd): the only config, no lookup. */
  configFile?: string;
  cwd: string;
  knownRuleIds: readonly string[];
  /** Where a notice goes (a run key in a config file that does not decide the run). */
  notice?: (text: string) => void;
}

export class ConfigResolver {
  private readonly files = new Map<string, ConfigFile>();
  private readonly inDirectory = new Map<string, string | undefined>();
  private readonly chains = new Map<string, ConfigFile[]>();
  private readonly fixed?: ConfigFile;

  constructor(private readonly options: ResolverOptions) {
    if (options.configFile !== undefined) {
      this.fixed = loadConfigFile(path.resolve(options.cwd, options.configFile), options.cwd, options);
    }
  }

  /** The config for `filePath` (absolute, or `<stdin>` for standard input without a name). */
  forFile(filePath: string): EffectiveConfig {
    const chain = this.fixed ? [this.fixed] : this.lookup(filePath === '<stdin>' ? this.options.cwd : path.dirname(filePath)).reverse();
    const effective: EffectiveConfig = { configFiles: chain.map((c) => c.filePath), ignored: false, rules: {} };
    for (const config of chain) {
      const relative = filePath === '<stdin>' ? undefined : relativeTo(config.baseDir, filePath);
      Object.assign(effective.rules, config.rules);
      for (const key of FILE_KEYS) if (config[key] !== undefined) Object.assign(effective, { [key]: config[key] });
      if (relative === undefined) continue;
      effective.ignored = ignoredBy(config, relative, effective.ignored);
      for (const override of config.overrides) {
        const matches = override.files?.ignores(relative) === true && override.excludedFiles?.ignores(relative) !== true;
        if (matches) Object.assign(effective.rules, override.rules);
      }
    }
    return effective;
  }

  /**
   * The run keys (RUN_KEYS) of the config files of the working directory: --config, or the files
   * found upward from the working directory, the nearest winning key by key.
   */
  forRun(): RunConfig {
    const chain = this.fixed ? [this.fixed] : this.lookup(this.options.cwd).reverse();
    const run: RunConfig = { configFiles: chain.map((c) => c.filePath) };
    for (const config of chain) for (const key of RUN_KEYS) if (config[key] !== undefined) Object.assign(run, { [key]: config[key] });
    return run;
  }

  /** Config files from `dir` upward, the nearest first, up to one with `root: true`; once per directory. */
  private lookup(dir: string): ConfigFile[] {
    let chain = this.chains.get(dir);
    if (!chain) {
      chain = this.lookupUncached(dir);
      this.chains.set(dir, chain);
    }
    return [...chain];
  }

  private lookupUncached(dir: string): ConfigFile[] {
    const chain: ConfigFile[] = [];
    for (let current = path.resolve(dir); ; ) {
      const file = this.configIn(current);
      if (file) {
        let config = this.files.get(file);
        if (!config) {
          config = loadConfigFile(file, path.dirname(file), this.options);
          this.files.set(file, config);
          this.noticeRunKeys(config);
        }
        chain.push(config);
        if (config.root) break;
      }
      const parent = path.dirname(current);
      if (parent === current) break;
      current = parent;
    }
    return chain;
  }

  /** Run keys in a config file below the working directory decide nothing: say so once. */
  private noticeRunKeys(config: ConfigFile): void {
    const keys = RUN_KEYS.filter((key) => config[key] !== undefined);
    if (keys.length === 0 || relativeTo(config.baseDir, this.options.cwd) !== undefined || config.baseDir === path.resolve(this.options.cwd)) return;
    this.options.notice?.(
      `omlint: ${display(config.filePath, this.options.cwd)}: ${keys.join(' and ')} ${keys.length === 1 ? 'applies to a whole run and is' : 'apply to a whole run and are'} ` +
      'read only from the config file of the directory omlint runs in (or --config); ignored here\n',
    );
  }

  private configIn(dir: string): string | undefined {
    if (!this.inDirectory.has(dir)) {
      const name = CONFIG_FILE_NAMES.find((candidate) => isFile(path.join(dir, candidate)));
      this.inDirectory.set(dir, name && path.join(dir, name));
    }
    return this.inDirectory.get(dir);
  }
}

/** Reads, parses, validates and normalises one config file; any problem is a ConfigError. */
export function loadConfigFile(filePath: string, baseDir: string, options: Pick<ResolverOptions, 'cwd' | 'knownRuleIds'>): ConfigFile {
  const shown = display(filePath, options.cwd);
  const data = parseConfig(filePath, shown);
  const problem = schemaProblem(data);
  if (problem) throw new ConfigError(`${shown}: ${problem}`);
  const config = data as ConfigData;
  const rules = (settings: Record<string, SettingInput> | undefined, key: string): Record<string, RuleSetting> => {
    const out: Record<string, RuleSetting> = {};
    for (const [id, setting] of Object.entries(settings ?? {})) {
      if (!options.knownRuleIds.includes(id)) {
        const guess = didYouMean(id, options.knownRuleIds);
        throw new ConfigError(`${shown}: ${key}.${id}: unknown rule${guess ? `; did you mean ${guess}?` : ''} (see omlint --list-rules)`);
      }
      out[id] = SETTING[String(setting)];
    }
    return out;
  };
  const existingFile = (key: 'baseline' | 'envFile' | 'againstExport'): string | undefined => {
    const given = config[key];
    if (given === undefined) return undefined;
    const file = path.resolve(baseDir, given);
    if (!isFile(file)) throw new ConfigError(`${shown}: ${key}: ${given}: no such file (paths are relative to ${display(baseDir, options.cwd) || '.'})`);
    return file;
  };
  return {
    filePath,
    baseDir,
    root: config.root === true,
    baseline: existingFile('baseline'),
    envFile: existingFile('envFile'),
    againstExport: existingFile('againstExport'),
    since: config.since,
    chartVersion: config.chartVersion?.replace(/^v/, ''),
    serverVersion: config.serverVersion?.replace(/^v/, ''),
    reportUnusedDisableDirectives: config.reportUnusedDisableDirectives,
    allowEmpty: config.allowEmpty,
    maxWarnings: config.maxWarnings,
    rules: rules(config.rules, 'rules'),
    ignorePatterns: globRules(config.ignorePatterns),
    overrides: (config.overrides ?? []).map((override, i) => ({
      files: globRules(override.files),
      excludedFiles: globRules(override.excludedFiles),
      rules: rules(override.rules, `overrides[${i}].rules`),
    })),
  };
}

function parseConfig(filePath: string, shown: string): unknown {
  let text: string;
  try {
    text = readSourceFile(filePath);
  } catch (error) {
    throw new ConfigError(`config file ${(error as Error).message}`);
  }
  if (filePath.endsWith('.json')) {
    try {
      return JSON.parse(text);
    } catch (error) {
      throw new ConfigError(`${shown}: not valid JSON: ${(error as Error).message}`);
    }
  }
  const parsed = parseYaml(text, filePath);
  const [syntax] = parsed.syntaxErrors;
  if (syntax) throw new ConfigError(`${shown}: line ${syntax.range.line}, column ${syntax.range.column}: not valid YAML: ${syntax.message}`);
  if (parsed.documents.length > 1) throw new ConfigError(`${shown}: holds ${parsed.documents.length} YAML documents; a config file is one`);
  let value;
  try {
    value = parsed.documents[0]?.plain() ?? null;
  } catch (error) {
    throw new ConfigError(`${shown}: ${(error as Error).message}`);
  }
  return value === null ? {} : value;
}

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  /** Set when the error is about a key's name (propertyNames). */
  propertyName?: string;
  parentSchema?: { properties?: Record<string, unknown> };
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

/** The first schema violation as `key: what is wrong`, or undefined when the config is valid. */
function schemaProblem(data: unknown): string | undefined {
  const validate = require('../schema/generated/validate-omlintrc.js').validateOmlintrc as Validator;
  if (validate(data)) return undefined;
  const error = (validate.errors ?? [])[0];
  if (!error) return 'not a valid config';
  const key = keyName(error.instancePath);
  const at = key ? `${key}: ` : '';
  switch (error.keyword) {
    case 'additionalProperties': {
      const allowed = Object.keys(error.parentSchema?.properties ?? {}).filter((k) => k !== '$schema');
      const unknown = String(error.params.additionalProperty);
      const guess = didYouMean(unknown, allowed);
      return `${joinKey(key, unknown)}: unknown key${guess ? ` (did you mean ${guess}?)` : ''}; allowed: ${allowed.join(', ')}`;
    }
    case 'required':
      return `${joinKey(key, String(error.params.missingProperty))}: missing; it is required`;
    case 'enum':
      return `${at}must be off, info, warn or error, not ${JSON.stringify(valueAt(data, error.instancePath))}`;
    case 'pattern':
    case 'propertyNames':
      if (key === 'chartVersion') return `chartVersion: must be a chart version like 1.13.1, not ${JSON.stringify(valueAt(data, error.instancePath))}`;
      if (key === 'serverVersion') return `serverVersion: must be an OpenMetadata version like 1.12.4, not ${JSON.stringify(valueAt(data, error.instancePath))}`;
      if (key === 'since') return 'since: a git revision must not start with "-"';
      return `${joinKey(key, String(error.propertyName ?? error.params.propertyName ?? ''))}: not a rule id (see omlint --list-rules)`;
    case 'type': {
      const wanted = String(error.params.type).split(',');
      const words = wanted.map((t) => ({ object: 'a mapping', array: 'a list of strings', string: 'a string', boolean: 'true or false', integer: 'a whole number' }[t] ?? t));
      return `${key || 'the config'}: must be ${words.join(' or ')}`;
    }
    case 'minLength':
      return `${at}must not be empty`;
    case 'minimum':
      return `${at}must be ${String(error.params.limit)} or more`;
    default:
      return `${at}not valid (${error.keyword})`;
  }
}

/** `/overrides/0/rules/x` → `overrides[0].rules.x`. */
function keyName(pointer: string): string {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce((name, segment) => (/^\d+$/.test(segment) ? `${name}[${segment}]` : joinKey(name, segment)), '');
}

function joinKey(parent: string, child: string): string {
  return parent ? `${parent}.${child}` : child;
}

function valueAt(data: unknown, pointer: string): unknown {
  return pointer
    .split('/')
    .slice(1)
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .reduce<unknown>((value, segment) => (value as Record<string, unknown> | undefined)?.[segment], data);
}

/**
 * A config file's globs as .gitignore rules (README "Configuration"), or undefined when there are
 * none. `./x` means `/x` (anchored to the config file's folder): git matches nothing with `./`,
 * but users write it for "relative to this file", as omlint's globs always allowed.
 */
function globRules(globs: string | string[] | undefined): Ignore | undefined {
  const list = globs === undefined ? [] : Array.isArray(globs) ? globs : [globs];
  return list.length === 0 ? undefined : gitignoreRules(list.map((glob) => glob.replace(/^(!?)\.\//, '$1/')));
}

/**
 * Whether a config's ignorePatterns leave `relative` ignored: `ignored` is what the config files
 * farther up said, which a nearer `!pattern` can undo, as a deeper .gitignore can.
 */
function ignoredBy(config: ConfigFile, relative: string, ignored: boolean): boolean {
  const result = config.ignorePatterns?.test(relative);
  if (result?.ignored) return true;
  if (result?.unignored) return false;
  return ignored;
}

/** `file` relative to `dir` with `/`, or undefined when it lies outside `dir`. */
function relativeTo(dir: string, file: string): string | undefined {
  const relative = path.relative(dir, file);
  if (relative === '' || relative === '..' || relative.startsWith(`..${path.sep}`) || path.isAbsolute(relative)) return undefined;
  return relative.split(path.sep).join('/');
}

function display(file: string, cwd: string): string {
  const relative = path.relative(cwd, file);
  return relative && !relative.startsWith('..') && !path.isAbsolute(relative) ? relative : relative === '' ? '' : file;
}

function isFile(file: string): boolean {
  try {
    return fs.statSync(file).isFile();
  } catch {
    return false;
  }
}
