import { defineRule, RuleContext } from './support/rule';
import { forEachString, isLiteralSecret, SECRET_REF_KEY } from './support/helpers';
import { joinNames } from './support/values';
import { show } from './support/message';
import { didYouMean } from '../util/did-you-mean';
import { SECURITY_CONFIG_PARTS } from '../knowledge/security-config';
import { findSubstitutions } from '../layouts/env-value';
import type { Path } from '../types';

/**
 * A security config export (`openmetadata-ops.sh get-security-config`, OpenMetadata 1.12+) or a file
 * meant for `update-security-config` (src/layouts/export.ts), as a whole:
 *
 * - it holds the stored secrets in clear: the server stores the authentication configuration with a
 *   plain `pojoToJson` (SystemRepository.updateSetting; email and Slack settings are Fernet-encrypted,
 *   these are not) and the command writes them out as they are (OpenMetadataOperations.java, which
 *   warns about it). Advice, once per file; the values are never printed.
 * - `securityConfiguration.json` has exactly two parts, requires both and sets
 *   `additionalProperties: false`: another top-level key makes the import fail, and a file without
 *   one part does not replace that part of the stored copy.
 * - the stored copy is taken literally: `${VAR}` is openmetadata.yaml's syntax, substituted only
 *   when the server reads that file (Dropwizard's EnvironmentVariableSubstitutor), never in a copy
 *   imported into the database.
 *
 * `update-security-config` runs no validator before it writes: the export layout raises every
 * warning of every rule to an error (model.escalate), config files and `--rule` still win.
 */
const PARTS: readonly string[] = SECURITY_CONFIG_PARTS;

export default defineRule({
  id: 'security-config-export',
  severity: 'error',
  description: 'A security config export (get-security-config) with a key the import refuses, a missing part or ${VAR} text; and its secrets in clear.',
  messages: {
    secretsInClear:
      'This is a security config export: it holds the stored secrets in clear ({{keys}}), as get-security-config writes them. ' +
      'Keep it out of git, CI logs and tickets, delete it once imported, and rotate a secret that leaked.',
    unknownPart:
      '"{{key}}" is not a part of a security config export: securityConfiguration.json allows only authenticationConfiguration and ' +
      'authorizerConfiguration (additionalProperties: false), so update-security-config refuses the file.{{suggestion}}',
    missingPart:
      'The file has no {{part}}: securityConfiguration.json requires both parts, and update-security-config writes only the parts a file ' +
      'holds, so the stored {{part}} stays as it is. Start from a complete export (get-security-config -o FILE).',
    substitution:
      '{{key}} holds {{value}}, openmetadata.yaml\'s ${VAR} syntax: update-security-config stores the text as it is and the server never ' +
      'substitutes a stored value, so this text is what runs. Write the value itself.',
  },
  check(ctx) {
    const facts = ctx.model.securityExport;
    if (!facts) return;
    for (const key of facts.unknownKeys) {
      const guess = didYouMean(key, PARTS);
      // A top-level key is a name, never a secret.
      ctx.report({ at: [key], root: 'document', target: 'key', messageId: 'unknownPart', data: { key, suggestion: guess ? ` Did you mean "${guess}"?` : '' } });
    }
    for (const part of facts.missing) ctx.report({ at: [], root: 'document', messageId: 'missingPart', data: { part } });
    reportSubstitutions(ctx);
    reportSecrets(ctx);
  },
});

function reportSubstitutions(ctx: RuleContext): void {
  for (const section of ['authentication', 'authorizer']) {
    forEachString(ctx, ctx.model.config[section], (path, text) => {
      if (!text.includes('${') || findSubstitutions(text).length === 0) return;
      const at = [section, ...path];
      ctx.report({ at, messageId: 'substitution', data: { key: ctx.keyName(at), value: show(text) } });
    });
  }
}

/** One piece of advice for the file, on its first key: the names of the secrets it holds, never their values. */
function reportSecrets(ctx: RuleContext): void {
  const held: Path[] = [];
  for (const section of ['authentication', 'authorizer']) {
    forEachString(ctx, ctx.model.config[section], (path, text) => {
      const key = path.at(-1);
      if (typeof key === 'string' && SECRET_REF_KEY.test(key) && isLiteralSecret(text)) held.push([section, ...path]);
    });
  }
  if (held.length === 0) return;
  const keys = joinNames([...new Set(held.map((path) => ctx.keyName(path)))]);
  ctx.report({ at: [ctx.model.securityExport?.parts[0] ?? PARTS[0]], root: 'document', target: 'key', severity: 'info', messageId: 'secretsInClear', data: { keys } });
}
