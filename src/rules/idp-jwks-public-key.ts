import { defineRule, RuleContext } from './support/rule';
import { parseHttpUrl, show, stringItems } from './support/helpers';
import { AZURE_LOGIN_HOSTS, COGNITO_ISSUER, GOOGLE_JWKS, azureTenantOf, isAzureTenant, isOidcBlockRendered, isOpenMetadataJwks, isTemplated, keycloakRealmOf, trimmedString, withoutTrailingSlash } from './support/idp';

/**
 * Tokens your identity provider signs are verified against the JWKS URLs in publicKeys (JwtFilter,
 * MultiUrlJwkProvider). Without the provider's JWKS every SSO login fails with "No key found … with
 * kid"; with the wrong one the same happens (OpenMetadata #8505 Google certs missing, #2773 Okta org vs
 * custom authorization server; Azure `common/discovery/keys` instead of `{tenant}/discovery/v2.0/keys`,
 * which AzureAuthValidator rejects). Expected URLs per provider: src/rules/support/idp.ts.
 */
export default defineRule({
  id: 'idp-jwks-public-key',
  severity: 'error',
  description: "publicKeys has no JWKS URL of the identity provider, or one that does not fit it.",
  check(ctx) {
    if (!ctx.isOidcProvider) return;
    const publicKeys = ctx.get(['authentication', 'publicKeys']);
    const expectation = expectedJwks(ctx);
    if (publicKeys === undefined) {
      ctx.report({
        at: ['authentication', 'publicKeys'],
        message:
          `publicKeys is not set, so only the chart default (OpenMetadata's own JWKS) is used and no ${ctx.provider} ` +
          `token can be verified: every SSO login fails with "No key found". Add publicKeys with ${expectation.suggestion} ` +
          'next to the OpenMetadata JWKS URL.',
      });
      return;
    }
    if (!Array.isArray(publicKeys)) return; // valid-schema reports the type
    const idpEntries = stringItems(publicKeys).filter(({ item }) => !isOpenMetadataJwks(item));
    if (idpEntries.length === 0) {
      ctx.report({
        at: ['authentication', 'publicKeys'],
        target: 'key',
        message:
          `publicKeys has no JWKS URL of ${ctx.provider}, so tokens it signs cannot be verified and every SSO login ` +
          `fails with "No key found". Add ${expectation.suggestion}.`,
      });
      return;
    }
    // A placeholder is no-placeholders' finding, an entry that is no URL public-keys-urls'.
    if (idpEntries.some(({ item }) => isTemplated(item) || !parseHttpUrl(item))) return;
    reportLoopbackEntries(ctx, idpEntries);
    if (!expectation.accepts || idpEntries.some(({ item }) => expectation.accepts?.(item.trim()))) return;
    const culprit = idpEntries.find(({ item }) => expectation.culprit?.(item.trim())) ?? idpEntries[0];
    ctx.report({
      at: ['authentication', 'publicKeys', culprit.index],
      severity: 'warn',
      message: `${show(culprit.item)} ${expectation.mismatch(culprit.item.trim())}`,
    });
  },
});

/**
 * The server fetches these URLs from inside its pod, where localhost is the OpenMetadata container
 * itself (docs pages for Keycloak and custom OIDC show http://localhost:808x realms): the key set is
 * unreachable and every SSO token is rejected. OpenMetadata's own JWKS on localhost:8585 is fine.
 */
function reportLoopbackEntries(ctx: RuleContext, entries: { item: string; index: number }[]): void {
  for (const { item, index } of entries) {
    const url = parseHttpUrl(item);
    if (!url || !isLoopback(url.hostname)) continue;
    ctx.report({
      at: ['authentication', 'publicKeys', index],
      severity: 'warn',
      message:
        `${show(item)} points at localhost, but the server fetches it from inside the OpenMetadata pod, where nothing ` +
        "serves your identity provider's keys. Use the provider's in-cluster service or public URL.",
    });
  }
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || /^127\./.test(host) || host === '[::1]';
}

interface Expectation {
  /** What to add, for messages. */
  suggestion: string;
  /** Whether an entry is a JWKS URL that fits; undefined when nothing can be said offline. */
  accepts?: (entry: string) => boolean;
  /** The entry the user most likely meant as the provider's JWKS. */
  culprit?: (entry: string) => boolean;
  /** Why the culprit does not fit, and what to write instead (follows the quoted entry). */
  mismatch: (entry: string) => string;
}

