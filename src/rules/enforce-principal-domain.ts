import { defineRule, RuleContext } from './support/rule';
import { stringItems } from './support/helpers';
import { whereIs } from './support/values';

/**
 * With `enforcePrincipalDomain: true` the server checks the domain after "@" of the resolved login
 * claim: against `allowedDomains` when that list is non-empty, otherwise against `principalDomain`;
 * principalDomain is not added to allowedDomains implicitly (OpenMetadata
 * SecurityUtil.validateDomainEnforcement). Empty principalDomain with nothing allowed made every login
 * fail with an NPE (PR #30285).
 * A claim without "@" (preferred_username) gets `@principalDomain` appended, so putting it before
 * `email` rejects valid users whose email is on another domain (issues #29488, #29142).
 */
export default defineRule({
  id: 'enforce-principal-domain',
  severity: 'error',
  description: 'enforcePrincipalDomain with nothing to enforce, or settings that lock out valid users.',
  check(ctx) {
    if (ctx.get(['authorizer', 'enforcePrincipalDomain']) !== true) return;
    const principalDomain = String(ctx.effective(['authorizer', 'principalDomain']) ?? '').trim();
    const allowed = stringItems(ctx.effective(['authorizer', 'allowedDomains'])).map(({ item }) => item.trim().toLowerCase());
    if (principalDomain === '' && allowed.length === 0) {
      ctx.report({
        at: ['authorizer', 'principalDomain'],
        message:
          `enforcePrincipalDomain is true (${whereIs(ctx, ['authorizer', 'enforcePrincipalDomain'])}) but principalDomain is empty and ` +
          'allowedDomains lists nothing, so no login can pass the domain check. Set principalDomain to your email domain.',
      });
      return;
    }
    if (principalDomain !== '' && allowed.length > 0 && !allowed.includes(principalDomain.toLowerCase())) {
      ctx.report({
        at: ['authorizer', 'allowedDomains'],
        target: 'key',
        severity: 'warn',
        message:
          `allowedDomains does not contain principalDomain "${principalDomain}" (${whereIs(ctx, ['authorizer', 'principalDomain'])}); ` +
          'with enforcePrincipalDomain only allowedDomains count, so users of that domain (and names completed with it) are rejected. Add it.',
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
  ctx.report({
    at: written ? ['authentication', 'jwtPrincipalClaims'] : ['authorizer', 'enforcePrincipalDomain'],
    target: 'key',
    severity: 'warn',
    message:
      `jwtPrincipalClaims puts preferred_username before email while enforcePrincipalDomain is true: a user name without "@" ` +
      `is completed with "@${principalDomain || 'principalDomain'}" and users whose real email is on another allowed domain are rejected. ` +
      'Put email first.',
  });
}
