import { defineRule, MessageData, RuleContext } from './support/rule';
import { parseHttpUrl } from './support/helpers';
import { show } from './support/message';
import {
  DISCOVERY_SUFFIX,
  hasPlaceholder,
  httpUrlProblem,
  isInternalHost,
  maskPlaceholders,
  trimTrailingSlashes,
  urlProblemMessages,
  urlProblemReport,
  usableHttpUrl,
} from './support/om-urls';
import { usesCodeFlow } from './support/public-urls';
import { AZURE_VALIDATOR_BASE, azureValidatorTenant, pastedEndpoint, sameBarCaseAndSlash, writtenSetting } from './support/idp';
import { describeServer, hasSsoValidator } from './support/server-release';
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
const AZURE_SHAPE = `"https://${AZURE_HOST}/{tenant}/v2.0${DISCOVERY_SUFFIX}"`;

/** How every message ends: the discovery URL to write (see expected()). */
const WRITE_EXPECTED = 'Write "{{expected}}"{{expectedNote}}.';

export default defineRule({
  id: 'discovery-uri',
  severity: 'error',
  description: "The confidential client's discoveryUri is missing, not https, not a discovery document, or of another issuer.",
  messages: {
    missing:
      '{{key}} is {{state}} for a confidential client: the code flow cannot find the ' +
      `identity provider's endpoints and login fails. ${WRITE_EXPECTED}`,
    ...urlProblemMessages('notUrl', `{{key}} {{value}} is not an absolute URL ({{problem}}). ${WRITE_EXPECTED}`),
    http:
      '{{key}} {{value}} uses http://: the IdP serves its discovery document over https and the ' +
      'code flow fails to load it. Write {{withHttps}}.',
    httpBeforePlaceholder:
      '{{key}} {{value}} uses http://: the IdP serves its discovery document over https and the ' +
      'code flow fails to load it. If the placeholder already holds "https://", drop the "http://" in front of it.',
    notDiscoveryDocument:
      `{{key}} {{value}} does not end in "${DISCOVERY_SUFFIX}", so it is not a discovery document. ${WRITE_EXPECTED}`,
    azureNoTenant:
      `{{key}} {{value}} names no tenant; Azure needs ${AZURE_SHAPE}: the server rejects it and the ` +
      `login cannot find your directory. ${WRITE_EXPECTED}`,
    azureShape:
      `{{key}} {{value}} is not of the form ${AZURE_SHAPE}: the server rejects it and the login ` +
      `cannot find your directory. ${WRITE_EXPECTED}`,
    azureExact:
      '{{key}} {{value}} names your tenant, but {{server}} checks it as AzureAuthValidator does, string for string against ' +
      '"{{v2}}" and "{{v1}}" (the tenant as {{tenantKey}} writes it, case and a trailing slash count): sign-in works, yet every ' +
      'save of Settings > SSO fails ("Invalid Azure discovery URI"). Write one of the two.',
    otherTenant:
      '{{key}} names the tenant {{tenant}} but {{authority}} names {{authorityTenant}}: tokens ' +
      'from one tenant fail validation against the other. Use the same tenant in both.',
    twoNames:
      '{{key}} {{value}} reaches the identity provider at {{host}} but {{authority}} names it ' +
      '{{authorityHost}}: fine when both are names of one provider (a docker or cluster name for the server, localhost for ' +
      'the browser) that publishes its issuer and sign-in page under the name the browser uses; otherwise every login fails. ' +
      "Check the issuer in the provider's discovery document.",
    otherIssuer:
      '{{key}} {{value}} belongs to the issuer {{issuer}} but {{authority}} names the issuer {{authorityIssuer}}: ' +
      'the browser and the server would trust different issuers. Use one issuer for both, e.g. "{{expected}}"{{expectedNote}}.',
  },
  check(ctx) {
    if (!usesCodeFlow(ctx)) return;
    const written = writtenSetting(ctx, DISCOVERY);
    const value = written !== undefined ? written : ctx.effective(DISCOVERY);
    if (value === null || (value !== undefined && typeof value !== 'string')) return; // valid-schema's finding
    if (value === undefined || value.trim() === '') {
      const unset = written === undefined;
      report(ctx, 'missing', { state: unset ? 'not set' : 'empty', ...expected(ctx) }, unset ? 'key' : 'value');
      return;
    }
    const text = maskPlaceholders(value);
    if (text === undefined) return; // starts with a placeholder: no-placeholders
    const problem = httpUrlProblem(text);
    if (problem) {
      const { messageId, data } = urlProblemReport('notUrl', problem);
      report(ctx, messageId, { ...data, value: show(value), ...expected(ctx) });
      return;
    }
    const url = ctx.once(parseHttpUrl, text);
    if (!url) return; // never: a text without a URL problem is an absolute http(s) URL
    if (url.protocol === 'http:' && !isInternalHost(url.hostname)) {
      if (hasPlaceholder(value)) report(ctx, 'httpBeforePlaceholder', { value: show(value) });
      else report(ctx, 'http', { value: show(value), withHttps: show(value.trim().replace(/^http:/i, 'https:')) });
      return;
    }
    const path = trimTrailingSlashes(url.pathname);
    if (!path.endsWith(DISCOVERY_SUFFIX)) {
      report(ctx, 'notDiscoveryDocument', { value: show(value), ...expected(ctx) });
      return;
    }
    if (hasPlaceholder(value)) return;
    if (url.hostname.toLowerCase() === AZURE_HOST) checkAzureTenant(ctx, value, url, path);
    else checkIssuer(ctx, value, url, path);
  },
});

