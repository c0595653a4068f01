/**
 * Runs the auth sections through the JSON Schemas in schemas/ (compiled to code at build time by
 * scripts/compile-schemas.js) and turns ajv's errors into problems placed on a model path.
 */
import { isPlainMap, valueAt, type Path, type Plain, type PlainMap } from '../types';
import { AUTH_SECTION_KEYS } from '../layouts/helm-values';

export type SchemaProblemKind = 'unknown-key' | 'type' | 'enum' | 'other';

export interface SchemaProblem {
  kind: SchemaProblemKind;
  /** Config-relative path of the offending key (unknown-key) or value (type, enum). */
  path: Path;
  /** unknown-key: the keys the schema allows there; enum: the allowed values. */
  allowed: string[];
  /** type: what the schema wants (`string`, `array`, `object`…). */
  expected?: string;
  /** type: the schema wants a {secretRef, secretKey} reference to a Kubernetes Secret here. */
  secretRef?: boolean;
  /**
   * unknown-key, for a key another name of which the schema knows (a server name in Helm values):
   * that name, and whether the value, renamed, passes the schema (a rename alone then fixes it).
   */
  rename?: { to: string; fits: boolean };
}

/** The name the schema knows a key by, given the key and the path of the map that holds it; undefined if none. */
export type KnownNameOf = (parentPath: Path, key: string) => string | undefined;

interface AjvError {
  instancePath: string;
  keyword: string;
  params: Record<string, unknown>;
  schema?: unknown;
  parentSchema?: { properties?: Record<string, unknown> };
}

type Validator = ((data: unknown) => boolean) & { errors?: AjvError[] | null };

let validator: Validator | undefined;

function loadValidator(): Validator {
  validator ??= require('./generated/validate-auth-config.js').validateAuthConfig as Validator;
  return validator;
}

export function validateAuthSections(config: PlainMap, knownNameOf?: KnownNameOf): SchemaProblem[] {
  const problems = validate(config);
  if (!knownNameOf) return problems;
  for (const problem of problems) {
    if (problem.kind !== 'unknown-key') continue;
    const parentPath = problem.path.slice(0, -1);
    const to = knownNameOf(parentPath, String(problem.path.at(-1)));
    if (to !== undefined) problem.rename = { to, fits: renameFits(config, parentPath, String(problem.path.at(-1)), to) };
  }
  return problems;
}

function validate(config: PlainMap): SchemaProblem[] {
  const sections: PlainMap = {};
  for (const key of AUTH_SECTION_KEYS) if (key in config) sections[key] = config[key];
  const validateConfig = loadValidator();
  if (validateConfig(sections)) return [];
  return (validateConfig.errors ?? []).flatMap(toProblem);
}

/**
 * Whether the value of `key`, renamed `to` in the map at `parentPath`, passes the schema. The rename
 * is tried on a copy of the maps and lists along the path only: the rest is shared, as the schema
 * only reads it.
 */
function renameFits(config: PlainMap, parentPath: Path, key: string, to: string): boolean {
  const parent = valueAt(config, parentPath);
  if (!isPlainMap(parent) || !Object.prototype.hasOwnProperty.call(parent, key) || Object.prototype.hasOwnProperty.call(parent, to)) return false;
  const renamed = [...parentPath, to];
  const copy = withReplaced(config, parentPath, renameKey(parent, key, to)) as PlainMap;
  return !validate(copy).some((problem) => renamed.every((segment, i) => problem.path[i] === segment));
}

/** `map` with `key` renamed to `to` (fromEntries: a `__proto__` key stays an ordinary key). */
function renameKey(map: PlainMap, key: string, to: string): PlainMap {
  return Object.fromEntries(Object.entries(map).map(([name, value]) => [name === key ? to : name, value]));
}

/** `node` with the value at `path` replaced, copying only the maps and lists along the path. */
function withReplaced(node: Plain, path: Path, replacement: Plain): Plain {
  if (path.length === 0) return replacement;
  const [head, ...rest] = path;
  if (Array.isArray(node)) {
    const copy = node.slice();
    copy[Number(head)] = withReplaced(node[Number(head)], rest, replacement);
    return copy;
  }
  const map = node as PlainMap;
  return { ...map, [String(head)]: withReplaced(map[String(head)], rest, replacement) };
}

function toProblem(error: AjvError): SchemaProblem[] {
  const path = pointerToPath(error.instancePath);
  switch (error.keyword) {
    case 'additionalProperties':
      return [{
        kind: 'unknown-key',
        path: [...path, String(error.params.additionalProperty)],
        allowed: Object.keys(error.parentSchema?.properties ?? {}),
      }];
    case 'type':
      return [{ kind: 'type', path, allowed: [], expected: String(error.params.type), secretRef: isSecretRefSchema(error.parentSchema) }];
    case 'enum':
      return [{ kind: 'enum', path, allowed: (error.params.allowedValues as Plain[]).map(String) }];
    default:
      return [{ kind: 'other', path, allowed: [] }];
  }
}

/** The shape of schemas/secret-ref.schema.json: an object of exactly secretRef and secretKey. */
function isSecretRefSchema(schema: AjvError['parentSchema']): boolean {
  const keys = Object.keys(schema?.properties ?? {}).sort();
  return keys.length === 2 && keys[0] === 'secretKey' && keys[1] === 'secretRef';
}

function pointerToPath(pointer: string): Path {
  if (pointer === '') return [];
  return pointer
    .slice(1)
    .split('/')
    .map((segment) => segment.replace(/~1/g, '/').replace(/~0/g, '~'))
    .map((segment) => (/^\d+$/.test(segment) ? Number(segment) : segment));
}
