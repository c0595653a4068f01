import { defineRule, RuleContext } from './support/rule';
import { show } from './support/helpers';
import { GUID, isTemplated } from './support/idp';

/**
 * `authentication.clientId` is the application id the browser signs in with (public clients) and a
 * required field of the server's validation ("Client ID is required", OpenMetadata SystemRepository). Its shape
 * is fixed per provider: Azure application ids are GUIDs and Google ids end in
 * .apps.googleusercontent.com (both checked by the server validators), Auth0 ids are long (the
 * Auth0 validator rejects fewer than 10 characters); Okta ids look like ^[0-9a-zA-Z]{20,}$, which
 * the Okta validator only logs, so that one is advice.
 */
export default defineRule({
  id: 'client-id-format',
  severity: 'warn',
  description: 'authentication.clientId is empty or not shaped like a client id of the provider.',
  check(ctx) {
    if (!ctx.isOidcProvider) return;
    const path = ['authentication', 'clientId'];
    const clientId = ctx.get(path);
    if (clientId === undefined || clientId === null || (typeof clientId === 'string' && clientId.trim() === '')) {
      ctx.report({
        at: path,
        message:
          `clientId is ${clientId === undefined ? 'not set' : 'empty'}: the browser cannot start the sign-in at ${ctx.provider} ` +
          'and the server rejects the configuration ("Client ID is required"). Set it to the application (client) id ' +
          `registered at ${ctx.provider}.`,
      });
      return;
    }
    if (typeof clientId !== 'string') return; // valid-schema reports the type
    const id = clientId.trim();
    if (isTemplated(id)) return; // no-placeholders reports it
    const problem = problemOf(ctx, id);
    if (problem) ctx.report({ at: path, message: problem.message, severity: problem.severity });
  },
});

function problemOf(ctx: RuleContext, id: string): { message: string; severity?: 'info' } | undefined {
  switch (ctx.provider) {
    case 'azure':
      return GUID.test(id)
        ? undefined
        : { message: `clientId ${show(id)} is not a GUID: Azure application (client) ids are GUIDs, and AzureAuthValidator rejects anything else. Copy the "Application (client) ID" from the app registration.` };
    case 'google':
      return id.endsWith('.apps.googleusercontent.com')
        ? undefined
        : { message: `clientId ${show(id)} does not end in ".apps.googleusercontent.com": Google OAuth client ids always do, and GoogleAuthValidator rejects it ("Invalid client Id").` };
    case 'auth0':
      return id.length >= 10
        ? undefined
        : { message: `clientId ${show(id)} is too short for an Auth0 client id (the Auth0 validator needs at least 10 characters); copy the Client ID from the Auth0 application.` };
    case 'okta':
      return /^[0-9a-zA-Z]{20,}$/.test(id)
        ? undefined
        : { severity: 'info', message: `clientId ${show(id)} does not look like an Okta client id (20 or more letters and digits, e.g. 0oa1bcdefg2hijklmn3o4); check it against the Okta application.` };
    default:
      return undefined;
  }
}
