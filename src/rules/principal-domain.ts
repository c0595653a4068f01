import { defineRule, RuleContext } from './support/rule';
import { show } from './support/message';
import { isExternalIdentityProvider } from './support/values';
import { hasSsoValidator } from './support/server-release';

/**
 * principalDomain builds `<name>@<principalDomain>` for the admins and bots created at start and for
 * users whose token claim has no `@` (OpenMetadata SecurityUtil, DefaultAuthorizer). A scheme, a
 * path, an `@` or several domains in the one string make every such email invalid (OpenMetadata #3757:
 * `400 email must match "^\S+@\S+\.\S+$"` for "abc.org, xyz.org"); empty breaks domain enforcement
 * (PR #30285) and the server's own validation ("Principal domain is required", SystemRepository). The
 * chart default `open-metadata.org` (the stock openmetadata.yaml's `openmetadata.org`) is a
 * placeholder: with an external identity provider the admins it creates get emails nobody owns.
 */
const BARE_DOMAIN = /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,62}[a-z0-9]$/i;
/**
 * The chart's default, and the stock openmetadata.yaml's (`${AUTHORIZER_PRINCIPAL_DOMAIN:-"openmetadata.org"}`
 * @ 00cad3d4 and 948f5718; the default admin is admin@openmetadata.org, OpenMetadata #17843):
 * placeholders nobody's email is on.
 */
const PLACEHOLDERS = ['open-metadata.org', 'openmetadata.org'];
/** Reserved for documentation (RFC 2606); the LDAP docs page ships principalDomain "example.com". */
const EXAMPLE_DOMAIN = /^(.+\.)?example\.(com|org|net)$/i;
const PRINCIPAL_DOMAIN = ['authorizer', 'principalDomain'];

const EMAILS_FAIL = 'OpenMetadata builds admin, bot and user emails as <name>@<this domain>, which then fail validation.';
const PLACEHOLDER_WITH_PROVIDER =
  'with provider {{provider}}: admins are created as <name>@{{placeholder}}, an address your users do not have. Set it to your email domain.';

export default defineRule({
  id: 'principal-domain',
  severity: 'error',
  description: 'principalDomain that is not a bare email domain, or still the default placeholder with SSO.',
  messages: {
    empty:
      '{{key}} is empty: the server falls back to "openmetadata.org" for admin and bot emails, newer servers ' +
      'reject logins whose claim has no "@"{{validator}}. Write your email domain.',
    notBareWriteHost: `{{key}} {{value}} {{problem}}: ${EMAILS_FAIL} Write {{host}}.`,
    severalDomains:
      `{{key}} {{value}} is one string naming {{count}} domains, but it takes exactly one: ${EMAILS_FAIL} ` +
      'Keep one domain here and list all of them in {{allowedDomains}}.',
    notBare: `{{key}} {{value}} {{problem}}: ${EMAILS_FAIL} Write the bare domain of your users' emails, e.g. "acme.io".`,
    exampleDomain:
      '{{key}} {{domain}} is a documentation example domain; admins and bots would get emails nobody owns. Set it to your email domain.',
    placeholderWritten: `{{key}} is still the placeholder "{{placeholder}}" ${PLACEHOLDER_WITH_PROVIDER}`,
    placeholderDefault: `{{key}} is not set, so {{defaults}} "{{placeholder}}" applies ${PLACEHOLDER_WITH_PROVIDER}`,
  },
  check(ctx) {
    const written = ctx.get(PRINCIPAL_DOMAIN);
    if (written === undefined) {
      reportDefault(ctx, false);
      return;
    }
    if (typeof written !== 'string') return; // valid-schema's finding
    const domain = written.trim();
    if (domain === '') {
      // With enforcePrincipalDomain and no allowedDomains, enforce-principal-domain reports it.
      // SystemRepository.validateAuthorizerConfiguration (1.10+) refuses every save of Settings > SSO without it.
      const validator = hasSsoValidator(ctx) ? ', and saving SSO settings fails ("Principal domain is required")' : '';
      if (!enforcesOnPrincipalDomain(ctx)) ctx.report({ at: PRINCIPAL_DOMAIN, messageId: 'empty', data: { key: ctx.keyName(PRINCIPAL_DOMAIN), validator } });
      return;
    }
    if (!BARE_DOMAIN.test(domain)) {
      reportShape(ctx, written);
      return;
    }
    if (PLACEHOLDERS.includes(domain.toLowerCase())) reportDefault(ctx, true);
    else if (EXAMPLE_DOMAIN.test(domain)) {
      ctx.report({ at: PRINCIPAL_DOMAIN, severity: 'warn', messageId: 'exampleDomain', data: { key: ctx.keyName(PRINCIPAL_DOMAIN), domain: show(domain) } });
    }
  },
});

