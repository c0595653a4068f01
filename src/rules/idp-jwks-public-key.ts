import { defineRule, MessageData, RuleContext } from './support/rule';
import { parseHttpUrl, stringItems } from './support/helpers';
import { show } from './support/message';
import {
  AZURE_LOGIN_HOSTS,
  AZURE_VALIDATOR_BASE,
  COGNITO_ISSUER,
  GOOGLE_JWKS,
  azureTenantOf,
  azureValidatorTenant,
  isAzureTenant,
  isOidcBlockRendered,
  isOpenMetadataJwks,
  isTemplated,
  keycloakRealmOf,
  sameBarCaseAndSlash,
  trimmedString,
  withoutTrailingSlash,
} from './support/idp';
import type { Path, Plain } from '../types';
import { describeServer, hasSsoValidator } from './support/server-release';

/**
 * Tokens your identity provider signs are verified against the JWKS URLs in publicKeys (JwtFilter,
 * MultiUrlJwkProvider). Without the provider's JWKS every SSO login fails with "No key found … with
 * kid"; with the wrong one the same happens (OpenMetadata #8505 Google certs missing, #2773 Okta org vs
 * custom authorization server; Azure `common/discovery/keys` instead of `{tenant}/discovery/v2.0/keys`,
 * which AzureAuthValidator rejects). Expected URLs per provider: src/rules/support/idp.ts.
 *
 * Severities (README, severity policy): no key set of the provider, or one of another issuer
 * (another Okta authorization server, Keycloak realm or Cognito user pool: #2773) or on localhost
 * where the server runs in a container (#7567), locks every SSO user out: errors. Where the entry may
 * still serve the right keys (another host of one Okta org, Azure's shared v1 key set, a key set
 * omlint can only guess), or localhost may be the provider's machine (openmetadata.yaml of a
 * bare-metal install), it is a warning that says when it locks users out.
 *
 * The JWKS URL a message suggests ({{jwks}}) is one the rule builds from the parsed authority (its
 * origin, path, tenant or realm) and the provider's key path: public names, never secrets, printed
 * whole in the rule's quotes (showing would cut a long one short). The provider printed bare is one
 * of the OIDC provider names. The entries and the authority the user wrote are shown.
 */
const NOT_SET =
  "{{key}} is not set, so only {{defaults}} (OpenMetadata's own JWKS) is used and no {{provider}} token can be " +
  'verified: every SSO login fails with "No key found".';
const NO_IDP_ENTRY =
  '{{key}} has no JWKS URL of {{provider}}, so tokens it signs cannot be verified and every SSO login fails with "No key found".';
const FROM_DISCOVERY = "the jwks_uri from your provider's /.well-known/openid-configuration";
const PUBLIC_KEYS: Path = ['authentication', 'publicKeys'];

