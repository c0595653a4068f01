/**
 * Runs the auth sections through the JSON Schemas in schemas/ (compiled to code at build time by
 * scripts/compile-schemas.js) and turns ajv's errors into problems placed on a model path.
 */
import type { Path, Plain, PlainMap } from '../types';
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
}

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

export function validateAuthSections(config: PlainMap): SchemaProblem[] {
  const sections: PlainMap = {};
  for (const key of AUTH_SECTION_KEYS) if (key in config) sections[key] = config[key];
  const validate = loadValidator();
  if (validate(sections)) return [];
  return (validate.errors ?? []).flatMap(toProblem);
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
