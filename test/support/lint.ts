/** The tests lint through the public API, as every caller does: one linter per call, so nothing carries over. */
import { createLinter, LinterOptions, LintResult, SourceText } from '../../src';
import { fixText as fixWith, FixOutcome } from '../../src/engine/fix';

export type TestLintOptions = Omit<LinterOptions, 'cwd' | 'fix' | 'onNotice'>;

export function lintText(text: string, filePath: string, options: TestLintOptions = {}): LintResult | undefined {
  return createLinter(options).lintText(text, filePath);
}

/** The values files of one release, given as texts, merged as `helm -f` merges them. */
export function lintLayers(sources: readonly SourceText[], options: TestLintOptions = {}): LintResult | undefined {
  return createLinter(options).lintValues(sources);
}

/** Every safe fix applied in memory, with what is left. */
export function fixText(text: string, filePath: string, options: TestLintOptions = {}): FixOutcome {
  const linter = createLinter(options);
  return fixWith(text, (fixed) => linter.lintText(fixed, filePath));
}
