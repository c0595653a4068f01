import { defineRule, RuleContext } from './support/rule';
import type { Severity } from '../types';
import { show } from './support/message';
import { GUID, isTemplated } from './support/idp';
import { hasSsoValidator } from './support/server-release';

/**
 * `authentication.clientId` is the application id the browser signs in with (public clients) and a
 * required field of the server's validation from 1.10 ("Client ID is required", OpenMetadata SystemRepository). Its shape
 * is fixed per provider: Azure application ids are GUIDs and Google ids end in
 * .apps.googleusercontent.com (both checked by the server validators), Auth0 ids are long (the
 * Auth0 validator rejects fewer than 10 characters); Okta ids look like ^[0-9a-zA-Z]{20,}$, which
 * the Okta validator only logs, so that one is advice.
 */
export default defineRule({
  id: 'client-id-format',
  severity: 'warn',
  description: 'authentication.clientId is empty or not shaped like a client id of the provider.',
  messages: {
    missing:
      '{{key}} is {{state}}: the browser cannot start the sign-in at {{provider}}{{rejected}}. ' +
      'Set it to the application (client) id registered at {{provider}}.',
    missingConfidential:
      '{{key}} is {{state}}: with a confidential client the server starts the sign-in with {{oidcKey}}, but it still ' +
      'requires {{key}} and rejects the configuration when it is saved or validated ("Client ID is required"). Set it to ' +
      'the same application (client) id registered at {{provider}}.',
    azure:
      '{{key}} {{clientId}} is not a GUID: Azure application (client) ids are GUIDs, and AzureAuthValidator rejects anything ' +
      'else. Copy the "Application (client) ID" from the app registration.',
    google:
      '{{key}} {{clientId}} does not end in ".apps.googleusercontent.com": Google OAuth client ids always do, and ' +
      'GoogleAuthValidator rejects it ("Invalid client Id").',
    auth0:
      '{{key}} {{clientId}} is too short for an Auth0 client id (the Auth0 validator needs at least 10 characters); copy the ' +
      'Client ID from the Auth0 application.',
    okta:
      '{{key}} {{clientId}} does not look like an Okta client id (20 or more letters and digits, e.g. 0oa1bcdefg2hijklmn3o4); ' +
      'check it against the Okta application.',
  },
  check(ctx) {
    if (!ctx.isOidcProvider) return;
    const path = ['authentication', 'clientId'];
    const clientId = ctx.get(path);
    if (clientId === undefined || clientId === null || (typeof clientId === 'string' && clientId.trim() === '')) {
      // The provider is one of the OIDC provider names (isOidcProvider), printed bare as before.
      const data = { key: ctx.keyName(path), state: clientId === undefined ? 'not set' : 'empty', provider: ctx.provider };
      // A confidential client signs in through the server's code flow, with oidcConfiguration's client id
      // (AuthServeletHandlerFactory.java @ 4a4ca905); the browser starts nothing.
      if (ctx.clientType === 'confidential') {
        // Only the SSO validator (1.10+) asks for it: older servers sign a confidential client in without it.
        if (!hasSsoValidator(ctx)) return;
        ctx.report({ at: path, messageId: 'missingConfidential', data: { ...data, oidcKey: ctx.keyName(['authentication', 'oidcConfiguration', 'clientId']) } });
      } else {
        const rejected = hasSsoValidator(ctx) ? ' and the server rejects the configuration ("Client ID is required")' : '';
        ctx.report({ at: path, messageId: 'missing', data: { ...data, rejected } });
      }
      return;
    }
    if (typeof clientId !== 'string') return; // valid-schema reports the type
    const id = clientId.trim();
    if (isTemplated(id)) return; // no-placeholders reports it
    const problem = problemOf(ctx, id);
    if (problem) ctx.report({ at: path, messageId: problem.messageId, data: { key: ctx.keyName(path), clientId: show(id) }, severity: problem.severity });
  },
});

/** Which message a client id that does not fit the provider gets (the message id is the provider's name). */
function problemOf(ctx: RuleContext, id: string): { messageId: string; severity?: Severity } | undefined {
  switch (ctx.provider) {
    case 'azure':
      return GUID.test(id) ? undefined : { messageId: 'azure' };
    case 'google':
      return id.endsWith('.apps.googleusercontent.com') ? undefined : { messageId: 'google' };
    case 'auth0':
      return id.length >= 10 ? undefined : { messageId: 'auth0' };
    case 'okta':
      return /^[0-9a-zA-Z]{20,}$/.test(id) ? undefined : { messageId: 'okta', severity: 'info' };
    default:
      return undefined;
  }
}
