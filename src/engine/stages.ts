/**
 * The stages of src/engine/pipeline.ts that every source of a job goes through, whichever way it came
 * in (a file named on the command line, a `-f` file, a values file a GitOps file names, a YAML text
 * inside one of its strings): the line-length screen, parsing, plain values within the limits.
 */
import type { Plain } from '../types';
import type { LintJob, SourceText } from './job';
import { parseSource, ParsedSource, SourceDocument } from '../source/parse';
import { ExpansionLimitError } from '../source/yaml';
import { findLongLine, LIMIT_OPTIONS } from '../source/limits';
import { parseEnvFile, ParsedEnvFile } from '../layouts/env-file';
import type { Funnel } from './funnel';

/** A source after parsing: YAML documents, or an env file's assignments. */
export type ParsedInput =
  | { kind: 'yaml'; source: SourceText; parsed: ParsedSource }
  | { kind: 'env'; source: SourceText; env: ParsedEnvFile };

/** A line over --max-line-length: the source is not read further, so nothing else is reported for it. */
export function overLongLine(source: SourceText, job: LintJob, funnel: Funnel): boolean {
  const { maxLineLength } = job.settings.limits;
  const longLine = findLongLine(source.text, maxLineLength);
  if (!longLine) return false;
  funnel.addSourceFinding('input-limit', source.filePath, { line: longLine.line, column: 1, endLine: longLine.line, endColumn: 1 },
    `line ${longLine.line} is ${longLine.length} characters long, over the ${maxLineLength}-character ` +
    `limit; omlint does not lint this file (raise ${LIMIT_OPTIONS.maxLineLength} if it is genuine)`);
  return true;
}

export function parse(source: SourceText, syntax: 'yaml' | 'env', job: LintJob): ParsedInput {
  if (syntax === 'env') return { kind: 'env', source, env: parseEnvFile(source.text, source.filePath) };
  const parsed = parseSource(source.text, source.filePath, { limits: job.settings.limits, parser: job.settings.parser });
  return { kind: 'yaml', source, parsed };
}

/** The document as plain data, or undefined (and an input-limit finding) when it expands beyond the limits. */
export function plainOf(document: SourceDocument, funnel: Funnel): Plain | undefined {
  try {
    return document.plain();
  } catch (error) {
    if (!(error instanceof ExpansionLimitError)) throw error;
    funnel.addSourceFinding('input-limit', document.filePath, document.locateClosest([]),
      `${error.message}; omlint does not lint this document`);
    return undefined;
  }
}