function report(ctx: RuleContext, messageId: string, data: MessageData, target?: 'key' | 'value'): void {
  ctx.report({ at: DISCOVERY, target, messageId, data: { ...data, key: ctx.keyName(DISCOVERY) } });
}

/** The written authority as a URL, when it is one (a placeholder or the chart default says nothing). */
function writtenAuthority(ctx: RuleContext): URL | undefined {
  return ctx.once(usableHttpUrl, ctx.get(AUTHORITY));
}

/** The first path segment of an Azure URL: the tenant. */
function azureTenant(url: URL): string | undefined {
  const first = url.pathname.split('/').filter(Boolean)[0];
  return first && first !== 'v2.0' && !first.startsWith('.well-known') ? first : undefined;
}

/**
 * The discovery URL to suggest (`expected`, quoted by the messages), derived from the written
 * authority (and Azure tenant) where possible, else a pattern and a note on what to put in it. It
 * is a URL the rule builds from a parsed issuer (origin and path) or a tenant: public names, never
 * secrets, and printed whole (showing it would cut a long issuer's URL short).
 */
function expected(ctx: RuleContext): { expected: string; expectedNote: string } {
  const authority = writtenAuthority(ctx);
  const azure = ctx.provider === 'azure' || authority?.hostname.toLowerCase() === AZURE_HOST;
  if (azure) {
    const tenant = (authority && azureTenant(authority)) ?? writtenTenant(ctx) ?? '<tenant-id>';
    return { expected: `https://${AZURE_HOST}/${tenant}/v2.0${DISCOVERY_SUFFIX}`, expectedNote: '' };
  }
  if (!authority) return { expected: `<issuer>${DISCOVERY_SUFFIX}`, expectedNote: ` (the issuer is your ${ctx.keyName(AUTHORITY)} URL)` };
  return { expected: `${authorityIssuer(authority)}${DISCOVERY_SUFFIX}`, expectedNote: '' };
}

/**
 * The issuer the authority names: itself, or the issuer of the endpoint pasted there (the Keycloak
 * docs' `…/protocol/openid-connect/auth`), which authority-format reports; a discovery URL built on
 * the endpoint would be one more wrong URL to copy.
 */
function authorityIssuer(authority: URL): string {
  return pastedEndpoint(authority.href)?.issuer ?? issuerOf(authority);
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
    report(ctx, tenant ? 'azureShape' : 'azureNoTenant', { value: show(value), ...expected(ctx) });
    return;
  }
  const authority = writtenAuthority(ctx);
  const authorityTenant = authority && authority.hostname.toLowerCase() === AZURE_HOST ? azureTenant(authority) : undefined;
  if (authorityTenant && authorityTenant.toLowerCase() !== tenant.toLowerCase()) {
    report(ctx, 'otherTenant', { tenant: show(tenant), authority: mention(ctx, AUTHORITY), authorityTenant: show(authorityTenant) });
    return;
  }
  checkAzureExact(ctx, value);
}

