/**
 * A text's SHA-256, in hex: how two secrets are compared without either being kept or shown.
 * `crypto` is required on first use: loading it brings Node's stream modules, ~4.5 ms that every
 * run would pay at start-up although only --against-export needs it.
 */
export function sha256(text: string): string {
  const { createHash } = require('crypto') as typeof import('crypto');
  return createHash('sha256').update(text, 'utf8').digest('hex');
}
