/** The omlint command: options → files → config → lint → formatters → stdout or -o files, and the exit code. */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, HELP, UsageError, CliOptions } from './args';
import { resolveFiles } from './files';
import { showAtRef } from './git';
import { lintAndFix } from './fix';
import { DEFAULT_READ_LIMITS, InputError, decodeText, readSourceFile, readStdin, ReadLimits } from '../source/read';
import type { LintResult } from '../types';
import type { Baseline } from '../engine/rule';
import type { ConfigResolver } from '../engine/config';
import { OutputFile, Report } from './report';
import { lintAll, serveWorker, LintInput } from './parallel';

/** Named exit codes (docs/json-output.md): the contract CI jobs and hooks rely on. */
export const EXIT = { ok: 0, lintErrors: 1, failure: 2 } as const;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
  /** All of standard input, for --stdin. */
  readStdin?: () => Uint8Array;
}

export function run(argv: readonly string[], io: Io): number {
  let options: CliOptions | undefined;
  try {
    options = parseArgs(argv);
    return lintCommand(options, io, argv);
  } catch (error) {
    if (error instanceof UsageError || error instanceof InputError) {
      io.stderr(`omlint: ${error.message}\n`);
    } else {
      reportInternalError(error, undefined, options?.debug ?? false, io);
    }
    return EXIT.failure;
  }
}

/** One line on stderr; the stack only with --debug (a rule crash arrives with its values redacted). */
function reportInternalError(error: unknown, file: string | undefined, debug: boolean, io: Io): void {
  const message = error instanceof Error ? error.message : String(error);
  io.stderr(`omlint: internal error${file ? ` on ${file}` : ''}: ${message.split('\n')[0]}\n`);
  if (debug) io.stderr(`${error instanceof Error ? error.stack : message}\n`);
}

