import { defineRule } from '../engine/rule';
import { forEachKey } from '../engine/helpers';
import { AUTH_SECTION_KEYS } from '../layouts/helm-values';

/**
 * The chart reads nested keys only. `oidcConfiguration.enabled: true` written as one key (as on
 * OpenMetadata's Azure Kubernetes docs page) fails the chart schema, or with schema checks skipped
 * is ignored, so `enabled` stays false and the whole OIDC block is dropped (reference §1.4.1).
 */
export default defineRule({
  id: 'no-dotted-keys',
  severity: 'error',
  description: 'A key with a dot inside the auth sections; the chart reads nested keys only.',
  check(ctx) {
    for (const section of AUTH_SECTION_KEYS) {
      forEachKey(ctx.get([section]), (path, key) => {
        if (!key.includes('.')) return;
        const parts = key.split('.');
        const parent = String([section, ...path].at(-2));
        const fix =
          parts[0] === parent
            ? `write "${parts.slice(1).join('.')}" directly under "${parent}" (it already is inside "${parent}")`
            : `nest it as ${parts.map((part) => `"${part}:"`).join(' > ')}`;
        ctx.report({
          at: [section, ...path],
          target: 'key',
          message: `"${key}" is one key with a dot in it, not a nested path: the chart ignores it and its schema rejects it; ${fix}.`,
        });
      });
    }
  },
});
