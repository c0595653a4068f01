/** A text's SHA-256, in hex: how two secrets are compared without either being kept or shown. */
import { createHash } from 'crypto';

export function sha256(text: string): string {
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
