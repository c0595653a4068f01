import { defineRule } from './support/rule';
import { show } from './support/message';
import type { Path } from '../types';
import { isOidcBlockRendered, isTemplated } from './support/idp';

/**
 * `oidcConfiguration.scope` is sent as the OAuth scope of the server's code flow (OpenMetadata
 * AuthenticationCodeFlowHandler.java @ 0152299f). Without `openid` the provider returns no id token
 * and the server's OIDC client cannot log anyone in. The server keeps a session only while it holds a refresh token
 * (AuthenticationCodeFlowHandler.getUserCredentialsFromSession), and Azure issues one only for the
 * `offline_access` scope, which AzureAuthValidator requires for confidential clients (the v1.8 Azure
 * docs page adds it). Scopes are space-separated.
 */
const SCOPE: Path = ['authentication', 'oidcConfiguration', 'scope'];

export default defineRule({
  id: 'oidc-scope',
  severity: 'error',
  description: 'oidcConfiguration.scope lacks openid, or offline_access for an Azure confidential client.',
  messages: {
    noOpenid:
      '{{key}} {{scope}} does not request "openid", so no id token comes back and the server cannot sign anyone in.{{commas}} ' +
      'Use "openid email profile"{{azureScope}}.',
    noOfflineAccess:
      '{{key}} {{scope}}{{defaulted}} lacks offline_access, so Azure issues no refresh token: the server drops the session when ' +
      "the first token expires and OpenMetadata's Azure validator rejects the configuration. Use {{scopes}}.",
  },
  check(ctx) {
    if (!ctx.isOidcProvider || !isOidcBlockRendered(ctx)) return;
    const written = ctx.get(SCOPE);
    if (written !== undefined && typeof written !== 'string') return; // valid-schema reports the type
    if (typeof written === 'string' && isTemplated(written)) return;
    const scope = typeof written === 'string' ? written : String(ctx.effective(SCOPE) ?? '');
    const scopes = scope.trim().split(/\s+/).filter(Boolean);
    if (!scopes.includes('openid')) {
      ctx.report({
        at: SCOPE,
        messageId: 'noOpenid',
        data: {
          key: ctx.keyName(SCOPE),
          scope: show(scope),
          commas: /,/.test(scope) ? ' Scopes are separated by spaces, not commas.' : '',
          azureScope: ctx.provider === 'azure' ? ' offline_access' : '',
        },
      });
      return;
    }
    if (ctx.provider !== 'azure' || scopes.includes('offline_access')) return;
    // An error whether written or left at the default "openid email profile": OpenMetadata's Azure
    // docs never wrote scope until PR #22070 added offline_access, "necessary to get Azure SSO working".
    ctx.report({
      at: SCOPE,
      messageId: 'noOfflineAccess',
      data: {
        key: ctx.keyName(SCOPE),
        scope: show(scope),
        defaulted: written === undefined ? ` (${ctx.defaultsName})` : '',
        // The user's scopes with offline_access added: their text, shown.
        scopes: show([...scopes, 'offline_access'].join(' ')),
      },
    });
  },
});
