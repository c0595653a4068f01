/** The older values a change is compared with (--baseline FILE, --since REF). */
import type { Baseline } from './rule';
import { parseYaml } from '../source/yaml';
import { buildHelmModels } from '../layouts/helm-values';

/** The auth config of the first document that has one; undefined when the text has none or does not parse. */
export function parseBaseline(text: string, label: string): Baseline | undefined {
  const parsed = parseYaml(text, label);
  if (parsed.syntaxErrors.length > 0) return undefined;
  for (const document of parsed.documents) {
    const [model] = buildHelmModels(label, document.plain(), document, []);
    if (model) return { label, config: model.config };
  }
  return undefined;
}