function expectedJwks(ctx: RuleContext): Expectation {
  const authority = trimmedString(ctx.get(['authentication', 'authority']));
  const issuer = authority && !isTemplated(authority) && parseHttpUrl(authority) ? authority : undefined;
  switch (ctx.provider) {
    case 'google':
      return google();
    case 'azure':
      return azure(azureTenant(ctx, issuer), issuer);
    case 'okta':
      return okta(issuer);
    case 'auth0':
      return auth0(issuer);
    case 'aws-cognito':
      return cognito(issuer);
    default:
      return customOidc(issuer);
  }
}

function same(a: string, b: string): boolean {
  return withoutTrailingSlash(a) === withoutTrailingSlash(b);
}

function google(): Expectation {
  return {
    suggestion: `"${GOOGLE_JWKS}"`,
    accepts: (entry) => same(entry, GOOGLE_JWKS),
    culprit: (entry) => /googleapis\.com|google\.com/i.test(entry),
    mismatch: (entry) =>
      /\/oauth2\/v1\/certs/.test(entry)
        ? `serves PEM certificates, not a JWKS; Google's JWKS is "${GOOGLE_JWKS}".`
        : `is not Google's JWKS; GoogleAuthValidator requires "${GOOGLE_JWKS}" in publicKeys.`,
  };
}

/**
 * Confidential clients sign in with oidcConfiguration.tenant (AzureAuthValidator), public ones with
 * authority's. When the two disagree, azure-tenant reports that and any tenant's v2 keys pass here.
 */
function azureTenant(ctx: RuleContext, issuer: string | undefined): string | undefined {
  const written = isOidcBlockRendered(ctx) ? trimmedString(ctx.get(['authentication', 'oidcConfiguration', 'tenant'])) : undefined;
  const tenant = written && isAzureTenant(written) ? written : undefined;
  const inAuthority = azureTenantOf(parseHttpUrl(issuer));
  const fromAuthority = inAuthority && isAzureTenant(inAuthority) ? inAuthority : undefined;
  if (tenant && fromAuthority && tenant.toLowerCase() !== fromAuthority.toLowerCase()) return undefined;
  return tenant ?? fromAuthority;
}

function azure(tenant: string | undefined, issuer: string | undefined): Expectation {
  const authorityHost = parseHttpUrl(issuer)?.hostname.toLowerCase();
  const host = authorityHost && AZURE_LOGIN_HOSTS.includes(authorityHost) ? authorityHost : AZURE_LOGIN_HOSTS[0];
  const expected = `https://${host}/${tenant ?? '<tenant>'}/discovery/v2.0/keys`;
  return {
    suggestion: `"${expected}"`,
    accepts: (entry) => {
      const url = parseHttpUrl(entry);
      const entryTenant = azureTenantOf(url);
      return (
        !!url && url.protocol === 'https:' && !!entryTenant && (tenant ? entryTenant.toLowerCase() === tenant.toLowerCase() : isAzureTenant(entryTenant)) &&
        /^\/[^/]+\/discovery\/v2\.0\/keys\/?$/.test(url.pathname)
      );
    },
    culprit: (entry) => azureTenantOf(parseHttpUrl(entry)) !== undefined,
    mismatch: (entry) =>
      /\/discovery\/keys\/?$/.test(entry)
        ? `is ${/\/common\/discovery\//.test(entry) ? 'the tenant-less' : 'a'} v1 key set from older docs; OpenMetadata's Azure validator requires "${expected}" ` +
          '("At least one public key URL must be the Azure JWKS endpoint"). Add or use that URL.'
        : `is not the Azure JWKS of your tenant; use "${expected}".`,
  };
}

/**
 * Okta has an org authorization server (issuer https://org.okta.com, keys at /oauth2/v1/keys) and
 * custom ones (issuer …/oauth2/{id}, keys at {issuer}/v1/keys); tokens are only verified by the
 * keys of the server that issued them (OpenMetadata #2773).
 */
/** Okta and Auth0 serve https only; an http authority is authority-format's finding, the keys are still https. */
function httpsUrl(issuer: string | undefined): URL | undefined {
  return parseHttpUrl(issuer?.replace(/^http:/i, 'https:'));
}

