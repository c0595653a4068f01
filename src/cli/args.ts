/** argv → options, through node:util parseArgs. Nothing here reads files or lints: a bad option is a UsageError, exit 2. */
import { parseArgs as parseArgv, ParseArgsConfig } from 'util';
import type { RuleSetting } from '../types';
import { didYouMean } from '../util/did-you-mean';
import { DEFAULT_INPUT_LIMITS as LIMITS, type HelmSetOption, type InputLimits, MAX_DEPTH_CEILING } from '../index';

export class UsageError extends Error {}

export interface CliOptions {
  patterns: string[];
  format: string;
  maxWarnings: number;
  quiet: boolean;
  /** --show-info: write info findings (advice), which every format leaves out by default. */
  showInfo: boolean;
  /** undefined: decide from the terminal and NO_COLOR / FORCE_COLOR. */
  color: boolean | undefined;
  rules: Record<string, RuleSetting>;
  baselineFile?: string;
  /** --against-export FILE: the security config export each file is compared with. */
  againstExportFile?: string;
  sinceRef?: string;
  /** -f/--values FILE, in Helm's order: merged into one configuration. */
  valuesFiles: string[];
  /** --set, --set-string, --set-json, --set-file, in the order given, each with its column in the command line. */
  sets: HelmSetOption[];
  /** --chart-version X.Y.Z */
  chartVersion?: string;
  /** --server-version X.Y.Z: the OpenMetadata server of openmetadata.yaml, env and export files. */
  serverVersion?: string;
  /** --layout auto|export|server: what a YAML file is read as when its shape leaves a doubt. */
  layout?: 'auto' | 'export' | 'server';
  /** --env-file FILE: variables for openmetadata.yaml's ${VAR:-default}. */
  envFile?: string;
  listRules: boolean;
  version: boolean;
  help: boolean;
  debug: boolean;
  /** --fix: write fixed files in place. */
  fix?: boolean;
  /** --fix-dry-run: fix in memory only; the json format shows the fixed text as `output`. */
  fixDryRun?: boolean;
  /** Every --format with the -o file it writes (stdout when none), in the order given; see finishOutputs. */
  outputs: OutputSpec[];
  /** --config FILE: use this config file instead of looking for .omlintrc.* upward from each file. */
  configFile?: string;
  /** --print-config FILE: print the configuration that applies to FILE instead of linting. */
  printConfig?: string;
  reportUnusedDisableDirectives: boolean;
  /** --stdin: lint standard input, as if it were the file --stdin-filename names. */
  stdin: boolean;
  stdinFilename?: string;
  /** Input limits given on the command line (the rest keep their defaults). */
  limits: Partial<InputLimits>;
  /** --allow-empty: finding no file with OpenMetadata settings is fine (exit 0, not 2). */
  allowEmpty: boolean;
  /** --summary: one line on stderr with the files seen, the files with settings and the findings. */
  summary: boolean;
}

export interface OutputSpec {
  format: string;
  /** Written to this file; stdout when undefined. */
  file?: string;
}

const SETTINGS: Record<string, RuleSetting> = {
  off: 'off', '0': 'off', info: 'info', warn: 'warn', warning: 'warn', '1': 'warn', error: 'error', '2': 'error',
};

/** One option: a flag, or an option that takes a value; and what it sets. `name` is the option as written, for messages. */
type OptionSpec =
  | { short?: string; flag: (options: CliOptions) => void }
  | { short?: string; value: (options: CliOptions, value: string, name: string, column: number) => void };

