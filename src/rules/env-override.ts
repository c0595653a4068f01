import { defineRule, RuleContext } from './support/rule';
import { didYouMean } from '../util/did-you-mean';
import { extraEnvsOf } from './support/values';
import { show } from './support/message';
import { CHART_ENV_KEYS, KNOWN_AUTH_ENV_NAMES, REMOVED_ENV_NAMES, SERVER_ONLY_ENV_NAMES } from '../knowledge/env-names';
import type { Path } from '../types';
import { isPlainMap } from '../types';

/**
 * The chart turns auth values into env vars in Secrets read with `envFrom`; `extraEnvs` goes into the
 * container's `env`, which Kubernetes lets win over `envFrom`, and a user `envFrom` source listed
 * after the chart's wins too (chart `templates/deployment.yaml` @ 1.13.1): the values file says one
 * provider, the pod runs another. A misspelt name is silently unused (OpenMetadata PR #5403:
 * AUTHENTICATION_CALBACK_URL).
 * Names the chart does not model (providerName, enableAutoRedirect, …) are the legitimate use of
 * extraEnvs and pass.
 */
const AUTH_PREFIX = /^(AUTHENTICATION_|AUTHORIZER_|OIDC_|SAML_|JWT_)/;
const AUTH_WORDS = /auth|oidc|saml|ldap|sso|jwt/i;

export default defineRule({
  id: 'env-override',
  severity: 'warn',
  description: 'extraEnvs that silently override an auth values key, or auth env names OpenMetadata does not read.',
  messages: {
    overrides:
      "extraEnvs sets {{name}}, which overrides {{keys}}: the container env wins over the chart's Secret, so the values file " +
      'no longer says what runs. Set the values key instead and remove this entry.',
    unknownName: 'OpenMetadata reads no variable named {{name}}, so this entry has no effect. Did you mean {{suggestion}}?',
    removedName:
      '{{name}} is no longer read by OpenMetadata (it set {{was}}), so this entry has no effect: remove it. ' +
      'Do not move its names to another variable: as AUTHORIZER_ADMIN_PRINCIPALS they would become admins.',
    unknownNameNoSuggestion:
      "OpenMetadata reads no variable named {{name}}, so this entry has no effect. Check the name against the server's openmetadata.yaml.",
    authEnvFrom:
      'envFrom {{kind}} {{name}} looks auth-related; any AUTHENTICATION_*, AUTHORIZER_*, OIDC_* or SAML_* variable in it ' +
      'overrides the values file, because the chart lists user envFrom sources after its own. Keep auth settings in the values file.',
  },
  check(ctx) {
    for (const env of extraEnvsOf(ctx)) {
      if (SERVER_ONLY_ENV_NAMES.includes(env.name)) continue;
      const at = ['extraEnvs', env.index, 'name'];
      const shadowed = CHART_ENV_KEYS[env.name];
      // Variable names are names, not values: they go into the message as they are.
      if (shadowed) {
        ctx.report({ at, root: 'chart', messageId: 'overrides', data: { name: env.name, keys: shadowedKeys(ctx, env.name, shadowed) } });
      } else if (REMOVED_ENV_NAMES[env.name]) {
        ctx.report({ at, root: 'chart', messageId: 'removedName', data: { name: env.name, was: REMOVED_ENV_NAMES[env.name] } });
      } else if (AUTH_PREFIX.test(env.name)) {
        // The same names recur in every file of a repository: each is compared with the known ones once.
        const suggestion = ctx.once(suggestEnvName, env.name);
        if (suggestion) ctx.report({ at, root: 'chart', messageId: 'unknownName', data: { name: env.name, suggestion } });
        else ctx.report({ at, root: 'chart', messageId: 'unknownNameNoSuggestion', data: { name: env.name } });
      }
    }
    checkEnvFrom(ctx);
  },
});

function suggestEnvName(name: string): string | undefined {
  return didYouMean(name, KNOWN_AUTH_ENV_NAMES);
}

/** The values keys a variable overrides, by their full path, each with its line when the user wrote it. */
function shadowedKeys(ctx: RuleContext, name: string, paths: readonly Path[]): string {
  return paths
    .map((path) => {
      const line = shadowedLine(ctx, name, path);
      return `${[...ctx.model.configPath, ...path].join('.')}${line !== undefined ? ` (line ${line})` : ''}`;
    })
    .join(' and ');
}

/**
 * The line of the values key the variable shadows, if written. The engine folds extraEnvs into the
 * model (src/layouts/extra-envs.ts), so ctx.get/locationOf see the variable; the fold keeps the key.
 */
function shadowedLine(ctx: RuleContext, name: string, path: Path): number | undefined {
  const override = ctx.model.envOverrides?.find((o) => o.name === name && o.path.join('.') === path.join('.'));
  if (override) return override.shadowedLocation?.line;
  return ctx.get(path) !== undefined ? ctx.locationOf(path, 'config', 'key').line : undefined;
}

/** A user envFrom Secret can carry the same names; omlint cannot see inside it, so this is a hint. */
function checkEnvFrom(ctx: RuleContext): void {
  const sources = ctx.get(['envFrom'], 'chart');
  if (!Array.isArray(sources)) return;
  sources.forEach((source, index) => {
    if (!isPlainMap(source)) return;
    for (const kind of ['secretRef', 'configMapRef']) {
      const ref = source[kind];
      const name = isPlainMap(ref) ? ref.name : undefined;
      if (typeof name !== 'string' || !AUTH_WORDS.test(name)) continue;
      ctx.report({
        at: ['envFrom', index, kind, 'name'],
        root: 'chart',
        severity: 'info',
        messageId: 'authEnvFrom',
        data: { kind, name: show(name) },
      });
    }
  });
}
