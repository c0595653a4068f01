/**
 * The one entry to parsing for the engine: the fast reader (fast-yaml.ts) for the plain block YAML
 * values files are written in, the `yaml` package (yaml.ts) for everything else and for syntax
 * errors. Both give documents with the same interface and, for a text both accept, equal results.
 */
import type { Location, Path, Plain, Range } from '../types';
import { DEFAULT_PARSE_LIMITS, UNCLOSED_QUOTE_MESSAGE, parseYaml, twoLineKeyMessage } from './yaml';
import type { DuplicateKey, LimitProblem, ParseLimits, SyntaxProblem, Target, YamlDocument } from './yaml';
import { FastNode, LineIndex, fastDuplicateKeys, pickFastRange, readFastYaml, walkFast } from './fast-yaml';

/** What the engine needs of a parsed document. */
export interface SourceDocument {
  readonly filePath: string;
  readonly index: number;
  /** The document as plain data (Helm semantics: the last of duplicate keys wins, `<<` merges). */
  plain(): Plain;
  locate(path: Path, target?: Target): Location | undefined;
  locateClosest(path: Path, target?: Target): Location;
  duplicateKeys(): DuplicateKey[];
  /** Whether the value at `path` is a plain scalar (the server layout re-reads those after `${VAR}` substitution). */
  isPlainScalar(path: Path): boolean;
}

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
      const document = new FastYamlDocument(filePath, text, tree.root, tree.plain, tree.hasDuplicates, limits);
      // The syntax errors the fast reader reads, where and as yaml.ts reports them.
      const syntaxErrors = tree.syntaxErrors.map((error) => ({
        message: error.kind === 'unclosed-quote' ? UNCLOSED_QUOTE_MESSAGE : twoLineKeyMessage(text, error.start),
        range: document.rangeOf([error.start, error.end]),
      }));
      return { documents: [document], syntaxErrors, limitProblems: [] };
    }
  }
  return parseYaml(text, filePath, limits);
}

/** A document read by the fast reader. */
export class FastYamlDocument implements SourceDocument {
  readonly index = 0;
  private readonly lines: LineIndex;
  private composed: YamlDocument | undefined;

  constructor(
    readonly filePath: string,
    private readonly text: string,
    private readonly root: FastNode,
    private readonly plainValue: Plain,
    private readonly hasDuplicates: boolean,
    private readonly limits: ParseLimits,
  ) {
    this.lines = new LineIndex(text);
  }

  plain(): Plain {
    return this.plainValue;
  }

  locate(path: Path, target: Target = 'auto'): Location | undefined {
    const found = walkFast(this.root, path);
    if (found.remaining !== 0) return undefined;
    const range = pickFastRange(found, target);
    return range ? this.toLocation(range) : this.full().locate(path, target);
  }

  locateClosest(path: Path, target: Target = 'auto'): Location {
    const found = walkFast(this.root, path);
    const range = pickFastRange(found, found.remaining > 0 ? 'key' : target);
    return range ? this.toLocation(range) : this.full().locateClosest(path, target);
  }

  duplicateKeys(): DuplicateKey[] {
    return this.hasDuplicates ? fastDuplicateKeys(this.root, this.lines, this.limits.maxDepth) : [];
  }

  isPlainScalar(path: Path): boolean {
    return this.full().isPlainScalar(path);
  }

  /**
   * The same text composed by `yaml`, for the few locations the fast reader does not keep (the range
   * of a block collection or block scalar); parsed once, on first need.
   */
  full(): YamlDocument {
    this.composed ??= parseYaml(this.text, this.filePath, this.limits).documents[0];
    return this.composed;
  }

  rangeOf(offsets: readonly [number, number]): Range {
    return this.lines.toRange(offsets);
  }

  private toLocation(offsets: readonly [number, number]): Location {
    return { filePath: this.filePath, ...this.lines.toRange(offsets) };
  }
}
