import { defineRule, RuleContext } from './support/rule';
import type { Fix, Path } from '../types';
import { forEachKey } from './support/helpers';
import { AUTH_SECTION_KEYS } from '../layouts/helm-values';
import { isPlainMap } from '../types';

/**
 * The chart reads nested keys only. `oidcConfiguration.enabled: true` written as one key (as on
 * OpenMetadata's Azure Kubernetes docs page) fails the chart schema, or with schema checks skipped
 * is ignored, so `enabled` stays false and the whole OIDC block is dropped (chart
 * `templates/_helpers.tpl` 233 and `values.schema.json` @ 1.13.1).
 */
export default defineRule({
  id: 'no-dotted-keys',
  severity: 'error',
  fixable: true,
  description: 'A key with a dot inside the auth sections; the chart reads nested keys only.',
  // Key names are names, not values: they go into the messages as they are.
  messages: {
    alreadyInside:
      '"{{key}}" is one key with a dot in it, not a nested path: {{consequence}}; ' +
      'write "{{rest}}" directly under "{{parent}}" (it already is inside "{{parent}}").',
    nestIt: '"{{key}}" is one key with a dot in it, not a nested path: {{consequence}}; nest it as {{nesting}}.',
  },
  check(ctx) {
    // openmetadata.yaml: the server's configuration schemas are additionalProperties: false and
    // Dropwizard refuses unknown keys (the engine's server layout; docs/layouts.md).
    const consequence = ctx.form === 'values'
      ? 'the chart ignores it and its schema rejects it'
      : "the server's configuration schema rejects it, so the server does not start";
    for (const section of AUTH_SECTION_KEYS) {
      forEachKey(ctx.get([section]), (keyPath, key) => {
        if (!key.includes('.')) return;
        const path = [...keyPath];
        const parts = key.split('.');
        // The parent map as the file names it (`saml` in values, `samlConfiguration` in openmetadata.yaml).
        const written = String([section, ...path].at(-2));
        const parent = ctx.form === 'values' ? written : String(ctx.keyName([section, ...path.slice(0, -1)]).split('.').at(-1));
        const at = [section, ...path];
        const fix = nestingFix(ctx, [section, ...path.slice(0, -1)], key, parent);
        if (parts[0] === parent) {
          ctx.report({ at, target: 'key', messageId: 'alreadyInside', data: { key, rest: parts.slice(1).join('.'), parent, consequence }, fix });
        } else {
          const nesting = parts.map((part) => `"${part}:"`).join(' > ');
          ctx.report({ at, target: 'key', messageId: 'nestIt', data: { key, nesting, consequence }, fix });
        }
      });
    }
  },
});

/**
 * Nest the key where it was meant to go: `oidcConfiguration.enabled` inside `oidcConfiguration`
 * becomes `enabled`; `a.b` becomes `b` inside `a` (joining an existing `a` map). Not offered when
 * the target key is already set (which of the two was meant is the user's call), when a map on the
 * way is not a map, or when the key has an empty part (`a..b`, `.a`).
 */
function nestingFix(ctx: RuleContext, mapPath: Path, key: string, parent: string): Fix | undefined {
  const parts = key.split('.');
  const nested = parts[0] === parent ? parts.slice(1) : parts;
  if (parts.some((part) => part === '') || nested.length === 0) return undefined;
  let holder = ctx.get(mapPath);
  for (const [i, part] of nested.entries()) {
    if (!isPlainMap(holder)) return undefined;
    if (!Object.prototype.hasOwnProperty.call(holder, part)) break;
    if (i === nested.length - 1) return undefined;
    holder = holder[part];
  }
  return { kind: 'move-entry', at: [...mapPath, key], to: [...mapPath, ...nested] };
}
