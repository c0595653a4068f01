import { defineRule } from './support/rule';
import type { SchemaProblem } from '../schema/validate';
import type { Plain } from '../types';
import { isLiteralSecret, show, SECRET_REF_KEY } from './support/helpers';

/**
 * Types and enumerations of the chart schema (values.schema.json @ 1.13.1) plus the server's
 * responseType enum (openmetadata-spec `configuration/authenticationConfiguration.json`): lists written as strings, "true" for booleans, numbers where the chart wants strings
 * (oidcConfiguration's tokenValidity, maxAge…) and strings where it wants integers (LDAP port),
 * and secrets written as literals where the chart wants a {secretRef, secretKey} reference.
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

const LEGACY_CLASS = /^org\.openmetadata\.catalog\.security\./;

export default defineRule({
  id: 'valid-schema',
  severity: 'error',
  description: 'A value of the wrong type or outside its allowed values in the auth sections.',
  check(ctx) {
    for (const problem of ctx.schemaProblems()) {
      if (problem.kind === 'unknown-key') continue;
      const value = ctx.get(problem.path);
      // Pre-1.0 class names get no-legacy-layout's message, which names the replacement.
      if (typeof value === 'string' && LEGACY_CLASS.test(value.trim())) continue;
      // A secret typed in clear is no-plaintext-secrets' finding, which also says to rotate it.
      if (typeof value === 'string' && SECRET_REF_KEY.test(String(problem.path.at(-1))) && isLiteralSecret(value)) continue;
      ctx.report({ at: problem.path, target: value === null ? 'key' : 'value', message: message(problem, value) });
    }
  },
});

function message(problem: SchemaProblem, value: Plain | undefined): string {
  const name = problem.path.filter((segment) => typeof segment === 'string').join('.');
  if (problem.kind === 'enum') {
    const caseFix = problem.allowed.find((allowed) => allowed.toLowerCase() === String(value).toLowerCase());
    const alias = problem.path.at(-1) === 'provider' ? PROVIDER_ALIASES[String(value).toLowerCase()] : undefined;
    const hint = caseFix
      ? ` Write "${caseFix}" (values are case-sensitive).`
      : alias ? ` ${alias}` : '';
    return `${show(value)} is not allowed for ${name}; use one of: ${problem.allowed.join(', ')}.${hint}`;
  }
  if (problem.kind === 'type') return typeMessage(name, problem.expected ?? '', problem.secretRef === true, value);
  return `${name} does not match the chart schema.`;
}

function typeMessage(name: string, expected: string, secretRef: boolean, value: Plain | undefined): string {
  if (value === null) {
    return `${name} is empty (null): Helm then deletes the key, chart default included, where ${article(expected)} is expected. Write a value, or delete the line to keep the default.`;
  }
  if (secretRef && typeof value !== 'object') {
    // Never echo the value: it may be a secret written in clear text.
    return `${name} must be a reference to a Kubernetes Secret ({secretRef: <secret name>, secretKey: <key>}), not a literal value.`;
  }
  if (expected === 'object' && typeof value !== 'object') {
    return `${name} must be a map of settings (nested keys), not ${article(typeof value)}.`;
  }
  if (expected === 'array') {
    return `${name} must be a list (one "- item" per line, or [a, b]); a single string is not split by the chart.`;
  }
  if (expected === 'boolean') {
    return `${name} must be true or false without quotes; ${show(value)} is a string and fails the chart schema.`;
  }
  if (expected === 'string' && typeof value === 'number') {
    return `${name} must be a string: quote it ("${value}"); the chart schema rejects a number here.`;
  }
  if (expected === 'integer' && typeof value === 'string' && /^\d+$/.test(value.trim())) {
    return `${name} must be a number: remove the quotes (${value.trim()}); the chart schema rejects a string here.`;
  }
  return `${name} must be ${article(expected)}, not ${article(Array.isArray(value) ? 'array' : typeof value)}.`;
}

function article(type: string): string {
  const word = type === 'object' ? 'map' : type === 'array' ? 'list' : type;
  return /^[aeiou]/.test(word) ? `an ${word}` : `a ${word}`;
}
