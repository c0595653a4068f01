import { defineRule, RuleContext } from './support/rule';
import { extraEnvsOf, joinNames } from './support/values';
import { describeServer, hasSecurityConfigCommands, hasSsoValidator } from './support/server-release';
import { isHelmModel } from '../layouts/model';
import { SERVER_ONLY_AUTH_ENV } from '../knowledge/names';
import type { Path, Plain } from '../types';
import { isPlainMap } from '../types';

/**
 * From OpenMetadata 1.10 every save of Settings > SSO sends the whole security configuration through
 * `SystemRepository.validateSecurityConfiguration` (PATCH of `/api/v1/system/security/config`,
 * re-validated whole since PR #23562; PUT too since PR #30499), which refuses it on the first
 * problem. Installs that sign in fine can then save no SSO change at all (OpenMetadata #28379,
 * #24404). The other rules check most of its offline part (admins, principal domain, public keys,
 * client ids, claims, Azure's exact URLs); this rule checks what none of them does:
 *
 * - `providerName` must not be empty ("Provider name is required"), for every provider. The chart
 *   has no key for it, so a chart install stores "" unless `CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME`
 *   comes through extraEnvs (src/knowledge/names.ts; #24404); the stock openmetadata.yaml's default
 *   is "" too.
 * - For an OIDC provider, `AuthenticationCodeFlowHandler.validateConfig` runs when the client is
 *   confidential *or `oidcConfiguration` is not null*; building the OIDC client throws "Client ID
 *   and Client Secret is required…" when either is blank. The stock openmetadata.yaml always carries
 *   the block with `id: ""` and `secret: ""`, so every public client's stored copy holds that stub.
 *
 * Both fire on nearly every default install and matter only to whoever edits SSO in the UI: advice
 * (info), and only for releases with the validator (1.10+).
 *
 * Source: OpenMetadata `openmetadata-service/.../jdbi3/SystemRepository.java` @ 010700ce
 * (validateAuthenticationConfigurationBaseFields, validateOidcConfiguration).
 */
const PROVIDER_NAME: Path = ['authentication', 'providerName'];
const OIDC: Path = ['authentication', 'oidcConfiguration'];
const PROVIDER_NAME_ENV = SERVER_ONLY_AUTH_ENV.providerName;

/** A name for the login button, per provider: words of the rule's own. */
const EXAMPLE_NAME: Record<string, string> = {
  google: 'Google', azure: 'Azure AD', okta: 'Okta', auth0: 'Auth0', 'aws-cognito': 'Cognito', 'custom-oidc': 'Keycloak',
  ldap: 'LDAP', saml: 'SAML', basic: 'OpenMetadata',
};

const REFUSED = 'so no SSO change can be saved in the UI';

export default defineRule({
  id: 'sso-validator',
  severity: 'info',
  description: "What the server's SSO validator (OpenMetadata 1.10+) refuses on every save of Settings > SSO and no other rule checks: an empty providerName, a public client's empty oidcConfiguration.",
  messages: {
    providerName:
      '{{key}} is {{state}}: {{server}} validates the whole configuration on every save of Settings > SSO and refuses it without a ' +
      `provider name ("Provider name is required"), ${REFUSED}. Set {{key}} to the name of the login button, e.g. "{{example}}".`,
    providerNameChart:
      '{{server}} validates the whole configuration on every save of Settings > SSO and refuses it without a provider name ' +
      `("Provider name is required"), and the chart has no key for it: the server stores "", ${REFUSED}. Set it through ` +
      'extraEnvs: {name: {{env}}, value: "{{example}}"}, the name of the login button.',
    providerNameEnvEmpty:
      `extraEnvs {{env}} is empty: {{server}} refuses every save of Settings > SSO without a provider name ("Provider name is ` +
      `required"), ${REFUSED}. Give it the name of the login button, e.g. "{{example}}".`,
    oidcStub:
      '{{block}} is there for a public client with {{blank}} empty: sign-in never uses it, but {{server}} builds an OIDC client ' +
      'from any oidcConfiguration when SSO settings are saved, and fails ("Client ID and Client Secret is required"), ' +
      `${REFUSED}. {{remedy}}`,
    oidcStubImage:
      "The image's openmetadata.yaml gives this public client an OIDC client block with {{blank}} empty, and the server stores it: " +
      'sign-in never uses it, but {{server}} builds an OIDC client from it when SSO settings are saved, and fails ("Client ID and ' +
      `Client Secret is required"), ${REFUSED}. {{remedy}}`,
  },
  check(ctx) {
    if (!hasSsoValidator(ctx)) return;
    checkProviderName(ctx);
    checkOidcStub(ctx);
  },
});