/** Every option, by long name; HELP describes them. */
const OPTIONS: Record<string, OptionSpec> = {
  // Each --format is paired with its -o FILE by pairOutputs, which needs them in argv order.
  format: { value: (o, value) => { o.format = value; } },
  'output-file': { short: 'o', value: () => undefined },
  'max-warnings': { value: (o, value, name) => { o.maxWarnings = parseCount(name, value); } },
  quiet: { flag: (o) => { o.quiet = true; } },
  'allow-empty': { flag: (o) => { o.allowEmpty = true; } },
  summary: { flag: (o) => { o.summary = true; } },
  'show-info': { flag: (o) => { o.showInfo = true; } },
  rule: { value: (o, value) => parseRule(value, o.rules) },
  baseline: { value: (o, value) => { o.baselineFile = value; } },
  'against-export': { value: (o, value) => { o.againstExportFile = value; } },
  since: { value: (o, value) => { o.sinceRef = value; } },
  values: { short: 'f', value: (o, value) => { o.valuesFiles.push(value); } },
  set: { value: (o, value, _name, column) => { o.sets.push({ flag: '--set', argument: value, column }); } },
  'set-string': { value: (o, value, _name, column) => { o.sets.push({ flag: '--set-string', argument: value, column }); } },
  'set-json': { value: (o, value, _name, column) => { o.sets.push({ flag: '--set-json', argument: value, column }); } },
  'set-file': { value: (o, value, _name, column) => { o.sets.push({ flag: '--set-file', argument: value, column }); } },
  'chart-version': { value: (o, value, name) => { o.chartVersion = parseVersion(name, value); } },
  layout: { value: (o, value, name) => { o.layout = parseChoice(name, value, ['auto', 'export', 'server'] as const); } },
  'server-version': { value: (o, value, name) => { o.serverVersion = parseVersion(name, value, 'an OpenMetadata version like 1.12.4'); } },
  'env-file': { value: (o, value) => { o.envFile = value; } },
  fix: { flag: (o) => { o.fix = true; } },
  'fix-dry-run': { flag: (o) => { o.fixDryRun = true; } },
  config: { value: (o, value) => { o.configFile = value; } },
  'print-config': { value: (o, value) => { o.printConfig = value; } },
  'report-unused-disable-directives': { flag: (o) => { o.reportUnusedDisableDirectives = true; } },
  stdin: { flag: (o) => { o.stdin = true; } },
  'stdin-filename': { value: (o, value) => { o.stdinFilename = value; } },
  // Two options, not parseArgs' allowNegative (Node ≥ 20.16); the last one given wins.
  color: { flag: (o) => { o.color = true; } },
  'no-color': { flag: (o) => { o.color = false; } },
  'list-rules': { flag: (o) => { o.listRules = true; } },
  debug: { flag: (o) => { o.debug = true; } },
  'max-file-size': { value: (o, value, name) => { o.limits.maxFileSize = parseSize(name, value); } },
  'max-line-length': { value: (o, value, name) => { o.limits.maxLineLength = parseLimit(name, value); } },
  'max-tokens': { value: (o, value, name) => { o.limits.maxTokens = parseLimit(name, value); } },
  'max-documents': { value: (o, value, name) => { o.limits.maxDocuments = parseLimit(name, value); } },
  'max-depth': { value: (o, value, name) => { o.limits.maxDepth = parseLimit(name, value, MAX_DEPTH_CEILING); } },
  'max-alias-expansion': { value: (o, value, name) => { o.limits.maxAliasExpansion = parseCount(name, value); } },
  version: { short: 'v', flag: (o) => { o.version = true; } },
  help: { short: 'h', flag: (o) => { o.help = true; } },
};

/** OPTIONS as node:util parseArgs describes options. */
const PARSE_ARGS_OPTIONS: ParseArgsConfig['options'] = Object.fromEntries(
  Object.entries(OPTIONS).map(([name, spec]) => [name, { type: 'flag' in spec ? 'boolean' : 'string', ...(spec.short && { short: spec.short }) }]),
);

export function parseArgs(argv: readonly string[]): CliOptions {
  const options: CliOptions = {
    patterns: [], format: 'stylish', maxWarnings: -1, quiet: false, showInfo: false, color: undefined, rules: {}, valuesFiles: [], sets: [],
    listRules: false, version: false, help: false, debug: false,
    outputs: [], reportUnusedDisableDirectives: false, stdin: false, limits: {}, allowEmpty: false, summary: false,
  };
  const given: OptionToken[] = [];
  // Where each argument starts in the command line as omlint received it: the arguments joined by single spaces.
  const starts: number[] = [];
  argv.reduce((offset, arg, i) => ((starts[i] = offset), offset + arg.length + 1), 0);
  for (const token of tokenize(argv)) {
    if (token.kind === 'positional') options.patterns.push(token.value);
    else if (token.kind === 'option') given.push(applyOption(options, token, argv[token.index], valueColumn(token, argv, starts)));
  }
  if (options.fix && options.fixDryRun) throw new UsageError('--fix and --fix-dry-run cannot be used together');
  options.outputs = pairOutputs(given);
  if (options.stdin && options.patterns.length > 0) throw new UsageError('--stdin lints standard input; give no file arguments with it');
  if (options.stdinFilename !== undefined && !options.stdin) throw new UsageError('--stdin-filename needs --stdin');
  return options;
}