export default defineRule({
  id: 'idp-jwks-public-key',
  severity: 'error',
  description: "publicKeys has no JWKS URL of the identity provider, or one that does not fit it.",
  messages: {
    notSet: `${NOT_SET} List "{{jwks}}" in {{key}}, next to the OpenMetadata JWKS URL.`,
    notSetUnknown: `${NOT_SET} List ${FROM_DISCOVERY} in {{key}}, next to the OpenMetadata JWKS URL.`,
    noIdpEntry: `${NO_IDP_ENTRY} Add "{{jwks}}".{{validator}}`,
    noIdpEntryUnknown: `${NO_IDP_ENTRY} Add ${FROM_DISCOVERY}.{{validator}}`,
    loopback:
      '{{entry}} points at localhost, but the server fetches it from inside its own container (or pod), where nothing ' +
      "serves your identity provider's keys: every SSO login fails with \"No key found\". Use a name of the provider the " +
      'server can reach (its service name or public URL).',
    loopbackBareMetal:
      '{{entry}} points at localhost: the server fetches it itself, so this works only when the identity provider runs on ' +
      'the same machine as a server started outside a container; in docker or Kubernetes every SSO login fails with ' +
      '"No key found". Use a name of the provider the server can reach.',
    googleCerts: `{{entry}} serves PEM certificates, not a JWKS; Google's JWKS is "${GOOGLE_JWKS}".`,
    googleOther: `{{entry}} is not Google's JWKS; GoogleAuthValidator requires "${GOOGLE_JWKS}" in {{key}}.`,
    azureV1:
      '{{entry}} is {{keySet}} v1 key set from older docs; OpenMetadata\'s Azure validator requires "{{jwks}}" ' +
      '("At least one public key URL must be the Azure JWKS endpoint"). Add or use that URL.',
    azureOther: '{{entry}} is not the Azure JWKS of your tenant; use "{{jwks}}".',
    azureExact:
      '{{entry}} is the key set of your tenant, but {{server}} checks it as AzureAuthValidator does, string for string against ' +
      '"{{jwks}}" (the tenant as {{tenantKey}} writes it, case and a trailing slash count): sign-in works, yet every save of ' +
      'Settings > SSO fails ("At least one public key URL must be the Azure JWKS endpoint"). Write "{{jwks}}".',
    oktaAnyServer: '{{entry}} is not an Okta key set; Okta serves its JWKS at <issuer>/v1/keys.',
    oktaServer:
      '{{entry}} is not the key set of the authorization server in {{authorityKey}} ({{authority}}): tokens it issues are signed ' +
      'with the keys at "{{jwks}}", so login fails with "No key found". Use that URL.',
    oktaHost:
      '{{entry}} is on another host than the authorization server in {{authorityKey}} ({{authority}}): fine if both are names ' +
      'of one Okta org (a custom domain), otherwise tokens are signed with keys it does not serve and login fails with ' +
      '"No key found". Use "{{jwks}}".',
    auth0Domain: '{{entry}} is not the key set of the Auth0 domain in {{authorityKey}}; Auth0 serves it at "{{jwks}}".',
    auth0AnyDomain:
      '{{entry}} is not an Auth0 key set; Auth0 serves its JWKS at https://<your Auth0 domain>/.well-known/jwks.json.',
    cognito: '{{entry}} is not the key set of the user pool in {{authorityKey}}; CognitoAuthValidator requires "{{jwks}}".',
    keycloak:
      '{{entry}} is not the key set of the Keycloak realm in {{authorityKey}} ({{authority}}); Keycloak serves it at "{{jwks}}".',
    oneLogin: '{{entry}} is not the key set of the OneLogin issuer in {{authorityKey}}; OneLogin serves it at "{{jwks}}".',
  },
  check(ctx) {
    if (!ctx.isOidcProvider) return;
    // A security config export without publicKeyUrls is imported with an empty list (EXPORT_DEFAULTS).
    const publicKeys = ctx.get(['authentication', 'publicKeys']) ?? (ctx.model.securityExport && ctx.model.config.authentication !== undefined ? [] : undefined);
    const expectation = expectedJwks(ctx);
    // The provider is one of the OIDC provider names (isOidcProvider), printed bare as before.
    const provider = ctx.provider;
    const key = ctx.keyName(PUBLIC_KEYS);
    if (publicKeys === undefined) {
      const words = { key, defaults: ctx.defaultsName, provider };
      ctx.report({
        at: PUBLIC_KEYS,
        ...(expectation.jwks ? { messageId: 'notSet', data: { ...words, jwks: expectation.jwks } } : { messageId: 'notSetUnknown', data: words }),
      });
      return;
    }
    if (!Array.isArray(publicKeys)) return; // valid-schema reports the type
    const idpEntries = stringItems(publicKeys)
      .filter(({ item }) => !isOpenMetadataJwks(item))
      .map((entry) => ({ ...entry, url: ctx.once(parseHttpUrl, entry.item) }));
    if (idpEntries.length === 0) {
      // The SSO validator (1.10+) requires a public client's list not to be empty (SystemRepository).
      const validator = publicKeys.length === 0 && ctx.clientType === 'public' && hasSsoValidator(ctx)
        ? ' An empty list also makes Settings > SSO refuse every save ("Public key URLs are required").'
        : '';
      ctx.report({
        at: PUBLIC_KEYS,
        target: 'key',
        ...(expectation.jwks
          ? { messageId: 'noIdpEntry', data: { key, provider, jwks: expectation.jwks, validator } }
          : { messageId: 'noIdpEntryUnknown', data: { key, provider, validator } }),
      });
      return;
    }
    // A placeholder is no-placeholders' finding, an entry that is no URL public-keys-urls'.
    if (idpEntries.some(({ item, url }) => isTemplated(item) || !url)) return;
    reportLoopbackEntries(ctx, idpEntries);
    const { accepts, culprit: isCulprit, mismatch: mismatchOf } = expectation;
    if (!accepts || !mismatchOf) return;
    if (idpEntries.some(({ item, url }) => accepts(item.trim(), url))) {
      if (ctx.provider === 'azure') reportAzureNotExact(ctx, publicKeys, idpEntries);
      return;
    }
    const culprit = idpEntries.find(({ item, url }) => isCulprit?.(item.trim(), url)) ?? idpEntries[0];
    const mismatch = mismatchOf(culprit.item.trim(), culprit.url);
    ctx.report({
      at: ['authentication', 'publicKeys', culprit.index],
      severity: mismatch.severity ?? 'warn',
      messageId: mismatch.messageId,
      data: { ...mismatch.data, key, entry: show(culprit.item), authorityKey: ctx.keyName(['authentication', 'authority']) },
    });
  },
});

