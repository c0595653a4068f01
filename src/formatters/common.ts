/** Small helpers several formats share: paths as users and CI services expect them, XML text. */
import * as path from 'path';
import type { Finding, LintResult, Severity } from '../types';
import type { FormatterContext, FormatterStream, StreamingFormatter } from './types';

/**
 * A name that stands for no file: `<stdin>`, and `<command line>`, where a finding on a value a
 * `--set` argument set lands (docs/gitops.md). Printed as it is.
 */
export function isPseudoFile(file: string): boolean {
  return file.startsWith('<') && file.endsWith('>');
}

/** The path relative to `cwd` with `/` separators; absolute when the file is outside `cwd`. */
export function relativePath(cwd: string, file: string): string {
  if (isPseudoFile(file)) return file;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/** Whether a path from relativePath() is inside `cwd` (and so can be given relative to it). */
export function isInside(relative: string): boolean {
  return !isPseudoFile(relative) && !path.isAbsolute(relative);
}

export const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };

/**
 * Whether a format writes a finding. Info findings are advice: written only when the context asks
 * for them (`--show-info`), so a correct file gives no output and no CI annotation by default.
 */
export function isShown(finding: Finding, context: FormatterContext): boolean {
  return finding.severity !== 'info' || context.showInfo === true;
}

/** The findings of a result a format writes, in order. */
export function shownMessages(result: LintResult, context: FormatterContext): Finding[] {
  return context.showInfo === true ? result.messages : result.messages.filter((m) => m.severity !== 'info');
}

/** Characters XML 1.0 cannot hold at all (most C0 controls, lone surrogates, U+FFFE/U+FFFF). */
// eslint-disable-next-line no-control-regex
const NOT_XML = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\uFFFE\uFFFF]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/g;

/** Text safe inside an XML attribute or element. */
export function xmlEscape(text: string): string {
  return text
    .replace(NOT_XML, '\uFFFD')
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/'/g, '&apos;')
    .replace(/\r/g, '&#13;')
    .replace(/\n/g, '&#10;')
    .replace(/\t/g, '&#9;');
}

/** One line of text: findings may quote a value that spans lines. */
export function oneLine(text: string): string {
  return text.replace(/\r\n|[\r\n\u2028\u2029]/g, ' ');
}

/** A formatter made of its streaming form: every result's text, then the end (one code path for both). */
export function streamed(stream: (context: FormatterContext) => FormatterStream): StreamingFormatter {
  const formatter = (results: readonly LintResult[], context: FormatterContext): string => {
    const writer = stream(context);
    let text = '';
    for (const result of results) text += writer.write(result);
    text += writer.end();
    return writer.head ? writer.head() + text : text;
  };
  return Object.assign(formatter, { stream });
}

/**
 * Lines given in chunks whose texts, together, are all the lines joined by newlines: each chunk after
 * the first starts with the newline before it. An empty chunk adds nothing, not even a newline.
 */
export function lineJoiner(): (lines: readonly string[]) => string {
  let started = false;
  return (lines) => {
    if (lines.length === 0) return '';
    const chunk = started ? `\n${lines.join('\n')}` : lines.join('\n');
    started = true;
    return chunk;
  };
}

/**
 * One array of a document JSON.stringify(…, null, 2) prints, written element by element with the
 * same bytes: `before` and `after` are the document's text around the array (`[]` in the whole when
 * it is empty), `indent` the indentation of the line the array starts on. JSON text never holds a
 * raw newline inside a string, so each element is indented line by line.
 */
export function jsonArrayWriter(before: string, indent: string, after: string): { item(value: unknown): string; end(): string } {
  const itemIndent = `${indent}  `;
  let first = true;
  return {
    item(value) {
      const text = `${first ? `${before}[\n` : ',\n'}${itemIndent}${JSON.stringify(value, null, 2).split('\n').join(`\n${itemIndent}`)}`;
      first = false;
      return text;
    },
    end: () => (first ? `${before}[]${after}` : `\n${indent}]${after}`),
  };
}
