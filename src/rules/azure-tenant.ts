import { defineRule, RuleContext } from './support/rule';
import { parseHttpUrl, stringItems } from './support/helpers';
import { show } from './support/message';
import { entryName } from './support/mention';
import type { Path } from '../types';
import { AZURE_TENANT_WORDS, GUID, azureTenantOf, isAzureTenant, isOidcBlockRendered, isTemplated, writtenSetting } from './support/idp';

/**
 * An Azure confidential client signs in with `oidcConfiguration.tenant` (pac4j AzureAd2Client;
 * OpenMetadata AuthenticationCodeFlowHandler.java @ 0152299f). AzureAuthValidator @ 0391f184 requires it ("Tenant ID is required for Azure confidential
 * clients") as a GUID or common/organizations/consumers, and derives the expected discovery URI and
 * JWKS URL from it. An empty or placeholder tenant ended in pac4j "Illegal character in path"
 * (OpenMetadata PR #22070); a tenant that differs from the one in authority, discoveryUri or the
 * JWKS URL signs users in against one directory and verifies them against another.
 */
const TENANT: Path = ['authentication', 'oidcConfiguration', 'tenant'];

const NEEDS_TENANT =
  'an Azure confidential client needs the Directory (tenant) ID GUID of the app registration ("Tenant ID is required for Azure confidential clients").';

export default defineRule({
  id: 'azure-tenant',
  severity: 'error',
  description: 'Azure confidential client: oidcConfiguration.tenant missing, malformed or not the tenant of the other URLs.',
  messages: {
    missing: `{{key}} is {{state}}; ${NEEDS_TENANT}`,
    missingNamedElsewhere: `{{key}} is {{state}}; ${NEEDS_TENANT} {{otherKey}} names {{named}}.`,
    url: '{{key}} must be the tenant id, not a URL ({{tenant}}).',
    urlOfTenant: '{{key}} must be the tenant id, not a URL ({{tenant}}); write {{inUrl}}.',
    upperCaseWord: 'write {{key}} "{{word}}" in lower case; the server compares it exactly.',
    notTenant:
      '{{key}} {{tenant}} is not a tenant id: use the Directory (tenant) ID GUID, or common/organizations/consumers for multi-tenant apps.',
    othersNameAnother:
      '{{key}} {{tenant}} is not the tenant {{other}} that {{keys}} {{verb}}; users would sign in to one directory and be verified ' +
      'against another. Use the same tenant everywhere.',
    keyNamesAnother:
      '{{otherKey}} names tenant {{other}}, but {{key}} (line {{line}}) is {{tenant}}; use the same tenant everywhere.',
  },
  check(ctx) {
    if (ctx.provider !== 'azure' || !isOidcBlockRendered(ctx)) return;
    const written = writtenSetting(ctx, TENANT);
    if (written !== undefined && typeof written !== 'string') return; // valid-schema reports the type
    const tenant = (written ?? '').trim();
    if (tenant === '') {
      reportMissing(ctx, written === undefined ? 'not set' : 'empty');
      return;
    }
    if (isTemplated(tenant)) return; // no-placeholders reports it
    if (!isAzureTenant(tenant)) {
      reportMalformed(ctx, tenant);
      return;
    }
    reportDisagreement(ctx, tenant);
  },
});

/** Hints at the tenant named by authority, or else by another key the user wrote. */
function reportMissing(ctx: RuleContext, state: 'not set' | 'empty'): void {
  const known = tenantSources(ctx)[0];
  const key = ctx.keyName(TENANT);
  if (!known) {
    ctx.report({ at: TENANT, messageId: 'missing', data: { key, state } });
    return;
  }
  ctx.report({ at: TENANT, messageId: 'missingNamedElsewhere', data: { key, state, otherKey: entryName(ctx, known.path), named: show(known.tenant) } });
}

