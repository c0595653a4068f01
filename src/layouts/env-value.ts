/**
 * How an environment variable's text becomes a configuration value. The server substitutes
 * `${VAR:-default}` in conf/openmetadata.yaml *textually, before YAML parsing* (Dropwizard's
 * EnvironmentVariableSubstitutor), so the text is read as YAML: `[admin]` is a
 * list, `"open-metadata.org"` a string without its quotes, `true` a boolean, `{Client ID}` a map.
 */
import type { Plain } from '../types';
import { describeYamlError, UNRESOLVED_ALIAS_MESSAGE } from '../source/yaml-messages';
import { yamlPackage } from '../source/yaml-package';
import { isPlainMap } from '../types';

export interface EnvValue {
  value: Plain;
  /** Why the server cannot read the text as the value it was meant to be (the value is then read leniently). */
  problem?: EnvValueProblem;
}

/**
 * An environment variable's text the server cannot read as meant: `not-yaml` (the YAML parser's
 * first line in `reason`), or `flow-map` (braces read as a map where text was meant). `text` is the
 * variable's text as substituted.
 */
export interface EnvValueProblem {
  kind: 'not-yaml' | 'flow-map';
  text: string;
  reason?: string;
}

/** Reads an env value's text as the server reads it once substituted into openmetadata.yaml. */
export function readEnvValue(text: string, expectsMap = false): EnvValue {
  const doc = yamlPackage().parseDocument(text, { strict: true, uniqueKeys: false });
  if (doc.errors.length > 0) {
    // omlint's words for the error: the package's message quotes the text, which may be a secret.
    const reason = describeYamlError(doc.errors[0].code, doc.errors[0].message).replace(/\.$/, '');
    return { value: lenient(text), problem: { kind: 'not-yaml', text: text.trim(), reason } };
  }
  let js: unknown;
  try {
    js = doc.toJS({ maxAliasCount: 10 });
  } catch (error) {
    // An alias without its anchor (`*agoogle`), or aliases that expand too far: the parser reports
    // neither, building the value throws. The server's YAML reader refuses them too.
    const unresolved = error instanceof ReferenceError && /^Unresolved alias/.test(error.message);
    const reason = (unresolved ? UNRESOLVED_ALIAS_MESSAGE : 'Its aliases (*name) expand further than a value may').replace(/\.$/, '');
    return { value: lenient(text), problem: { kind: 'not-yaml', text: text.trim(), reason } };
  }
  const value = toPlain(js);
  if (isPlainMap(value) && !expectsMap && /^\s*\{/.test(text)) {
    return { value: text.trim(), problem: { kind: 'flow-map', text: text.trim() } };
  }
  return { value };
}

/** What the user meant by text the server cannot parse: a `[a, b]` list split on commas, else the text. */
function lenient(text: string): Plain {
  const trimmed = text.trim();
  const list = /^\[(.*)\]$/s.exec(trimmed);
  if (!list) return trimmed;
  return list[1].split(',').map((item) => item.trim().replace(/^(["'])(.*)\1$/, '$2')).filter((item) => item !== '');
}

function toPlain(value: unknown): Plain {
  if (value === undefined || value === null) return null;
  if (typeof value === 'string' || typeof value === 'boolean' || typeof value === 'number') return value;
  if (typeof value === 'bigint') return Number(value);
  if (Array.isArray(value)) return value.map(toPlain);
  if (value instanceof Map) return Object.fromEntries([...value.entries()].map(([k, v]) => [String(k), toPlain(v)]));
  if (typeof value === 'object') return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toPlain(v)]));
  return String(value);
}

/** One `${VAR}` / `${VAR:-default}` in a text. */
export interface Substitution {
  name: string;
  /** The default after `:-`, undefined when there is none. */
  fallback?: string;
}

/**
 * `${NAME}` or `${NAME:-default}`; the default runs to the first `}` (Apache commons-text
 * StringSubstitutor, which Dropwizard uses, does not count braces inside a default).
 */
const SUBSTITUTION = /\$\{([A-Za-z_][A-Za-z0-9_.]*)(?::-([^}]*))?\}/g;

export function findSubstitutions(text: string): Substitution[] {
  return [...text.matchAll(SUBSTITUTION)].map((match) => ({ name: match[1], fallback: match[2] }));
}

/**
 * Replaces every substitution with the variable's value from `lookup`, else its default; a variable
 * with neither is left as written (the substitutor is not strict).
 */
export function substitute(text: string, lookup: (name: string) => string | undefined): string {
  return text.replace(SUBSTITUTION, (whole, name: string, fallback: string | undefined) => lookup(name) ?? fallback ?? whole);
}
