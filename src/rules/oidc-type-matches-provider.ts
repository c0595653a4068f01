import { defineRule, RuleContext } from './support/rule';
import { show } from './support/message';
import { isOidcBlockRendered } from './support/idp';

/**
 * The server picks its OIDC client from `oidcConfiguration.type` (chart `oidcType`), compared without
 * case: "azure" → pac4j AzureAd2Client (uses `tenant`), "google" → GoogleOidcClient (adds
 * access_type=offline so a refresh token comes back), anything else → a generic OidcClient
 * (OpenMetadata AuthenticationCodeFlowHandler.buildOidcClient @ 0152299f). So only a mismatch
 * involving azure or google changes behaviour; "Keycloak" or "Auth0" for a generic provider is fine.
 * The setting exists only in the confidential flow, when the chart renders oidcConfiguration.
 */
const SPECIAL_TYPES: readonly string[] = ['azure', 'google'];

export default defineRule({
  id: 'oidc-type-matches-provider',
  severity: 'warn',
  description: 'oidcConfiguration.oidcType selects a different server OIDC client than the provider needs.',
  messages: {
    notSet: '{{key}} is not set ({{defaults}} is ""), so {{loss}} Set {{key}} to "{{provider}}".',
    notProviderClient: '{{key}} {{oidcType}} does not select the server\'s {{provider}} client, so {{loss}} Set {{key}} to "{{provider}}".',
    otherProviderClient:
      '{{key}} {{oidcType}} makes the server use its {{client}} client against your {{provider}} provider, which then fails ' +
      'to sign in. Set {{key}} to "{{provider}}" (any value other than azure or google selects the generic client).',
  },
  check(ctx) {
    if (!ctx.isOidcProvider || !isOidcBlockRendered(ctx)) return;
    const path = ['authentication', 'oidcConfiguration', 'oidcType'];
    const written = ctx.get(path);
    if (written !== undefined && typeof written !== 'string') return; // valid-schema reports the type
    const type = (written ?? '').trim().toLowerCase();
    const key = ctx.keyName(path);
    // One of the OIDC provider names (isOidcProvider), printed bare as before.
    const provider = ctx.provider;
    const providerIsSpecial = SPECIAL_TYPES.includes(provider);
    if (type === provider || (!providerIsSpecial && !SPECIAL_TYPES.includes(type))) return;
    if (written === undefined) {
      // The chart default "" is what the user left; advice only, on the block they did write.
      ctx.report({ at: path, severity: 'info', messageId: 'notSet', data: { key, defaults: ctx.defaultsName, loss: whatItLoses(ctx, provider), provider } });
      return;
    }
    if (providerIsSpecial) {
      ctx.report({ at: path, messageId: 'notProviderClient', data: { key, oidcType: show(written), provider, loss: whatItLoses(ctx, provider) } });
    } else {
      // The provider is a generic one, so the type that selects another client is azure or google: a word of the rule's.
      ctx.report({ at: path, messageId: 'otherProviderClient', data: { key, oidcType: show(written), client: type, provider } });
    }
  },
});

function whatItLoses(ctx: RuleContext, provider: string): string {
  return provider === 'azure'
    ? `the generic OIDC client is used: it ignores ${ctx.keyName(['authentication', 'oidcConfiguration', 'tenant'])} and cannot validate the issuer of multi-tenant (common/organizations) sign-ins.`
    : 'the generic OIDC client is used: it does not send access_type=offline, so Google returns no refresh token and the session ends when the first token expires.';
}
