/** Shared types: the vocabulary every layer of omlint speaks. */

/** How bad a finding is. `info` is advice: it is printed but never fails a run. */
export type Severity = 'error' | 'warn' | 'info';

/** What a user may set a rule to. */
export type RuleSetting = Severity | 'off';

/** A path into a parsed YAML value: map keys and sequence indexes. */
export type Path = readonly (string | number)[];

/** 1-based positions; `endColumn` is the column just after the last character, as in ESLint. */
export interface Range {
  line: number;
  column: number;
  endLine: number;
  endColumn: number;
}

/** Where something is: the file that holds it and the range in that file. */
export interface Location extends Range {
  filePath: string;
}

/** One problem, ready for a formatter. */
export interface Finding extends Range {
  ruleId: string;
  severity: Severity;
  message: string;
  /** The file that holds the offending key or value (it may differ from the linted file with -f layering). */
  filePath: string;
  /** What --fix would change, in data terms; never printed by a formatter. */
  fix?: DocumentFix;
  /**
   * Why --fix cannot make this finding's fix where the value is written (a YAML text inside a
   * quoted or folded string, a file a GitOps file names, a `--set` argument): --fix says so
   * instead. Never printed by a formatter.
   */
  fixBlocked?: string;
  /**
   * `fix` as one edit of the file's text (ESLint's `fix`), when the linter was asked for text fixes
   * (`textFixes`, as `--format json` asks) and --fix would apply it on its own.
   */
  textFix?: TextFix;
  /** The document path of the key or value at fault: a stable identity across line shifts (gitlab fingerprints). */
  keyPath?: Path;
}

/** All findings for one linted file, in the shape of ESLint's LintResult. */
export interface LintResult {
  filePath: string;
  messages: Finding[];
  errorCount: number;
  warningCount: number;
  infoCount: number;
  /** With --fix-dry-run: the fixed text, when a fix changed it (ESLint's `output`). */
  output?: string;
}

/** A plain YAML value after parsing: what ajv and the rules see. */
export type Plain = null | boolean | number | string | Plain[] | PlainMap;
export interface PlainMap {
  [key: string]: Plain;
}

/** A map (not a list, not null). */
export function isPlainMap(value: unknown): value is PlainMap {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}

/** The value at `path` below `from`, or undefined where the path does not exist. */
export function valueAt(from: Plain | undefined, path: Path): Plain | undefined {
  let current: Plain | undefined = from;
  for (const segment of path) {
    if (current === null || current === undefined || typeof current !== 'object') return undefined;
    current = Array.isArray(current)
      ? typeof segment === 'number' ? current[segment] : undefined
      : Object.prototype.hasOwnProperty.call(current, segment) ? current[String(segment)] : undefined;
  }
  return current;
}

/** Sets `value` at `path` below `root`, creating (or replacing non-map) parents as maps. */
export function setValueAt(root: PlainMap, path: Path, value: Plain): void {
  let node = root;
  for (const segment of path.slice(0, -1)) {
    const next = node[String(segment)];
    if (typeof next !== 'object' || next === null || Array.isArray(next)) node[String(segment)] = {};
    node = node[String(segment)] as PlainMap;
  }
  node[String(path.at(-1))] = value;
}

/**
 * A fix a rule proposes, in data terms: what to change at which path. Rules never edit text; the
 * engine (src/engine/fix.ts) turns a fix into text edits and applies it only with --fix.
 * Paths are relative to the report's root; `to` of move-entry too.
 */
export type Fix =
  /** Give the map entry at `at` the key name `to`, in place. */
  | { kind: 'rename-key'; at: Path; to: string }
  /** Replace the string value at `at`. */
  | { kind: 'replace-value'; at: Path; value: string }
  /** Add a string to the end of the list at `at`. */
  | { kind: 'append-item'; at: Path; value: string }
  /** Delete every occurrence of the key at `at` but the last (the one Helm keeps). */
  | { kind: 'remove-entry'; at: Path; occurrences: 'all-but-last' }
  /** Move the entry at `at` (key and value) to the path `to`, creating or joining the maps on the way. */
  | { kind: 'move-entry'; at: Path; to: Path };

/**
 * A fix as a text edit, in ESLint's shape: replace the characters from `range[0]` up to (not
 * including) `range[1]` of the file's text with `text`. Offsets count UTF-16 code units (JavaScript
 * string indexes) of the text as read, without a UTF-8 byte order mark.
 */
export interface TextFix {
  range: [number, number];
  text: string;
}

/**
 * A fix placed on the document: paths from the document root, and which document of the file. With
 * `embedded`, the paths are those of a YAML text inside the literal block string at `embedded` of
 * that document (Argo CD's `helm.values: |`): the fix edits that text, re-indented in place.
 */
export type DocumentFix = Fix & { document: number; embedded?: Path };
