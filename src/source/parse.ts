/**
 * The one entry to parsing for the engine: the fast reader (fast-yaml.ts) for the plain block YAML
 * values files are written in, the `yaml` package (yaml.ts) for everything else and for syntax
 * errors. Both build the same located tree (tree.ts), and for a text both accept, equal results.
 */
import { DEFAULT_PARSE_LIMITS, UNCLOSED_QUOTE_MESSAGE, parseYaml, twoLineKeyMessage } from './yaml';
import type { LimitProblem, ParseLimits, SyntaxProblem } from './yaml';
import { readFastYaml } from './fast-yaml';
import { LineIndex, LocatedTree, SourceDocument } from './tree';

export type { SourceDocument } from './tree';

export interface ParsedSource {
  documents: SourceDocument[];
  syntaxErrors: SyntaxProblem[];
  limitProblems: LimitProblem[];
}

export interface ParseOptions {
  /** `yaml`: always compose with the `yaml` package (the reference the fast reader is tested against). */
  parser?: 'auto' | 'yaml';
  limits?: ParseLimits;
}

export function parseSource(text: string, filePath: string, options: ParseOptions = {}): ParsedSource {
  const limits = options.limits ?? DEFAULT_PARSE_LIMITS;
  if (options.parser !== 'yaml') {
    const tree = readFastYaml(text, limits);
    if (tree) {
      const lines = new LineIndex(text);
      const document = new LocatedTree(filePath, 0, text, tree.root, lines, () => tree.plain, limits.maxDepth, tree.hasDuplicates);
      // The syntax errors the fast reader reads, where and as yaml.ts reports them.
      const syntaxErrors = tree.syntaxErrors.map((error) => ({
        message: error.kind === 'unclosed-quote' ? UNCLOSED_QUOTE_MESSAGE : twoLineKeyMessage(text, error.start),
        range: lines.toRange([error.start, error.end]),
      }));
      return { documents: [document], syntaxErrors, limitProblems: [] };
    }
  }
  return parseYaml(text, filePath, limits);
}
