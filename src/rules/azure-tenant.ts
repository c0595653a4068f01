import { defineRule, RuleContext } from './support/rule';
import { parseHttpUrl, show, stringItems } from './support/helpers';
import type { Path } from '../types';
import { GUID, azureTenantOf, isAzureTenant, isOidcBlockRendered, isTemplated, trimmedString } from './support/idp';

/**
 * An Azure confidential client signs in with `oidcConfiguration.tenant` (pac4j AzureAd2Client;
 * OpenMetadata AuthenticationCodeFlowHandler.java @ 0152299f). AzureAuthValidator @ 0391f184 requires it ("Tenant ID is required for Azure confidential
 * clients") as a GUID or common/organizations/consumers, and derives the expected discovery URI and
 * JWKS URL from it. An empty or placeholder tenant ended in pac4j "Illegal character in path"
 * (OpenMetadata PR #22070); a tenant that differs from the one in authority, discoveryUri or the
 * JWKS URL signs users in against one directory and verifies them against another.
 */
const TENANT: Path = ['authentication', 'oidcConfiguration', 'tenant'];

export default defineRule({
  id: 'azure-tenant',
  severity: 'error',
  description: 'Azure confidential client: oidcConfiguration.tenant missing, malformed or not the tenant of the other URLs.',
  check(ctx) {
    if (ctx.provider !== 'azure' || !isOidcBlockRendered(ctx)) return;
    const written = ctx.get(TENANT);
    if (written !== undefined && typeof written !== 'string') return; // valid-schema reports the type
    const tenant = (written ?? '').trim();
    if (tenant === '') {
      ctx.report({
        at: TENANT,
        message:
          `oidcConfiguration.tenant is ${written === undefined ? 'not set' : 'empty'}; an Azure confidential client needs the ` +
          'Directory (tenant) ID GUID of the app registration ("Tenant ID is required for Azure confidential clients").' +
          suggestion(ctx),
      });
      return;
    }
    if (isTemplated(tenant)) return; // no-placeholders reports it
    if (!isAzureTenant(tenant)) {
      ctx.report({ at: TENANT, message: malformed(tenant) });
      return;
    }
    reportDisagreement(ctx, tenant);
  },
});

function malformed(tenant: string): string {
  const url = parseHttpUrl(tenant);
  const inUrl = azureTenantOf(url);
  if (url) {
    return `oidcConfiguration.tenant must be the tenant id, not a URL (${show(tenant)})${inUrl ? `; write "${inUrl}"` : ''}.`;
  }
  const word = tenant.toLowerCase();
  if (['common', 'organizations', 'consumers'].includes(word)) return `write tenant "${word}" in lower case; the server compares it exactly.`;
  return `oidcConfiguration.tenant ${show(tenant)} is not a tenant id: use the Directory (tenant) ID GUID, or common/organizations/consumers for multi-tenant apps.`;
}

/** Tenant named by authority, or the first written tenant found in other keys, as a hint. */
function suggestion(ctx: RuleContext): string {
  const known = tenantSources(ctx)[0];
  return known ? ` ${labelOf(known.path)} names "${known.tenant}".` : '';
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
    const found = azureTenantOf(parseHttpUrl(value));
    if (!found || !isAzureTenant(found)) return;
    if (isKeySet && /\/discovery\/keys\/?$/.test(value.trim())) return;
    sources.push({ path, tenant: found });
  };
  add(['authentication', 'authority'], trimmedString(ctx.get(['authentication', 'authority'])));
  add(['authentication', 'oidcConfiguration', 'discoveryUri'], trimmedString(ctx.get(['authentication', 'oidcConfiguration', 'discoveryUri'])));
  for (const { item, index } of stringItems(ctx.get(['authentication', 'publicKeys']))) {
    add(['authentication', 'publicKeys', index], item.trim(), true);
  }
  return sources;
}

function labelOf(path: Path): string {
  if (path[1] === 'publicKeys') return `publicKeys[${path[2]}]`;
  return String(path[path.length - 1]);
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
    const names = differing.map((source) => `${labelOf(source.path)} (line ${ctx.locationOf(source.path).line})`);
    const where = names.length > 1 ? `${names.slice(0, -1).join(', ')} and ${names[names.length - 1]}` : names[0];
    ctx.report({
      at: TENANT,
      message: `tenant "${tenant}" is not the tenant "${differing[0].tenant}" that ${where} ${differing.length > 1 ? 'name' : 'names'}; users would sign in to one directory and be verified against another. Use the same tenant everywhere.`,
    });
    return;
  }
  const tenantLine = ctx.locationOf(TENANT).line;
  // A JWKS URL of another tenant is idp-jwks-public-key's finding; here it only counts as evidence.
  for (const source of differing.filter((candidate) => candidate.path[1] !== 'publicKeys')) {
    ctx.report({
      at: source.path,
      message: `${labelOf(source.path)} names tenant "${source.tenant}", but oidcConfiguration.tenant (line ${tenantLine}) is "${tenant}"; use the same tenant everywhere.`,
    });
  }
}
