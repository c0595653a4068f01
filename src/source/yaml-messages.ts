/**
 * The words of a YAML syntax error: omlint's own, by the `yaml` package's error code, describing the
 * structure at fault and never the text. The package's messages quote what they read (an escape,
 * an indicator, a tag, a source excerpt after the first line), and a line of a file that is not
 * YAML is often a secret (`DASHBOARD_PASSWORD=…`, `SECRET_KEY_BASE=…`), so none of it is shown.
 * Where one code covers several shapes, the package's message picks the wording; it is matched,
 * never printed.
 */
import type { ErrorCode } from 'yaml';

/** The shapes one code covers: the first pattern the package's message matches gives the words. */
type Variants = readonly (readonly [RegExp, string])[];

const MISSING_CHAR: Variants = [
  [/^Missing closing/, 'A quote is never closed, so YAML reads everything after it as one string; add the closing quote.'],
  [/^Implicit map keys need to be followed/, 'This line is neither "key: value" nor a list item of the map around it (a missing ": ", or a line continued without indentation).'],
  [/^Comments must be separated/, 'A "#" comment needs a space before it.'],
  [/^Sequence item without/, 'A list item here is missing its "- ".'],
  [/^Tags and anchors must be separated/, 'An anchor (&) or tag (!) needs a space after it.'],
  [/^Missing , or :/, 'Items of a [ ] or { } collection need a "," between them (and a map item a ": ").'],
  [/^Missing , between/, 'Items of a [ ] or { } collection need a "," between them.'],
  [/^Missing space after :/, 'A ":" inside [ ] or { } needs a space after it.'],
  [/^Missing directives-end/, 'A "%" directive line must be followed by a "---" line.'],
  [/^Block collection cannot start on same line/, 'A map or list cannot start on the "---" line.'],
];

const UNEXPECTED_TOKEN: Variants = [
  [/^Block scalar header includes extra characters/, 'Text follows "|" or ">" on the same line; a block value starts on the next line.'],
  [/^Unexpected empty item/, 'An empty item (two commas in a row) inside [ ] or { }.'],
  [/^Unexpected , in/, 'A "," with no item before it.'],
  [/^Unexpected .* in /, 'An indicator YAML does not expect inside this [ ] or { } collection.'],
  [/^Expected a flow scalar value/, 'A value is expected here.'],
];

const BAD_INDENT: Variants = [
  [/^All sequence items must start at the same column/, 'The items of a list must start at the same column.'],
];

const BLOCK_AS_IMPLICIT_KEY: Variants = [
  [/^Nested mappings are not allowed in compact mappings/, 'A second "key:" on the line of a list item\'s key: a map cannot start on that line.'],
];

const BY_CODE: Readonly<Record<ErrorCode, readonly [string, Variants?]>> = {
  ALIAS_PROPS: ['An alias (*name) cannot carry an anchor or tag of its own.'],
  BAD_ALIAS: ['An anchor or alias name is empty or ends in ":".'],
  BAD_DIRECTIVE: ['A "%" directive line YAML cannot read.'],
  BAD_DQ_ESCAPE: ['A double-quoted value holds a backslash escape YAML does not know: write \\\\ for a backslash, or use single quotes.'],
  BAD_INDENT: ['The indentation here does not fit the lines around it.', BAD_INDENT],
  BAD_PROP_ORDER: ['An anchor or tag comes before the "-", "?" or ":" indicator; it must come after it.'],
  BAD_SCALAR_START: ['An unquoted value cannot start with this character (one of | > @ ` % and the like); quote the value.'],
  BLOCK_AS_IMPLICIT_KEY: ['A map or list stands where only a one-line key may.', BLOCK_AS_IMPLICIT_KEY],
  BLOCK_IN_FLOW: ['Block syntax (a "- " item or an indented "key:") inside [ ] or { }.'],
  DUPLICATE_KEY: ['A key is written twice in the same map.'],
  IMPOSSIBLE: ['YAML cannot read this part of the file.'],
  KEY_OVER_1024_CHARS: ['A key is longer than the 1024 characters YAML allows (a value may be missing its ": ").'],
  MISSING_CHAR: ['A character YAML needs here is missing.', MISSING_CHAR],
  MULTILINE_IMPLICIT_KEY: [
    'A key runs over two lines: a key must fit on one line (a value may have lost a quote, or a line its ": ").',
  ],
  MULTIPLE_ANCHORS: ['A value has two anchors (&).'],
  MULTIPLE_DOCS: ['A second document starts where one was expected.'],
  MULTIPLE_TAGS: ['A value has two tags (!).'],
  NON_STRING_KEY: ['A key here is not plain text.'],
  RESOURCE_EXHAUSTION: ['The YAML reader gave up here: the file expands beyond what it reads.'],
  TAB_AS_INDENT: ['A tab is used for indentation; YAML allows only spaces.'],
  TAG_RESOLVE_FAILED: ['A tag (!) here is unknown, or does not fit its value.'],
  UNEXPECTED_TOKEN: [
    'YAML does not expect this here: a line that is not "key: value", a list item or a comment, or text after a complete value.',
    UNEXPECTED_TOKEN,
  ],
  BAD_COLLECTION_TYPE: ['A tag for a map is on a list, or one for a list on a map.'],
};

/** A key glued to its value (`key:"value"`, `key:value`): the usual cause of a two-line key on docs pages. */
const GLUED_KEY = /^\s*(?:-\s+)?[A-Za-z_][\w.-]*:(?=["'A-Za-z0-9{$<[])/;

/** The errors a glued key causes, depending on what follows it. */
const GLUED_KEY_CODES: ReadonlySet<string> = new Set(['MULTILINE_IMPLICIT_KEY', 'UNEXPECTED_TOKEN', 'MISSING_CHAR', 'BLOCK_AS_IMPLICIT_KEY', 'BAD_INDENT']);

const GLUED_KEY_MESSAGE =
  'A key has no space after its colon ("key:value"), so YAML reads the whole line as one key: add a space after the colon.';

/**
 * omlint's words for a `yaml` error. `line`: the source line the error points at, read (never
 * quoted) for the usual cause of a two-line key.
 */
export function describeYamlError(code: ErrorCode | string, message: string, line?: string): string {
  if (line !== undefined && GLUED_KEY_CODES.has(code) && !/^Missing closing/.test(message)) {
    const glued = GLUED_KEY.exec(line);
    // `url:https://…` is a scheme, not a glued key.
    if (glued && !/:\/\//.test(line.slice(0, glued[0].length + 2))) return GLUED_KEY_MESSAGE;
  }
  const entry = BY_CODE[code as ErrorCode];
  if (!entry) return 'YAML cannot read this part of the file.';
  const [words, variants] = entry;
  return variants?.find(([pattern]) => pattern.test(message))?.[1] ?? words;
}

/** An alias with no anchor before it: named by structure, not by its (possibly secret-looking) name. */
export const UNRESOLVED_ALIAS_MESSAGE = 'An alias (*name) refers to an anchor (&name) that is not defined before it in this document.';
