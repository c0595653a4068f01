/** How a user's value appears in a message. */
import type { Plain } from '../../types';
import { Shown } from './rule';

/**
 * A value the user wrote, for a message's data. The engine shows it quoted, on one line and cut
 * short, or «redacted» when it is (part of) a secret of the file: the rule never decides that.
 */
export function show(value: Plain | undefined): Shown {
  return new Shown(value);
}

/** Longest value shown whole; a longer one is cut (a PEM block or a long list would flood the line). */
const SHOWN_MAX = 80;

/** The shown form of a value's text (already redacted): quoted, one line, cut. */
export function showValue(text: string): string {
  const oneLine = text.replace(/\s+/g, ' ');
  return `"${oneLine.length > SHOWN_MAX ? `${oneLine.slice(0, SHOWN_MAX - 3)}...` : oneLine}"`;
}
