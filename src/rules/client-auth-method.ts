import { defineRule } from './support/rule';
import { show } from './support/message';
import type { Path } from '../types';
import { isOidcBlockRendered } from './support/idp';

/**
 * The code flow authenticates to the token endpoint with clientAuthenticationMethod. The server
 * schema allows client_secret_jwt, but AuthenticationCodeFlowHandler only supports
 * client_secret_post, client_secret_basic, private_key_jwt and none ("Configured authentication
 * method (client_secret_jwt) is not supported."); private_key_jwt needs a private-key configuration
 * the YAML and the chart cannot supply, so the handler's assertNotNull("privateKetJwtConfig") fails
 * (OpenMetadata AuthenticationCodeFlowHandler.java @ 0152299f). The setting exists only in the
 * confidential flow.
 */
const METHOD: Path = ['authentication', 'oidcConfiguration', 'clientAuthenticationMethod'];

/** The message for each method the server cannot use, by the method in lower case. */
const UNUSABLE: ReadonlyMap<string, string> = new Map([
  ['client_secret_jwt', 'clientSecretJwt'],
  ['private_key_jwt', 'privateKeyJwt'],
]);

const INSTEAD =
  'Use client_secret_post (the default) or client_secret_basic, whichever your provider lists in token_endpoint_auth_methods_supported.';

export default defineRule({
  id: 'client-auth-method',
  severity: 'error',
  description: 'clientAuthenticationMethod client_secret_jwt or private_key_jwt, which OpenMetadata cannot use.',
  messages: {
    clientSecretJwt:
      '{{key}} {{method}} cannot be used: the server rejects it ("Configured authentication method ' +
      `(client_secret_jwt) is not supported"). ${INSTEAD}`,
    privateKeyJwt:
      '{{key}} {{method}} cannot be used: it needs a private-key configuration that none of OpenMetadata\'s settings ' +
      `can provide, so the OIDC client fails to start. ${INSTEAD}`,
  },
  check(ctx) {
    if (!ctx.isOidcProvider || !isOidcBlockRendered(ctx)) return;
    const method = ctx.get(METHOD);
    if (typeof method !== 'string') return;
    const messageId = UNUSABLE.get(method.trim().toLowerCase());
    if (!messageId) return; // other values: valid-schema checks the server's enumeration
    ctx.report({ at: METHOD, messageId, data: { key: ctx.keyName(METHOD), method: show(method.trim()) } });
  },
});
