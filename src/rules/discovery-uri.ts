import { defineRule, RuleContext } from './support/rule';
import { show } from './support/helpers';
import { DISCOVERY_SUFFIX, hasPlaceholder, httpUrlProblem, isInternalHost, maskPlaceholders, trimTrailingSlashes, usableHttpUrl } from './support/om-urls';
import { usesCodeFlow } from './support/public-urls';
import { mention } from './support/mention';
import type { Path } from '../types';

/**
 * The confidential code flow (pac4j) reads the IdP's endpoints and keys from the discovery document;
 * without it "You must define either the discovery URL or directly the provider metadata". The URL
 * is `<issuer>/.well-known/openid-configuration` of the same issuer as `authority`; Azure's must
 * name the tenant, `https://login.microsoftonline.com/{tenant}[/v2.0]/.well-known/openid-configuration`
 * (OpenMetadata AzureAuthValidator, OktaAuthValidator, CustomOidcValidator). OpenMetadata's Azure
 * Kubernetes docs page ships a tenant-less URI, and its Okta page an `http://` prefix before an issuer
 * URL that already has a scheme (test/corpus/docs/v1.10.x-SNAPSHOT/azure-authcode.yaml, okta-authcode.yaml). Plain http is accepted for hosts inside the cluster or on localhost.
 */
const DISCOVERY: Path = ['authentication', 'oidcConfiguration', 'discoveryUri'];
const AUTHORITY: Path = ['authentication', 'authority'];
const AZURE_HOST = 'login.microsoftonline.com';

/** Authorization endpoints people paste as authority; authority-format reports those, not this rule. */
const AUTHORIZE_ENDPOINT = /^\/(protocol\/openid-connect\/auth|(oauth2\/)?(v[12](\.0)?\/)?authorize)$/;

export default defineRule({
  id: 'discovery-uri',
  severity: 'error',
  description: "The confidential client's discoveryUri is missing, not https, not a discovery document, or of another issuer.",
  check(ctx) {
    if (!usesCodeFlow(ctx)) return;
    const written = ctx.get(DISCOVERY);
    const value = written !== undefined ? written : ctx.effective(DISCOVERY);
    if (value === null || (value !== undefined && typeof value !== 'string')) return; // valid-schema's finding
    if (value === undefined || value.trim() === '') {
      reportMissing(ctx, written === undefined);
      return;
    }
    const text = maskPlaceholders(value);
    if (text === undefined) return; // starts with a placeholder: no-placeholders
    const problem = httpUrlProblem(text);
    if (problem) {
      report(ctx, `oidcConfiguration.discoveryUri ${show(value)} is not an absolute URL (${problem}). Write ${expected(ctx)}.`);
      return;
    }
    const url = new URL(text);
    if (url.protocol === 'http:' && !isInternalHost(url.hostname)) {
      const prefixHint = hasPlaceholder(value)
        ? ' If the placeholder already holds "https://", drop the "http://" in front of it.'
        : ` Write "${value.trim().replace(/^http:/i, 'https:')}".`;
      report(ctx, `oidcConfiguration.discoveryUri ${show(value)} uses http://: the IdP serves its discovery document over https and the code flow fails to load it.${prefixHint}`);
      return;
    }
    const path = trimTrailingSlashes(url.pathname);
    if (!path.endsWith(DISCOVERY_SUFFIX)) {
      report(ctx, `oidcConfiguration.discoveryUri ${show(value)} does not end in "${DISCOVERY_SUFFIX}", so it is not a discovery document. Write ${expected(ctx)}.`);
      return;
    }
    if (hasPlaceholder(value)) return;
    if (url.hostname.toLowerCase() === AZURE_HOST) checkAzureTenant(ctx, value, url, path);
    else checkIssuer(ctx, value, url, path);
  },
});

function report(ctx: RuleContext, message: string): void {
  ctx.report({ at: DISCOVERY, message });
}

function reportMissing(ctx: RuleContext, unset: boolean): void {
  ctx.report({
    at: DISCOVERY,
    target: unset ? 'key' : 'value',
    message:
      `oidcConfiguration.discoveryUri is ${unset ? 'not set' : 'empty'} for a confidential client: the code flow cannot find the ` +
      `identity provider's endpoints and login fails. Write ${expected(ctx)}.`,
  });
}

