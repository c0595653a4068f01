import { defineRule, RuleContext } from './support/rule';
import { isNonEmptyString, show } from './support/helpers';
import { keyName, mention } from './support/mention';
import { suggestedOrigin } from './support/public-urls';
import type { Path } from '../types';
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
 * 4a4ca905). An empty discoveryUri is discovery-uri's finding; a public client's OIDC block with a
 * non-OIDC provider is provider-block-ignored's.
 */
const OIDC = ['authentication', 'oidcConfiguration'] as const;
const ENABLED: Path = [...OIDC, 'enabled'];
const CLIENT_TYPE: Path = ['authentication', 'clientType'];
const PROVIDER: Path = ['authentication', 'provider'];

export default defineRule({
  id: 'client-type-oidc',
  severity: 'error',
  description: 'clientType and oidcConfiguration.enabled disagree, so the chart drops or ignores the OIDC block.',
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
    ctx.report({
      at: CLIENT_TYPE,
      severity: 'warn',
      message:
        `clientType "confidential" has no effect with provider ${show(ctx.provider)}: the server uses the OIDC code flow ` +
        'only for google, okta, auth0, azure, custom-oidc and aws-cognito. Remove clientType (or set "public").',
    });
    return;
  }
  const names: Record<string, string> = { clientId: 'id (OIDC_CLIENT_ID)', clientSecret: 'secret (OIDC_CLIENT_SECRET)' };
  for (const name of ['clientId', 'clientSecret']) {
    if (isNonEmptyString(ctx.effective([...OIDC, name]))) continue;
    ctx.report({
      at: [...OIDC, name],
      message:
        `oidcConfiguration.${names[name]} is empty while clientType is "confidential": the server's code flow fails ` +
        'with "Client ID and Client Secret is required to create OidcClient". Set it.',
    });
  }
}

/** Go templates treat "true" as true too; that it is a string is valid-schema's finding. */
function isEnabled(ctx: RuleContext): boolean {
  const enabled = ctx.get(ENABLED);
  return enabled === true || enabled === 'true';
}

function checkConfidential(ctx: RuleContext): void {
  if (!ctx.isOidcProvider) {
    ctx.report({
      at: CLIENT_TYPE,
      severity: 'warn',
      message:
        `clientType "confidential" has no effect with provider ${show(ctx.provider)}${providerLine(ctx)}: ` +
        'the server uses the OIDC code flow only for google, okta, auth0, azure, custom-oidc and aws-cognito. ' +
        'Remove clientType (or set "public").',
    });
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
  const hasBlock = ctx.get([...OIDC]) !== undefined;
  const consequence =
    'so the chart renders none of the OIDC settings (client id and secret included) and the server\'s ' +
    'code flow fails with "Client ID and Client Secret is required".';
  if (written !== undefined) {
    ctx.report({
      at: ENABLED,
      message: `oidcConfiguration.enabled is ${typeof written === 'string' ? show(written) : String(written)} while ${mention(ctx, CLIENT_TYPE)} is "confidential", ${consequence} Set it to true.`,
    });
  } else if (hasBlock) {
    ctx.report({
      at: [...OIDC],
      target: 'key',
      message:
        `oidcConfiguration has no "enabled: true" while ${mention(ctx, CLIENT_TYPE)} is "confidential", ${consequence} ` +
        'Add "enabled: true" directly under oidcConfiguration.',
    });
  } else {
    ctx.report({
      at: CLIENT_TYPE,
      message:
        `clientType is "confidential" but there is no oidcConfiguration with "enabled: true", ${consequence} ` +
        'Add oidcConfiguration with enabled: true, discoveryUri, callbackUrl and serverUrl, or use clientType "public".',
    });
  }
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
      message:
        `${keyName(fieldPath)} is empty: the chart renders an invalid secretKeyRef and the pod does not start. ` +
        `Name the Kubernetes Secret${field === 'secretKey' ? "'s key" : ''} that holds the ${path.at(-1) === 'clientId' ? 'client id' : 'client secret'}.`,
    });
  }
}

function checkNotBlank(ctx: RuleContext, path: Path): void {
  const value = ctx.get(path);
  if (typeof value !== 'string' || value.trim() !== '') return; // null and other types are valid-schema's findings
  ctx.report({
    at: path,
    message:
      `${keyName(path)} is empty: the server's code flow requires it and fails to start the login handler. ` +
      (path.at(-1) === 'serverUrl'
        ? `Write OpenMetadata's public address, e.g. "${suggestedOrigin(ctx)}".`
        : `Write the callback on OpenMetadata's public address, e.g. "${suggestedOrigin(ctx)}/callback".`),
  });
}

function providerLine(ctx: RuleContext): string {
  return ctx.get(PROVIDER) === undefined ? ' (the chart default)' : ` (line ${ctx.locationOf(PROVIDER).line})`;
}

/** A public client: the browser does the flow itself, and the chart never renders the OIDC block. */
function checkPublic(ctx: RuleContext): void {
  const block = ctx.get([...OIDC]);
  if (!isPlainMap(block)) return;
  const filled = Object.keys(block).filter((key) => key !== 'enabled');
  if (!isEnabled(ctx) && filled.length === 0) return;
  const clientType =
    ctx.get(CLIENT_TYPE) === undefined
      ? 'clientType is not set (the chart default is "public")'
      : `clientType (line ${ctx.locationOf(CLIENT_TYPE).line}) is "public"`;
  ctx.report({
    at: isEnabled(ctx) ? ENABLED : [...OIDC],
    target: isEnabled(ctx) ? 'value' : 'key',
    severity: 'warn',
    message:
      `oidcConfiguration is ${isEnabled(ctx) ? 'enabled' : 'filled in'} but ${clientType}: the chart ` +
      'renders the OIDC block only for confidential clients, so these settings are silently ignored. ' +
      'Set clientType: confidential for the server-side code flow, or remove oidcConfiguration.',
  });
}