/**
 * From 1.10 the SSO validator compares the list with the tenant's key set as Java's String.equals
 * does (AzureAuthValidator.validatePublicKeyUrls @ 0391f184): an entry that names the tenant in
 * another letter case, or ends in a slash, still serves the keys (sign-in works) but every save of
 * the SSO settings is refused (OpenMetadata #28379). The validator skips an empty list.
 */
function reportAzureNotExact(ctx: RuleContext, publicKeys: readonly Plain[], entries: readonly Entry[]): void {
  if (!hasSsoValidator(ctx) || publicKeys.length === 0) return;
  const found = azureValidatorTenant(ctx);
  if (!found) return;
  const jwks = `${AZURE_VALIDATOR_BASE}/${found.tenant}/discovery/v2.0/keys`;
  if (publicKeys.some((item) => item === jwks)) return;
  const culprit = entries.find(({ item }) => sameBarCaseAndSlash(item, jwks));
  if (!culprit) return;
  ctx.report({
    at: ['authentication', 'publicKeys', culprit.index],
    severity: 'warn',
    messageId: 'azureExact',
    // The tenant is a GUID or one of Azure's words, which the validator accepts: no secret.
    data: { entry: show(culprit.item), jwks, tenantKey: ctx.keyName(found.path), server: describeServer(ctx) },
  });
}

/**
 * The server fetches these URLs itself. In a pod or a docker container localhost is the OpenMetadata
 * container (docs pages for Keycloak and custom OIDC show http://localhost:808x realms; OpenMetadata
 * #7567, a docker-compose setup with `http://localhost:8080/realms/…/certs`): the key set is
 * unreachable and every SSO token is rejected. Helm values always run in a pod and env files feed a
 * container; openmetadata.yaml may belong to a server started on the provider's own machine.
 * OpenMetadata's own JWKS on localhost:8585 is fine.
 */
function reportLoopbackEntries(ctx: RuleContext, entries: readonly Entry[]): void {
  const inContainer = ctx.form !== 'server-config';
  for (const { item, index, url } of entries) {
    if (!url || !isLoopback(url.hostname)) continue;
    ctx.report({
      at: ['authentication', 'publicKeys', index],
      ...(inContainer ? { messageId: 'loopback' } : { severity: 'warn', messageId: 'loopbackBareMetal' }),
      data: { entry: show(item) },
    });
  }
}

function isLoopback(hostname: string): boolean {
  const host = hostname.toLowerCase();
  return host === 'localhost' || /^127\./.test(host) || host === '[::1]';
}

/** A publicKeys entry that is not OpenMetadata's own JWKS, with its index and the URL it parses to. */
interface Entry {
  item: string;
  index: number;
  url: URL | undefined;
}

/**
 * Why the culprit entry does not fit, and what to write instead: the message and its data (the rule
 * adds the entry); an error when the entry is the key set of another issuer, else a warning.
 */
interface Mismatch {
  messageId: string;
  data?: MessageData;
  severity?: 'error';
}