type Token = ReturnType<typeof tokenize>[number];
type OptionToken = Extract<Token, { kind: 'option' }>;

/**
 * argv as parseArgs' tokens, in order: options, positionals, and `--` (after which everything is a
 * positional). Not strict: parseArgs' own checks would reject a value that starts with a dash
 * (`--since -x`, which showAtRef refuses with a clearer message; `--max-warnings -1`) and word
 * their errors over several lines; applyOption checks each option instead.
 */
function tokenize(argv: readonly string[]) {
  return parseArgv({ args: [...argv], options: PARSE_ARGS_OPTIONS, strict: false, allowPositionals: true, tokens: true }).tokens;
}

/**
 * Checks one option token against OPTIONS and applies it; returns it for pairOutputs. `arg` is the
 * argument it came from: for a short option, it may hold several (`-vh`) or the value (`-ofile`).
 */
function applyOption(options: CliOptions, token: OptionToken, arg: string, column: number): OptionToken {
  checkShortOption(token, arg);
  const spec = Object.hasOwn(OPTIONS, token.name) ? OPTIONS[token.name] : undefined;
  if (!spec) throw unknownOption(token.rawName, arg);
  if ('flag' in spec) {
    if (token.value !== undefined) throw new UsageError(`${token.rawName} takes no value, not "${token.value}"`);
    spec.flag(options);
  } else {
    if (token.value === undefined) throw new UsageError(`${token.rawName} needs a value`);
    spec.value(options, token.value, token.rawName, column);
  }
  return token;
}

/**
 * The 1-based column of an option's value in the command line (the arguments joined by single
 * spaces): in the next argument (`--set a=b`), or after the `=` of its own (`--set=a=b`).
 */
function valueColumn(token: OptionToken, argv: readonly string[], starts: readonly number[]): number {
  if (token.inlineValue) return starts[token.index] + argv[token.index].length - (token.value?.length ?? 0) + 1;
  return (starts[token.index + 1] ?? 0) + 1;
}

/**
 * parseArgs reads `-format` as `-f ormat` and `-o=x` as `-o` "=x", as getopt does; here both are
 * mistakes (a long option with one dash; `=` after a short one), so they are errors, not a file
 * named "ormat" or "=x".
 */
function checkShortOption(token: OptionToken, arg: string): void {
  if (arg.startsWith('--') || arg.length <= 2) return;
  const word = arg.slice(1).split('=')[0];
  if (Object.hasOwn(OPTIONS, word)) throw new UsageError(`unknown option ${arg.split('=')[0]} (did you mean --${word}?)`);
  if (token.inlineValue && token.value?.startsWith('=')) {
    throw new UsageError(`${arg}: give the value as ${token.rawName} VALUE or --${token.name}=VALUE`);
  }
}

function unknownOption(rawName: string, arg: string): UsageError {
  const longNames = Object.keys(OPTIONS).map((name) => `--${name}`);
  // A lone unknown letter (-x) gets no guess: it is one edit away from every one-letter option. A
  // group of letters may be a long option typed with one dash (-quite): it is compared as --quite.
  const inGroup = !arg.startsWith('--') && arg.length > 2;
  const guess = rawName.startsWith('--') || inGroup ? didYouMean(inGroup ? `-${arg}` : rawName, longNames) : undefined;
  const shown = inGroup ? `${rawName} in ${arg}` : rawName;
  return new UsageError(`unknown option ${shown}${guess ? ` (did you mean ${guess}?)` : '; see omlint --help'}`);
}

/** For a --rule id that no rule has (main.ts checks them once the rules are loaded). */
export function unknownRule(id: string, ruleIds: readonly string[]): UsageError {
  const guess = didYouMean(id, ruleIds);
  return new UsageError(`--rule: unknown rule "${id}"${guess ? ` (did you mean ${guess}?)` : '; see omlint --list-rules'}`);
}

/** For a --format name that no formatter has. */
export function unknownFormat(name: string, formatNames: readonly string[]): UsageError {
  const guess = didYouMean(name, formatNames);
  return new UsageError(`--format: unknown format "${name}"${guess ? ` (did you mean ${guess}?)` : `; use one of ${formatNames.join(', ')}`}`);
}

