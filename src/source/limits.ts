/**
 * The input limits: how much omlint reads before it refuses. A linter in a pre-commit hook and in
 * CI reads whatever a pull request adds, so every cost has a ceiling: bytes read, line length,
 * YAML tokens, documents, nesting and what aliases and merge keys expand to. SECURITY.md explains
 * each limit and why it is a finding (input-limit) or a one-line error.
 */

export interface InputLimits {
  /** Largest file (or stdin) omlint reads, in bytes. Over it: one-line error, exit 2. */
  maxFileSize: number;
  /** Longest line, in characters. Over it: an input-limit finding, the file is not linted. */
  maxLineLength: number;
  /** Most YAML tokens (keys, values, indicators, comments, line breaks) read from one file. */
  maxTokens: number;
  /** Most YAML documents (`---`) read from one file. */
  maxDocuments: number;
  /** Deepest nesting of maps and lists. */
  maxDepth: number;
  /** Most values that aliases (`*a`) and merge keys (`<<: *a`) may add to one document. */
  maxAliasExpansion: number;
}

export const DEFAULT_INPUT_LIMITS: Readonly<InputLimits> = {
  maxFileSize: 10 * 1024 * 1024,
  maxLineLength: 100_000,
  // A 5 MB values file has ~1.3 million tokens; 2 million lets realistic files up to the size limit's
  // order of magnitude through and bounds the `yaml` path's worst case (SECURITY.md).
  maxTokens: 2_000_000,
  maxDocuments: 1_000,
  maxDepth: 100,
  maxAliasExpansion: 100_000,
};

/**
 * The highest nesting a user may ask for. The `yaml` package composes documents recursively; near
 * 900 levels it runs out of stack, and V8 may then abort the whole process (measured: a regular
 * expression compiled on an almost full stack fails with a fatal "out of memory"). 500 leaves room.
 */
export const MAX_DEPTH_CEILING = 500;

/** The command-line option that raises each limit, for messages. */
export const LIMIT_OPTIONS: Readonly<Record<keyof InputLimits, string>> = {
  maxFileSize: '--max-file-size',
  maxLineLength: '--max-line-length',
  maxTokens: '--max-tokens',
  maxDocuments: '--max-documents',
  maxDepth: '--max-depth',
  maxAliasExpansion: '--max-alias-expansion',
};

/** The limits with `overrides` applied (undefined entries keep the default). */
export function resolveLimits(overrides: Partial<InputLimits> = {}): InputLimits {
  const limits = { ...DEFAULT_INPUT_LIMITS };
  for (const key of Object.keys(limits) as (keyof InputLimits)[]) {
    const value = overrides[key];
    if (value !== undefined) limits[key] = value;
  }
  limits.maxDepth = Math.min(limits.maxDepth, MAX_DEPTH_CEILING);
  return limits;
}

export interface LongLine {
  /** 1-based line number. */
  line: number;
  length: number;
}

/** The first line longer than `max` characters (line breaks: LF, CRLF and lone CR), if any. */
export function findLongLine(text: string, max: number): LongLine | undefined {
  if (text.length <= max) return undefined;
  let line = 1;
  let start = 0;
  for (let i = 0; i <= text.length; i++) {
    const code = i < text.length ? text.charCodeAt(i) : 10;
    if (code !== 10 && code !== 13) continue;
    if (i - start > max) return { line, length: i - start };
    if (code === 13 && text.charCodeAt(i + 1) === 10) i++;
    line++;
    start = i + 1;
  }
  return undefined;
}
