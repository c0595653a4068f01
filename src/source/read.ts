/**
 * Reading a file into text. Every way a file can be unusable becomes an InputError with a
 * one-line message; the CLI prints it and exits 2 after linting the other files.
 */
import * as fs from 'fs';
import { DEFAULT_INPUT_LIMITS, LIMIT_OPTIONS } from './limits';

/** A problem with the run's input that is not a lint finding: printed as one line, exit code 2. */
export class InputError extends Error {}

export interface ReadLimits {
  /** Largest file omlint reads, in bytes. */
  maxBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: DEFAULT_INPUT_LIMITS.maxFileSize };

/** How many leading bytes are searched for a NUL to call a file binary (git looks at 8000 too). */
const BINARY_SNIFF_BYTES = 8000;

/**
 * One buffer a reader reads every file into that fits in it (values files are a few kilobytes).
 * Decoding copies the text out, and nothing keeps the bytes, so a run over thousands of files
 * allocates no buffer per file. It allocated two (the read, and Buffer.concat's copy): ~90 MB at
 * 10 000 files, external memory that V8 counts towards its next garbage collection. Each linter
 * owns one; a file read without one gets a buffer of its own.
 */
export interface Scratch {
  bytes?: Buffer;
}

export function readSourceFile(filePath: string, limits: ReadLimits = DEFAULT_READ_LIMITS, scratch: Scratch = {}): string {
  // O_NONBLOCK: opening a FIFO must not wait for a writer (it is refused below, after fstat).
  // The checks use the opened file's fstat rather than a stat before opening: one system call less
  // per file, and no window in which the path can be swapped between the check and the read.
  let fd: number;
  try {
    fd = fs.openSync(filePath, fs.constants.O_RDONLY | (fs.constants.O_NONBLOCK ?? 0));
  } catch (error) {
    throw new InputError(`${filePath}: ${describeFsError(error)}`);
  }
  try {
    let stat: fs.Stats;
    try {
      stat = fs.fstatSync(fd);
    } catch (error) {
      throw new InputError(`${filePath}: ${describeFsError(error)}`);
    }
    if (stat.isDirectory()) throw new InputError(`${filePath}: is a directory, not a file`);
    if (stat.isFIFO()) throw new InputError(`${filePath}: is a named pipe (FIFO), not a file; use --stdin to lint a stream`);
    if (!stat.isFile()) throw new InputError(`${filePath}: not a regular file`);
    if (stat.size > limits.maxBytes) throw new InputError(`${filePath}: ${overSize(stat.size, limits.maxBytes)}`);
    let bytes: Uint8Array;
    try {
      bytes = readBounded(fd, stat.size, limits.maxBytes, scratch);
    } catch (error) {
      throw new InputError(`${filePath}: ${describeFsError(error)}`);
    }
    return decodeText(bytes, filePath, limits);
  } finally {
    fs.closeSync(fd);
  }
}

const SCRATCH_BYTES = 256 * 1024;

/**
 * Reads at most `maxBytes + 1` bytes, so a file that grows after the size check cannot make omlint
 * read more. The bytes returned may be the shared scratch buffer: decode them before the next read.
 */
function readBounded(fd: number, size: number, maxBytes: number, scratch: Scratch): Uint8Array {
  // The first read is sized by the file (one byte more, to see the end at once); later ones only
  // happen if it grew. allocUnsafe: only the bytes read are kept, and zero-filling megabytes per
  // file cost more than the whole lint of a small values file.
  const first = Math.max(0, Math.min(size + 1, maxBytes + 1));
  const firstChunk = first <= SCRATCH_BYTES ? (scratch.bytes ??= Buffer.allocUnsafe(SCRATCH_BYTES)).subarray(0, first) : Buffer.allocUnsafe(first);
  const firstCount = first === 0 ? 0 : fs.readSync(fd, firstChunk, 0, first, null);
  // A short read of a regular file is its end: no second read call to learn that.
  if (firstCount < first) return firstChunk.subarray(0, firstCount);
  const chunks: Buffer[] = [firstChunk];
  let total = firstCount;
  for (;;) {
    const chunk = Buffer.allocUnsafe(Math.max(0, Math.min(64 * 1024, maxBytes + 1 - total)));
    const count = chunk.length === 0 ? 0 : fs.readSync(fd, chunk, 0, chunk.length, null);
    if (count === 0) break;
    chunks.push(chunk.subarray(0, count));
    total += count;
    if (count < chunk.length) break;
  }
  return Buffer.concat(chunks, total);
}

/**
 * Reads all of standard input, up to the size limit. A closed or unreadable stdin is an
 * InputError; a stdin closed early simply ends the text there.
 */
export function readStdin(limits: ReadLimits = DEFAULT_READ_LIMITS, fd = 0): Buffer {
  const chunks: Buffer[] = [];
  const chunk = Buffer.alloc(64 * 1024);
  let total = 0;
  for (;;) {
    let count: number;
    try {
      count = fs.readSync(fd, chunk, 0, chunk.length, null);
    } catch (error) {
      const code = (error as NodeJS.ErrnoException).code;
      if (code === 'EAGAIN') {
        waitBriefly();
        continue;
      }
      if (code === 'EOF') break;
      throw new InputError(`<stdin>: ${code === 'EBADF' ? 'standard input is closed' : describeFsError(error)}`);
    }
    if (count === 0) break;
    total += count;
    if (total > limits.maxBytes) throw new InputError(`<stdin>: ${overSize(total, limits.maxBytes, 'more than ')}`);
    chunks.push(Buffer.from(chunk.subarray(0, count)));
  }
  return Buffer.concat(chunks, total);
}

