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
const ENFORCE = ['authorizer', 'enforcePrincipalDomain'];
const PRINCIPAL_DOMAIN = ['authorizer', 'principalDomain'];
const ALLOWED_DOMAINS = ['authorizer', 'allowedDomains'];
const CLAIMS = ['authentication', 'jwtPrincipalClaims'];

export default defineRule({
  id: 'enforce-principal-domain',
  severity: 'error',
  description: 'enforcePrincipalDomain with nothing to enforce, or settings that lock out valid users.',
  messages: {
    nothingToEnforce:
      '{{enforce}} is true ({{enforceWhere}}) but {{principalDomainKey}} is empty and {{allowedDomainsKey}} lists nothing, so no ' +
      'login can pass the domain check. Set {{principalDomainKey}} to your email domain.',
    principalDomainNotAllowed:
      '{{allowedDomainsKey}} does not contain the principal domain {{principalDomain}} ({{principalDomainKey}}, {{principalDomainWhere}}); ' +
      'with {{enforce}} only the allowed domains count, so users of that domain (and names completed with it) are rejected. Add it.',
    usernameBeforeEmail:
      '{{claimsKey}} puts preferred_username before email while {{enforce}} is true: a user name without "@" ' +
      `is completed with "@" and the principal domain {{principalDomain}}, and ${CLAIM_ORDER_ADVICE}`,
    usernameBeforeEmailNoDomain:
      '{{claimsKey}} puts preferred_username before email while {{enforce}} is true: a user name without "@" ' +
      `is completed with "@" and the principal domain ({{principalDomainKey}}), and ${CLAIM_ORDER_ADVICE}`,
  },
  check(ctx) {
    if (ctx.get(ENFORCE) !== true) return;
    const principalDomain = String(ctx.effective(PRINCIPAL_DOMAIN) ?? '').trim();
    const allowed = stringItems(ctx.effective(ALLOWED_DOMAINS)).map(({ item }) => item.trim().toLowerCase());
    if (principalDomain === '' && allowed.length === 0) {
      ctx.report({
        at: PRINCIPAL_DOMAIN,
        messageId: 'nothingToEnforce',
        data: { ...names(ctx), enforceWhere: whereIs(ctx, ENFORCE) },
      });
      return;
    }
    if (principalDomain !== '' && allowed.length > 0 && !allowed.includes(principalDomain.toLowerCase())) {
      ctx.report({
        at: ALLOWED_DOMAINS,
        target: 'key',
        severity: 'warn',
        messageId: 'principalDomainNotAllowed',
        data: { ...names(ctx), principalDomain: show(principalDomain), principalDomainWhere: whereIs(ctx, PRINCIPAL_DOMAIN) },
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
  const claims = stringItems(ctx.effective(CLAIMS)).map(({ item }) => item.trim().toLowerCase());
  const username = claims.indexOf('preferred_username');
  const email = claims.indexOf('email');
  if (username < 0 || (email >= 0 && email < username)) return;
  const at = ctx.get(CLAIMS) !== undefined ? CLAIMS : ENFORCE;
  if (principalDomain === '') {
    ctx.report({ at, target: 'key', severity: 'warn', messageId: 'usernameBeforeEmailNoDomain', data: names(ctx) });
  } else {
    ctx.report({ at, target: 'key', severity: 'warn', messageId: 'usernameBeforeEmail', data: { ...names(ctx), principalDomain: show(principalDomain) } });
  }
}

/** The four settings the messages name, as the file writes them. */
function names(ctx: RuleContext): Record<string, string> {
  return {
    enforce: ctx.keyName(ENFORCE),
    principalDomainKey: ctx.keyName(PRINCIPAL_DOMAIN),
    allowedDomainsKey: ctx.keyName(ALLOWED_DOMAINS),
    claimsKey: ctx.keyName(CLAIMS),
  };
}