/** Every --format with its -o file, from the option tokens in argv order; stylish to stdout when none is given. */
function pairOutputs(given: readonly OptionToken[]): OutputSpec[] {
  const outputs: OutputSpec[] = [];
  let loneOutputFile: string | undefined;
  for (const { name, value } of given) {
    if (value === undefined) continue;
    if (name === 'format') outputs.push({ format: value });
    else if (name === 'output-file') loneOutputFile = addOutputFile(outputs, value, loneOutputFile);
  }
  finishOutputs(outputs, loneOutputFile);
  return outputs;
}

/**
 * `-o FILE` belongs to the --format before it (`--format sarif -o out.sarif --format stylish`, as
 * Spectral does); an -o before any --format is held and given to the only format at the end.
 */
function addOutputFile(outputs: OutputSpec[], file: string, lone: string | undefined): string | undefined {
  const last = outputs[outputs.length - 1];
  if (last && last.file === undefined) {
    last.file = file;
    return lone;
  }
  if (!last && lone === undefined) return file;
  throw new UsageError(`-o ${file}: each -o FILE follows the --format it is for`);
}

function finishOutputs(outputs: OutputSpec[], lone: string | undefined): void {
  if (outputs.length === 0) outputs.push({ format: 'stylish' });
  if (lone !== undefined) {
    if (outputs.length > 1 || outputs[0].file !== undefined) throw new UsageError(`-o ${lone}: with several --format, put each -o FILE after its --format`);
    outputs[0].file = lone;
  }
  if (outputs.filter((output) => output.file === undefined).length > 1) {
    throw new UsageError('only one --format can print to stdout; give the others -o FILE');
  }
  const files = outputs.flatMap((output) => (output.file === undefined ? [] : [output.file]));
  const twice = files.find((file, i) => files.indexOf(file) !== i);
  if (twice !== undefined) throw new UsageError(`-o ${twice} is given for two formats`);
}

function parseCount(flag: string, text: string): number {
  if (!/^\d+$/.test(text)) throw new UsageError(`${flag} takes a whole number, not "${text}"`);
  return Number(text);
}

function parseVersion(flag: string, text: string, what = 'a chart version like 1.13.1'): string {
  const version = text.trim().replace(/^v/, '');
  if (!/^\d+\.\d+\.\d+$/.test(version)) throw new UsageError(`${flag} takes ${what}, not "${text}"`);
  return version;
}

/** One of `choices`, as written. */
function parseChoice<T extends string>(flag: string, text: string, choices: readonly T[]): T {
  const choice = choices.find((each) => each === text.trim());
  if (choice === undefined) throw new UsageError(`${flag} takes ${choices.join(', ')}, not "${text}"`);
  return choice;
}

/** A positive whole number, at most `max`. */
function parseLimit(flag: string, text: string, max = Number.MAX_SAFE_INTEGER): number {
  const count = parseCount(flag, text);
  if (count < 1 || count > max) throw new UsageError(`${flag} takes a whole number from 1 to ${max}, not "${text}"`);
  return count;
}

/** Bytes, with an optional k/m/g suffix (powers of 1024): `10m`, `512k`, `2000000`. */
function parseSize(flag: string, text: string): number {
  const match = /^(\d+)\s*([kmg]?)i?b?$/i.exec(text.trim());
  if (!match) throw new UsageError(`${flag} takes a size in bytes such as 2000000, 512k or 10m, not "${text}"`);
  const bytes = Number(match[1]) * 1024 ** ' kmg'.indexOf((match[2] || ' ').toLowerCase());
  if (bytes < 1 || !Number.isSafeInteger(bytes)) throw new UsageError(`${flag} takes a size from 1 byte up, not "${text}"`);
  return bytes;
}

/** `--rule id:off|info|warn|error`, also `id=warn`; several may be comma-separated. */
function parseRule(text: string, rules: Record<string, RuleSetting>): void {
  for (const part of text.split(',')) {
    const match = /^\s*([a-z0-9-]+)\s*[:=]\s*([a-z0-9]+)\s*$/i.exec(part);
    const setting = match ? SETTINGS[match[2].toLowerCase()] : undefined;
    if (!match || !setting) throw new UsageError(`--rule takes id:off|info|warn|error, not "${part}"`);
    rules[match[1]] = setting;
  }
}

