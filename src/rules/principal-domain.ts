import { defineRule, RuleContext } from './support/rule';
import { show } from './support/helpers';
import { isExternalIdentityProvider } from './support/values';

/**
 * principalDomain builds `<name>@<principalDomain>` for the admins and bots created at start and for
 * users whose token claim has no `@` (OpenMetadata SecurityUtil, DefaultAuthorizer). A scheme, a
 * path, an `@` or a list of domains makes every such email invalid (OpenMetadata #3757:
 * `400 email must match "^\S+@\S+\.\S+$"` for "abc.org, xyz.org"); empty breaks domain enforcement
 * (PR #30285) and the server's own validation ("Principal domain is required", SystemRepository). The chart default `open-metadata.org` is a placeholder:
 * with an external identity provider the admins it creates get emails nobody owns.
 */
const BARE_DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}[a-z0-9]$/i;
const CHART_DEFAULT = 'open-metadata.org';
/** Reserved for documentation (RFC 2606); the LDAP docs page ships principalDomain "example.com". */
const EXAMPLE_DOMAIN = /^(.+\.)?example\.(com|org|net)$/i;

export default defineRule({
  id: 'principal-domain',
  severity: 'error',
  description: 'principalDomain that is not a bare email domain, or still the chart placeholder with SSO.',
  check(ctx) {
    const written = ctx.get(['authorizer', 'principalDomain']);
    if (written === undefined) {
      reportDefault(ctx, false);
      return;
    }
    if (typeof written !== 'string') return; // valid-schema's finding
    const domain = written.trim();
    if (domain === '') {
      // With enforcePrincipalDomain and no allowedDomains, enforce-principal-domain reports it.
      if (!enforcesOnPrincipalDomain(ctx)) {
        ctx.report({
          at: ['authorizer', 'principalDomain'],
          message:
            'principalDomain is empty: the server falls back to "openmetadata.org" for admin and bot emails, newer servers ' +
            'reject logins whose claim has no "@", and saving SSO settings fails ("Principal domain is required"). Write your email domain.',
        });
      }
      return;
    }
    const problem = shapeProblem(domain);
    if (problem) {
      ctx.report({
        at: ['authorizer', 'principalDomain'],
        message: `${show(written)} ${problem}: OpenMetadata builds emails as <name>@<principalDomain>, which then fail validation. ${fixFor(domain)}`,
      });
      return;
    }
    if (domain.toLowerCase() === CHART_DEFAULT) reportDefault(ctx, true);
    else if (EXAMPLE_DOMAIN.test(domain)) {
      ctx.report({
        at: ['authorizer', 'principalDomain'],
        severity: 'warn',
        message: `principalDomain "${domain}" is a documentation example domain; admins and bots would get emails nobody owns. Set it to your email domain.`,
      });
    }
  },
});

function shapeProblem(domain: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain)) return 'has a URL scheme';
  if (/[,;\s]/.test(domain)) return 'is a list, but principalDomain takes one domain';
  if (domain.includes('@')) return 'contains "@"';
  if (domain.includes('/')) return 'contains a path';
  if (!BARE_DOMAIN.test(domain)) return 'is not a domain name like "acme.io"';
  return undefined;
}

function fixFor(domain: string): string {
  if (/[,;\s]/.test(domain)) {
    return 'Keep one domain here and list all of them in authorizer.allowedDomains.';
  }
  const host = domain.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^.*@/, '').replace(/[/:].*$/, '');
  return BARE_DOMAIN.test(host) ? `Write "${host.toLowerCase()}".` : 'Write the bare domain of your users\' emails, e.g. "acme.io".';
}

function enforcesOnPrincipalDomain(ctx: RuleContext): boolean {
  const allowed = ctx.effective(['authorizer', 'allowedDomains']);
  return ctx.effective(['authorizer', 'enforcePrincipalDomain']) === true && !(Array.isArray(allowed) && allowed.length > 0);
}

/** The placeholder only matters when users come from an identity provider with their own email domain. */
function reportDefault(ctx: RuleContext, written: boolean): void {
  if (!isExternalIdentityProvider(ctx.provider)) return;
  ctx.report({
    at: ['authorizer', 'principalDomain'],
    severity: written ? 'warn' : 'info',
    message:
      `principalDomain is ${written ? 'still' : 'left at'} the chart placeholder "${CHART_DEFAULT}" ` +
      `with provider ${ctx.provider}: admins are created as <name>@${CHART_DEFAULT}, an address your users do not have. ` +
      'Set it to your email domain.',
  });
}