function reportMalformed(ctx: RuleContext, tenant: string): void {
  const key = ctx.keyName(TENANT);
  const url = ctx.once(parseHttpUrl, tenant);
  if (url) {
    const inUrl = azureTenantOf(url);
    if (inUrl) ctx.report({ at: TENANT, messageId: 'urlOfTenant', data: { key, tenant: show(tenant), inUrl: show(inUrl) } });
    else ctx.report({ at: TENANT, messageId: 'url', data: { key, tenant: show(tenant) } });
    return;
  }
  const word = tenant.toLowerCase();
  // One of Azure's own tenant words, written in another case: printed as the rule's word.
  if (AZURE_TENANT_WORDS.includes(word)) ctx.report({ at: TENANT, messageId: 'upperCaseWord', data: { key, word } });
  else ctx.report({ at: TENANT, messageId: 'notTenant', data: { key, tenant: show(tenant) } });
}

interface TenantSource {
  path: Path;
  tenant: string;
}

/**
 * The tenants written in authority, discoveryUri and the Azure JWKS entries. The shared v1 key set
 * `common/discovery/keys` names no tenant (idp-jwks-public-key reports it), nor does a tenant-less
 * discovery URI (discovery-uri reports it).
 */
function tenantSources(ctx: RuleContext): TenantSource[] {
  const sources: TenantSource[] = [];
  const add = (path: Path, value: unknown, isKeySet = false): void => {
    if (typeof value !== 'string' || isTemplated(value)) return;
    const found = azureTenantOf(ctx.once(parseHttpUrl, value));
    if (!found || !isAzureTenant(found)) return;
    if (isKeySet && /\/discovery\/keys\/?$/.test(value.trim())) return;
    sources.push({ path, tenant: found });
  };
  add(['authentication', 'authority'], ctx.get(['authentication', 'authority']));
  add(['authentication', 'oidcConfiguration', 'discoveryUri'], ctx.get(['authentication', 'oidcConfiguration', 'discoveryUri']));
  for (const { item, index } of stringItems(ctx.get(['authentication', 'publicKeys']))) {
    add(['authentication', 'publicKeys', index], item, true);
  }
  return sources;
}

/**
 * GUIDs name the same tenant in any letter case. A confidential client does not sign in with
 * authority, so there only two different directories (two GUIDs) count; discoveryUri and the JWKS
 * URL must name the tenant exactly (AzureAuthValidator builds both from it).
 */
function differs(source: TenantSource, tenant: string): boolean {
  if (source.tenant.toLowerCase() === tenant.toLowerCase()) return false;
  return source.path[1] !== 'authority' || (GUID.test(source.tenant) && GUID.test(tenant));
}

/**
 * Where the tenants disagree, the finding lands on the key the user most likely has to change: the
 * tenant when every other key agrees on another value, otherwise each key that differs from it.
 */
function reportDisagreement(ctx: RuleContext, tenant: string): void {
  const sources = tenantSources(ctx);
  const differing = sources.filter((source) => differs(source, tenant));
  if (differing.length === 0) return;
  const agreeing = sources.filter((source) => source.tenant.toLowerCase() === tenant.toLowerCase());
  const othersAgree = agreeing.length === 0 && new Set(differing.map((source) => source.tenant.toLowerCase())).size === 1;
  if (othersAgree) {
    const keys = differing.map((source) => `${entryName(ctx, source.path)} (line ${ctx.locationOf(source.path).line})`);
    ctx.report({
      at: TENANT,
      messageId: 'othersNameAnother',
      data: {
        key: ctx.keyName(TENANT),
        tenant: show(tenant),
        other: show(differing[0].tenant),
        keys: keys.length > 1 ? `${keys.slice(0, -1).join(', ')} and ${keys[keys.length - 1]}` : keys[0],
        verb: differing.length > 1 ? 'name' : 'names',
      },
    });
    return;
  }
  const line = ctx.locationOf(TENANT).line;
  // A JWKS URL of another tenant is idp-jwks-public-key's finding; here it only counts as evidence.
  for (const source of differing.filter((candidate) => candidate.path[1] !== 'publicKeys')) {
    ctx.report({
      at: source.path,
      messageId: 'keyNamesAnother',
      data: { otherKey: entryName(ctx, source.path), other: show(source.tenant), key: ctx.keyName(TENANT), line, tenant: show(tenant) },
    });
  }
}