function lintCommand(options: CliOptions, io: Io, argv: readonly string[]): number {
  if (options.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (options.version) {
    io.stdout(`${require('../../package.json').version}\n`);
    return EXIT.ok;
  }
  // Loaded here, not at the top: --help and --version stay instant.
  const { RULES } = require('../rules') as typeof import('../rules');
  const { loadFormatter, FORMAT_NAMES } = require('../formatters') as typeof import('../formatters');
  if (options.listRules) {
    io.stdout(RULES.map((rule) => `${rule.id.padEnd(28)} ${rule.severity.padEnd(5)} ${(rule.fixable ? 'fixable' : '').padEnd(7)} ${rule.description}`).join('\n') + '\n');
    return EXIT.ok;
  }
  for (const id of Object.keys(options.rules)) {
    if (!RULES.some((rule) => rule.id === id)) throw new UsageError(`--rule: unknown rule "${id}"; see omlint --list-rules`);
  }
  const outputs = options.outputs.map((output) => {
    const formatter = loadFormatter(output.format);
    if (!formatter) throw new UsageError(`--format: unknown format "${output.format}"; use one of ${FORMAT_NAMES.join(', ')}`);
    return { ...output, formatter };
  });
  const { ConfigResolver: Resolver, ConfigError } = require('../engine/config') as typeof import('../engine/config');
  const configs = new Resolver({ configFile: options.configFile, cwd: io.cwd, knownRuleIds: RULES.map((rule) => rule.id) });
  if (options.printConfig !== undefined) {
    io.stdout(printConfig(path.resolve(io.cwd, options.printConfig), configs, options, io.cwd, RULES));
    return EXIT.ok;
  }

  const linter = fileLinter(options, io.cwd, configs, io.stderr);
  let inputFailed = false;
  const report = new Report(
    outputs.map(({ formatter, file }) => ({
      formatter,
      file,
      // Colour is for terminals: a file gets it only when asked for with --color.
      context: { cwd: io.cwd, color: file === undefined ? useColor(options, io) : options.color === true, rules: RULES },
    })),
    options.quiet ? errorsOnly : (result) => result,
    io.stdout,
    (file) => outputFile(path.resolve(io.cwd, file)),
  );
  const reportFailure = (error: unknown, file: string): void => {
    if (error instanceof ConfigError) throw error;
    if (error instanceof InputError) io.stderr(`omlint: ${error.message}\n`);
    else reportInternalError(error, file, options.debug, io);
    inputFailed = true;
  };
  let layersResult: LintResult | undefined;
  if (options.valuesFiles.length > 0) {
    const files = options.valuesFiles.map((file) => path.resolve(io.cwd, file));
    try {
      const layers = files.map((filePath) => ({ filePath, text: readSourceFile(filePath, linter.readLimits) }));
      layersResult = linter.lintLayers(layers);
    } catch (error) {
      reportFailure(error, files[files.length - 1]);
    }
  }
  // With -f alone there is nothing else to lint; without it, no paths means "scan the current directory".
  const onlyLayers = options.valuesFiles.length > 0 && options.patterns.length === 0 && !options.stdin;
  const inputs = onlyLayers ? [] : linter.configured(lintInputs(options, io, linter.readLimits, (error) => reportFailure(error, error.message)));
  // Printing may start now: no config file can end the run any more.
  if (layersResult) report.add(layersResult);
  // Many files are shared with worker threads (parallel.ts); outcomes come back in file order. Not
  // for --fix (it writes files and prints notices) nor standard input; --since is fine: each thread
  // runs its own read-only `git show`, and those are what such a run waits for.
  const parallel = !options.stdin && !options.fix && !options.fixDryRun ? { entry: __filename, argv, cwd: io.cwd, env: io.env } : undefined;
  for (const { file, outcome } of lintAll(inputs, linter.lintFile, parallel)) {
    if ('failure' in outcome) reportFailure(outcome.failure, file);
    else if (outcome.result) report.add(outcome.result);
  }
  report.finish();

  if (inputFailed) return EXIT.failure;
  if (report.errors > 0) return EXIT.lintErrors;
  if (options.maxWarnings >= 0 && report.warnings > options.maxWarnings) {
    io.stderr(`omlint: ${report.warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.lintErrors;
  }
  return EXIT.ok;
}

/** What linting one file came to: its result (none: ignored, or no auth settings), or a failure to report while the run goes on. */
export type FileOutcome = { result: LintResult | undefined } | { failure: unknown };

export interface FileLinter {
  readLimits: ReadLimits;
  /** The files whose config files do not ignore them; every config file and config baseline they use is read first, so a bad one ends the run before anything is printed. */
  configured(inputs: readonly LintInput[]): LintInput[];
  /** Lints one file; a ConfigError is thrown (it ends the run). */
  lintFile(input: LintInput): FileOutcome;
  /** Lints the -f layers as one release. */
  lintLayers(layers: { filePath: string; text: string }[]): LintResult | undefined;
}

/**
 * Everything a file is linted with, from the options: the baseline, the env file, the config files.
 * Worker threads build the same from the same argv (workerMain): whatever a file's linting needs
 * goes in here, not in lintCommand.
 */
export function fileLinter(options: CliOptions, cwd: string, configs: ConfigResolver, notice: (text: string) => void): FileLinter {
  const { ConfigError } = require('../engine/config') as typeof import('../engine/config');
  const { lintText, lintLayers } = require('../engine/lint') as typeof import('../engine/lint');
  const { parseBaseline } = require('../engine/baseline') as typeof import('../engine/baseline');
  const readLimits = { maxBytes: options.limits.maxFileSize ?? DEFAULT_READ_LIMITS.maxBytes };
  const fixedBaseline = options.baselineFile
    ? parseBaseline(readSourceFile(options.baselineFile, readLimits), options.baselineFile, options.limits)
    : undefined;
  if (options.baselineFile && !fixedBaseline) {
    throw new InputError(`--baseline: ${options.baselineFile} holds no OpenMetadata auth settings`);
  }

  const { parseEnvFile } = require('../layouts/env-file') as typeof import('../layouts/env-file');
  const envFile = options.envFile
    ? parseEnvFile(readSourceFile(path.resolve(cwd, options.envFile)), path.resolve(cwd, options.envFile))
    : undefined;
  const common = { chartVersion: options.chartVersion, envFile, reportUnusedDisableDirectives: options.reportUnusedDisableDirectives };

  const configBaselines = new Map<string, Baseline>();
  const configBaseline = (file: string): Baseline => {
    let baseline = configBaselines.get(file);
    if (!baseline) {
      baseline = parseBaseline(readSourceFile(file), path.relative(cwd, file) || file);
      if (!baseline) throw new ConfigError(`baseline ${file} (from a config file) holds no OpenMetadata auth settings`);
      configBaselines.set(file, baseline);
    }
    return baseline;
  };

  return {
    readLimits,
    configured(inputs) {
      return inputs.filter((input) => {
        const config = configs.forFile(input.file);
        // --baseline wins over a config file's baseline: that one is then never read.
        if (!config.ignored && config.baseline && !fixedBaseline) {
          try {
            configBaseline(config.baseline);
          } catch (error) {
            // Unreadable: reported with the first file that uses it, as before.
            if (error instanceof ConfigError || !(error instanceof InputError)) throw error;
          }
        }
        return !config.ignored;
      });
    },
    lintFile(input) {
      const file = input.file;
      const config = configs.forFile(file);
      if (config.ignored) return { result: undefined };
      try {
        const text = input.read();
        const sinceText = options.sinceRef ? showAtRef(options.sinceRef, file) : undefined;
        const baseline = fixedBaseline
          ?? (sinceText !== undefined ? parseBaseline(sinceText, `${options.sinceRef}:${path.relative(cwd, file)}`, options.limits) : undefined)
          ?? (config.baseline ? configBaseline(config.baseline) : undefined);
        const rules = { ...config.rules, ...options.rules };
        const lintOptions = { ...common, rules, baseline, limits: options.limits };
        // Standard input has no file to write back to: --fix then behaves like --fix-dry-run, as in ESLint.
        const result = options.fix || options.fixDryRun
          ? lintAndFix(text, file, lintOptions, options.fix === true && !options.stdin, notice)
          : lintText(text, file, lintOptions);
        return { result };
      } catch (error) {
        if (error instanceof ConfigError) throw error;
        return { failure: error };
      }
    },
    lintLayers: (layers) => lintLayers(layers, { ...common, rules: options.rules, baseline: fixedBaseline, limits: options.limits }),
  };
}

/** Entry of a worker thread started by lintAll (parallel.ts): the same file linter, from the same argv. */
export function workerMain(): void {
  serveWorker((argv, cwd) => {
    const options = parseArgs(argv);
    const { RULES } = require('../rules') as typeof import('../rules');
    const { ConfigResolver: Resolver } = require('../engine/config') as typeof import('../engine/config');
    const configs = new Resolver({ configFile: options.configFile, cwd, knownRuleIds: RULES.map((rule) => rule.id) });
    const linter = fileLinter(options, cwd, configs, () => undefined);
    return (file) => linter.lintFile({ file, read: () => readSourceFile(file, linter.readLimits) });
  });
}

/** The files to lint, or standard input as the file --stdin-filename names. */
function lintInputs(options: CliOptions, io: Io, limits: ReadLimits, onMissing: (error: InputError) => void): LintInput[] {
  if (!options.stdin) {
    return resolveFiles(options.patterns, io.cwd, onMissing).map((file) => ({ file, read: () => readSourceFile(file, limits) }));
  }
  if (options.sinceRef && options.stdinFilename === undefined) throw new UsageError('--since with --stdin needs --stdin-filename PATH');
  const file = options.stdinFilename === undefined ? '<stdin>' : path.resolve(io.cwd, options.stdinFilename);
  // Tests hand standard input in through io; the command reads fd 0 with the size limit.
  const read = (): Uint8Array => (io.readStdin ? io.readStdin() : readStdin(limits));
  return [{ file, read: () => decodeText(read(), file, limits) }];
}

/**
 * An -o file (its folder made first), written as the report grows. Opening or writing may fail:
 * the failure is thrown when the file is finished, so the outputs before it are still written.
 */
function outputFile(file: string): OutputFile {
  let failure: InputError | undefined;
  const fail = (error: unknown): void => {
    failure ??= new InputError(`-o ${file}: cannot write (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`);
  };
  let fd: number | undefined;
  try {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fd = fs.openSync(file, 'w');
  } catch (error) {
    fail(error);
  }
  return {
    write(text) {
      if (fd === undefined || failure) return;
      try {
        const bytes = Buffer.from(text);
        for (let done = 0; done < bytes.length; ) done += fs.writeSync(fd, bytes, done, bytes.length - done);
      } catch (error) {
        fail(error);
      }
    },
    close() {
      if (fd !== undefined) {
        try {
          fs.closeSync(fd);
        } catch (error) {
          fail(error);
        }
        fd = undefined;
      }
      if (failure) throw failure;
    },
  };
}

/** --print-config FILE: what applies to FILE, with every rule's effective setting, as JSON. */
function printConfig(file: string, configs: ConfigResolver, options: CliOptions, cwd: string, rules: readonly { id: string; severity: string }[]): string {
  const config = configs.forFile(file);
  const effective = {
    filePath: file,
    configFiles: config.configFiles,
    ignored: config.ignored,
    baseline: options.baselineFile ? path.resolve(cwd, options.baselineFile) : config.baseline ?? null,
    since: options.sinceRef ?? null,
    rules: Object.fromEntries(rules.map((rule) => [rule.id, options.rules[rule.id] ?? config.rules[rule.id] ?? rule.severity])),
  };
  return `${JSON.stringify(effective, null, 2)}\n`;
}

function errorsOnly(result: LintResult): LintResult {
  const messages = result.messages.filter((m) => m.severity === 'error');
  return { ...result, messages, warningCount: 0, infoCount: 0 };
}

/** --color/--no-color win, then NO_COLOR and FORCE_COLOR (no-color.org), then whether stdout is a terminal. */
function useColor(options: CliOptions, io: Io): boolean {
  if (options.color !== undefined) return options.color;
  if (io.env.NO_COLOR !== undefined && io.env.NO_COLOR !== '') return false;
  if (io.env.FORCE_COLOR !== undefined) return io.env.FORCE_COLOR !== '0' && io.env.FORCE_COLOR !== 'false';
  return io.isTTY;
}
