import { defineRule, RuleContext } from './support/rule';
import { CHART_DEFAULTS } from '../knowledge/defaults';
import { mergeValues, sameValue } from './support/values';
import { valueAt } from '../types';
import { show } from './support/message';

/**
 * The chart renders `ldapConfiguration` only when provider is ldap and `saml` only when provider is
 * saml (chart `templates/secrets.yaml` 339–397, `templates/_helpers.tpl` 249–316 @ 1.13.1): a block
 * filled in for another provider is silently dropped (OpenMetadata #19162: SAML settings ignored
 * because the provider was not `saml`). An `oidcConfiguration` the chart drops because of clientType
 * is client-type-oidc's finding, so it is not repeated here.
 */
const BLOCKS: { key: string; provider: string }[] = [
  { key: 'ldapConfiguration', provider: 'ldap' },
  { key: 'saml', provider: 'saml' },
];

const NOT_RENDERED = 'so none of it reaches the server. Set provider: {{renderedFor}}, or delete the block.';

export default defineRule({
  id: 'provider-block-ignored',
  severity: 'info',
  description: 'An ldapConfiguration or saml block filled in while the provider means the chart never renders it.',
  messages: {
    ignored:
      'authentication.{{key}} is filled in, but the chart renders it only when provider is "{{renderedFor}}" and provider is ' +
      `{{provider}}, ${NOT_RENDERED}`,
    ignoredWithDefaultProvider:
      'authentication.{{key}} is filled in, but the chart renders it only when provider is "{{renderedFor}}" and provider is ' +
      `{{provider}} (chart default), ${NOT_RENDERED}`,
  },
  check(ctx) {
    for (const { key, provider } of BLOCKS) {
      if (ctx.provider === provider || !isCustomised(ctx, key)) continue;
      const providerWritten = ctx.get(['authentication', 'provider']) !== undefined;
      ctx.report({
        at: ['authentication', key],
        target: 'key',
        messageId: providerWritten ? 'ignored' : 'ignoredWithDefaultProvider',
        data: { key, renderedFor: provider, provider: show(ctx.provider) },
      });
    }
  },
});

/** Written, and different from what the chart would render anyway (a copied chart values.yaml is not customised). */
function isCustomised(ctx: RuleContext, key: string): boolean {
  const written = ctx.get(['authentication', key]);
  if (written === undefined || written === null) return false;
  const defaults = valueAt(CHART_DEFAULTS, ['authentication', key]);
  return !sameValue(mergeValues(defaults, written), defaults);
}
