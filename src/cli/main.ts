/** The omlint command: options → files → lint → one formatter → stdout, and the exit code. */
import * as path from 'path';
import { parseArgs, HELP, UsageError, CliOptions } from './args';
import { resolveFiles } from './files';
import { showAtRef } from './git';
import { DEFAULT_READ_LIMITS, InputError, decodeText, readSourceFile, readStdin } from '../source/read';
import type { LintResult } from '../types';

/** Named exit codes (RULES.md): the contract CI jobs and hooks rely on. */
export const EXIT = { ok: 0, lintErrors: 1, failure: 2 } as const;

export interface Io {
  stdout: (text: string) => void;
  stderr: (text: string) => void;
  cwd: string;
  env: NodeJS.ProcessEnv;
  isTTY: boolean;
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
  const { RULES } = require('../rules') as typeof import('../rules');
  const { loadFormatter, FORMAT_NAMES } = require('../formatters') as typeof import('../formatters');
  if (options.listRules) {
    io.stdout(RULES.map((rule) => `${rule.id.padEnd(28)} ${rule.severity.padEnd(5)} ${rule.description}`).join('\n') + '\n');
    return EXIT.ok;
  }
  for (const id of Object.keys(options.rules)) {
    if (!RULES.some((rule) => rule.id === id)) throw new UsageError(`--rule: unknown rule "${id}"; see omlint --list-rules`);
  }
  const formatter = loadFormatter(options.format);
  if (!formatter) throw new UsageError(`--format: unknown format "${options.format}"; use one of ${FORMAT_NAMES.join(', ')}`);

  const { lintText } = require('../engine/lint') as typeof import('../engine/lint');
  const { parseBaseline } = require('../engine/baseline') as typeof import('../engine/baseline');
  if (options.stdin && options.patterns.length > 0) throw new UsageError('--stdin lints standard input only; give no file arguments with it');
  if (!options.stdin && options.stdinFilename !== undefined) throw new UsageError('--stdin-filename needs --stdin');
  const readLimits = { maxBytes: options.limits.maxFileSize ?? DEFAULT_READ_LIMITS.maxBytes };
  const fixedBaseline = options.baselineFile
    ? parseBaseline(readSourceFile(options.baselineFile, readLimits), options.baselineFile, options.limits)
    : undefined;
  if (options.baselineFile && !fixedBaseline) {
    throw new InputError(`--baseline: ${options.baselineFile} holds no OpenMetadata auth settings`);
  }

  let inputFailed = false;
  const results: LintResult[] = [];
  /** Lints one input; any failure is reported and the run goes on with the next file. */
  const lintOne = (name: string, readText: () => string, sinceFile?: string): void => {
    try {
      const text = readText();
      const sinceText = options.sinceRef && sinceFile ? showAtRef(options.sinceRef, sinceFile) : undefined;
      const baseline = fixedBaseline ?? (sinceText !== undefined ? parseBaseline(sinceText, `${options.sinceRef}:${path.relative(io.cwd, sinceFile ?? name)}`, options.limits) : undefined);
      const result = lintText(text, name, { rules: options.rules, baseline, limits: options.limits });
      if (result) results.push(result);
    } catch (error) {
      if (error instanceof InputError) io.stderr(`omlint: ${error.message}\n`);
      else reportInternalError(error, name, options.debug, io);
      inputFailed = true;
    }
  };
  if (options.stdin) {
    const name = options.stdinFilename !== undefined ? path.resolve(io.cwd, options.stdinFilename) : '<stdin>';
    lintOne(name, () => decodeText(readStdin(readLimits), name, readLimits), options.stdinFilename !== undefined ? name : undefined);
  } else {
    const files = resolveFiles(options.patterns, io.cwd, (error) => {
      io.stderr(`omlint: ${error.message}\n`);
      inputFailed = true;
    });
    for (const file of files) lintOne(file, () => readSourceFile(file, readLimits), file);
  }

  const shown = options.quiet ? results.map(errorsOnly) : results;
  const output = formatter(shown, { cwd: io.cwd, color: useColor(options, io), rules: RULES });
  if (output) io.stdout(output.endsWith('\n') ? output : `${output}\n`);

  if (inputFailed) return EXIT.failure;
  const errors = results.reduce((sum, r) => sum + r.errorCount, 0);
  const warnings = results.reduce((sum, r) => sum + r.warningCount, 0);
  if (errors > 0) return EXIT.lintErrors;
  if (options.maxWarnings >= 0 && warnings > options.maxWarnings) {
    io.stderr(`omlint: ${warnings} warnings, more than --max-warnings ${options.maxWarnings}\n`);
    return EXIT.lintErrors;
  }
  return EXIT.ok;
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
