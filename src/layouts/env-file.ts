/**
 * Docker `.env` / compose env files that set OpenMetadata's auth variables (AUTHENTICATION_*,
 * AUTHORIZER_*, OIDC_*, SAML_*, JWT_*, FERNET_KEY; the names of conf/openmetadata.yaml). Each variable is
 * read as the server reads it once substituted into openmetadata.yaml, and the values become a
 * server-layout model, so every rule runs on them. What the line itself gets wrong (`KEY: value`,
 * `KEY= value`, a name set twice, a value repeating its name, an unknown name) is reported from here.
 *
 * Parsing follows docker compose's dotenv reader: `# comment` lines, optional `export `, quoted
 * values, ` #` inline comments after unquoted values. `docker run --env-file` is stricter (no
 * quotes, no comments, no `KEY: value`, spaces kept), which is why those forms are worth a finding.
 */
import type { Location, Path, PlainMap, Range } from '../types';
import { AuthModel, EnvLineFact, EnvValueFact } from './model';
import type { Target } from '../source/tree';
import { ENV_NAMES, AUTH_ENV_PREFIX, EnvName, OTHER_SERVER_ENV_NAMES, REMOVED_ENV_NAMES } from '../knowledge/env-names';
import { OPENMETADATA_ENV_NAMES, OPENMETADATA_VALUE } from '../knowledge/markers';
import { SERVER_DEFAULTS } from '../knowledge/server-defaults';
import { didYouMean } from '../util/did-you-mean';
import { MappedEntry, MappedLocator, pathKey } from './mapped-locator';
import { EnvValue, findSubstitutions, readEnvValue, substitute } from './env-value';
import { setValueAt } from '../types';
import { Locator } from '../source/tree';

export interface EnvEntry {
  name: string;
  /** The value after quotes and inline comments are removed. */
  value: string;
  line: number;
  nameRange: Range;
  valueRange: Range;
  /** `KEY: value` instead of `KEY=value`. */
  colon: boolean;
  /** Whitespace between `=` and the value. */
  spaceAfterEquals: boolean;
}

export interface EnvLine {
  line: number;
  text: string;
}

export interface ParsedEnvFile {
  filePath: string;
  entries: EnvEntry[];
  /** Lines that are neither blank, a comment nor an assignment. */
  junk: EnvLine[];
  /** Name → the entry that counts (the last one, as docker compose keeps). */
  byName: Map<string, EnvEntry>;
  locator: EnvLinesLocator;
}

const ASSIGNMENT = /^(\s*)(export\s+)?([A-Za-z_][A-Za-z0-9_.-]*)(\s*)([=:])(\s*)(.*)$/;

