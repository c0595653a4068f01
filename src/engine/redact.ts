/**
 * Secrets never reach any output: the report funnel replaces every secret value found in the
 * document with «redacted» before a message leaves the engine, whatever a rule wrote. A rule may
 * show a value shortened (`show()` cuts it at 77 characters and folds whitespace), JSON-escaped, or
 * only a part of it (the default of `${VAR:-default}`); each of those forms is redacted too.
 */
import type { Plain } from '../types';
import { REMEMBERED_TEXT_MAX, detached } from '../rules/support/helpers';
import { isPlainMap } from '../types';

export const REDACTED = '«redacted»';

/** Keys whose string values are secrets (chart and server names alike). */
const SECRET_KEY = /(secret|password|passwd|passphrase|privatekey|private_key|privkey|keystorealias|fernetkey|x509certificate|accesstoken|refreshtoken|bottoken|apikey|api_key|credential)/i;

/**
 * Keys that SECRET_KEY matches but whose values are not secrets: they name a Kubernetes Secret (the
 * chart's secretRef/secretKey pairs, a volume's or TLS block's secretName, Helm's existingSecret) or
 * configure the secrets manager (the chart's `secretsManager`, the server's
 * `secretsManagerConfiguration` and its `secretsManager` provider, the SECRET_MANAGER* variables).
 * Taken for secrets, a common value of theirs such as "openmetadata" was redacted inside every
 * message that names a path or URL. Keys below them are judged by their own names (secretAccessKey).
 */
const NAMES_A_SECRET = /^(?:secretRef|secretKey|secretName|existingSecret|secretsManager(?:Configuration)?|SECRET_MANAGER(?:_[A-Z]+)*)$/;

/** Values that look like secrets wherever they sit (looksSecret). */
const PEM_HEADER = /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/;
// Long base64-like tokens with upper case, lower case and digits: generated keys and secrets,
// unlike client ids (lower case and digits) or URLs (dots and slashes).
const LONG_TOKEN = /^(?=.*[A-Z])(?=.*[a-z])(?=.*\d)[A-Za-z0-9+/_-]{32,}={0,2}$/;
// A URL with a password in it: https://user:password@host
const URL_WITH_PASSWORD = /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i;

/** A PEM block inside any text (parser messages included), redacted even when it was never collected. */
const PEM_BLOCK = /-----BEGIN [A-Z ]*PRIVATE KEY-----[\s\S]*?(-----END [A-Z ]*PRIVATE KEY-----|$)/g;

/** Short values ("", "true", "admin") are not worth redacting and would garble messages. */
const MIN_SECRET_LENGTH = 4;

/**
 * A run of at least this many characters of a secret's beginning is redacted wherever it appears
 * (a value cut short by a rule). Shorter runs are not: words such as "openmetadata" start both
 * secrets and ordinary messages.
 */
const MIN_PREFIX_SHOWN = 16;

/** Collects the secret strings of a document. */
export function collectSecrets(document: Plain, caches = new RedactionCaches()): Set<string> {
  const secrets = new Set<string>();
  const add = (value: string): void => {
    if (value.trim().length >= MIN_SECRET_LENGTH) secrets.add(value.trim());
  };
  const visit = (value: Plain, underSecretKey: boolean, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string') {
      if (underSecretKey || looksSecret(value)) add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, underSecretKey, depth + 1);
    } else if (isPlainMap(value)) {
      const isEnv = typeof value.name === 'string' && 'value' in value;
      for (const key of Object.keys(value)) {
        const child = value[key];
        // NAMES_A_SECRET is only tried on the few keys SECRET_KEY matches: each of its names does.
        const secretKey = isSecretKey(key, caches);
        const namesASecret = secretKey && NAMES_A_SECRET.test(key);
        // extraEnvs entries: { name: OIDC_CLIENT_SECRET, value: ... }
        const secretEnv = isEnv && key === 'value' && isSecretKey(String(value.name), caches) && !NAMES_A_SECRET.test(String(value.name));
        visit(child, !namesASecret && (underSecretKey || secretKey || secretEnv), depth + 1);
      }
    }
  };
  visit(document, false, 0);
  return secrets;
}

/** Whether a value looks like a secret wherever it sits; the cheap tests first, as nearly every value is not one. */
function looksSecret(value: string): boolean {
  if (value.length < MIN_SECRET_LENGTH) return false;
  const text = value.trim();
  return (text.length >= 32 && LONG_TOKEN.test(text))
    || (text.includes('-----BEGIN') && PEM_HEADER.test(text))
    || (text.includes('@') && URL_WITH_PASSWORD.test(text));
}

