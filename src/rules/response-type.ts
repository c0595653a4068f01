import { defineRule, RuleContext } from './support/rule';
import { show } from './support/message';
import { mention } from './support/mention';
import { describeServer } from './support/server-release';
import { AUTH_CONFIG_DROPS_RESPONSE_TYPE_SINCE, RESPONSE_TYPE_FIX } from '../knowledge/security-config';
import { compareVersions, isAtLeast } from '../knowledge/versions';
import type { Path } from '../types';

/**
 * How a public client's browser signs in, which `authentication.responseType` chooses (`id_token`:
 * the implicit flow; `code`: the authorization code flow).
 *
 * - The login page reads it from `GET /api/v1/system/config/auth`. From 1.10.1,
 *   `ConfigResource.getAuthConfig` builds a fresh AuthenticationConfiguration and copies only
 *   provider, providerName, clientType, enableSelfSignup, the claims, clientId, authority and
 *   callbackUrl from the stored one, so `responseType` stays the schema default `id_token` whatever
 *   is configured: a public client set to `code` gets the implicit flow, and a provider that allows
 *   only the code flow (Cognito) sends users back to the sign-in page (OpenMetadata #29597, likely
 *   #28062 case B with Keycloak on 1.12). PR #31516 (merged 2026-08-14) copies it; every release
 *   omlint knows (up to 1.13.1, 2026-06-27) predates it, and the first release carrying it was not
 *   found, so for a later version the message says so.
 * - `oidcConfiguration.responseType` (`OIDC_RESPONSE_TYPE`) configures the server's code flow of a
 *   confidential client only; for a public client it changes nothing, the browser reads
 *   `authentication.responseType` (`AUTHENTICATION_RESPONSE_TYPE`; OpenMetadata #23999, #30903).
 */
const RESPONSE_TYPE: Path = ['authentication', 'responseType'];
const OIDC_RESPONSE_TYPE: Path = ['authentication', 'oidcConfiguration', 'responseType'];

const IMPLICIT =
  '{{key}} is "code", but {{server}} serves the login page responseType "id_token" from GET /api/v1/system/config/auth whatever is ' +
  'configured, so the browser runs the implicit flow: a provider that allows only the code flow sends users back to the sign-in ' +
  'page (OpenMetadata #29597, #28062).';
const IMPLICIT_UNKNOWN =
  '{{key}} is "code", but from 1.10.1 OpenMetadata serves the login page responseType "id_token" from GET /api/v1/system/config/auth ' +
  'whatever is configured, until PR #31516 (merged 2026-08-14): the browser then runs the implicit flow, and a provider that allows ' +
  'only the code flow sends users back to the sign-in page (OpenMetadata #29597, #28062). omlint does not know which release first ' +
  'carries the fix, nor whether {{server}} does: check its release notes.';
const UNTIL = 'Until then allow the implicit flow (ID token) for this client at the provider, or use a confidential client.';

export default defineRule({
  id: 'response-type',
  severity: 'warn',
  description: "A public client's responseType that does not choose the flow it seems to: code served as the implicit flow (1.10.1 until PR #31516), or oidcConfiguration.responseType, which a public client never reads.",
  messages: {
    implicitServed: `${IMPLICIT} The fix, PR #31516 (merged 2026-08-14), is in no release up to ${RESPONSE_TYPE_FIX.lastWithout}. ${UNTIL}`,
    implicitServedUnknown:
      `${IMPLICIT_UNKNOWN} Without it, allow the implicit flow (ID token) for this client at the provider, or use a confidential client.`,
    oidcIgnored:
      '{{key}} is {{value}}, but it only configures the server\'s code flow of a confidential client: this public client signs in ' +
      'in the browser, which reads {{authKey}}, so {{key}} has no effect (OpenMetadata #23999). Set {{authKeyName}} instead.',
  },
  check(ctx) {
    if (!ctx.isOidcProvider || ctx.clientType !== 'public') return;
    checkServedFlow(ctx);
    checkOidcResponseType(ctx);
  },
});

function checkServedFlow(ctx: RuleContext): void {
  if (ctx.effective(RESPONSE_TYPE) !== 'code') return;
  const version = ctx.server.version;
  if (!isAtLeast(version, AUTH_CONFIG_DROPS_RESPONSE_TYPE_SINCE)) return;
  const fixedIn = RESPONSE_TYPE_FIX.release;
  if (fixedIn !== undefined && isAtLeast(version, fixedIn)) return;
  const known = compareVersions(version, RESPONSE_TYPE_FIX.lastWithout) <= 0;
  const data = { key: ctx.keyName(RESPONSE_TYPE), server: describeServer(ctx) };
  ctx.report({ at: RESPONSE_TYPE, messageId: known || fixedIn !== undefined ? 'implicitServed' : 'implicitServedUnknown', data });
}

/**
 * Only a value the user set counts: the stock openmetadata.yaml's `${OIDC_RESPONSE_TYPE:-"code"}`
 * (also what an export of it holds) and the chart's default are nobody's choice. Equal to what the browser reads, it changes nothing
 * either way.
 */
function checkOidcResponseType(ctx: RuleContext): void {
  const written = ctx.get(OIDC_RESPONSE_TYPE);
  if (typeof written !== 'string' || written.trim() === '') return;
  if (ctx.origin(OIDC_RESPONSE_TYPE)?.env?.source === 'substitution-default') return;
  // An export holds what the stock openmetadata.yaml stored, "code" included: nobody's choice either.
  if (ctx.model.securityExport && written.trim() === 'code') return;
  if (written.trim() === ctx.effective(RESPONSE_TYPE)) return;
  ctx.report({
    at: OIDC_RESPONSE_TYPE,
    messageId: 'oidcIgnored',
    data: { key: ctx.keyName(OIDC_RESPONSE_TYPE), value: show(written), authKey: mention(ctx, RESPONSE_TYPE), authKeyName: ctx.keyName(RESPONSE_TYPE) },
  });
}
