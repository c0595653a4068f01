/**
 * Values written inside another file: a map under a key (Argo CD's `helm.valuesObject`, Flux's
 * `spec.values`, helmfile's inline `values`, Kustomize's `valuesInline`) or a YAML document inside a
 * string (Argo CD's `helm.values: |`). Both are located in the file that holds them, at the line and
 * column where the value is written there, as a values file of their own would be.
 *
 * A literal block scalar (`|`, `|-`, `|+`) holds its lines as written, less the block's indentation:
 * line k of the inner text is line k of the block, its column shifted by that indentation, so every
 * position maps back exactly. The mapping is checked against the string's value; any other string
 * (quoted, folded `>`, plain over several lines, an indentation the check does not reproduce) has
 * no such mapping, and every position inside it lands on the string itself.
 */
import type { Location, Path, Range } from '../types';
import type { DuplicateKey, Locator, Origin, ScalarSource, SourceDocument, Target } from './tree';

/** A YAML text inside a string of another file, with the way back from its positions to that file. */
export interface EmbeddedText {
  /** The string's value: the text that is read as YAML. */
  text: string;
  /** Whether positions map exactly (a literal block); else they all land on the string. */
  exact: boolean;
  /** A range of `text` as a range of the outer file. */
  toOuter(range: Range): Range;
}

/**
 * The inner text of the string whose source is `scalar` and whose value is `value`, with its mapping.
 * `whole` is the string's own range in the outer file (where inexact positions land).
 */
export function embeddedText(scalar: ScalarSource, value: string, whole: Range): EmbeddedText {
  const block = literalBlock(scalar, value);
  if (!block) return { text: value, exact: false, toOuter: () => whole };
  const { firstLine, indent } = block;
  return {
    text: value,
    exact: true,
    toOuter: (range) => ({
      line: range.line + firstLine - 1,
      column: range.column + indent,
      endLine: range.endLine + firstLine - 1,
      endColumn: range.endColumn + indent,
    }),
  };
}

/**
 * The first content line (1-based, in the outer text) and indentation of a literal block scalar,
 * when its lines less that indentation are exactly its value (trailing line breaks aside: chomping).
 */
function literalBlock(scalar: ScalarSource, value: string): { firstLine: number; indent: number; contentStart: number } | undefined {
  const { text, start, end } = scalar;
  if (text.charAt(start) !== '|') return undefined;
  const headerEnd = text.indexOf('\n', start);
  if (headerEnd < 0 || headerEnd >= end) return undefined;
  const lines = text.slice(headerEnd + 1, end).split('\n').map((line) => line.replace(/\r$/, ''));
  const firstText = lines.find((line) => line.trim() !== '');
  if (firstText === undefined) return undefined;
  const indent = firstText.length - firstText.trimStart().length;
  if (indent === 0 || firstText.slice(0, indent).includes('\t')) return undefined;
  const content: string[] = [];
  for (const line of lines) {
    if (line.trim() === '') content.push(line.length > indent ? line.slice(indent) : '');
    else if (line.slice(0, indent) === ' '.repeat(indent)) content.push(line.slice(indent));
    else return undefined;
  }
  const trimEnd = (s: string): string => s.replace(/\n+$/, '');
  if (trimEnd(content.join('\n')) !== trimEnd(value)) return undefined;
  return { firstLine: lineOf(text, headerEnd + 1), indent, contentStart: headerEnd + 1 };
}

/**
 * Where the lines of a literal block scalar are in the outer text, and their indentation, when the
 * block holds its value exactly (as embeddedText maps it): `--fix` re-indents an edited inner text
 * into that place (src/engine/fix.ts).
 */
export function literalBlockLines(scalar: ScalarSource, value: string): { start: number; end: number; indent: number } | undefined {
  const block = literalBlock(scalar, value);
  return block && { start: block.contentStart, end: scalar.end, indent: block.indent };
}

function lineOf(text: string, offset: number): number {
  let line = 1;
  for (let i = text.indexOf('\n'); i >= 0 && i < offset; i = text.indexOf('\n', i + 1)) line++;
  return line;
}

/** Locates the paths of a YAML text inside a string in the file that holds the string. */
export class EmbeddedLocator implements Locator {
  constructor(
    private readonly inner: Locator,
    private readonly embedded: EmbeddedText,
    private readonly outerFile: string,
  ) {}

  locate(path: Path, target?: Target): Location | undefined {
    const location = this.inner.locate(path, target);
    return location && this.outer(location);
  }

  locateClosest(path: Path, target?: Target): Location {
    return this.outer(this.inner.locateClosest(path, target));
  }

  origin(): Origin {
    return { filePath: this.outerFile };
  }

  /** A range of the inner text, in the outer file. */
  outer(range: Range): Location {
    const { line, column, endLine, endColumn } = this.embedded.toOuter(range);
    return { filePath: this.outerFile, line, column, endLine, endColumn };
  }
}

/** Locates the paths of values written as a map at `prefix` of a document (Argo CD's `valuesObject`, …). */
export class SubtreeLocator implements Locator {
  constructor(
    private readonly document: Pick<SourceDocument, 'locate' | 'locateClosest'>,
    private readonly prefix: Path,
  ) {}

  locate(path: Path, target?: Target): Location | undefined {
    return this.document.locate([...this.prefix, ...path], target);
  }

  locateClosest(path: Path, target?: Target): Location {
    return this.document.locateClosest([...this.prefix, ...path], target);
  }
}

/** The keys written twice inside the map at `prefix`, with their paths relative to it. */
export function duplicatesBelow(duplicates: readonly DuplicateKey[], prefix: Path): DuplicateKey[] {
  return duplicates.flatMap((duplicate) => {
    const { mapPath } = duplicate;
    if (mapPath.length < prefix.length || !prefix.every((segment, i) => String(mapPath[i]) === String(segment))) return [];
    return [{ ...duplicate, mapPath: mapPath.slice(prefix.length) }];
  });
}

/** The keys written twice in a YAML text inside a string, their ranges in the outer file. */
export function duplicatesMapped(duplicates: readonly DuplicateKey[], embedded: EmbeddedText): DuplicateKey[] {
  return duplicates.map((duplicate) => ({ ...duplicate, first: embedded.toOuter(duplicate.first), repeat: embedded.toOuter(duplicate.repeat) }));
}

/** Every location in one place: values omlint cannot read (a Secret's key at a Flux `targetPath`), located where they are named. */
export class FixedLocator implements Locator {
  constructor(private readonly location: Location) {}

  locate(): Location {
    return this.location;
  }

  locateClosest(): Location {
    return this.location;
  }
}
