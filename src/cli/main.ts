/** The omlint command: argv → options → createLinter → formatters → stdout or -o files, and the exit code. */
import * as fs from 'fs';
import * as path from 'path';
import { parseArgs, HELP, UsageError, CliOptions, unknownFormat, unknownRule } from './args';
import type { LintResult, Severity } from '../types';
import { ConfigError, InputError, NoFilesMatchError, RuleCrashError, type Linter, type LinterOptions } from '../index';
import { OutputFile, Report } from './report';

export { workerMain } from '../index';

/**
 * The API (src/index.ts), for the package's `main` (dist/api.cjs): one bundle, dist/omlint.cjs,
 * holds the CLI and the API, so `require('omlint')` loads the same file, with its code cache.
 */
export function api(): typeof import('../index') {
  return require('../index') as typeof import('../index');
}

/** Severities as every output, the README and docs/rules/ write them (the config and --rule also take `warn`). */
const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };

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
    return lintCommand(options, io);
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

function lintCommand(options: CliOptions, io: Io): number {
  if (options.help) {
    io.stdout(HELP);
    return EXIT.ok;
  }
  if (options.version) {
    io.stdout(`${require('../../package.json').version}\n`);
    return EXIT.ok;
  }
  // Loaded here, not at the top: --help and --version stay instant.
  const { RULES, loadFormatter, FORMAT_NAMES, createLinter } = require('../index') as typeof import('../index');
  if (options.listRules) {
    io.stdout(RULES.map((rule) => `${rule.id.padEnd(28)} ${SEVERITY_WORD[rule.severity].padEnd(7)} ${(rule.fixable ? 'fixable' : '').padEnd(7)} ${rule.description}`).join('\n') + '\n');
    return EXIT.ok;
  }
  for (const id of Object.keys(options.rules)) {
    if (!RULES.some((rule) => rule.id === id)) throw unknownRule(id, RULES.map((rule) => rule.id));
  }
  const outputs = options.outputs.map((output) => {
    const formatter = loadFormatter(output.format);
    if (!formatter) throw unknownFormat(output.format, FORMAT_NAMES);
    return { ...output, formatter };
  });
  const linter = createLinter(linterOptions(options, io));
  if (options.printConfig !== undefined) {
    io.stdout(printConfig(options.printConfig, linter, options, io.cwd));
    return EXIT.ok;
  }
  // The options win over the config files of the working directory.
  const runConfig = linter.runConfig();
  const allowEmpty = options.allowEmpty || runConfig.allowEmpty === true;
  const maxWarnings = options.maxWarnings >= 0 ? options.maxWarnings : runConfig.maxWarnings ?? -1;

  let inputFailed = false;
  /** Files handed to the linter, and results (files or -f sets with OpenMetadata auth settings). */
  const seen = { files: 0, results: 0, infos: 0 };
  const report = new Report(
    outputs.map(({ formatter, file }) => ({
      formatter,
      file,
      // Colour is for terminals: a file gets it only when asked for with --color.
      context: { cwd: io.cwd, color: file === undefined ? useColor(options, io) : options.color === true, rules: RULES, showInfo: options.showInfo },
    })),
    options.quiet ? errorsOnly : (result) => result,
    io.stdout,
    (file) => outputFile(path.resolve(io.cwd, file)),
  );
  const add = (result: LintResult): void => {
    seen.results++;
    seen.infos += result.infoCount;
    report.add(result);
  };
  const reportFailure = (error: unknown, file: string): void => {
    if (error instanceof ConfigError) throw error;
    // With --allow-empty, a glob that matches nothing is one more way of finding nothing.
    if (error instanceof NoFilesMatchError && allowEmpty) return;
    if (error instanceof InputError) io.stderr(`omlint: ${error.message}\n`);
    else reportInternalError(error, file, options.debug, io);
    inputFailed = true;
  };
  let layersResult: LintResult | undefined;
  if (options.valuesFiles.length > 0) {
    seen.files += options.valuesFiles.length;
    try {
      layersResult = linter.lintValues(options.valuesFiles);
    } catch (error) {
      reportFailure(error, path.resolve(io.cwd, options.valuesFiles[options.valuesFiles.length - 1]));
      // A rule crashed: the other rules' findings are still reported.
      if (error instanceof RuleCrashError) layersResult = error.result;
    }
  }
  // With -f alone there is nothing else to lint; without it, no paths means "scan the current directory".
  const onlyLayers = options.valuesFiles.length > 0 && options.patterns.length === 0 && !options.stdin;
  if (options.stdin) {
    let result: LintResult | undefined;
    try {
      result = lintStdin(options, io, linter);
    } catch (error) {
      if (!(error instanceof RuleCrashError)) throw error;
      reportFailure(error, options.stdinFilename ?? '<stdin>');
      result = error.result;
    }
    seen.files++;
    // Printing may start now: no config file can end the run any more.
    if (layersResult) add(layersResult);
    if (result) add(result);
  } else {
    const files = onlyLayers ? [] : linter.files(options.patterns, (error) => reportFailure(error, error.message));
    seen.files += files.length;
    if (layersResult) add(layersResult);
    for (const { file, outcome } of linter.lintEach(files, io.env)) {
      if ('failure' in outcome) reportFailure(outcome.failure, file);
      if (outcome.result) add(outcome.result);
    }
  }
  report.finish();

  if (options.summary) io.stderr(summaryLine(seen, report));
  if (inputFailed) return EXIT.failure;
  if (seen.results === 0 && !allowEmpty) {
    io.stderr(nothingFound(seen.files, options));
    return EXIT.failure;
  }
  if (report.errors > 0) return EXIT.lintErrors;
  if (maxWarnings >= 0 && report.warnings > maxWarnings) {
    io.stderr(`omlint: ${report.warnings} warnings, more than --max-warnings ${maxWarnings}\n`);
    return EXIT.lintErrors;
  }
  return EXIT.ok;
}