interface Expectation {
  /** The JWKS URL to add, for messages; undefined when only the provider's discovery document knows it. */
  jwks?: string;
  /** Whether an entry (trimmed, and parsed) is a JWKS URL that fits; undefined when nothing can be said offline. */
  accepts?: (entry: string, url: URL | undefined) => boolean;
  /** The entry the user most likely meant as the provider's JWKS. */
  culprit?: (entry: string, url: URL | undefined) => boolean;
  /** Why the culprit does not fit; undefined with `accepts`. */
  mismatch?: (entry: string, url: URL | undefined) => Mismatch;
}

function expectedJwks(ctx: RuleContext): Expectation {
  const written = ctx.get(['authentication', 'authority']);
  const authority = trimmedString(written);
  const issuerUrl = authority && !isTemplated(authority) ? ctx.once(parseHttpUrl, written) : undefined;
  const issuer = issuerUrl ? authority : undefined;
  switch (ctx.provider) {
    case 'google':
      return google();
    case 'azure':
      return azure(azureTenant(ctx, issuerUrl), issuerUrl);
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
    jwks: GOOGLE_JWKS,
    accepts: (entry) => same(entry, GOOGLE_JWKS),
    culprit: (entry) => /googleapis\.com|google\.com/i.test(entry),
    mismatch: (entry) => ({ messageId: /\/oauth2\/v1\/certs/.test(entry) ? 'googleCerts' : 'googleOther' }),
  };
}

/**
 * Confidential clients sign in with oidcConfiguration.tenant (AzureAuthValidator), public ones with
 * authority's. When the two disagree, azure-tenant reports that and any tenant's v2 keys pass here.
 */
function azureTenant(ctx: RuleContext, issuer: URL | undefined): string | undefined {
  const written = isOidcBlockRendered(ctx) ? trimmedString(ctx.get(['authentication', 'oidcConfiguration', 'tenant'])) : undefined;
  const tenant = written && isAzureTenant(written) ? written : undefined;
  const inAuthority = azureTenantOf(issuer);
  const fromAuthority = inAuthority && isAzureTenant(inAuthority) ? inAuthority : undefined;
  if (tenant && fromAuthority && tenant.toLowerCase() !== fromAuthority.toLowerCase()) return undefined;
  return tenant ?? fromAuthority;
}

