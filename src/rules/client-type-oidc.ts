import { defineRule, MessageDatum, RuleContext } from './support/rule';
import { isNonEmptyString } from './support/helpers';
import { show } from './support/message';
import { mention } from './support/mention';
import { suggestedOrigin } from './support/public-urls';
import type { Path, Plain } from '../types';
import { isHelmModel } from '../layouts/model';
import { isPlainMap } from '../types';

/**
 * The chart renders the OIDC block (OIDC_* variables, client id and secret from their Secret) only
 * when `clientType` is "confidential" AND `oidcConfiguration.enabled` is true (chart
 * `templates/_helpers.tpl` 233, `templates/secrets.yaml` 320 @ 1.13.1; openmetadata-helm-charts #462,
 * OpenMetadata #20811). Without it the server's code-flow handler gets empty values and fails
 * ("Client ID and Client Secret is required to create OidcClient"; it also asserts callbackUrl and
 * serverUrl non-blank: AuthenticationCodeFlowHandler.java @ 0152299f). A public client never gets
 * the block, and the code flow is only used for OIDC providers (AuthServeletHandlerFactory.java @
 * 4a4ca905). An empty discoveryUri is discovery-uri's finding; a filled OIDC block with neither an
 * OIDC provider nor a confidential client is provider-block-ignored's.
 */
const OIDC = ['authentication', 'oidcConfiguration'] as const;
const ENABLED: Path = [...OIDC, 'enabled'];
const CLIENT_TYPE: Path = ['authentication', 'clientType'];
const PROVIDER: Path = ['authentication', 'provider'];

const CODE_FLOW_PROVIDERS = 'the server uses the OIDC code flow only for google, okta, auth0, azure, custom-oidc and aws-cognito.';
const NO_OIDC_SETTINGS =
  'so the chart renders none of the OIDC settings (client id and secret included) and the server\'s ' +
  'code flow fails with "Client ID and Client Secret is required".';
const PUBLIC_ENABLED =
  'the chart renders the OIDC block only for confidential clients, so the server-side code flow it enables never runs ' +
  'and logins fail (a 404 on the callback, then 401 on every request). Set clientType: confidential for the server-side ' +
  'code flow, or remove oidcConfiguration for the browser flow.';
const PUBLIC_FILLED =
  'the chart renders the OIDC block only for confidential clients, so these settings are silently ignored. Harmless ' +
  'if the browser flow is what you want (then remove oidcConfiguration); for the server-side code flow, which these ' +
  'settings are for, set clientType: confidential and oidcConfiguration.enabled: true.';