/**
 * What a linter remembers across the files of a run to redact faster, bounded (a hostile file may
 * hold millions of keys or secrets). One per linter instance: nothing outlives the linter.
 */
export class RedactionCaches {
  /**
   * Keys repeat across a run's files: each is tested against SECRET_KEY once. A plain map that stops
   * growing at 4 096 keys: the lookup is on the path of every key of every file.
   */
  readonly secretKeys = new Map<string, boolean>();
  /**
   * The forms of a secret worth searching for, by secret: the same values recur across a
   * repository's files far more than whole sets of them do (in bench/out/k10 a region, a TLS
   * Secret's name, a key path each recur in thousands of files), and working out the forms was most
   * of building a redactor. Only short secrets (their forms together are several times as long).
   */
  readonly formsBySecret = new BoundedMap<string, readonly string[]>(1024);
}

/**
 * A map that keeps its first `max` entries and no more: a run's first files show the values that
 * recur, and a full map costs nothing to keep consulting (no eviction on the path of every finding).
 * String keys are copied (a slice would keep a file's whole text alive).
 */
export class BoundedMap<K, V> {
  private readonly map = new Map<K, V>();
  constructor(private readonly max: number) {}
  get(key: K): V | undefined {
    return this.map.get(key);
  }
  set(key: K, value: V): void {
    if (this.map.size < this.max) this.map.set(typeof key === 'string' ? (detached(key) as K) : key, value);
  }
}

const SECRET_KEYS_REMEMBERED = 4096;

function isSecretKey(key: string, caches: RedactionCaches): boolean {
  let secret = caches.secretKeys.get(key);
  if (secret === undefined) {
    secret = SECRET_KEY.test(key);
    if (key.length <= REMEMBERED_TEXT_MAX && caches.secretKeys.size < SECRET_KEYS_REMEMBERED) caches.secretKeys.set(detached(key), secret);
  }
  return secret;
}

/** Replaces every secret in `text` (and every form of it a message can show), longest first. */
export function redact(text: string, secrets: ReadonlySet<string>, caches = new RedactionCaches()): string {
  const withoutPem = text.includes('-----BEGIN') ? text.replace(PEM_BLOCK, REDACTED) : text;
  if (secrets.size === 0) return withoutPem;
  return buildRedactor(secrets, caches).apply(withoutPem);
}

/** An error with its message and stack redacted, for internal-error output (--debug prints the stack). */
export function redactError(error: unknown, secrets: ReadonlySet<string>): { message: string; stack: string } {
  const message = redact(error instanceof Error ? error.message : String(error), secrets);
  const stack = redact(error instanceof Error && error.stack ? error.stack : message, secrets);
  return { message, stack };
}

/**
 * Every form in which a message may show `secret` whole: as written, with its whitespace folded (as
 * show() folds it), and JSON-escaped (a list or map shown as JSON). A value cut short or a part of a
 * secret never reaches a message: show() data are redacted before they are cut (Redaction.value).
 */
export function shownForms(secret: string): string[] {
  const folded = secret.replace(/\s+/g, ' ');
  const forms = [secret, folded];
  for (const form of [...forms]) forms.push(JSON.stringify(form).slice(1, -1));
  return forms;
}

interface Redactor {
  apply(text: string): string;
}

/**
 * The secrets of one job and what they may show as in its messages. Secrets are collected on first
 * need, from every value handed in: a job without findings never walks its values.
 */
export class Redaction {
  private readonly sources: (() => Plain)[] = [];
  private secretSet: Set<string> | undefined;
  private redactor: Redactor | undefined;
  /** Each secret and the parts of it rules show (shownParts). */
  private parts: Set<string> | undefined;
  /** Every secret, joined, to find any other part of one; null when there is too much secret text to search per datum. */
  private joined: string | null | undefined;

  constructor(private readonly caches: RedactionCaches) {}

  addSecretsOf(plain: () => Plain): void {
    this.sources.push(plain);
    this.secretSet = undefined;
    this.redactor = undefined;
    this.parts = undefined;
    this.joined = undefined;
  }

  secrets(): ReadonlySet<string> {
    if (!this.secretSet) {
      this.secretSet = new Set();
      for (const source of this.sources) {
        try {
          for (const secret of collectSecrets(source(), this.caches)) this.secretSet.add(secret);
        } catch {
          // A document over the expansion limit: reported as input-limit, and never expanded here.
        }
      }
    }
    return this.secretSet;
  }

