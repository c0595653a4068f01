/** Helpers about the shapes of chart values that several rules of sections D and E read. */
import type { Path, Plain } from '../../types';
import type { RuleContext } from './rule';
import { isPlainMap } from '../../types';

/**
 * How a secret-bearing chart key is written. The chart renders `valueFrom.secretKeyRef` only when
 * `secretRef` is non-empty (chart `templates/_helpers.tpl` 222–317 @ 1.13.1), so a reference with an
 * empty name or key gives the server no value at all.
 */
export type SecretRefState = 'absent' | 'ref' | 'incomplete-ref' | 'literal';

export function secretRefState(value: Plain | undefined): SecretRefState {
  if (value === undefined || value === null) return 'absent';
  if (typeof value === 'string') return value.trim() === '' ? 'absent' : 'literal';
  if (!isPlainMap(value)) return 'literal';
  const named = (key: string): boolean => typeof value[key] === 'string' && String(value[key]).trim() !== '';
  return named('secretRef') && named('secretKey') ? 'ref' : 'incomplete-ref';
}

/** Providers whose users sign in somewhere else than OpenMetadata's own login form with its own passwords. */
export function isExternalIdentityProvider(provider: string): boolean {
  return provider !== 'basic' && provider !== 'openmetadata';
}

/** One entry of the chart's root `extraEnvs` list (Kubernetes EnvVar: name plus value or valueFrom). */
export interface ExtraEnv {
  index: number;
  name: string;
  /** The literal `value`, when one is written. */
  value?: Plain;
  hasValueFrom: boolean;
}

/**
 * The chart's root `extraEnvs` (under the dependency key in an umbrella chart), entries with a name.
 * Half a dozen rules ask for the same model's extraEnvs (default-signing-keys once per key): the
 * entries are read once per model.
 */
export function extraEnvsOf(ctx: RuleContext): readonly ExtraEnv[] {
  const list = ctx.get(['extraEnvs'], 'chart');
  return Array.isArray(list) ? ctx.once(namedEntries, list) : [];
}

function namedEntries(list: readonly Plain[]): readonly ExtraEnv[] {
  return list.flatMap((entry, index) => {
    if (!isPlainMap(entry) || typeof entry.name !== 'string') return [];
    return [{ index, name: entry.name.trim(), value: entry.value, hasValueFrom: entry.valueFrom !== undefined }];
  });
}

/** Structural equality of plain values (map key order does not matter, list order does). */
export function sameValue(a: Plain | undefined, b: Plain | undefined): boolean {
  if (a === b) return true;
  if (Array.isArray(a) || Array.isArray(b)) {
    return Array.isArray(a) && Array.isArray(b) && a.length === b.length && a.every((item, i) => sameValue(item, b[i]));
  }
  if (isPlainMap(a) && isPlainMap(b)) {
    const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
    return [...keys].every((key) => sameValue(a[key], b[key]));
  }
  return false;
}

/** `base` with `override` merged over it the way Helm merges values files: maps deep, the rest replaced. */
export function mergeValues(base: Plain | undefined, override: Plain | undefined): Plain | undefined {
  if (override === undefined) return base;
  if (!isPlainMap(base) || !isPlainMap(override)) return override;
  const out: Record<string, Plain> = { ...base };
  for (const [key, value] of Object.entries(override)) {
    const merged = mergeValues(base[key], value);
    if (merged !== undefined) out[key] = merged;
  }
  return out;
}

/** A string with only whitespace, or no string at all. */
export function isBlank(value: Plain | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

/**
 * "line N" for a key the user wrote, "the chart default" ("the server's default" in openmetadata.yaml
 * and env files) for one they did not: a message datum naming the other key of a pair (words of the
 * rule's and a line number, never the key's value).
 */
export function whereIs(ctx: RuleContext, path: (string | number)[], root?: 'config' | 'chart' | 'document'): string {
  return ctx.get(path, root) === undefined ? ctx.defaultsName : `line ${ctx.locationOf(path, root, 'key').line}`;
}

/** The key gives the server a value: a complete Secret reference, or (wrongly, but effectively) a literal. */
export function providesSecret(value: Plain | undefined): boolean {
  const state = secretRefState(value);
  return state === 'ref' || state === 'literal';
}

/** Names (of keys or variables: never values) as a sentence lists them: "a", "a and b", "a, b and c". */
export function joinNames(names: readonly string[]): string {
  return names.length <= 1 ? (names[0] ?? '') : `${names.slice(0, -1).join(', ')} and ${names.at(-1)}`;
}

/**
 * A setting with a value of the rule's own (`false`, `ldap`: never a value of the user's), as the
 * file writes it: `enableSelfSignup: false` in YAML, `AUTHENTICATION_ENABLE_SELF_SIGNUP=false` in an env file.
 */
export function setting(ctx: RuleContext, path: Path, value: string): string {
  return ctx.form === 'env-file' ? `${ctx.keyName(path)}=${value}` : `${ctx.keyName(path)}: ${value}`;
}
