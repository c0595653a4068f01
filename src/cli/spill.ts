/**
 * Report text set aside in a temporary file until it may be written. A format whose beginning is
 * only known at the end (junit: its root element carries the run's totals) cannot be written as
 * results come; its text waits on disk rather than in memory, so a run over thousands of files
 * stays flat in memory whatever the format. The file is private (a fresh folder, mode 0600; the
 * text is the report, secrets already redacted) and removed when read, or when the process exits.
 */
import * as fs from 'fs';
import * as os from 'os';
import * as path from 'path';
import { StringDecoder } from 'string_decoder';

/** Bytes read back at a time. */
const CHUNK = 64 * 1024;

export class Spill {
  private size = 0;
  private readonly removeOnExit = (): void => this.dispose();

  private constructor(
    private readonly dir: string,
    private fd: number | undefined,
  ) {
    process.on('exit', this.removeOnExit);
  }

  /** A new spill file, or undefined when none can be made (the caller keeps the text in memory). */
  static open(): Spill | undefined {
    let dir: string | undefined;
    try {
      dir = fs.mkdtempSync(path.join(os.tmpdir(), 'omlint-'));
      return new Spill(dir, fs.openSync(path.join(dir, 'report'), 'w+', 0o600));
    } catch {
      if (dir) fs.rmSync(dir, { recursive: true, force: true });
      return undefined;
    }
  }

  /** Appends text; false when it could not be written (nothing of it was kept: the caller keeps it). */
  write(text: string): boolean {
    if (this.fd === undefined) return false;
    const bytes = Buffer.from(text);
    try {
      for (let done = 0; done < bytes.length; ) done += fs.writeSync(this.fd, bytes, done, bytes.length - done, this.size + done);
    } catch {
      // A partial write is overwritten by the next one, which starts at `size` again.
      return false;
    }
    this.size += bytes.length;
    return true;
  }

  /** Everything written, in pieces of text (characters never cut in half), then the file is gone. */
  *read(): Generator<string> {
    try {
      if (this.fd === undefined) return;
      const decoder = new StringDecoder('utf8');
      const buffer = Buffer.allocUnsafe(CHUNK);
      for (let position = 0; position < this.size; ) {
        const count = fs.readSync(this.fd, buffer, 0, Math.min(CHUNK, this.size - position), position);
        if (count === 0) break;
        position += count;
        const text = decoder.write(buffer.subarray(0, count));
        if (text) yield text;
      }
      const rest = decoder.end();
      if (rest) yield rest;
    } finally {
      this.dispose();
    }
  }

  dispose(): void {
    process.removeListener('exit', this.removeOnExit);
    if (this.fd !== undefined) {
      try {
        fs.closeSync(this.fd);
      } catch {
        // Already closed: nothing to release.
      }
      this.fd = undefined;
    }
    fs.rmSync(this.dir, { recursive: true, force: true });
  }
}