  /**
   * A user value for a message: «redacted» when it is a secret or part of one (the default of a
   * `${VAR:-default}`, the password of a URL), also once a rule changed its URL scheme (an http URL
   * suggested as https); else its text with any secret inside replaced.
   */
  value(value: Plain | undefined): string {
    const text = typeof value === 'string' ? value : String(JSON.stringify(value));
    const trimmed = text.trim();
    if (trimmed.length >= MIN_SECRET_LENGTH && this.secrets().size > 0 && this.isPartOfSecret(trimmed)) return REDACTED;
    // A secret inside the value is found by the scan of the whole message, unless cutting the value
    // would leave only a part of it: a long value is scanned before it is cut.
    return text.length > SCAN_BEFORE_CUT ? this.scan(text) : text;
  }

  /**
   * Whether `text`, with or without its URL scheme, is a secret or a part a rule may show of one.
   * The parts rules show (a URL's password or user info, a `${VAR:-default}`'s default) are looked
   * up exactly; any other part is searched for only while the secrets are few: searching every
   * secret for every datum took seconds on a file of 15 000 secrets, where the whole-message scan
   * still hides each secret and each beginning of one.
   */
  private isPartOfSecret(text: string): boolean {
    const withoutScheme = text.replace(SCHEME, '');
    const candidates = withoutScheme.length >= MIN_SECRET_LENGTH && withoutScheme !== text ? [text, withoutScheme] : [text];
    this.parts ??= shownParts(this.secrets());
    if (candidates.some((candidate) => this.parts?.has(candidate))) return true;
    if (this.joined === undefined) this.joined = joinedIfFew(this.secrets());
    const joined = this.joined;
    return joined !== null && candidates.some((candidate) => joined.includes(candidate));
  }

  /** The last safety net over a whole message: every secret, in every form a message may show it, replaced. */
  scan(text: string): string {
    const withoutPem = text.includes('-----BEGIN') ? text.replace(PEM_BLOCK, REDACTED) : text;
    const secrets = this.secrets();
    if (secrets.size === 0) return withoutPem;
    this.redactor ??= buildRedactor(secrets, this.caches);
    return this.redactor.apply(withoutPem);
  }
}

/** Up to this much secret text, a datum is searched for in all of it (Redaction.isPartOfSecret). */
const SEARCHED_SECRET_TEXT_MAX = 64 * 1024;

function joinedIfFew(secrets: ReadonlySet<string>): string | null {
  let length = 0;
  for (const secret of secrets) length += secret.length + 1;
  return length <= SEARCHED_SECRET_TEXT_MAX ? [...secrets].join('\u0000') : null;
}

const SCHEME = /^[a-z][a-z0-9+.-]*:\/\//i;
/** `${NAME:-default}` or `${NAME}`, as OpenMetadata's configuration and Helm values write them. */
const SUBSTITUTION_DEFAULT = /\$\{[A-Za-z_][A-Za-z0-9_]*(?::?-([^}]*))?\}/g;

/**
 * Each secret with the parts of it a rule may show alone: without its URL scheme, the user info and
 * password of a URL, the default of each `${VAR:-default}`.
 */
function shownParts(secrets: ReadonlySet<string>): Set<string> {
  const parts = new Set<string>();
  const add = (part: string | undefined): void => {
    const trimmed = part?.trim();
    if (trimmed && trimmed.length >= MIN_SECRET_LENGTH) parts.add(trimmed);
  };
  for (const secret of secrets) {
    add(secret);
    const withoutScheme = secret.replace(SCHEME, '');
    if (withoutScheme !== secret) {
      add(withoutScheme);
      const userInfo = /^([^/@\s]*)@/.exec(withoutScheme)?.[1];
      add(userInfo);
      add(userInfo?.slice(userInfo.indexOf(':') + 1));
    }
    if (secret.includes('${')) for (const match of secret.matchAll(SUBSTITUTION_DEFAULT)) add(match[1]);
  }
  return parts;
}

function searchedForms(secret: string, caches: RedactionCaches): readonly string[] {
  const known = caches.formsBySecret.get(secret);
  if (known) return known;
  const remembered = secret.length <= REMEMBERED_SECRET_MAX;
  // A remembered secret's forms are made from a copy: a slice would keep the whole file's text alive.
  const forms = shownForms(remembered ? detached(secret) : secret).filter((form) => form.trim().length >= MIN_SECRET_LENGTH);
  if (remembered) caches.formsBySecret.set(secret, forms);
  return forms;
}

const REMEMBERED_SECRET_MAX = 256;

/** Values longer than this may be cut when shown (show() cuts at 80 characters). */
const SCAN_BEFORE_CUT = 64;