/**
 * From 1.10 the SSO validator accepts exactly two discovery URIs for a confidential Azure client,
 * built on `oidcConfiguration.tenant` as written, and compares with Java's String.equals
 * (AzureAuthValidator.validateAzureConfidentialClient @ 0391f184): one that differs only in letter
 * case or a trailing slash still loads (sign-in works) but every save of the SSO settings is refused
 * (OpenMetadata #28379). Another tenant altogether is azure-tenant's finding.
 */
function checkAzureExact(ctx: RuleContext, value: string): void {
  if (!hasSsoValidator(ctx)) return;
  const found = azureValidatorTenant(ctx);
  if (!found || ctx.clientType !== 'confidential') return;
  const v1 = `${AZURE_VALIDATOR_BASE}/${found.tenant}${DISCOVERY_SUFFIX}`;
  const v2 = `${AZURE_VALIDATOR_BASE}/${found.tenant}/v2.0${DISCOVERY_SUFFIX}`;
  if (value === v1 || value === v2) return;
  if (!sameBarCaseAndSlash(value, v1) && !sameBarCaseAndSlash(value, v2)) return;
  // The tenant is a GUID or one of Azure's words, which the validator accepts: no secret; the URLs are the rule's.
  ctx.report({
    at: DISCOVERY,
    severity: 'warn',
    messageId: 'azureExact',
    data: { key: ctx.keyName(DISCOVERY), value: show(value), v1, v2, tenantKey: ctx.keyName(found.path), server: describeServer(ctx) },
  });
}

/**
 * One identity provider under two names: the server reaches it by its docker or cluster service
 * name, the browser by localhost, on the same port and path. OpenMetadata's own SSO test setup
 * does this (docker/development/.env.sso-test @ 06a12311: "Server-side URLs use Docker hostname
 * (mock-oidc-provider:9090). Client-side URLs (authority, callback) use localhost:9090"). It works
 * when the provider issues tokens under the name the server expects, so it is a warning, not an
 * error. The hosts (a parsed URL's host and port) are names of the user's own machines, printed bare.
 */
function oneProviderTwoNames(discovery: URL, discoveryPath: string, authority: URL, authorityIssuerText: string): boolean {
  if (discovery.hostname === authority.hostname || !isInternalHost(discovery.hostname) || !isInternalHost(authority.hostname)) return false;
  if (!isLoopback(discovery.hostname) && !isLoopback(authority.hostname)) return false;
  const authorityPath = trimTrailingSlashes(new URL(authorityIssuerText).pathname);
  return discovery.port === authority.port && discovery.protocol === authority.protocol && trimTrailingSlashes(discoveryPath || '/') === authorityPath;
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  return host === 'localhost' || host.endsWith('.localhost') || host === '::1' || /^127\./.test(host);
}

function checkIssuer(ctx: RuleContext, value: string, url: URL, path: string): void {
  const authority = writtenAuthority(ctx);
  if (!authority) return;
  const issuer = `${url.origin}${path.slice(0, -DISCOVERY_SUFFIX.length)}`.replace(/\/+$/, '');
  // An endpoint pasted as authority is authority-format's finding; its issuer is what counts here.
  const named = authorityIssuer(authority);
  if (named.toLowerCase() === issuer.toLowerCase()) return;
  if (oneProviderTwoNames(url, path.slice(0, -DISCOVERY_SUFFIX.length), authority, named)) {
    ctx.report({
      at: DISCOVERY,
      severity: 'warn',
      messageId: 'twoNames',
      data: { key: ctx.keyName(DISCOVERY), value: show(value), host: url.host, authority: mention(ctx, AUTHORITY), authorityHost: authority.host },
    });
    return;
  }
  report(ctx, 'otherIssuer', {
    value: show(value),
    issuer: show(issuer),
    authority: mention(ctx, AUTHORITY),
    authorityIssuer: show(named),
    ...expected(ctx),
  });
}