function isBlank(value: Plain | undefined): boolean {
  return value === undefined || value === null || (typeof value === 'string' && value.trim() === '');
}

function checkProviderName(ctx: RuleContext): void {
  const example = EXAMPLE_NAME[ctx.provider] ?? 'OpenMetadata';
  const server = describeServer(ctx);
  if (isHelmModel(ctx.model)) {
    // A providerName key in the values is no-unknown-keys' finding ("set it through extraEnvs").
    if (ctx.get(PROVIDER_NAME) !== undefined) return;
    const env = extraEnvsOf(ctx).find((entry) => entry.name === PROVIDER_NAME_ENV);
    if (env && (env.hasValueFrom || !isBlank(env.value))) return;
    if (env) {
      ctx.report({ at: ['extraEnvs', env.index], root: 'chart', target: 'key', messageId: 'providerNameEnvEmpty', data: { env: PROVIDER_NAME_ENV, server, example } });
    } else {
      ctx.report({ at: PROVIDER_NAME, target: 'key', messageId: 'providerNameChart', data: { env: PROVIDER_NAME_ENV, server, example } });
    }
    return;
  }
  // An export without its authentication part leaves the stored one as it is (security-config-export's finding).
  if (ctx.model.securityExport && ctx.model.config.authentication === undefined) return;
  if (!isBlank(ctx.effective(PROVIDER_NAME))) return;
  const written = ctx.get(PROVIDER_NAME) !== undefined;
  const state = written ? 'empty' : ctx.model.securityExport ? 'not set' : `not set (${ctx.defaultsName} is "")`;
  ctx.report({ at: PROVIDER_NAME, target: written ? 'value' : 'key', messageId: 'providerName', data: { key: ctx.keyName(PROVIDER_NAME), state, server, example } });
}

/**
 * The oidcConfiguration the server stores for a public client: the one openmetadata.yaml or an
 * export writes; from Helm values and env files, the image's openmetadata.yaml block (id and secret
 * "" unless a variable sets them).
 */
function checkOidcStub(ctx: RuleContext): void {
  if (!ctx.isOidcProvider || ctx.clientType !== 'public') return;
  const fromImage = ctx.form !== 'server-config';
  if (!fromImage && !isPlainMap(ctx.get(OIDC))) return;
  const id = [...OIDC, 'clientId'];
  const secret = [...OIDC, 'clientSecret'];
  const blank = [id, secret].filter((path) => (isHelmModel(ctx.model) ? !helmSets(ctx, path) : isBlank(ctx.effective(path))));
  if (blank.length === 0) return;
  const data = { blank: joinNames(blank.map((path) => ctx.keyName(path))), server: describeServer(ctx), remedy: remedy(ctx) };
  if (fromImage) ctx.report({ at: OIDC, target: 'key', messageId: 'oidcStubImage', data });
  else ctx.report({ at: OIDC, target: 'key', messageId: 'oidcStub', data: { ...data, block: ctx.keyName(OIDC) } });
}

/**
 * The chart renders no OIDC variable for a public client (the block is rendered for confidential
 * clients only: support/idp.ts isOidcBlockRendered); only an extraEnvs entry gives the server a client
 * id (folded into the model) or secret (never folded: a Secret reference or a literal entry).
 */
function helmSets(ctx: RuleContext, path: Path): boolean {
  if (path.at(-1) === 'clientId') return ctx.origin(path)?.env?.source === 'extraEnvs' && !isBlank(ctx.get(path));
  return extraEnvsOf(ctx).some((entry) => entry.name === 'OIDC_CLIENT_SECRET' && (entry.hasValueFrom || !isBlank(entry.value)));
}

function remedy(ctx: RuleContext): string {
  if (ctx.model.securityExport) return 'Delete the oidcConfiguration block from this file before importing it.';
  const stored = hasSecurityConfigCommands(ctx)
    ? 'remove the block from the stored copy: "openmetadata-ops.sh get-security-config -o FILE", delete it, "update-security-config -f FILE", restart'
    : 'the block has to go from the stored copy, and before 1.12.0 no command edits it (get- and update-security-config came with 1.12.0)';
  if (ctx.form === 'server-config') return `Delete the block from this file before the first start; once the server has stored it, ${stored}.`;
  return `Before editing SSO in the UI, ${stored}.`;
}