/** Sleeps a few milliseconds without spinning (stdin is non-blocking on some terminals and CI runners). */
function waitBriefly(): void {
  Atomics.wait(new Int32Array(new SharedArrayBuffer(4)), 0, 0, 10);
}

function overSize(size: number, max: number, prefix = ''): string {
  return `${prefix}${size} bytes is over the ${max}-byte limit; a values file is far smaller (raise ${LIMIT_OPTIONS.maxFileSize} if this one is genuine)`;
}

/** Stateless without `stream`: one decoder serves every file. */
const UTF8 = new TextDecoder('utf-8', { fatal: true });

/** Turns bytes into text, refusing binary, UTF-16/32 and invalid UTF-8 with a clear message. */
export function decodeText(bytes: Uint8Array, name: string, limits: ReadLimits = DEFAULT_READ_LIMITS): string {
  if (bytes.length > limits.maxBytes) throw new InputError(`${name}: ${overSize(bytes.length, limits.maxBytes)}`);
  const encoding = foreignEncoding(bytes);
  if (encoding) throw new InputError(`${name}: ${encoding} text is not supported; save the file as UTF-8`);
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) throw new InputError(`${name}: binary file (contains NUL bytes), not YAML`);
  let text: string;
  try {
    text = UTF8.decode(bytes);
  } catch {
    const at = firstInvalidUtf8(bytes);
    throw new InputError(`${name}: not valid UTF-8 (first bad byte at line ${at.line}, column ${at.column}); save the file as UTF-8`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
}

/** UTF-32 and UTF-16 by their byte order mark, or UTF-16 without one by its zero bytes. */
function foreignEncoding(bytes: Uint8Array): string | undefined {
  const [b0, b1, b2, b3] = bytes;
  if (b0 === 0xff && b1 === 0xfe && b2 === 0 && b3 === 0) return 'UTF-32';
  if (b0 === 0 && b1 === 0 && b2 === 0xfe && b3 === 0xff) return 'UTF-32';
  if ((b0 === 0xff && b1 === 0xfe) || (b0 === 0xfe && b1 === 0xff)) return 'UTF-16';
  // YAML text starts with ASCII; in UTF-16 without a BOM every other byte of it is zero.
  const sample = bytes.subarray(0, Math.min(bytes.length, 200) & ~1);
  if (sample.length < 4) return undefined;
  let evenZeros = 0;
  let oddZeros = 0;
  for (let i = 0; i < sample.length; i += 2) {
    if (sample[i] === 0 && sample[i + 1] !== 0) evenZeros++;
    if (sample[i + 1] === 0 && sample[i] !== 0) oddZeros++;
  }
  const pairs = sample.length / 2;
  return evenZeros === pairs || oddZeros === pairs ? 'UTF-16 (without a byte order mark)' : undefined;
}

/** Where the first byte that breaks UTF-8 sits, as 1-based line and column (in characters). */
function firstInvalidUtf8(bytes: Uint8Array): { line: number; column: number } {
  let line = 1;
  let column = 1;
  let i = 0;
  while (i < bytes.length) {
    const length = utf8SequenceLength(bytes, i);
    if (length === 0) break;
    if (bytes[i] === 10) {
      line++;
      column = 1;
    } else {
      column++;
    }
    i += length;
  }
  return { line, column };
}

/** The length of the valid UTF-8 sequence at `i`, or 0 when it is invalid. */
function utf8SequenceLength(bytes: Uint8Array, i: number): number {
  const lead = bytes[i];
  if (lead < 0x80) return 1;
  const [length, min, max] =
    lead >= 0xc2 && lead <= 0xdf ? [2, 0x80, 0xbf]
    : lead === 0xe0 ? [3, 0xa0, 0xbf]
    : lead === 0xed ? [3, 0x80, 0x9f]
    : lead >= 0xe1 && lead <= 0xef ? [3, 0x80, 0xbf]
    : lead === 0xf0 ? [4, 0x90, 0xbf]
    : lead === 0xf4 ? [4, 0x80, 0x8f]
    : lead >= 0xf1 && lead <= 0xf3 ? [4, 0x80, 0xbf]
    : [0, 0, 0];
  if (length === 0 || i + length > bytes.length) return 0;
  if (bytes[i + 1] < min || bytes[i + 1] > max) return 0;
  for (let k = 2; k < length; k++) if (bytes[i + k] < 0x80 || bytes[i + k] > 0xbf) return 0;
  return length;
}

function describeFsError(error: unknown): string {
  const code = (error as NodeJS.ErrnoException).code;
  switch (code) {
    case 'ENOENT':
      return 'no such file';
    case 'EACCES':
    case 'EPERM':
      return 'permission denied';
    case 'EISDIR':
      return 'is a directory, not a file';
    case 'ELOOP':
      return 'too many levels of symbolic links';
    case 'ENAMETOOLONG':
      return 'file name too long';
    default:
      return code ? `cannot read (${code})` : 'cannot read';
  }
}
