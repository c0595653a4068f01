/**
 * Secrets never reach any output: the report funnel replaces every secret value found in the
 * document with «redacted» before a message leaves the engine, whatever a rule wrote. A rule may
 * show a value shortened (`show()` cuts it at 77 characters and folds whitespace), JSON-escaped, or
 * only a part of it (the default of `${VAR:-default}`); each of those forms is redacted too.
 */
import type { Plain } from '../types';
import { isPlainMap } from '../source/yaml';

export const REDACTED = '«redacted»';

/** Keys whose string values are secrets (chart and server names alike). */
const SECRET_KEY = /(secret|password|passwd|passphrase|privatekey|private_key|privkey|keystorealias|fernetkey|x509certificate|accesstoken|refreshtoken|bottoken|apikey|api_key|credential)/i;

/** Values that look like secrets wherever they sit. */
const SECRET_VALUE = [
  /-----BEGIN [A-Z ]*(PRIVATE KEY|CERTIFICATE)-----/,
  /^[A-Za-z0-9+/_-]{40,}={0,2}$/,
  // A URL with a password in it: https://user:password@host
  /^[a-z][a-z0-9+.-]*:\/\/[^/\s:@]*:[^/\s@]+@/i,
];

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

/** How long show() (engine/helpers.ts) lets a value be before cutting it. */
const SHOW_CUT = 77;

/** Collects the secret strings of a document. */
export function collectSecrets(document: Plain): Set<string> {
  const secrets = new Set<string>();
  const add = (value: string): void => {
    if (value.trim().length >= MIN_SECRET_LENGTH) secrets.add(value.trim());
  };
  const visit = (value: Plain, underSecretKey: boolean, depth: number): void => {
    if (depth > 64) return;
    if (typeof value === 'string') {
      if (underSecretKey || SECRET_VALUE.some((pattern) => pattern.test(value.trim()))) add(value);
    } else if (Array.isArray(value)) {
      for (const item of value) visit(item, underSecretKey, depth + 1);
    } else if (isPlainMap(value)) {
      const isEnv = typeof value.name === 'string' && 'value' in value;
      for (const [key, child] of Object.entries(value)) {
        // secretRef / secretKey name a Secret; they are not secret themselves.
        const namesASecret = key === 'secretRef' || key === 'secretKey';
        // extraEnvs entries: { name: OIDC_CLIENT_SECRET, value: ... }
        const secretEnv = isEnv && key === 'value' && SECRET_KEY.test(String(value.name));
        visit(child, !namesASecret && (underSecretKey || SECRET_KEY.test(key) || secretEnv), depth + 1);
      }
    }
  };
  visit(document, false, 0);
  return secrets;
}

/** Replaces every secret in `text` (and every form of it a message can show), longest first. */
export function redact(text: string, secrets: ReadonlySet<string>): string {
  const withoutPem = text.includes('-----BEGIN') ? text.replace(PEM_BLOCK, REDACTED) : text;
  if (secrets.size === 0) return withoutPem;
  return redactorFor(secrets).apply(withoutPem);
}

/** An error with its message and stack redacted, for internal-error output (--debug prints the stack). */
export function redactError(error: unknown, secrets: ReadonlySet<string>): { message: string; stack: string } {
  const message = redact(error instanceof Error ? error.message : String(error), secrets);
  const stack = redact(error instanceof Error && error.stack ? error.stack : message, secrets);
  return { message, stack };
}

/** Every form in which a message may show `secret`. */
export function shownForms(secret: string): string[] {
  const folded = secret.replace(/\s+/g, ' ');
  const cut = folded.length > SHOW_CUT + 3 ? folded.slice(0, SHOW_CUT) : folded;
  const forms = [secret, folded, cut, ...partsOf(secret)];
  for (const form of [...forms]) forms.push(JSON.stringify(form).slice(1, -1));
  return forms;
}

/** The parts of a compound value that a rule may quote on their own. */
function partsOf(secret: string): string[] {
  const parts: string[] = [];
  // `${VAR:-default}`: no-env-substitution names the default.
  for (const match of secret.matchAll(/\$\{[^}:]*:-([^}]*)\}/g)) parts.push(match[1], match[1].trim());
  // https://user:password@host
  for (const match of secret.matchAll(/\/\/([^/@\s]*)@/g)) {
    const colon = match[1].indexOf(':');
    if (colon >= 0) parts.push(match[1], match[1].slice(colon + 1));
  }
  return parts;
}

interface Redactor {
  apply(text: string): string;
}

/** One redactor per set of secrets, rebuilt if the set grows (the funnel redacts every finding with the same set). */
const redactors = new WeakMap<ReadonlySet<string>, { size: number; redactor: Redactor }>();

function redactorFor(secrets: ReadonlySet<string>): Redactor {
  const cached = redactors.get(secrets);
  if (cached && cached.size === secrets.size) return cached.redactor;
  const redactor = buildRedactor(secrets);
  redactors.set(secrets, { size: secrets.size, redactor });
  return redactor;
}

/**
 * Indexes every form of every secret by its first three characters, so a message is scanned once
 * whatever the number of secrets (a hostile file may hold thousands).
 */
function buildRedactor(secrets: ReadonlySet<string>): Redactor {
  const byPrefix = new Map<string, string[]>();
  for (const secret of secrets) {
    for (const form of shownForms(secret)) {
      if (form.trim().length < MIN_SECRET_LENGTH) continue;
      const key = form.slice(0, 3);
      const list = byPrefix.get(key) ?? [];
      if (!list.includes(form)) list.push(form);
      byPrefix.set(key, list);
    }
  }
  for (const list of byPrefix.values()) list.sort((a, b) => b.length - a.length);
  return {
    apply(text: string): string {
      let out = '';
      let copied = 0;
      let i = 0;
      while (i < text.length) {
        const hidden = hiddenLength(text, i, byPrefix.get(text.slice(i, i + 3)));
        if (hidden > 0) {
          out += text.slice(copied, i) + REDACTED;
          i += hidden;
          copied = i;
        } else {
          i++;
        }
      }
      return copied === 0 ? text : out + text.slice(copied);
    },
  };
}

/** How many characters at `start` belong to a secret: a whole form, or a long enough beginning of one. */
function hiddenLength(text: string, start: number, forms: readonly string[] | undefined): number {
  if (!forms) return 0;
  let longestPrefix = 0;
  for (const form of forms) {
    if (text.startsWith(form, start)) return form.length;
    let shared = 3;
    const max = Math.min(form.length, text.length - start);
    while (shared < max && text.charCodeAt(start + shared) === form.charCodeAt(shared)) shared++;
    if (shared > longestPrefix) longestPrefix = shared;
  }
  return longestPrefix >= MIN_PREFIX_SHOWN ? longestPrefix : 0;
}