export const HELP = `Usage: omlint [options] [file|dir|glob ...]

Lints the authentication and authorizer settings of OpenMetadata Helm values files, the server's
openmetadata.yaml, docker env files, and the values Argo CD, Flux, helmfile and Kustomize files hold.
With no paths, scans the current directory for values*.yaml, *values*.yaml, openmetadata*.yaml,
helmfile*.yaml, kustomization.yaml, *.env and .env (honouring .gitignore). Files without OpenMetadata
auth settings are skipped silently, but a run that finds none at all fails (exit 2) unless
--allow-empty is given.

Options:
  --format NAME          Output format: stylish (default), json, sarif, junit, github, gitlab,
                         checkstyle or compact; repeatable, each followed by its own -o FILE
  -o, --output-file FILE Write the output of the --format before it (or the only one) to FILE
  --max-warnings N       Exit 1 when there are more than N warnings
  --allow-empty          Exit 0, not 2, when no file holds OpenMetadata auth settings (a hook handed
                         unrelated YAML files); a glob that matches nothing is then no error either
  --summary              One line on stderr: files seen, files with OpenMetadata settings, findings
  --quiet                Report errors only (wins over --show-info)
  --show-info            Also report info findings (advice; they never fail a run)
  --rule ID:SEVERITY     Set a rule to off, info, warn or error (repeatable)
  --baseline FILE        Compare with an older values file (jwt-principal-claims-order)
  --since REF            Compare each file with its version at git REF (e.g. HEAD in a pre-commit hook)
  --against-export FILE  Compare each file with the stored security config a get-security-config
                         export holds: what the server runs instead of the file's values
  -f, --values FILE      Merge values files as helm -f does (repeatable, in Helm's order) and lint the result
  --set NAME=VALUE       Set a value as helm --set does, on top of the values (repeatable)
  --set-string NAME=VALUE, --set-json NAME=JSON, --set-file NAME=FILE
                         The same as helm --set-string, --set-json, --set-file (docs/gitops.md)
  --chart-version X.Y.Z  The chart release the values are for (default 1.13.1): its keys and defaults
  --layout NAME          export: read YAML files as security config exports (get-security-config,
                         or a file for update-security-config); server: never; auto (default):
                         a file with just authenticationConfiguration and authorizerConfiguration
  --server-version X.Y.Z The OpenMetadata server of openmetadata.yaml, env and export files
                         (default 1.13.1; Helm values deploy their chart's appVersion)
  --env-file FILE        Variables for the \${VAR:-default} substitutions of openmetadata.yaml
  --fix                  Apply the safe fixes and write the files in place; report what is left
  --fix-dry-run          Apply the fixes in memory only (--format json shows the fixed text as "output")
  --config FILE          Use this config file instead of .omlintrc.yaml|.yml|.json found upward
  --print-config FILE    Print the configuration that applies to FILE, then exit
  --report-unused-disable-directives
                         Report # omlint-disable… comments that suppress nothing
  --stdin                Lint standard input
  --stdin-filename PATH  With --stdin: lint it as if it were PATH (config, --since and output)
  --color, --no-color    Force colours on or off (NO_COLOR and FORCE_COLOR are honoured)
  --list-rules           Print every rule with its default severity and whether --fix can fix it
  --debug                Print stack traces of internal errors

Input limits (a part over a limit is reported as input-limit and not linted; SECURITY.md, shipped
with omlint and at https://github.com/omlint/omlint/blob/main/SECURITY.md, explains them):
  --max-file-size SIZE   Largest file read, e.g. 10m (default ${LIMITS.maxFileSize / 1024 / 1024}m; over it: error, exit 2)
  --max-line-length N    Longest line in characters (default ${LIMITS.maxLineLength})
  --max-tokens N         Most YAML tokens read from one file (default ${LIMITS.maxTokens})
  --max-documents N      Most YAML documents read from one file (default ${LIMITS.maxDocuments})
  --max-depth N          Deepest nesting of maps and lists, at most ${MAX_DEPTH_CEILING} (default ${LIMITS.maxDepth})
  --max-alias-expansion N  Most values aliases and merge keys may add to a document (default ${LIMITS.maxAliasExpansion})
  -v, --version          Print the version
  -h, --help             Print this help

A config file (.omlintrc.*) can also set what --rule, --baseline, --since, --against-export,
--chart-version, --server-version, --env-file, --report-unused-disable-directives, --allow-empty and
--max-warnings set (README, "Configuration"); the options win.

Exit codes: 0 no errors, 1 errors (or too many warnings), 2 usage, input or internal error, or
nothing to lint (no file with OpenMetadata auth settings, without --allow-empty).
`;
