/** Small helpers several formats share: paths as users and CI services expect them, XML text. */
import * as path from 'path';
import type { Finding, LintResult, Severity } from '../types';
import type { FormatterContext, FormatterStream, StreamingFormatter } from './types';

/** The path relative to `cwd` with `/` separators; absolute when the file is outside `cwd`. */
export function relativePath(cwd: string, file: string): string {
  if (file === '<stdin>') return file;
  const rel = path.relative(cwd, file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

/** Whether a path from relativePath() is inside `cwd` (and so can be given relative to it). */
export function isInside(relative: string): boolean {
  return relative !== '<stdin>' && !path.isAbsolute(relative);
}

export const SEVERITY_WORD: Record<Severity, string> = { error: 'error', warn: 'warning', info: 'info' };

/** Every finding with the result it belongs to, in output order. */
export function eachFinding(results: readonly LintResult[]): { result: LintResult; finding: Finding }[] {
  return results.flatMap((result) => result.messages.map((finding) => ({ result, finding })));
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
    return text + writer.end();
  };
  return Object.assign(formatter, { stream });
}