function azure(tenant: string | undefined, issuer: URL | undefined): Expectation {
  const authorityHost = issuer?.hostname.toLowerCase();
  const host = authorityHost && AZURE_LOGIN_HOSTS.includes(authorityHost) ? authorityHost : AZURE_LOGIN_HOSTS[0];
  const expected = `https://${host}/${tenant ?? '<tenant>'}/discovery/v2.0/keys`;
  return {
    jwks: expected,
    accepts: (_entry, url) => {
      const entryTenant = azureTenantOf(url);
      return (
        !!url && url.protocol === 'https:' && !!entryTenant && (tenant ? entryTenant.toLowerCase() === tenant.toLowerCase() : isAzureTenant(entryTenant)) &&
        /^\/[^/]+\/discovery\/v2\.0\/keys\/?$/.test(url.pathname)
      );
    },
    culprit: (_entry, url) => azureTenantOf(url) !== undefined,
    mismatch: (entry): Mismatch =>
      /\/discovery\/keys\/?$/.test(entry)
        ? { messageId: 'azureV1', data: { keySet: /\/common\/discovery\//.test(entry) ? 'the tenant-less' : 'a', jwks: expected } }
        : { messageId: 'azureOther', data: { jwks: expected } },
  };
}

/** Okta and Auth0 serve https only; an http authority is authority-format's finding, the keys are still https. */
function httpsUrl(issuer: string | undefined): URL | undefined {
  return parseHttpUrl(issuer?.replace(/^http:/i, 'https:'));
}

/**
 * Okta has an org authorization server (issuer https://org.okta.com, keys at /oauth2/v1/keys) and
 * custom ones (issuer …/oauth2/{id}, keys at {issuer}/v1/keys); tokens are only verified by the
 * keys of the server that issued them (OpenMetadata #2773: the docs listed the "default" custom
 * server's keys for tokens of the org server, and every login failed with "No key found"). The
 * same server on another host may be the org's custom domain: only a warning.
 */
function okta(issuer: string | undefined): Expectation {
  const url = httpsUrl(issuer);
  const path = url ? url.pathname.replace(/\/+$/, '') : undefined;
  let expected: string | undefined;
  if (url && path === '') expected = `${url.origin}/oauth2/v1/keys`;
  else if (url && path && /^\/oauth2\/[^/]+$/.test(path)) expected = `${url.origin}${path}/v1/keys`;
  if (!expected) {
    return {
      jwks: '<issuer>/v1/keys',
      accepts: (entry) => /\/v1\/keys\/?$/.test(entry),
      mismatch: () => ({ messageId: 'oktaAnyServer' }),
    };
  }
  const keys = expected;
  const serverPath = new URL(keys).pathname;
  return {
    jwks: keys,
    accepts: (entry) => same(entry, keys),
    culprit: (entry) => /\/v1\/keys\/?$/.test(entry),
    mismatch: (_entry, entryUrl) =>
      entryUrl && entryUrl.pathname.replace(/\/+$/, '') === serverPath
        ? { messageId: 'oktaHost', data: { authority: show(issuer), jwks: keys } }
        : { messageId: 'oktaServer', data: { authority: show(issuer), jwks: keys }, severity: 'error' },
  };
}

function auth0(issuer: string | undefined): Expectation {
  const url = httpsUrl(issuer);
  const expected = url ? `${url.origin}/.well-known/jwks.json` : undefined;
  return {
    jwks: expected ?? 'https://<tenant>.auth0.com/.well-known/jwks.json',
    accepts: (entry) => (expected ? same(entry, expected) : /\/\.well-known\/jwks\.json\/?$/.test(entry)),
    culprit: (entry) => /\/\.well-known\/jwks\.json\/?$/.test(entry),
    mismatch: () => (expected ? { messageId: 'auth0Domain', data: { jwks: expected } } : { messageId: 'auth0AnyDomain' }),
  };
}

function cognito(issuer: string | undefined): Expectation {
  const expected = issuer && COGNITO_ISSUER.test(withoutTrailingSlash(issuer)) ? `${withoutTrailingSlash(issuer)}/.well-known/jwks.json` : undefined;
  return {
    jwks: expected ?? 'https://cognito-idp.<region>.amazonaws.com/<user pool id>/.well-known/jwks.json',
    accepts: (entry) =>
      expected ? same(entry, expected) : /^https:\/\/cognito-idp\.[a-z0-9-]+\.amazonaws\.com\/[A-Za-z0-9_-]+\/\.well-known\/jwks\.json\/?$/.test(entry),
    culprit: (entry) => /cognito/i.test(entry),
    // The key set of another user pool (or region) never verifies this pool's tokens, as with Okta's servers (#2773).
    mismatch: () => ({ messageId: 'cognito', data: { jwks: expected ?? '<authority>/.well-known/jwks.json' }, ...(expected ? { severity: 'error' as const } : {}) }),
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
    const certs = `${realm.issuer}/protocol/openid-connect/certs`;
    return {
      jwks: certs,
      accepts: (_entry, url) => url?.pathname.replace(/\/+$/, '') === `${realmPrefix}/protocol/openid-connect/certs`,
      culprit: (entry) => /\/realms\//.test(entry),
      // Each realm signs with its own keys: another realm's never verify this one's tokens (#2773's mechanism).
      mismatch: () => ({ messageId: 'keycloak', data: { authority: show(issuer), jwks: certs }, severity: 'error' }),
    };
  }
  const url = parseHttpUrl(issuer);
  if (url && /\.onelogin\.com$/i.test(url.hostname)) {
    const expected = `${withoutTrailingSlash(issuer ?? '')}/certs`;
    return {
      jwks: expected,
      accepts: (entry) => same(entry, expected),
      culprit: (entry) => /onelogin\.com/i.test(entry),
      mismatch: () => ({ messageId: 'oneLogin', data: { jwks: expected } }),
    };
  }
  // Only the provider's discovery document knows its JWKS URL: no entry can be judged offline.
  return {};
}
