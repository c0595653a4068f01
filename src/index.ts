/**
 * The public API, for editors and scripts:
 *   const { lintFiles, lintText, loadFormatter } = require('omlint');
 */
import { lintText as lintOneText, LintOptions } from './engine/lint';
import { readSourceFile } from './source/read';
import { resolveFiles } from './runner/files';
import type { LintResult } from './types';

export type { Finding, LintResult, Location, Path, Range, RuleSetting, Severity } from './types';
export type { LintOptions } from './engine/lint';
export type { Rule, RuleMeta, RuleContext, Report, Baseline } from './rules/support/rule';
export type { Formatter, FormatterContext } from './formatters/types';
export { InputError } from './source/read';
export { RULES } from './rules';
export { docsUrl } from './rules/support/rule';
export { loadFormatter, FORMAT_NAMES } from './formatters';
export { parseBaseline } from './runner/baseline';
export { lintLayers } from './engine/lint';
export type { LayerInput } from './engine/lint';
export { parseEnvFile } from './layouts/env-file';
export type { Origin } from './layouts/model';

/**
 * Lints a text as if it were the file `filePath`. Returns undefined when the text holds no
 * OpenMetadata auth settings (the CLI skips such files silently).
 */
export function lintText(text: string, filePath = '<text>', options: LintOptions = {}): LintResult | undefined {
  return lintOneText(text, filePath, options);
}

/**
 * Lints files, directories and globs the way the CLI does. Files without auth settings are left
 * out; a file that cannot be read throws an InputError with a one-line message.
 */
export function lintFiles(patterns: readonly string[], options: LintOptions & { cwd?: string } = {}): LintResult[] {
  const results: LintResult[] = [];
  for (const file of resolveFiles(patterns, options.cwd ?? process.cwd())) {
    const result = lintOneText(readSourceFile(file), file, options);
    if (result) results.push(result);
  }
  return results;
}
