import { defineRule, MessageDatum, RuleContext } from './support/rule';
import { isNonEmptyString } from './support/helpers';
import { show } from './support/message';
import { keyName, mention } from './support/mention';
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
const PUBLIC_IGNORED =
  'the chart renders the OIDC block only for confidential clients, so these settings are silently ignored. ' +
  'Set clientType: confidential for the server-side code flow, or remove oidcConfiguration.';

export default defineRule({
  id: 'client-type-oidc',
  severity: 'error',
  description: 'clientType and oidcConfiguration.enabled disagree, so the chart drops or ignores the OIDC block.',
  messages: {
    serverNotOidcProvider:
      `clientType "confidential" has no effect with provider {{provider}}: ${CODE_FLOW_PROVIDERS} Remove clientType (or set "public").`,
    serverClientEmpty:
      'oidcConfiguration.{{client}} is empty while clientType is "confidential": the server\'s code flow fails ' +
      'with "Client ID and Client Secret is required to create OidcClient". Set it.',
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
    publicClient: `oidcConfiguration is {{state}} but clientType (line {{line}}) is "public": ${PUBLIC_IGNORED}`,
    publicClientDefault: `oidcConfiguration is {{state}} but clientType is not set (the chart default is "public"): ${PUBLIC_IGNORED}`,
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
    ctx.report({ at: CLIENT_TYPE, severity: 'warn', messageId: 'serverNotOidcProvider', data: { provider: show(ctx.provider) } });
    return;
  }
  const names: Record<string, string> = { clientId: 'id (OIDC_CLIENT_ID)', clientSecret: 'secret (OIDC_CLIENT_SECRET)' };
  for (const name of ['clientId', 'clientSecret']) {
    if (isNonEmptyString(ctx.effective([...OIDC, name]))) continue;
    ctx.report({ at: [...OIDC, name], messageId: 'serverClientEmpty', data: { client: names[name] } });
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
      data: { key: keyName(fieldPath), holds: path.at(-1) === 'clientId' ? 'client id' : 'client secret' },
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
    data: { key: keyName(path), origin: suggestedOrigin(ctx) },
  });
}

/** A public client: the browser does the flow itself, and the chart never renders the OIDC block. */
function checkPublic(ctx: RuleContext): void {
  const block = ctx.get([...OIDC]);
  if (!isPlainMap(block)) return;
  const filled = Object.keys(block).filter((key) => key !== 'enabled');
  if (!isEnabled(ctx) && filled.length === 0) return;
  const at = isEnabled(ctx) ? ENABLED : [...OIDC];
  const target = isEnabled(ctx) ? 'value' : 'key';
  const state = isEnabled(ctx) ? 'enabled' : 'filled in';
  if (ctx.get(CLIENT_TYPE) === undefined) {
    ctx.report({ at, target, severity: 'warn', messageId: 'publicClientDefault', data: { state } });
  } else {
    ctx.report({ at, target, severity: 'warn', messageId: 'publicClient', data: { state, line: ctx.locationOf(CLIENT_TYPE).line } });
  }
}
