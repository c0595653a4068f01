import { defineRule, RuleContext } from './support/rule';
import { stringItems } from './support/helpers';
import { setting, whereIs } from './support/values';

/**
 * LDAP: a user who passes the LDAP bind but has no OpenMetadata account yet is created only when
 * `enableSelfSignup` is true; with false the login fails ("Self Signup is not enabled. Please contact
 * your Administrator", LdapAuthenticator; issue #18430). The 2022 docs' "has to be false for LDAP"
 * (PR #8804) is outdated; since PR #15280 false merely hides the
 * sign-up UI, which some sites want, so this is a warning that explains the trade-off.
 * SSO: `allowedEmailRegistrationDomains: [all]` with self sign-up lets anyone the identity provider
 * authenticates create an account (SecurityUtil.isEmailRegistrationDomainAllowed).
 */
export default defineRule({
  id: 'self-signup',
  severity: 'warn',
  description: 'LDAP without self sign-up (new users cannot log in), or SSO open to every account of the IdP.',
  messages: {
    ldapWithoutSelfSignup:
      'With provider ldap and {{setting}}, directory users who have no OpenMetadata account yet cannot log in ' +
      '("Self Signup is not enabled") until an admin creates them. If that is deliberate, keep it and disable this rule ' +
      'for the line (# omlint-disable-line self-signup); otherwise set it to true (the old docs advice "must be false for LDAP" is outdated).',
    allOverridesOthers:
      '{{domainsKey}} contains "all", so the other entries ({{others}}) restrict nothing; remove "all" to allow only them.',
    openToAll:
      'Self sign-up ({{selfSignupKey}}) is on ({{selfSignupWhere}}) and {{domainsKey}} is "all" ({{domainsWhere}}): every account ' +
      '{{provider}} authenticates can create an OpenMetadata user. List your email domains there to limit who can join.',
  },
  check(ctx) {
    const selfSignup = ctx.effective(['authentication', 'enableSelfSignup']);
    if (ctx.provider === 'ldap') {
      if (ctx.get(['authentication', 'enableSelfSignup']) === false) {
        const path = ['authentication', 'enableSelfSignup'];
        ctx.report({ at: path, messageId: 'ldapWithoutSelfSignup', data: { setting: setting(ctx, path, 'false') } });
      }
      return;
    }
    if (ctx.isOidcProvider || ctx.provider === 'saml') {
      if (selfSignup === true) reportOpenRegistration(ctx);
    }
  },
});

function reportOpenRegistration(ctx: RuleContext): void {
  const domains = stringItems(ctx.effective(['authorizer', 'allowedEmailRegistrationDomains'])).map(({ item }) => item.trim().toLowerCase());
  if (!domains.includes('all')) return;
  const path = ['authorizer', 'allowedEmailRegistrationDomains'];
  const at = ctx.get(path) !== undefined ? path : ['authentication', 'enableSelfSignup'];
  const others = domains.filter((domain) => domain !== 'all');
  if (others.length > 0) {
    // Email domains are names, not values that could be secrets: the list goes in as it is.
    ctx.report({ at, target: 'key', severity: 'info', messageId: 'allOverridesOthers', data: { domainsKey: ctx.keyName(path), others: others.join(', ') } });
    return;
  }
  ctx.report({
    at,
    target: 'key',
    severity: 'info',
    messageId: 'openToAll',
    // The provider is a value of the chart's enumeration (okta, azure…), never a secret: it goes in as it is.
    data: {
      selfSignupKey: ctx.keyName(['authentication', 'enableSelfSignup']),
      domainsKey: ctx.keyName(path),
      selfSignupWhere: whereIs(ctx, ['authentication', 'enableSelfSignup']),
      domainsWhere: whereIs(ctx, path),
      provider: ctx.provider,
    },
  });
}
