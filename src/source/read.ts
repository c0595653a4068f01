/**
 * Reading a file into text. Every way a file can be unusable becomes an InputError with a
 * one-line message; the CLI prints it and exits 2 after linting the other files.
 */
import * as fs from 'fs';

/** A problem with the run's input that is not a lint finding: printed as one line, exit code 2. */
export class InputError extends Error {}

export interface ReadLimits {
  /** Largest file omlint reads, in bytes. */
  maxBytes: number;
}

export const DEFAULT_READ_LIMITS: ReadLimits = { maxBytes: 10 * 1024 * 1024 };

/** How many leading bytes are searched for a NUL to call a file binary (git looks at 8000 too). */
const BINARY_SNIFF_BYTES = 8000;

export function readSourceFile(filePath: string, limits: ReadLimits = DEFAULT_READ_LIMITS): string {
  let stat: fs.Stats;
  try {
    stat = fs.statSync(filePath);
  } catch (error) {
    throw new InputError(`${filePath}: ${describeFsError(error)}`);
  }
  if (stat.isDirectory()) throw new InputError(`${filePath}: is a directory, not a file`);
  if (!stat.isFile()) throw new InputError(`${filePath}: not a regular file`);
  if (stat.size > limits.maxBytes) {
    throw new InputError(`${filePath}: ${stat.size} bytes is over the ${limits.maxBytes}-byte limit`);
  }
  let bytes: Buffer;
  try {
    bytes = fs.readFileSync(filePath);
  } catch (error) {
    throw new InputError(`${filePath}: ${describeFsError(error)}`);
  }
  return decodeText(bytes, filePath, limits);
}

/** Turns bytes into text, refusing binary, UTF-16/32 and invalid UTF-8 with a clear message. */
export function decodeText(bytes: Uint8Array, name: string, limits: ReadLimits = DEFAULT_READ_LIMITS): string {
  if (bytes.length > limits.maxBytes) {
    throw new InputError(`${name}: ${bytes.length} bytes is over the ${limits.maxBytes}-byte limit`);
  }
  if ((bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff)) {
    throw new InputError(`${name}: UTF-16 text is not supported; save the file as UTF-8`);
  }
  const sniff = bytes.subarray(0, BINARY_SNIFF_BYTES);
  if (sniff.includes(0)) throw new InputError(`${name}: binary file (contains NUL bytes), not YAML`);
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw new InputError(`${name}: not valid UTF-8; save the file as UTF-8`);
  }
  return text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
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
    default:
      return code ? `cannot read (${code})` : 'cannot read';
  }
}
