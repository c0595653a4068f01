/** Small pure helpers the rules share. */
import type { Path, Plain } from '../../types';
import type { RuleContext } from './rule';
import { isPlainMap } from '../../types';

export { OIDC_PROVIDERS } from '../../knowledge/providers';

/**
 * An absolute http(s) URL, or undefined for anything else (relative paths, placeholders, PEM blocks).
 * The same few URLs (authority, callbackUrl, publicKeys) are parsed by half a dozen rules per model:
 * rules ask through ctx.once(parseHttpUrl, value), which remembers the answer for the model. The URL
 * returned may be shared and must not be modified.
 */
export function parseHttpUrl(value: Plain | undefined): URL | undefined {
  return typeof value === 'string' ? parseUrl(value.trim()) : undefined;
}

/** The longest text a cache keeps (values, keys); longer ones are worked out each time. */
export const REMEMBERED_TEXT_MAX = 2048;

/**
 * A copy of `text` that shares no memory with it. A value or key read from a file may be a slice of
 * the file's whole text, which a cache that outlives the file would otherwise keep alive. (A JSON
 * round trip: it copies, and keeps even lone surrogates.)
 */
export function detached(text: string): string {
  return JSON.parse(JSON.stringify(text)) as string;
}

function parseUrl(text: string): URL | undefined {
  if (!/^https?:\/\/[^\s/?#{}<>]+/i.test(text)) return undefined;
  try {
    const url = new URL(text);
    return url.hostname ? url : undefined;
  } catch {
    return undefined;
  }
}

/** The array elements that are strings, with their indexes. (A loop: flatMap with an array per item was ~1 % of a 10 000-file run.) */
export function stringItems(value: Plain | undefined): { item: string; index: number }[] {
  const found: { item: string; index: number }[] = [];
  if (!Array.isArray(value)) return found;
  for (let index = 0; index < value.length; index++) {
    const item = value[index];
    if (typeof item === 'string') found.push({ item, index });
  }
  return found;
}

export function isNonEmptyString(value: Plain | undefined): value is string {
  return typeof value === 'string' && value.trim() !== '';
}

export function asMap(value: Plain | undefined): Record<string, Plain> {
  return isPlainMap(value) ? value : {};
}

/** A string value and its path below the value it was found in. */
export interface StringAt {
  path: Path;
  text: string;
}

/**
 * Every string below a map or list. Several rules look at every string of the config
 * (no-placeholders, no-legacy-layout, no-env-substitution, no-plaintext-secrets): they ask through
 * ctx.once(stringsOf, value), so the walk is done once per model (it was ~10 % of a 10 000-file run
 * when each rule walked on its own).
 */
export function stringsOf(value: Plain | undefined): readonly StringAt[] {
  if (typeof value === 'string') return [{ path: [], text: value }];
  if (typeof value !== 'object' || value === null) return [];
  return collectStrings(value);
}

/** Depth-first, in key order; one path array per string found (not per node visited). */
function collectStrings(root: Plain): StringAt[] {
  const found: StringAt[] = [];
  walkPlain(root, undefined, (path, text) => found.push({ path: path.slice(), text }));
  return found;
}

/** Calls `visit` for every string value below `value`, with its path (bounded depth); the walk is shared by the model's rules. */
export function forEachString(ctx: Pick<RuleContext, 'once'>, value: Plain | undefined, visit: (path: Path, text: string) => void): void {
  for (const { path, text } of ctx.once(stringsOf, value)) visit(path, text);
}

/**
 * Calls `visit` for every map key below `value`, with the path of that key. The path is one array
 * reused for every key (only valid during the call: copy it to keep it), as nearly every key is
 * looked at and dropped.
 */
export function forEachKey(value: Plain | undefined, visit: (path: readonly (string | number)[], key: string) => void): void {
  walkPlain(value, visit, undefined);
}

/**
 * Depth-first, in key order, down to depth 64: every map key (`onKey`) and every string (`onString`)
 * below `root`, each with its path in one array reused for the whole walk.
 */
function walkPlain(
  root: Plain | undefined,
  onKey: ((path: readonly (string | number)[], key: string) => void) | undefined,
  onString: ((path: readonly (string | number)[], text: string) => void) | undefined,
): void {
  const path: (string | number)[] = [];
  const walk = (node: Plain | undefined, depth: number): void => {
    if (depth > 64) return;
    if (typeof node === 'string') {
      onString?.(path, node);
    } else if (Array.isArray(node)) {
      for (let i = 0; i < node.length; i++) {
        path.push(i);
        walk(node[i], depth + 1);
        path.pop();
      }
    } else if (isPlainMap(node)) {
      for (const key of Object.keys(node)) {
        path.push(key);
        onKey?.(path, key);
        walk(node[key], depth + 1);
        path.pop();
      }
    }
  };
  walk(root, 0);
}

/** Chart keys that take a {secretRef, secretKey} reference to a secret (clientSecret, dnAdminPassword, …). */
export const SECRET_REF_KEY = /(secret|password|passwd|privatekey)$/i;

/** Template text is no-placeholders' / no-env-substitution's finding, not a leaked secret. */
const TEMPLATE_TEXT = /^(\$\{[^}]*\}|\{[^{}]*\}|<[^<>]*>)$/;

/** A real value typed where a secret belongs (not empty, not template text). */
export function isLiteralSecret(text: string): boolean {
  const value = text.trim();
  return value !== '' && !TEMPLATE_TEXT.test(value);
}