function plural(count: number, word: string): string {
  return `${count} ${word}${count === 1 ? '' : 's'}`;
}

/** --summary: what the run saw and found, for CI logs (counts before --quiet; info findings whether shown or not). */
function summaryLine(seen: { files: number; results: number; infos: number }, report: Report): string {
  const findings = [plural(report.errors, 'error'), plural(report.warnings, 'warning'), plural(seen.infos, 'info finding')];
  return `omlint: ${plural(seen.files, 'file')} seen, ${seen.results} with OpenMetadata auth settings; ${findings.join(', ')}\n`;
}

/** The one line of a run that found nothing to lint: exit 2, so CI never goes green on nothing. */
function nothingFound(files: number, options: CliOptions): string {
  const what = options.stdin
    ? 'standard input holds no OpenMetadata auth settings'
    : files === 0
      ? `nothing to lint: ${options.patterns.length > 0 ? options.patterns.join(' ') : 'a scan of .'} found no values, server or env file (or config files ignore them all)`
      : `none of the ${plural(files, 'file')} seen holds OpenMetadata auth settings`;
  return `omlint: ${what}; give --allow-empty (or allowEmpty: true in .omlintrc) if that is expected\n`;
}

/** The command line's options as createLinter's. */
function linterOptions(options: CliOptions, io: Io): LinterOptions {
  return {
    cwd: io.cwd,
    configFile: options.configFile,
    rules: options.rules,
    chartVersion: options.chartVersion,
    serverVersion: options.serverVersion,
    layout: options.layout,
    envFile: options.envFile,
    baseline: options.baselineFile,
    againstExport: options.againstExportFile,
    since: options.sinceRef,
    limits: options.limits,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives,
    fix: options.fix ? 'write' : options.fixDryRun ? 'dry-run' : undefined,
    // Only the json format shows fixes as text edits: other runs do not pay for them.
    textFixes: options.outputs.some((output) => output.format === 'json'),
    onNotice: io.stderr,
    ...(options.sets.length > 0 ? { set: options.sets } : {}),
  };
}

/** Standard input, linted as the file --stdin-filename names (its config applies), or as `<stdin>`. */
function lintStdin(options: CliOptions, io: Io, linter: Linter): LintResult | undefined {
  if (options.sinceRef && options.stdinFilename === undefined) throw new UsageError('--since with --stdin needs --stdin-filename PATH');
  const file = options.stdinFilename === undefined ? '<stdin>' : path.resolve(io.cwd, options.stdinFilename);
  return linter.lintStdin(file, io.readStdin);
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

/** --print-config FILE: what applies to FILE (the options over its config files), and to the run, as JSON. */
function printConfig(file: string, linter: Linter, options: CliOptions, cwd: string): string {
  const config = linter.configFor(file);
  const run = linter.runConfig();
  const effective = {
    filePath: path.resolve(cwd, file),
    configFiles: config.configFiles,
    ignored: config.ignored,
    baseline: options.baselineFile ? path.resolve(cwd, options.baselineFile) : config.baseline ?? null,
    since: options.sinceRef ?? config.since ?? null,
    againstExport: options.againstExportFile ? path.resolve(cwd, options.againstExportFile) : config.againstExport ?? null,
    chartVersion: options.chartVersion ?? config.chartVersion ?? null,
    serverVersion: options.serverVersion ?? config.serverVersion ?? null,
    envFile: options.envFile ? path.resolve(cwd, options.envFile) : config.envFile ?? null,
    reportUnusedDisableDirectives: options.reportUnusedDisableDirectives || config.reportUnusedDisableDirectives === true,
    rules: Object.fromEntries(linter.rules.map((rule) => [rule.id, options.rules[rule.id] ?? config.rules[rule.id] ?? rule.severity])),
    // Per run: from the config files of the working directory (or --config), whatever FILE is.
    run: {
      configFiles: run.configFiles,
      allowEmpty: options.allowEmpty || run.allowEmpty === true,
      maxWarnings: options.maxWarnings >= 0 ? options.maxWarnings : run.maxWarnings ?? null,
    },
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