/** The written authority as a URL, when it is one (a placeholder or the chart default says nothing). */
function writtenAuthority(ctx: RuleContext): URL | undefined {
  return usableHttpUrl(ctx.get(AUTHORITY));
}

/** The first path segment of an Azure URL: the tenant. */
function azureTenant(url: URL): string | undefined {
  const first = url.pathname.split('/').filter(Boolean)[0];
  return first && first !== 'v2.0' && !first.startsWith('.well-known') ? first : undefined;
}

/** The discovery URL to suggest, derived from the written authority (and Azure tenant) where possible. */
function expected(ctx: RuleContext): string {
  const authority = writtenAuthority(ctx);
  const azure = ctx.provider === 'azure' || authority?.hostname.toLowerCase() === AZURE_HOST;
  if (azure) {
    const tenant = (authority && azureTenant(authority)) ?? writtenTenant(ctx) ?? '<tenant-id>';
    return `"https://${AZURE_HOST}/${tenant}/v2.0${DISCOVERY_SUFFIX}"`;
  }
  if (!authority) return `"<issuer>${DISCOVERY_SUFFIX}" (the issuer is your authority URL)`;
  return `"${issuerOf(authority)}${DISCOVERY_SUFFIX}"`;
}

function writtenTenant(ctx: RuleContext): string | undefined {
  const tenant = ctx.get(['authentication', 'oidcConfiguration', 'tenant']);
  return typeof tenant === 'string' && /^[\w.-]+$/.test(tenant.trim()) ? tenant.trim() : undefined;
}

/** Scheme, host and path without trailing slashes: how two issuer URLs are compared. */
function issuerOf(url: URL): string {
  const path = trimTrailingSlashes(url.pathname);
  return `${url.origin}${path === '/' ? '' : path}`;
}

function checkAzureTenant(ctx: RuleContext, value: string, url: URL, path: string): void {
  const tenant = azureTenant(url);
  const validShape = new RegExp(`^/[^/]+(/v2\\.0)?${DISCOVERY_SUFFIX.replace(/\./g, '\\.')}$`).test(path);
  if (!tenant || !validShape) {
    report(
      ctx,
      `oidcConfiguration.discoveryUri ${show(value)} ${tenant ? 'is not of the form' : 'names no tenant; Azure needs'} ` +
        `"https://${AZURE_HOST}/{tenant}/v2.0${DISCOVERY_SUFFIX}": the server rejects it and the login cannot find your directory. Write ${expected(ctx)}.`,
    );
    return;
  }
  const authority = writtenAuthority(ctx);
  const authorityTenant = authority && authority.hostname.toLowerCase() === AZURE_HOST ? azureTenant(authority) : undefined;
  if (authorityTenant && authorityTenant.toLowerCase() !== tenant.toLowerCase()) {
    report(
      ctx,
      `oidcConfiguration.discoveryUri names the tenant "${tenant}" but ${mention(ctx, AUTHORITY)} names "${authorityTenant}": ` +
        'tokens from one tenant fail validation against the other. Use the same tenant in both.',
    );
  }
}

function checkIssuer(ctx: RuleContext, value: string, url: URL, path: string): void {
  const authority = writtenAuthority(ctx);
  if (!authority) return;
  const issuer = `${url.origin}${path.slice(0, -DISCOVERY_SUFFIX.length)}`.replace(/\/+$/, '');
  const authorityIssuer = issuerOf(authority);
  if (authorityIssuer.toLowerCase() === issuer.toLowerCase()) return;
  if (authorityIssuer.toLowerCase().startsWith(`${issuer.toLowerCase()}/`) && AUTHORIZE_ENDPOINT.test(authorityIssuer.slice(issuer.length))) return;
  report(
    ctx,
    `oidcConfiguration.discoveryUri ${show(value)} belongs to the issuer "${issuer}" but ${mention(ctx, AUTHORITY)} is ` +
      `"${authorityIssuer}": the browser and the server would trust different issuers. Use one issuer for both, e.g. ${expected(ctx)}.`,
  );
}
