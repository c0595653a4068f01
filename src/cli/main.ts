/** The omlint command: options → files → lint → one formatter → stdout, and the exit code. */
import * as path from 'path';
import { parseArgs, HELP, UsageError, CliOptions } from './args';
import { resolveFiles } from './files';
import { showAtRef } from './git';
import { lintAndFix } from './fix';
import { InputError, readSourceFile } from '../source/read';
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
      io.stderr(`omlint: internal error: ${(error as Error)?.message ?? String(error)}\n`);
      if (options?.debug) io.stderr(`${(error as Error)?.stack}\n`);
    }
    return EXIT.failure;
  }
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
    io.stdout(RULES.map((rule) => `${rule.id.padEnd(28)} ${rule.severity.padEnd(5)} ${(rule.fixable ? 'fixable' : '').padEnd(7)} ${rule.description}`).join('\n') + '\n');
    return EXIT.ok;
  }
  for (const id of Object.keys(options.rules)) {
    if (!RULES.some((rule) => rule.id === id)) throw new UsageError(`--rule: unknown rule "${id}"; see omlint --list-rules`);
  }
  const formatter = loadFormatter(options.format);
  if (!formatter) throw new UsageError(`--format: unknown format "${options.format}"; use one of ${FORMAT_NAMES.join(', ')}`);

  const { lintText } = require('../engine/lint') as typeof import('../engine/lint');
  const { parseBaseline } = require('../engine/baseline') as typeof import('../engine/baseline');
  const fixedBaseline = options.baselineFile
    ? parseBaseline(readSourceFile(options.baselineFile), options.baselineFile)
    : undefined;
  if (options.baselineFile && !fixedBaseline) {
    throw new InputError(`--baseline: ${options.baselineFile} holds no OpenMetadata auth settings`);
  }

  const { lintLayers } = require('../engine/lint') as typeof import('../engine/lint');
  const { parseEnvFile } = require('../layouts/env-file') as typeof import('../layouts/env-file');
  const envFile = options.envFile
    ? parseEnvFile(readSourceFile(path.resolve(io.cwd, options.envFile)), path.resolve(io.cwd, options.envFile))
    : undefined;
  const common = { rules: options.rules, chartVersion: options.chartVersion, envFile };

  let inputFailed = false;
  const results: LintResult[] = [];
  if (options.valuesFiles.length > 0) {
    const layers = options.valuesFiles.map((file) => ({ filePath: path.resolve(io.cwd, file), text: readSourceFile(path.resolve(io.cwd, file)) }));
    const result = lintLayers(layers, { ...common, baseline: fixedBaseline });
    if (result) results.push(result);
  }
  // With -f alone there is nothing else to lint; without it, no paths means "scan the current directory".
  const files = options.valuesFiles.length > 0 && options.patterns.length === 0 ? [] : resolveFiles(options.patterns, io.cwd);
  for (const file of files) {
    try {
      const text = readSourceFile(file);
      const sinceText = options.sinceRef ? showAtRef(options.sinceRef, file) : undefined;
      const baseline = fixedBaseline ?? (sinceText !== undefined ? parseBaseline(sinceText, `${options.sinceRef}:${path.relative(io.cwd, file)}`) : undefined);
      const result = options.fix || options.fixDryRun
        ? lintAndFix(text, file, { ...common, baseline }, options.fix === true, io.stderr)
        : lintText(text, file, { ...common, baseline });
      if (result) results.push(result);
    } catch (error) {
      if (!(error instanceof InputError)) throw error;
      io.stderr(`omlint: ${error.message}\n`);
      inputFailed = true;
    }
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
