import { defineRule, RuleContext } from './support/rule';
import { stringItems } from './support/helpers';
import { whereIs } from './support/values';
import { show } from './support/message';

/**
 * With `enforcePrincipalDomain: true` the server checks the domain after "@" of the resolved login
 * claim: against `allowedDomains` when that list is non-empty, otherwise against `principalDomain`;
 * principalDomain is not added to allowedDomains implicitly (OpenMetadata
 * SecurityUtil.validateDomainEnforcement). Empty principalDomain with nothing allowed made every login
 * fail with an NPE (PR #30285).
 * A claim without "@" (preferred_username) gets `@principalDomain` appended, so putting it before
 * `email` rejects valid users whose email is on another domain (issues #29488, #29142).
 */
const CLAIM_ORDER_ADVICE = 'users whose real email is on another allowed domain are rejected. Put email first.';

export default defineRule({
  id: 'enforce-principal-domain',
  severity: 'error',
  description: 'enforcePrincipalDomain with nothing to enforce, or settings that lock out valid users.',
  messages: {
    nothingToEnforce:
      'enforcePrincipalDomain is true ({{enforceWhere}}) but principalDomain is empty and allowedDomains lists nothing, so no ' +
      'login can pass the domain check. Set principalDomain to your email domain.',
    principalDomainNotAllowed:
      'allowedDomains does not contain principalDomain {{principalDomain}} ({{principalDomainWhere}}); with enforcePrincipalDomain ' +
      'only allowedDomains count, so users of that domain (and names completed with it) are rejected. Add it.',
    usernameBeforeEmail:
      'jwtPrincipalClaims puts preferred_username before email while enforcePrincipalDomain is true: a user name without "@" ' +
      `is completed with "@" and principalDomain {{principalDomain}}, and ${CLAIM_ORDER_ADVICE}`,
    usernameBeforeEmailNoDomain:
      'jwtPrincipalClaims puts preferred_username before email while enforcePrincipalDomain is true: a user name without "@" ' +
      `is completed with "@principalDomain" and ${CLAIM_ORDER_ADVICE}`,
  },
  check(ctx) {
    if (ctx.get(['authorizer', 'enforcePrincipalDomain']) !== true) return;
    const principalDomain = String(ctx.effective(['authorizer', 'principalDomain']) ?? '').trim();
    const allowed = stringItems(ctx.effective(['authorizer', 'allowedDomains'])).map(({ item }) => item.trim().toLowerCase());
    if (principalDomain === '' && allowed.length === 0) {
      ctx.report({
        at: ['authorizer', 'principalDomain'],
        messageId: 'nothingToEnforce',
        data: { enforceWhere: whereIs(ctx, ['authorizer', 'enforcePrincipalDomain']) },
      });
      return;
    }
    if (principalDomain !== '' && allowed.length > 0 && !allowed.includes(principalDomain.toLowerCase())) {
      ctx.report({
        at: ['authorizer', 'allowedDomains'],
        target: 'key',
        severity: 'warn',
        messageId: 'principalDomainNotAllowed',
        data: { principalDomain: show(principalDomain), principalDomainWhere: whereIs(ctx, ['authorizer', 'principalDomain']) },
      });
    }
    reportClaimOrder(ctx, principalDomain);
  },
});

/** Only tokens from the identity provider go through the claims list; a mapping replaces it. */
function reportClaimOrder(ctx: RuleContext, principalDomain: string): void {
  if (!ctx.isOidcProvider) return;
  const mapping = ctx.effective(['authentication', 'jwtPrincipalClaimsMapping']);
  if (Array.isArray(mapping) && mapping.length > 0) return;
  const claims = stringItems(ctx.effective(['authentication', 'jwtPrincipalClaims'])).map(({ item }) => item.trim().toLowerCase());
  const username = claims.indexOf('preferred_username');
  const email = claims.indexOf('email');
  if (username < 0 || (email >= 0 && email < username)) return;
  const written = ctx.get(['authentication', 'jwtPrincipalClaims']) !== undefined;
  const at = written ? ['authentication', 'jwtPrincipalClaims'] : ['authorizer', 'enforcePrincipalDomain'];
  if (principalDomain === '') {
    ctx.report({ at, target: 'key', severity: 'warn', messageId: 'usernameBeforeEmailNoDomain' });
  } else {
    ctx.report({ at, target: 'key', severity: 'warn', messageId: 'usernameBeforeEmail', data: { principalDomain: show(principalDomain) } });
  }
}
