/**
 * Report text that must wait: a format whose beginning is known only at the end (junit: its root
 * element carries the run's totals) cannot be printed as results come. Its text waits here in
 * pieces, each deflated (report text shrinks ~12× at the fastest level: 21 million characters of
 * junit at 10 000 files took 1.8 MB and ~0.3 s to pack and unpack), so it grows memory little:
 * junit peaked at ~258 MiB at 10 000 files when it kept its text, ~160 MiB now (json: 126). A
 * temporary file took it to 128 MiB, but omlint writes no file it was not asked to (SECURITY.md).
 */
import type * as Zlib from 'zlib';

/** Loaded on first use: zlib takes ~2.5 ms to load, which a one-file run (a pre-commit hook) never needs. */
function zlib(): typeof Zlib {
  return require('zlib') as typeof Zlib;
}

export class SetAside {
  private readonly pieces: Buffer[] = [];

  add(text: string): void {
    this.pieces.push(zlib().deflateRawSync(text, { level: 1 }));
  }

  /** Every piece, in order, each as it was added; what was read is let go. */
  *read(): Generator<string> {
    for (let piece = this.pieces.shift(); piece !== undefined; piece = this.pieces.shift()) {
      yield zlib().inflateRawSync(piece).toString('utf8');
    }
  }
}