function okta(issuer: string | undefined): Expectation {
  const url = httpsUrl(issuer);
  const path = url ? url.pathname.replace(/\/+$/, '') : undefined;
  let expected: string | undefined;
  if (url && path === '') expected = `${url.origin}/oauth2/v1/keys`;
  else if (url && path && /^\/oauth2\/[^/]+$/.test(path)) expected = `${url.origin}${path}/v1/keys`;
  if (!expected) {
    return {
      suggestion: '"<issuer>/v1/keys"',
      accepts: (entry) => /\/v1\/keys\/?$/.test(entry),
      mismatch: () => 'is not an Okta key set; Okta serves its JWKS at <issuer>/v1/keys.',
    };
  }
  const keys = expected;
  return {
    suggestion: `"${keys}"`,
    accepts: (entry) => same(entry, keys),
    culprit: (entry) => /\/v1\/keys\/?$/.test(entry),
    mismatch: () =>
      `is not the key set of the authorization server in authority (${show(issuer)}): tokens it issues are signed ` +
      `with the keys at "${keys}", so login fails with "No key found". Use that URL.`,
  };
}

function auth0(issuer: string | undefined): Expectation {
  const url = httpsUrl(issuer);
  const expected = url ? `${url.origin}/.well-known/jwks.json` : undefined;
  return {
    suggestion: `"${expected ?? 'https://<tenant>.auth0.com/.well-known/jwks.json'}"`,
    accepts: (entry) => (expected ? same(entry, expected) : /\/\.well-known\/jwks\.json\/?$/.test(entry)),
    culprit: (entry) => /\/\.well-known\/jwks\.json\/?$/.test(entry),
    mismatch: () =>
      expected
        ? `is not the key set of the Auth0 domain in authority; Auth0 serves it at "${expected}".`
        : 'is not an Auth0 key set; Auth0 serves its JWKS at https://<your Auth0 domain>/.well-known/jwks.json.',
  };
}

function cognito(issuer: string | undefined): Expectation {
  const expected = issuer && COGNITO_ISSUER.test(withoutTrailingSlash(issuer)) ? `${withoutTrailingSlash(issuer)}/.well-known/jwks.json` : undefined;
  return {
    suggestion: `"${expected ?? 'https://cognito-idp.<region>.amazonaws.com/<user pool id>/.well-known/jwks.json'}"`,
    accepts: (entry) =>
      expected ? same(entry, expected) : /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[A-Za-z0-9_-]+\/\.well-known\/jwks\.json\/?$/.test(entry),
    culprit: (entry) => /cognito/i.test(entry),
    mismatch: () =>
      `is not the key set of the user pool in authority; CognitoAuthValidator requires ` +
      `"${expected ?? '<authority>/.well-known/jwks.json'}".`,
  };
}

/**
 * A custom OIDC provider publishes its JWKS URL in its discovery document, which omlint cannot
 * fetch; two shapes are known: Keycloak `{realm issuer}/protocol/openid-connect/certs` (docs) and
 * OneLogin `{issuer}/certs` (docs). Keycloak's JWKS may be fetched through an in-cluster host, so
 * only the realm path is compared.
 */
function customOidc(issuer: string | undefined): Expectation {
  const realm = issuer ? keycloakRealmOf(issuer) : undefined;
  if (realm) {
    const realmPrefix = parseHttpUrl(realm.issuer)?.pathname ?? ''; // e.g. /auth/realms/acme on Keycloak < 17
    return {
      suggestion: `"${realm.issuer}/protocol/openid-connect/certs"`,
      accepts: (entry) => {
        const path = parseHttpUrl(entry)?.pathname.replace(/\/+$/, '');
        return path === `${realmPrefix}/protocol/openid-connect/certs`;
      },
      culprit: (entry) => /\/realms\//.test(entry),
      mismatch: () =>
        `is not the key set of the Keycloak realm in authority (${show(issuer)}); ` +
        `Keycloak serves it at "${realm.issuer}/protocol/openid-connect/certs".`,
    };
  }
  const url = parseHttpUrl(issuer);
  if (url && /\.onelogin\.com$/i.test(url.hostname)) {
    const expected = `${withoutTrailingSlash(issuer ?? '')}/certs`;
    return {
      suggestion: `"${expected}"`,
      accepts: (entry) => same(entry, expected),
      culprit: (entry) => /onelogin\.com/i.test(entry),
      mismatch: () => `is not the key set of the OneLogin issuer in authority; OneLogin serves it at "${expected}".`,
    };
  }
  return { suggestion: 'the jwks_uri from your provider\'s /.well-known/openid-configuration', mismatch: () => '' };
}
