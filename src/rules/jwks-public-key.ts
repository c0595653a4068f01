import { defineRule, RuleContext } from './support/rule';
import { parseHttpUrl, stringItems } from './support/helpers';
import { CHART_DEFAULT_SERVER, OPENMETADATA_JWKS_PATH } from '../knowledge/defaults';
import { SERVER_DEFAULT_URL } from '../knowledge/server-defaults';
import type { Plain } from '../types';

/**
 * Bot, ingestion and personal-access tokens are signed by OpenMetadata's own key, published at
 * /api/v1/system/config/jwks; without that URL in publicKeys the server cannot verify them
 * (OpenMetadata JwtFilter, MultiUrlJwkProvider; #7567 and many more, the most reported failure:
 * "JWT Token keyID doesn't match the configured keyID ... configure proper publicKeyUrls").
 */
export default defineRule({
  id: 'jwks-public-key',
  severity: 'error',
  fixable: true,
  description: "publicKeys lacks OpenMetadata's own /api/v1/system/config/jwks, so bot and ingestion tokens are rejected.",
  messages: {
    missing:
      '{{name}}{{via}} has no {{jwksPath}} entry: tokens OpenMetadata signs itself (bots, ingestion, personal access tokens) ' +
      'will be rejected.{{cause}} Add "{{url}}".',
  },
  check(ctx) {
    // A security config export without publicKeyUrls is imported with an empty list (EXPORT_DEFAULTS).
    const publicKeys = ctx.get(['authentication', 'publicKeys']) ?? (ctx.model.securityExport && ctx.model.config.authentication !== undefined ? [] : undefined);
    if (!Array.isArray(publicKeys)) return;
    if (hasJwksEntry(publicKeys)) return;
    const origin = ctx.origin(['authentication', 'publicKeys']);
    const name = ctx.keyName(['authentication', 'publicKeys']);
    // The variable is named when it is not already the name: extraEnvs in values, a substitution in openmetadata.yaml.
    const via = origin?.env && origin.env.name !== name ? ` (set by ${origin.env.name})` : '';
    const replaced = origin?.replaced;
    // helm -f replaces lists: the overlay's list is the whole list (helm/helm#3486).
    const cause = replaced
      ? ` ${fileName(origin.filePath)} replaces the ${name} list of ${fileName(replaced.filePath)} (Helm replaces lists, it never merges them)` +
        `${hasJwksEntry(replaced.value) ? ', and drops its JWKS entry' : ''}.`
      : '';
    const url = suggestedUrl(ctx);
    ctx.report({
      at: ['authentication', 'publicKeys'],
      target: 'key',
      messageId: 'missing',
      data: { name, via, jwksPath: OPENMETADATA_JWKS_PATH, cause, url },
      fix: { kind: 'append-item', at: ['authentication', 'publicKeys'], value: url },
    });
  },
});

/** An entry with the right path (a bad host is public-keys-urls' finding; the legacy path no-legacy-layout's). */
function hasJwksEntry(list: Plain | undefined): boolean {
  const entries = stringItems(list).map(({ item }) => item.trim().replace(/\/+$/, ''));
  return entries.some((entry) => entry.endsWith(OPENMETADATA_JWKS_PATH) || entry.endsWith('/api/v1/config/jwks'));
}

function fileName(filePath: string): string {
  return filePath.split(/[\\/]/).pop() ?? filePath;
}

/** The JWKS URL to add: on the configured server URL when there is one, else the chart's service (the server's own address on the server layout). */
export function suggestedUrl(ctx: RuleContext): string {
  const serverUrl = ctx.once(parseHttpUrl, ctx.get(['authentication', 'oidcConfiguration', 'serverUrl']));
  const fallback = ctx.form === 'values' ? CHART_DEFAULT_SERVER : SERVER_DEFAULT_URL;
  return `${serverUrl ? serverUrl.origin : fallback}${OPENMETADATA_JWKS_PATH}`;
}
