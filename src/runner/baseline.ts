/** The older values a change is compared with (--baseline FILE, --since REF). */
import type { Baseline } from '../rules/support/rule';
import { parseSource } from '../source/parse';
import { buildHelmModels } from '../layouts/helm-values';
import { InputLimits, findLongLine, resolveLimits } from '../source/limits';

/**
 * The auth config of the first document that has one; undefined when the text has none, does not
 * parse, or is over an input limit (a baseline is only a comparison: none is better than a guess).
 */
export function parseBaseline(text: string, label: string, limitOverrides?: Partial<InputLimits>): Baseline | undefined {
  const limits = resolveLimits(limitOverrides);
  if (text.length > limits.maxFileSize || findLongLine(text, limits.maxLineLength)) return undefined;
  const parsed = parseSource(text, label, { limits });
  if (parsed.syntaxErrors.length > 0 || parsed.limitProblems.length > 0) return undefined;
  for (const document of parsed.documents) {
    const [model] = buildHelmModels(label, document.helmPlain(), document, []);
    if (model) return { label, config: model.config };
  }
  return undefined;
}