/** Parses an env file; never throws. */
export function parseEnvFile(text: string, filePath: string): ParsedEnvFile {
  const entries: EnvEntry[] = [];
  const junk: EnvLine[] = [];
  text.split(/\r?\n/).forEach((lineText, index) => {
    const line = index + 1;
    if (/^\s*(#.*)?$/.test(lineText)) return;
    const match = ASSIGNMENT.exec(lineText);
    if (!match) {
      junk.push({ line, text: lineText });
      return;
    }
    const [, indent, exported = '', name, spaceBefore, operator, spaceAfter, rest] = match;
    const nameColumn = indent.length + exported.length + 1;
    const valueStart = nameColumn + name.length + spaceBefore.length + 1 + spaceAfter.length;
    const { value, offset, length } = unquote(rest);
    entries.push({
      name,
      value,
      line,
      nameRange: { line, column: nameColumn, endLine: line, endColumn: nameColumn + name.length },
      valueRange: { line, column: valueStart + offset, endLine: line, endColumn: valueStart + offset + Math.max(length, 0) },
      colon: operator === ':',
      spaceAfterEquals: operator === '=' && spaceAfter.length > 0 && rest !== '',
    });
  });
  const byName = new Map(entries.map((entry) => [entry.name, entry]));
  return { filePath, entries, junk, byName, locator: new EnvLinesLocator(filePath, entries, junk) };
}

/** A value without its quotes and inline comment; offset/length of the text within `rest`. */
function unquote(rest: string): { value: string; offset: number; length: number } {
  const quote = rest[0];
  if (quote === '"' || quote === "'") {
    const end = rest.indexOf(quote, 1);
    if (end > 0) return { value: rest.slice(1, end), offset: 0, length: end + 1 };
  }
  const comment = /\s+#/.exec(rest);
  const value = (comment ? rest.slice(0, comment.index) : rest).replace(/\s+$/, '');
  return { value, offset: 0, length: value.length };
}

/**
 * Locates `['line', n]` (the assignment on line n: its name for target `key`, else its value)
 * and, for model paths no variable sets, the first variable of the nearest section.
 */
export class EnvLinesLocator implements Locator {
  constructor(private readonly filePath: string, private readonly entries: EnvEntry[], private readonly junk: EnvLine[]) {}

  locate(path: Path, target?: Target): Location | undefined {
    if (path[0] !== 'line') return undefined;
    const line = Number(path[1]);
    const entry = this.entries.find((candidate) => candidate.line === line);
    if (entry) return { filePath: this.filePath, ...(target === 'key' ? entry.nameRange : entry.valueRange) };
    const junk = this.junk.find((candidate) => candidate.line === line);
    if (!junk) return undefined;
    const column = junk.text.length - junk.text.trimStart().length + 1;
    return { filePath: this.filePath, line, column, endLine: line, endColumn: junk.text.trimEnd().length + 1 };
  }

  locateClosest(path: Path, target?: Target): Location {
    const exact = this.locate(path, target);
    if (exact) return exact;
    // A model path nothing sets: point at the first variable of the deepest section that has one.
    const modelPath = path[0] === 'config' ? path.slice(1) : path;
    for (let length = modelPath.length - 1; length >= 1; length--) {
      const prefix = pathKey(modelPath.slice(0, length)).slice(0, -1);
      const entry = this.entries.find((candidate) =>
        ENV_NAMES.get(candidate.name)?.paths.some((p) => pathKey(p).startsWith(prefix)),
      );
      if (entry) return { filePath: this.filePath, ...entry.nameRange };
    }
    const first = this.entries[0];
    return { filePath: this.filePath, ...(first ? first.nameRange : { line: 1, column: 1, endLine: 1, endColumn: 1 }) };
  }
}

/** Cheap test before parsing: does the text set any auth variable? */
export function mentionsAuthEnv(text: string): boolean {
  // Blanks within the line only: `\s*` after `^` also crossed line breaks, trying each blank line's
  // start again (1.5x the time over values files that hold a `=`), for the same answer.
  return /^[^\S\n]*(?:export[^\S\n]+)?(?:AUTHENTICATION_|AUTHORIZER_|OIDC_|SAML_|JWT_|FERNET_KEY|CUSTOM_OIDC_|RSA_P|AUTH_R)/m.test(text);
}

/** Whether a file name is an env file rather than YAML. */
export function isEnvFileName(filePath: string): boolean {
  const base = filePath.split(/[\\/]/).pop() ?? '';
  return /^\.env(\..+)?$/.test(base) || /\.env$/.test(base);
}

const ENV_ASSIGNMENT_LINE = /^[ \t]*(?:export[ \t]+)?[A-Za-z_][A-Za-z0-9_.-]*[ \t]*=/;

/**
 * Whether a text is written in env syntax whatever its name: most of its lines that are neither
 * blank nor `#` comments are `NAME=value`. OpenMetadata's own docker env files are named `env-mysql`
 * and `.env-keycloak` (open-metadata/OpenMetadata `docker/development/…`, openmetadata-demo), and env
 * samples get saved as `*.yaml`. In YAML such lines are one long plain scalar or syntax errors, never
 * settings, so a values file is never read as one.
 */
export function looksLikeEnvFile(text: string): boolean {
  let assignments = 0;
  let others = 0;
  for (const line of text.split('\n')) {
    const trimmed = line.trim();
    if (trimmed === '' || trimmed.startsWith('#')) continue;
    if (ENV_ASSIGNMENT_LINE.test(line)) assignments++;
    else others++;
  }
  return assignments > others;
}

/**
 * Whether the file is OpenMetadata's: it sets a variable only OpenMetadata reads, or a value only
 * OpenMetadata's settings hold (src/knowledge/markers.ts). `OIDC_*`, `JWT_*` and `SAML_*` names alone
 * are other applications' too (Outline, Supabase, BookStack, Medusa, Kubeflow's oidc-authservice).
 */
function isOpenMetadataEnvFile(parsed: ParsedEnvFile): boolean {
  return parsed.entries.some((entry) => OPENMETADATA_ENV_NAMES.has(entry.name) || OPENMETADATA_VALUE.test(entry.value));
}

/** The model of an env file, or undefined when it is not OpenMetadata's (no evidence) or sets no auth variable. */
export function buildEnvFileModel(parsed: ParsedEnvFile): AuthModel | undefined {
  const auth = parsed.entries.filter((entry) => ENV_NAMES.has(entry.name) || AUTH_ENV_PREFIX.test(entry.name));
  if (auth.length === 0 || !isOpenMetadataEnvFile(parsed)) return undefined;
  const valueFacts: EnvValueFact[] = [];
  const config: PlainMap = {};
  const mapped = new Map<string, MappedEntry>();
  for (const entry of parsed.byName.values()) {
    const env = ENV_NAMES.get(entry.name);
    if (!env) continue;
    const { value, problem } = envEntryValue(entry, env, parsed);
    if (problem) valueFacts.push({ at: ['line', entry.line], root: 'document', names: [entry.name], problem });
    for (const path of env.paths) {
      setValueAt(config, path, value);
      mapped.set(pathKey(['config', ...path]), {
        locator: parsed.locator,
        sourcePath: ['line', entry.line],
        whole: true,
        origin: { filePath: parsed.filePath, env: { name: entry.name, source: 'env-file' } },
      });
    }
  }
  const document: PlainMap = { config };
  return {
    layout: 'server',
    form: 'env-file',
    filePath: parsed.filePath,
    document,
    chartPath: [],
    configPath: ['config'],
    config,
    locator: new MappedLocator(mapped, parsed.locator),
    duplicateKeys: [],
    defaults: SERVER_DEFAULTS,
    envValueFacts: valueFacts,
    envLineFacts: lineFacts(parsed),
  };
}

/**
 * An env value as the server gets it. A `${VAR:-default}` inside an env file is expanded by docker
 * compose from the shell environment (here: the file itself, else the default).
 */
function envEntryValue(entry: EnvEntry, env: EnvName, parsed: ParsedEnvFile): EnvValue {
  const text = findSubstitutions(entry.value).length > 0
    ? substitute(entry.value, (name) => (name === entry.name ? undefined : parsed.byName.get(name)?.value))
    : entry.value;
  const expectsMap = env.paths.some((path) => path.at(-1) === 'customParams');
  return readEnvValue(text, expectsMap);
}


/** The env-file mistakes the docs corpus ships (INDEX.md "Env files"), as facts about their lines. */
function lineFacts(parsed: ParsedEnvFile): EnvLineFact[] {
  const facts: EnvLineFact[] = [];
  for (const junk of parsed.junk) {
    if (AUTH_ENV_PREFIX.test(junk.text.trim())) facts.push({ kind: 'not-an-assignment', line: junk.line, text: junk.text.trim() });
  }
  const auth = parsed.entries.filter((entry) => ENV_NAMES.has(entry.name) || AUTH_ENV_PREFIX.test(entry.name));
  const composeFormat = isComposeFormat(auth);
  if (composeFormat) facts.push({ kind: 'compose-format', line: composeFormat.line, count: composeFormat.count });
  const seen = new Map<string, EnvEntry>();
  for (const entry of auth) {
    const { line, name } = entry;
    if (entry.colon && !composeFormat) facts.push({ kind: 'colon', line, name });
    if (entry.spaceAfterEquals) facts.push({ kind: 'space-after-equals', line, name });
    if (entry.value.trim().startsWith(`${name}=`) || entry.value.trim().startsWith(`${name}:`)) facts.push({ kind: 'repeats-name', line, name });
    // `KEY: ${KEY:-default}` is how a compose env_file takes KEY from the shell, else the default.
    if (!entry.colon && findSubstitutions(entry.value).some((substitution) => substitution.name === name)) facts.push({ kind: 'self-reference', line, name });
    const earlier = seen.get(name);
    if (earlier) facts.push({ kind: 'set-twice', line, name, earlierLine: earlier.line });
    seen.set(name, entry);
    if (REMOVED_ENV_NAMES[name]) facts.push({ kind: 'removed-name', line, name, was: REMOVED_ENV_NAMES[name] });
    else if (!ENV_NAMES.has(name) && !OTHER_SERVER_ENV_NAMES.has(name)) facts.push({ kind: 'unknown-name', line, name, suggestion: didYouMean(name, [...ENV_NAMES.keys()]) });
  }
  return facts;
}

/**
 * A file written in docker compose's `env_file` format, `KEY: value` (`KEY: ${KEY:-default}`), as
 * OpenMetadata's quickstart `mysql-omserver.env` is: compose's dotenv reader accepts it (and expands
 * `${…}` from the shell), `docker run --env-file` and Kubernetes do not. Most of its auth lines use
 * `:`; one `:` line among `=` lines is a slip, reported on its line (`colon`).
 */
function isComposeFormat(entries: readonly EnvEntry[]): { line: number; count: number } | undefined {
  const colons = entries.filter((entry) => entry.colon);
  return colons.length >= 2 && colons.length * 2 > entries.length ? { line: colons[0].line, count: colons.length } : undefined;
}
