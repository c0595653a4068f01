import { defineRule, RuleContext } from './support/rule';
import { show } from './support/message';
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

const EMAILS_FAIL = 'OpenMetadata builds emails as <name>@<principalDomain>, which then fail validation.';
const PLACEHOLDER_WITH_PROVIDER =
  `the chart placeholder "${CHART_DEFAULT}" with provider {{provider}}: admins are created as <name>@${CHART_DEFAULT}, ` +
  'an address your users do not have. Set it to your email domain.';

export default defineRule({
  id: 'principal-domain',
  severity: 'error',
  description: 'principalDomain that is not a bare email domain, or still the chart placeholder with SSO.',
  messages: {
    empty:
      'principalDomain is empty: the server falls back to "openmetadata.org" for admin and bot emails, newer servers ' +
      'reject logins whose claim has no "@", and saving SSO settings fails ("Principal domain is required"). Write your email domain.',
    notBareWriteHost: `{{value}} {{problem}}: ${EMAILS_FAIL} Write {{host}}.`,
    notBareList: `{{value}} {{problem}}: ${EMAILS_FAIL} Keep one domain here and list all of them in authorizer.allowedDomains.`,
    notBare: `{{value}} {{problem}}: ${EMAILS_FAIL} Write the bare domain of your users' emails, e.g. "acme.io".`,
    exampleDomain:
      'principalDomain {{domain}} is a documentation example domain; admins and bots would get emails nobody owns. Set it to your email domain.',
    placeholderWritten: `principalDomain is still ${PLACEHOLDER_WITH_PROVIDER}`,
    placeholderDefault: `principalDomain is left at ${PLACEHOLDER_WITH_PROVIDER}`,
  },
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
      if (!enforcesOnPrincipalDomain(ctx)) ctx.report({ at: ['authorizer', 'principalDomain'], messageId: 'empty' });
      return;
    }
    const problem = shapeProblem(domain);
    if (problem) {
      reportShape(ctx, written, problem);
      return;
    }
    if (domain.toLowerCase() === CHART_DEFAULT) reportDefault(ctx, true);
    else if (EXAMPLE_DOMAIN.test(domain)) {
      ctx.report({ at: ['authorizer', 'principalDomain'], severity: 'warn', messageId: 'exampleDomain', data: { domain: show(domain) } });
    }
  },
});

/** What is wrong with the domain's shape, as the rest of a sentence about it; undefined when it is a bare domain. */
function shapeProblem(domain: string): string | undefined {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain)) return 'has a URL scheme';
  if (/[,;\s]/.test(domain)) return 'is a list, but principalDomain takes one domain';
  if (domain.includes('@')) return 'contains "@"';
  if (domain.includes('/')) return 'contains a path';
  if (!BARE_DOMAIN.test(domain)) return 'is not a domain name like "acme.io"';
  return undefined;
}

/** The advice names the domain to write when one can be cut out of the value (`https://acme.io/x` → acme.io). */
function reportShape(ctx: RuleContext, written: string, problem: string): void {
  const at = ['authorizer', 'principalDomain'];
  const domain = written.trim();
  if (/[,;\s]/.test(domain)) {
    ctx.report({ at, messageId: 'notBareList', data: { value: show(written), problem } });
    return;
  }
  const host = domain.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^.*@/, '').replace(/[/:].*$/, '');
  if (BARE_DOMAIN.test(host)) {
    ctx.report({ at, messageId: 'notBareWriteHost', data: { value: show(written), problem, host: show(host.toLowerCase()) } });
  } else {
    ctx.report({ at, messageId: 'notBare', data: { value: show(written), problem } });
  }
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
    messageId: written ? 'placeholderWritten' : 'placeholderDefault',
    // The provider is a value of the chart's enumeration (okta, azure…), never a secret: it goes in as it is.
    data: { provider: ctx.provider },
  });
}
