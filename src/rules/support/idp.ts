/**
 * What omlint knows about the identity providers OpenMetadata supports: the shape of their issuer
 * (authority), tenant and JWKS URLs. The facts come from the server's provider validators
 * (OpenMetadata `security/auth/validator/`: AzureAuthValidator @ 0391f184, GoogleAuthValidator @
 * 1f5b8550, CognitoAuthValidator @ 0391f184, OktaAuthValidator @ 055b2062, Auth0Validator @ 2c311a23,
 * CustomOidcValidator @ 4aebfff6) and the docs pages per provider
 * (openmetadata-docs/content/v1.10.x-SNAPSHOT/deployment/security/<provider>/, test/corpus/docs).
 */
import type { Path, Plain } from '../../types';
import type { RuleContext } from './rule';
import { OPENMETADATA_JWKS_PATH } from '../../knowledge/defaults';
import { isHelmModel } from '../../layouts/model';
import { parseHttpUrl } from './helpers';

/** Azure tenant ids are GUIDs; the validator compares with this exact pattern. */
export const GUID = /^[0-9a-fA-F]{8}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{4}-[0-9a-fA-F]{12}$/;

/** The tenant words Azure accepts besides a GUID (compared case-sensitively by AzureAuthValidator). */
export const AZURE_TENANT_WORDS: readonly string[] = ['common', 'organizations', 'consumers'];

/** Microsoft's sign-in hosts: the public cloud (the only one the validator knows) and the national clouds. */
export const AZURE_LOGIN_HOSTS: readonly string[] = [
  'login.microsoftonline.com',
  'login.microsoftonline.us',
  'login.partner.microsoftonline.cn',
  'login.chinacloudapi.cn',
];

export const GOOGLE_AUTHORITY = 'https://accounts.google.com';
export const GOOGLE_JWKS = 'https://www.googleapis.com/oauth2/v3/certs';

/** https://cognito-idp.{region}.amazonaws.com/{userPoolId}, as CognitoAuthValidator matches it. */
export const COGNITO_ISSUER = /^https:\/\/cognito-idp\.([a-z0-9-]+)\.amazonaws\.com\/([A-Za-z0-9_-]+)$/;

