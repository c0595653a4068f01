import { defineRule, RuleContext } from '../engine/rule';
import { parseHttpUrl, stringItems } from '../engine/helpers';
import { CHART_DEFAULT_SERVER, OPENMETADATA_JWKS_PATH } from '../chart/defaults';

/**
 * Bot, ingestion and personal-access tokens are signed by OpenMetadata's own key, published at
 * /api/v1/system/config/jwks; without that URL in publicKeys the server cannot verify them
 * (reference §4.2; user-pain K1, the most reported failure: "JWT Token keyID doesn't match the
 * configured keyID ... configure proper publicKeyUrls").
 */
export default defineRule({
  id: 'jwks-public-key',
  severity: 'error',
  fixable: true,
  description: "publicKeys lacks OpenMetadata's own /api/v1/system/config/jwks, so bot and ingestion tokens are rejected.",
  check(ctx) {
    const publicKeys = ctx.get(['authentication', 'publicKeys']);
    if (!Array.isArray(publicKeys)) return;
    const entries = stringItems(publicKeys).map(({ item }) => item.trim().replace(/\/+$/, ''));
    // An entry with the right path but a bad host is public-keys-urls' finding; the legacy path is no-legacy-layout's.
    if (entries.some((entry) => entry.endsWith(OPENMETADATA_JWKS_PATH) || entry.endsWith('/api/v1/config/jwks'))) return;
    const url = suggestedUrl(ctx);
    ctx.report({
      at: ['authentication', 'publicKeys'],
      target: 'key',
      message:
        `publicKeys has no ${OPENMETADATA_JWKS_PATH} entry: tokens OpenMetadata signs itself (bots, ingestion, ` +
        `personal access tokens) will be rejected. Add "${url}".`,
      fix: { kind: 'append-item', at: ['authentication', 'publicKeys'], value: url },
    });
  },
});

/** The JWKS URL to add: on the configured server URL when there is one, else the chart's service. */
export function suggestedUrl(ctx: RuleContext): string {
  const serverUrl = parseHttpUrl(ctx.get(['authentication', 'oidcConfiguration', 'serverUrl']));
  return `${serverUrl ? serverUrl.origin : CHART_DEFAULT_SERVER}${OPENMETADATA_JWKS_PATH}`;
}