export default defineRule({
  id: 'client-type-oidc',
  severity: 'error',
  description: 'clientType and oidcConfiguration.enabled disagree, so the chart drops or ignores the OIDC block.',
  messages: {
    serverNotOidcProvider:
      `{{key}} "confidential" has no effect with provider {{provider}}: ${CODE_FLOW_PROVIDERS} Remove {{key}} (or set "public").`,
    serverClientEmpty:
      '{{client}} is {{state}} while {{clientType}} is "confidential": the server\'s code flow fails ' +
      'with "Client ID and Client Secret is required to create OidcClient" and nobody can sign in. Set it.',
    notOidcProvider:
      `clientType "confidential" has no effect with provider {{provider}} (line {{line}}): ${CODE_FLOW_PROVIDERS} ` +
      'Remove clientType (or set "public").',
    notOidcProviderDefault:
      `clientType "confidential" has no effect with provider {{provider}} (the chart default): ${CODE_FLOW_PROVIDERS} ` +
      'Remove clientType (or set "public").',
    notEnabled: `oidcConfiguration.enabled is {{enabled}} while {{clientType}} is "confidential", ${NO_OIDC_SETTINGS} Set it to true.`,
    noEnabled:
      `oidcConfiguration has no "enabled: true" while {{clientType}} is "confidential", ${NO_OIDC_SETTINGS} ` +
      'Add "enabled: true" directly under oidcConfiguration.',
    noBlock:
      `clientType is "confidential" but there is no oidcConfiguration with "enabled: true", ${NO_OIDC_SETTINGS} ` +
      'Add oidcConfiguration with enabled: true, discoveryUri, callbackUrl and serverUrl, or use clientType "public".',
    emptySecretRef:
      '{{key}} is empty: the chart renders an invalid secretKeyRef and the pod does not start. ' +
      'Name the Kubernetes Secret that holds the {{holds}}.',
    emptySecretKey:
      '{{key}} is empty: the chart renders an invalid secretKeyRef and the pod does not start. ' +
      'Name the Kubernetes Secret\'s key that holds the {{holds}}.',
    emptyServerUrl:
      '{{key}} is empty: the server\'s code flow requires it and fails to start the login handler. ' +
      'Write OpenMetadata\'s public address, e.g. "{{origin}}".',
    emptyCallbackUrl:
      '{{key}} is empty: the server\'s code flow requires it and fails to start the login handler. ' +
      'Write the callback on OpenMetadata\'s public address, e.g. "{{origin}}/callback".',
    publicEnabled: `oidcConfiguration is enabled but clientType (line {{line}}) is "public": ${PUBLIC_ENABLED}`,
    publicEnabledDefault: `oidcConfiguration is enabled but clientType is not set (the chart default is "public"): ${PUBLIC_ENABLED}`,
    publicFilled: `oidcConfiguration is filled in but clientType (line {{line}}) is "public": ${PUBLIC_FILLED}`,
    publicFilledDefault: `oidcConfiguration is filled in but clientType is not set (the chart default is "public"): ${PUBLIC_FILLED}`,
  },
  check(ctx) {
    // openmetadata.yaml and env files have no chart gate: the server reads oidcConfiguration directly.
    if (!isHelmModel(ctx.model)) {
      if (ctx.clientType === 'confidential') checkServerConfidential(ctx);
      return;
    }
    if (ctx.clientType === 'confidential') checkConfidential(ctx);
    else if (ctx.clientType === 'public' && ctx.isOidcProvider) checkPublic(ctx);
  },
});

/** Server layout: what the code-flow handler needs, with the stock openmetadata.yaml defaults. */
function checkServerConfidential(ctx: RuleContext): void {
  if (!ctx.isOidcProvider) {
    ctx.report({ at: CLIENT_TYPE, severity: 'warn', messageId: 'serverNotOidcProvider', data: { key: ctx.keyName(CLIENT_TYPE), provider: show(ctx.provider) } });
    return;
  }
  for (const name of ['clientId', 'clientSecret']) {
    const path = [...OIDC, name];
    if (isNonEmptyString(ctx.effective(path))) continue;
    // Not written: the stock openmetadata.yaml's `${OIDC_CLIENT_ID:-""}` / `${OIDC_CLIENT_SECRET:-""}` apply.
    // A security config export that leaves it out is imported with null.
    const state = ctx.get(path) !== undefined ? 'empty' : ctx.model.securityExport ? 'not set' : `not set (${ctx.defaultsName} is "")`;
    ctx.report({ at: path, messageId: 'serverClientEmpty', data: { client: ctx.keyName(path), state, clientType: ctx.keyName(CLIENT_TYPE) } });
  }
}

/** Go templates treat "true" as true too; that it is a string is valid-schema's finding. */
function isEnabled(ctx: RuleContext): boolean {
  const enabled = ctx.get(ENABLED);
  return enabled === true || enabled === 'true';
}

function checkConfidential(ctx: RuleContext): void {
  if (!ctx.isOidcProvider) {
    const provider = show(ctx.provider);
    if (ctx.get(PROVIDER) === undefined) {
      ctx.report({ at: CLIENT_TYPE, severity: 'warn', messageId: 'notOidcProviderDefault', data: { provider } });
    } else {
      ctx.report({ at: CLIENT_TYPE, severity: 'warn', messageId: 'notOidcProvider', data: { provider, line: ctx.locationOf(PROVIDER).line } });
    }
    return;
  }
  if (!isEnabled(ctx)) {
    reportNotEnabled(ctx);
    return;
  }
  for (const name of ['clientId', 'clientSecret']) checkSecretRef(ctx, [...OIDC, name]);
  for (const name of ['callbackUrl', 'serverUrl']) checkNotBlank(ctx, [...OIDC, name]);
}