/** Keycloak issuers end in /realms/{realm} (older servers put /auth before it). */
const KEYCLOAK_REALM = /^(https?:\/\/[^?#]*?\/realms\/([^/?#]+))/;

export function isAzureTenant(value: string): boolean {
  return GUID.test(value) || AZURE_TENANT_WORDS.includes(value);
}

/** The only sign-in host AzureAuthValidator builds its expected URLs on. */
export const AZURE_VALIDATOR_BASE = 'https://login.microsoftonline.com';

/**
 * The tenant OpenMetadata's AzureAuthValidator (1.10+) builds its expected URLs from, exactly as
 * written: the last path segment of `authority` for a public client (Java's String.split drops
 * trailing empty segments, so a trailing slash is no segment), `oidcConfiguration.tenant` for a
 * confidential one; undefined where the validator refuses the tenant before comparing (azure-tenant
 * and authority-format report that) or the server gets no block (the chart's gate).
 * Source: AzureAuthValidator @ 0391f184 (extractTenantId, validateAzureConfidentialClient).
 */
export function azureValidatorTenant(ctx: RuleContext): { tenant: string; path: Path } | undefined {
  if (ctx.clientType === 'confidential') {
    const path = ['authentication', 'oidcConfiguration', 'tenant'];
    const tenant = isOidcBlockRendered(ctx) ? ctx.effective(path) : undefined;
    return typeof tenant === 'string' && isAzureTenant(tenant) ? { tenant, path } : undefined;
  }
  const path = ['authentication', 'authority'];
  const authority = ctx.effective(path);
  if (typeof authority !== 'string' || !authority.includes('login.microsoftonline.com')) return undefined;
  const parts = authority.split('/');
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  const tenant = parts.length >= 4 ? parts[parts.length - 1] : undefined;
  return tenant !== undefined && isAzureTenant(tenant) ? { tenant, path } : undefined;
}

/** Two URLs that differ only in letter case or trailing slashes: the same to Azure, not to a Java String.equals. */
export function sameBarCaseAndSlash(a: string, b: string): boolean {
  const fold = (url: string): string => url.trim().toLowerCase().replace(/\/+$/, '');
  return fold(a) === fold(b);
}

/**
 * A value still holding template text (`{Tenant ID}`, `<your-domain>`, `${VAR}`): no-placeholders
 * and no-env-substitution report it, so the provider rules leave it alone instead of piling on.
 */
export function isTemplated(value: string): boolean {
  return /[{}<>]|\$\{|YOUR_/.test(value);
}

/** A publicKeys entry that points at OpenMetadata's own JWKS (current or pre-1.0 path). */
export function isOpenMetadataJwks(entry: string): boolean {
  const path = entry.trim().replace(/[?#].*$/, '').replace(/\/+$/, '');
  return path.endsWith(OPENMETADATA_JWKS_PATH) || path.endsWith('/api/v1/config/jwks');
}

/**
 * The chart renders oidcConfiguration (every OIDC_* env var) only when clientType is confidential
 * AND oidcConfiguration.enabled is true (chart `templates/_helpers.tpl` 233, `templates/secrets.yaml` 320 @ 1.13.1).
 * Settings in that block matter only then. The dotted key `oidcConfiguration.enabled: true` written
 * inside the block (the Azure docs page) counts too: the user means the nested flag, no-dotted-keys
 * tells them to nest it, and the block's other mistakes should not wait for that fix.
 */
export function isOidcBlockRendered(ctx: RuleContext): boolean {
  if (ctx.clientType !== 'confidential') return false;
  // openmetadata.yaml and env files have no chart gate: the server reads oidcConfiguration itself.
  if (!isHelmModel(ctx.model)) return true;
  const oidc = ctx.get(['authentication', 'oidcConfiguration']);
  const dotted = oidc !== null && typeof oidc === 'object' && !Array.isArray(oidc) && oidc['oidcConfiguration.enabled'] === true;
  return dotted || ctx.effective(['authentication', 'oidcConfiguration', 'enabled']) === true;
}

/**
 * The value written at `path` as the server reads it. On the server layout an empty variable
 * (`OIDC_TENANT=` in an env file, `${OIDC_TENANT:-}` in openmetadata.yaml) substitutes to nothing,
 * which YAML reads as null and the server as an unset string: for its checks the same as "". In
 * Helm values a null deletes the key together with its chart default (valid-schema's finding), so
 * it stays null there.
 */
export function writtenSetting(ctx: RuleContext, path: Path): Plain | undefined {
  const value = ctx.get(path);
  return value === null && !isHelmModel(ctx.model) ? '' : value;
}

/** A URL with its trailing slashes removed, for comparing URLs as the validators do (`equals`). */
export function withoutTrailingSlash(url: string): string {
  return url.trim().replace(/\/+$/, '');
}

/** The path segments of a URL, without empty ones. */
export function pathSegments(url: URL): string[] {
  return url.pathname.split('/').filter(Boolean);
}

/**
 * A path segment with its %-escapes decoded. A value in the user's file may hold a malformed escape
 * (`%ZZ`, a cut multi-byte sequence `%E0%A4%A`) that the URL parser keeps as written but
 * decodeURIComponent refuses: such a segment stays as written (it is then no tenant nor realm).
 */
export function decodedSegment(segment: string): string {
  try {
    return decodeURIComponent(segment);
  } catch {
    return segment;
  }
}

/** The tenant named in a Microsoft sign-in URL (authority, discovery URI, JWKS URL), if any. */
export function azureTenantOf(url: URL | undefined): string | undefined {
  if (!url || !AZURE_LOGIN_HOSTS.includes(url.hostname.toLowerCase())) return undefined;
  const first = pathSegments(url)[0];
  return first && !first.startsWith('.') ? decodedSegment(first) : undefined;
}

/** The Keycloak realm issuer (`…/realms/{realm}`) at the start of a URL, and the realm's name. */
export function keycloakRealmOf(url: string): { issuer: string; realm: string } | undefined {
  const match = KEYCLOAK_REALM.exec(url.trim());
  return match ? { issuer: match[1], realm: match[2] } : undefined;
}

/**
 * Hosts a browser or pod reaches without leaving the machine or the cluster, where plain http is
 * normal: loopback, Docker's host alias, Kubernetes service names (no dot, or *.svc / *.cluster.local)
 * and private IPv4 addresses (cluster and pod IPs).
 */
export function isInternalHost(hostname: string): boolean {
  const host = hostname.toLowerCase().replace(/^\[|\]$/g, '');
  if (host === 'localhost' || host.endsWith('.localhost') || /^127\./.test(host)) return true;
  if (host === 'host.docker.internal' || host === '0.0.0.0') return true;
  if (!host.includes('.') && !host.includes(':')) return true;
  if (/^(10\.|192\.168\.|172\.(1[6-9]|2\d|3[01])\.)\d+\.\d+(\.\d+)?$/.test(host)) return true;
  if (host.includes(':')) return isLocalIpv6(host);
  return /\.svc$|\.svc\.cluster\.local$|\.cluster\.local$/.test(host);
}

/**
 * Endpoints people paste instead of the issuer (the Keycloak Kubernetes docs page ships
 * `/protocol/openid-connect/auth`, OpenMetadata #23508); the clients append them to the issuer
 * themselves, after `/.well-known/openid-configuration` told them where they are.
 */
const ENDPOINT_SUFFIXES: readonly { suffix: RegExp; name: string }[] = [
  { suffix: /\/protocol\/openid-connect\/(auth|token|certs|userinfo|logout)$/, name: 'an OpenID Connect endpoint' },
  { suffix: /\/\.well-known\/(openid-configuration|jwks\.json)$/, name: 'a discovery or JWKS document' },
  { suffix: /\/(v1\/)?(authorize|token|keys|userinfo)$/, name: 'an OAuth endpoint' },
];

/** An issuer URL with one of its endpoints pasted in its place: what kind of endpoint, and the issuer. */
export interface PastedEndpoint {
  name: string;
  issuer: string;
}

/**
 * When `text` (an authority) is an endpoint of an issuer rather than the issuer, the issuer it
 * belongs to: the text without the endpoint's path (and without Okta's `/oauth2` of the org
 * server's endpoints). Several rules suggest URLs built on the issuer: authority-format the issuer
 * itself, discovery-uri its discovery document, https-urls its https form; built from the endpoint
 * they would suggest what authority-format reports in the same file.
 */
export function pastedEndpoint(text: string): PastedEndpoint | undefined {
  const base = text.trim().replace(/[?#].*$/, '').replace(/\/+$/, '');
  // In a URL only the path can hold an endpoint; a text with a placeholder for the host has no URL to parse.
  const url = /[{}<>]/.test(base) ? undefined : parseHttpUrl(base);
  const path = url ? url.pathname.replace(/\/+$/, '') : base;
  const endpoint = ENDPOINT_SUFFIXES.find(({ suffix }) => suffix.test(path));
  if (!endpoint) return undefined;
  return { name: endpoint.name, issuer: base.replace(endpoint.suffix, '').replace(/\/oauth2$/, '') };
}

/**
 * An IPv6 address (as the URL parser writes it: lower case, compressed, IPv4-mapped in hex) on the
 * machine or a private network: loopback `::1`, unspecified `::`, unique local fc00::/7, link-local
 * fe80::/10, and `::ffff:` mapping a loopback or private IPv4 address.
 */
function isLocalIpv6(host: string): boolean {
  if (host === '::1' || host === '::' || /^f[cd][0-9a-f]{0,2}:/.test(host) || /^fe[89ab][0-9a-f]?:/.test(host)) return true;
  const mapped = /^::ffff:([0-9a-f]{1,4}):([0-9a-f]{1,4})$/.exec(host);
  if (!mapped) return false;
  const high = parseInt(mapped[1], 16);
  const ipv4 = `${high >> 8}.${high & 0xff}.${parseInt(mapped[2], 16) >> 8}.${parseInt(mapped[2], 16) & 0xff}`;
  return isInternalHost(ipv4);
}

/** The string value of `value` when it is a string, trimmed; undefined otherwise. */
export function trimmedString(value: Plain | undefined): string | undefined {
  return typeof value === 'string' ? value.trim() : undefined;
}