/** What is wrong with the shape of a text that is not a bare domain, as the rest of a sentence about it. */
function shapeProblem(domain: string): string {
  if (/^[a-z][a-z0-9+.-]*:\/\//i.test(domain)) return 'has a URL scheme';
  if (domain.includes('@')) return 'contains "@"';
  if (domain.includes('/')) return 'contains a path';
  const separators = [[',', 'a comma'], [';', 'a semicolon'], [' ', 'a space']].filter(([c]) => domain.replace(/\s/g, ' ').includes(c));
  if (separators.length > 0) return `contains ${separators.map(([, word]) => word).join(' and ')}`;
  return 'is not a domain name like "acme.io"';
}

/**
 * The advice names the domain to write when one can be cut out of the value (`https://acme.io/x` →
 * acme.io). A value is always a string here (a YAML list is valid-schema's finding): several
 * domains in it are one string naming them, not a list.
 */
function reportShape(ctx: RuleContext, written: string): void {
  const key = ctx.keyName(PRINCIPAL_DOMAIN);
  const domain = written.trim();
  const parts = domain.split(/[,;\s]+/).filter((part) => part !== '');
  if (parts.length > 1 && parts.every((part) => BARE_DOMAIN.test(part))) {
    const allowedDomains = ctx.keyName(['authorizer', 'allowedDomains']);
    ctx.report({ at: PRINCIPAL_DOMAIN, messageId: 'severalDomains', data: { key, value: show(written), count: parts.length, allowedDomains } });
    return;
  }
  const problem = shapeProblem(domain);
  const host = domain.replace(/^[a-z][a-z0-9+.-]*:\/\//i, '').replace(/^.*@/, '').replace(/[/:].*$/, '');
  if (BARE_DOMAIN.test(host)) {
    ctx.report({ at: PRINCIPAL_DOMAIN, messageId: 'notBareWriteHost', data: { key, value: show(written), problem, host: show(host.toLowerCase()) } });
  } else {
    ctx.report({ at: PRINCIPAL_DOMAIN, messageId: 'notBare', data: { key, value: show(written), problem } });
  }
}

function enforcesOnPrincipalDomain(ctx: RuleContext): boolean {
  const allowed = ctx.effective(['authorizer', 'allowedDomains']);
  return ctx.effective(['authorizer', 'enforcePrincipalDomain']) === true && !(Array.isArray(allowed) && allowed.length > 0);
}

/**
 * The placeholder only matters when users come from an identity provider with their own email
 * domain. Written, it is a warning (the docs' value copied: its admins get emails nobody owns); left
 * to the default, advice.
 */
function reportDefault(ctx: RuleContext, written: boolean): void {
  if (!isExternalIdentityProvider(ctx.provider)) return;
  const value = String(ctx.effective(PRINCIPAL_DOMAIN) ?? '').trim().toLowerCase();
  const placeholder = PLACEHOLDERS.find((candidate) => candidate === value);
  if (!placeholder) return;
  ctx.report({
    at: PRINCIPAL_DOMAIN,
    severity: written ? 'warn' : 'info',
    messageId: written ? 'placeholderWritten' : 'placeholderDefault',
    // The provider is a value of the chart's enumeration (okta, azure…), never a secret, and the
    // placeholder is one of PLACEHOLDERS: both go in as they are.
    data: { key: ctx.keyName(PRINCIPAL_DOMAIN), provider: ctx.provider, placeholder, ...(written ? {} : { defaults: ctx.defaultsName }) },
  });
}