function reportNotEnabled(ctx: RuleContext): void {
  const written = ctx.get(ENABLED);
  if (written !== undefined) {
    ctx.report({ at: ENABLED, messageId: 'notEnabled', data: { enabled: enabledAsWritten(written), clientType: mention(ctx, CLIENT_TYPE) } });
  } else if (ctx.get([...OIDC]) !== undefined) {
    ctx.report({ at: [...OIDC], target: 'key', messageId: 'noEnabled', data: { clientType: mention(ctx, CLIENT_TYPE) } });
  } else {
    ctx.report({ at: CLIENT_TYPE, messageId: 'noBlock' });
  }
}

/** A YAML boolean, number or null reads as itself; any other value is the user's text, shown. */
function enabledAsWritten(written: Plain): MessageDatum {
  if (written === null) return 'null';
  return typeof written === 'boolean' || typeof written === 'number' ? written : show(written);
}

/**
 * The chart reads the client id and secret through secretKeyRef. Helm merges what the user writes
 * with the chart's default reference, so only a field written empty leaves an invalid reference
 * (a null, which Helm treats as "delete", is valid-schema's finding).
 */
function checkSecretRef(ctx: RuleContext, path: Path): void {
  if (!isPlainMap(ctx.get(path))) return; // not written: the default reference applies; a literal is valid-schema's
  for (const field of ['secretRef', 'secretKey']) {
    const fieldPath = [...path, field];
    const written = ctx.get(fieldPath);
    if (written === undefined || written === null || isNonEmptyString(written)) continue;
    ctx.report({
      at: fieldPath,
      messageId: field === 'secretKey' ? 'emptySecretKey' : 'emptySecretRef',
      data: { key: ctx.keyName(fieldPath), holds: path.at(-1) === 'clientId' ? 'client id' : 'client secret' },
    });
  }
}

/**
 * The origin suggested is the SPA callback's, parsed (scheme, host and port: never a secret), or a
 * placeholder: printed bare inside the rule's quotes, as jwks-public-key prints the URL it builds.
 */
function checkNotBlank(ctx: RuleContext, path: Path): void {
  const value = ctx.get(path);
  if (typeof value !== 'string' || value.trim() !== '') return; // null and other types are valid-schema's findings
  ctx.report({
    at: path,
    messageId: path.at(-1) === 'serverUrl' ? 'emptyServerUrl' : 'emptyCallbackUrl',
    data: { key: ctx.keyName(path), origin: suggestedOrigin(ctx) },
  });
}

/**
 * A public client: the browser does the flow itself, and the chart never renders the OIDC block.
 * An enabled block says the user means the server-side code flow, which then never runs: the
 * Keycloak setup of OpenMetadata #20811 (clientType public, oidcConfiguration.enabled true) got a
 * 404 on the callback and 401 on every request, an error. A block filled in but not enabled is
 * often a leftover of the chart's defaults, harmless with the browser flow: a warning.
 */
function checkPublic(ctx: RuleContext): void {
  const block = ctx.get([...OIDC]);
  if (!isPlainMap(block)) return;
  const filled = Object.keys(block).filter((key) => key !== 'enabled');
  const enabled = isEnabled(ctx);
  if (!enabled && filled.length === 0) return;
  const at = enabled ? ENABLED : [...OIDC];
  const target = enabled ? 'value' : 'key';
  const severity = enabled ? undefined : 'warn';
  const written = ctx.get(CLIENT_TYPE) !== undefined;
  const messageId = `${enabled ? 'publicEnabled' : 'publicFilled'}${written ? '' : 'Default'}`;
  ctx.report({ at, target, severity, messageId, data: written ? { line: ctx.locationOf(CLIENT_TYPE).line } : {} });
}