/**
 * Sorts every form of every secret once; a message is then scanned once, with a binary search only
 * where a secret could start. Linear in the message whatever the number of secrets (a hostile file
 * may hold tens of thousands of them, all starting alike).
 */
function buildRedactor(secrets: ReadonlySet<string>, caches: RedactionCaches): Redactor {
  const unique = new Set<string>();
  for (const secret of secrets) for (const form of searchedForms(secret, caches)) unique.add(form);
  const sorted = [...unique].sort();
  const candidates = sorted.length <= FEW_FORMS ? fewFormStarts(sorted) : manyFormStarts(sorted);
  return {
    apply(text: string): string {
      let out = '';
      let copied = 0;
      for (const start of candidates(text)) {
        if (start < copied) continue;
        const hidden = hiddenLength(text.slice(start), sorted);
        if (hidden > 0 && !insideWord(text, start, hidden)) {
          out += text.slice(copied, start) + REDACTED;
          copied = start + hidden;
        }
      }
      return copied === 0 ? text : out + text.slice(copied);
    },
  };
}

/**
 * Up to this many forms, a message is searched once per form with indexOf (native, and a typical
 * file has a handful of secrets); above it, character by character.
 */
const FEW_FORMS = 64;

/** Where a form of a secret may start in a text: ascending offsets, some of them false alarms. */
type StartFinder = (text: string) => Iterable<number>;

/**
 * A form matches at an offset only if the form, or its first MIN_PREFIX_SHOWN characters (a value
 * cut short), appears there: so the offsets where one of those beginnings appears are the candidates.
 */
function fewFormStarts(sorted: readonly string[]): StartFinder {
  const beginnings = [...new Set(sorted.map((form) => form.slice(0, MIN_PREFIX_SHOWN)))];
  return (text) => {
    const starts = new Set<number>();
    for (const beginning of beginnings) {
      for (let at = text.indexOf(beginning); at !== -1; at = text.indexOf(beginning, at + 1)) starts.add(at);
    }
    return [...starts].sort((a, b) => a - b);
  };
}

/** Every offset whose next three characters begin some form. */
function manyFormStarts(sorted: readonly string[]): StartFinder {
  const starts = new Set(sorted.map((form) => form.slice(0, 3)));
  return function* (text) {
    for (let i = 0; i < text.length; i++) if (starts.has(text.slice(i, i + 3))) yield i;
  };
}

/** Secrets shorter than this that are one plain word are matched as whole words only. */
const WORD_SECRET_MAX = 12;

/**
 * A short secret that is a plain word (the LDAP docs' default password "secret") is redacted only
 * where it stands alone, so it cannot garble the words around it ("fernetkey.secretRef").
 */
function insideWord(text: string, start: number, length: number): boolean {
  if (length >= WORD_SECRET_MAX || !/^[A-Za-z0-9]+$/.test(text.slice(start, start + length))) return false;
  return /[A-Za-z0-9]/.test(text.charAt(start - 1)) || /[A-Za-z0-9]/.test(text.charAt(start + length));
}

/**
 * How many characters at the start of `query` belong to a secret: the longest form that begins
 * it, or a beginning of at least MIN_PREFIX_SHOWN characters shared with a form (a value cut
 * short), whichever is longer. Both are found next to where `query` sorts among the forms.
 */
function hiddenLength(query: string, sorted: readonly string[]): number {
  const at = upperBound(sorted, query);
  const shared = Math.max(at > 0 ? commonPrefix(sorted[at - 1], query) : 0, at < sorted.length ? commonPrefix(sorted[at], query) : 0);
  let whole = 0;
  // The form just before `q` begins `query`, or every form that does is shorter than their common prefix.
  for (let q = query, index = at; index > 0 && q.length >= MIN_SECRET_LENGTH; ) {
    const candidate = sorted[index - 1];
    if (query.startsWith(candidate)) {
      whole = candidate.length;
      break;
    }
    q = q.slice(0, commonPrefix(candidate, q));
    index = upperBound(sorted, q);
  }
  return Math.max(whole, shared >= MIN_PREFIX_SHOWN ? shared : 0);
}

/** The index of the first element greater than `value`. */
function upperBound(sorted: readonly string[], value: string): number {
  let low = 0;
  let high = sorted.length;
  while (low < high) {
    const mid = (low + high) >> 1;
    if (sorted[mid] <= value) low = mid + 1;
    else high = mid;
  }
  return low;
}

function commonPrefix(a: string, b: string): number {
  const max = Math.min(a.length, b.length);
  let n = 0;
  while (n < max && a.charCodeAt(n) === b.charCodeAt(n)) n++;
  return n;
}
