import { defineRule, type Report, type RuleContext } from './support/rule';
import type { SchemaProblem } from '../schema/validate';
import type { Path, Plain } from '../types';
import { show } from './support/message';

/**
 * Types and enumerations of the chart schema (values.schema.json @ 1.13.1) plus the server's
 * responseType enum (openmetadata-spec `configuration/authenticationConfiguration.json`): lists written as strings, "true" for booleans, numbers where the chart wants strings
 * (oidcConfiguration's tokenValidity, maxAge…) and strings where it wants integers (LDAP port),
 * and secrets written as literals where the chart wants a {secretRef, secretKey} reference.
 * Two of these have a rule that says more and supersedes this one's finding at the same key: a
 * secret typed in clear (no-plaintext-secrets: rotate it) and a pre-1.0
 * `org.openmetadata.catalog.security.*` class name (no-legacy-layout: the class that replaced it).
 */
/** Provider names people try, and what the chart wants instead (values.schema.json, validate-values.tpl @ 1.13.1). */
const PROVIDER_ALIASES: Record<string, string> = {
  keycloak: 'Keycloak is configured as "custom-oidc".',
  onelogin: 'OneLogin is configured as "custom-oidc".',
  'one-login': 'OneLogin is configured as "custom-oidc".',
  cognito: 'Write "aws-cognito".',
  'azure-ad': 'Write "azure".',
  entra: 'Write "azure".',
  openmetadata: '"openmetadata" is accepted by the server but not by the chart; use "basic".',
  'no-auth': '"no-auth" no longer exists; use "basic".',
};

const NOT_ALLOWED = '{{value}} is not allowed for {{name}}; use one of: {{allowed}}.';

export default defineRule({
  id: 'valid-schema',
  severity: 'error',
  description: 'A value of the wrong type or outside its allowed values in the auth sections.',
  // `name` is the key as the file writes it and `allowed` the schema's values: names, they go in as they are.
  messages: {
    notAllowed: NOT_ALLOWED,
    notAllowedCase: `${NOT_ALLOWED} Write "{{caseFix}}" (values are case-sensitive).`,
    notAllowedAlias: `${NOT_ALLOWED} {{alias}}`,
    noMatch: '{{name}} does not match {{schema}}.',
    nullValue:
      '{{name}} is empty (null): Helm then deletes the key, chart default included, where {{expected}} is expected. Write a value, ' +
      'or delete the line to keep the default.',
    nullValueServer: '{{name}} is empty, where the server needs {{expected}}. {{fix}}',
    literalSecret:
      '{{name}} must be a reference to a Kubernetes Secret ({secretRef: <secret name>, secretKey: <key>}), not a literal value.',
    notMap: '{{name}} must be a map of settings (nested keys), not {{actual}}.',
    notList: '{{name}} must be a list (one "- item" per line, or [a, b]); a single string is not split by the chart.',
    notListServer: '{{name}} must be a list ({{listForm}}); the server does not split a single string.',
    quotedBoolean: '{{name}} must be true or false without quotes; {{value}} is a string and fails the chart schema.',
    numberNotString: '{{name}} must be a string: quote it ({{value}}); the chart schema rejects a number here.',
    quotedInteger: '{{name}} must be a number: remove the quotes ({{digits}}); the chart schema rejects a string here.',
    wrongType: '{{name}} must be {{expected}}, not {{actual}}.',
  },
  check(ctx) {
    for (const problem of ctx.schemaProblems()) {
      if (problem.kind === 'unknown-key') continue;
      const value = ctx.get(problem.path);
      const name = ctx.keyName(problem.path);
      const found = ctx.form === 'values' ? wording(problem, value, name) : serverWording(ctx, problem, value, name);
      ctx.report({ at: problem.path, target: value === null ? 'key' : 'value', ...found });
    }
  },
});

/**
 * On the server layout only enumerations and a list, map or scalar where another kind is needed are
 * kept (the engine's chartSchemaProblems: Jackson converts scalar types), in the server's words: no
 * Helm deletes a null, and a list is `[a, b]` in an env file.
 */
function serverWording(ctx: RuleContext, problem: SchemaProblem, value: Plain | undefined, name: string): Wording {
  const expected = article(problem.expected ?? '');
  if (problem.kind === 'type' && value === null) {
    const fix = ctx.form === 'env-file' ? "Write a value, or remove the line to keep the server's default." : 'Write a value.';
    return { messageId: 'nullValueServer', data: { name, expected, fix } };
  }
  if (problem.kind === 'type' && problem.expected === 'array') {
    return { messageId: 'notListServer', data: { name, listForm: ctx.form === 'env-file' ? 'written [a, b]' : 'one "- item" per line, or [a, b]' } };
  }
  return problem.kind === 'type' || problem.kind === 'enum'
    ? wording(problem, value, name)
    : { messageId: 'noMatch', data: { name, schema: "OpenMetadata's configuration schema" } };
}

/** The message a report names, with its data. */
type Wording = Pick<Report, 'messageId' | 'data'>;

function wording(problem: SchemaProblem, value: Plain | undefined, name: string): Wording {
  if (problem.kind === 'enum') return enumMessage(problem.path, problem.allowed, name, value);
  if (problem.kind === 'type') return typeMessage(name, problem.expected ?? '', problem.secretRef === true, value);
  return { messageId: 'noMatch', data: { name, schema: 'the chart schema' } };
}

function enumMessage(path: Path, allowed: readonly string[], name: string, value: Plain | undefined): Wording {
  const data = { value: show(value), name, allowed: allowed.join(', ') };
  const caseFix = allowed.find((candidate) => candidate.toLowerCase() === String(value).toLowerCase());
  if (caseFix) return { messageId: 'notAllowedCase', data: { ...data, caseFix } };
  const alias = path.at(-1) === 'provider' ? PROVIDER_ALIASES[String(value).toLowerCase()] : undefined;
  return alias ? { messageId: 'notAllowedAlias', data: { ...data, alias } } : { messageId: 'notAllowed', data };
}

function typeMessage(name: string, expected: string, secretRef: boolean, value: Plain | undefined): Wording {
  if (value === null) return { messageId: 'nullValue', data: { name, expected: article(expected) } };
  // Never echo the value: it may be a secret written in clear text.
  if (secretRef && typeof value !== 'object') return { messageId: 'literalSecret', data: { name } };
  if (expected === 'object' && typeof value !== 'object') return { messageId: 'notMap', data: { name, actual: article(typeof value) } };
  if (expected === 'array') return { messageId: 'notList', data: { name } };
  if (expected === 'boolean') return { messageId: 'quotedBoolean', data: { name, value: show(value) } };
  if (expected === 'string' && typeof value === 'number') return { messageId: 'numberNotString', data: { name, value: show(value) } };
  if (expected === 'integer' && typeof value === 'string' && /^\d+$/.test(value.trim())) {
    // Digits at a key that takes a number (a port, a validity) are no secret: shown bare, as the number to write.
    return { messageId: 'quotedInteger', data: { name, digits: value.trim() } };
  }
  const actual = article(Array.isArray(value) ? 'array' : typeof value);
  return { messageId: 'wrongType', data: { name, expected: article(expected), actual } };
}

function article(type: string): string {
  const word = type === 'object' ? 'map' : type === 'array' ? 'list' : type;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
