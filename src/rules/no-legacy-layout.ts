import { defineRule, RuleContext } from './support/rule';
import { show } from './support/message';
import { forEachString } from './support/helpers';
import { isHelmModel } from '../layouts/model';
import { CHART_VERSION } from '../knowledge/defaults';
import { AUTH_SECTION_KEYS } from '../layouts/helm-values';
import { ChartRelease, chartRelease, compareVersions, describeRelease, layoutSince } from '../knowledge/versions';

/**
 * Settings of older charts and servers that the chosen chart (--chart-version, default the current
 * one) ignores or rejects (openmetadata-helm-charts PR #143; OpenMetadata #7614, #8505, #9525): the `global.*` layout (charts before 1.1.0),
 * `org.openmetadata.catalog.security.*` classes and the JWKS path without `/system/` (OpenMetadata
 * before 0.12.1 and 1.0), and `botPrincipals` (removed in chart 0.0.49, OpenMetadata 0.13.1; the
 * server's own configuration keeps it as a deprecated key it ignores: a warning there). Two
 * misplacements of the current layout too: a root `config`, and the sections written beside
 * `openmetadata.config` instead of inside it, which values.schema.json @ 1.13.1 rejects (`openmetadata`
 * allows only `config`). What a
 * release has comes from the chart's history (src/knowledge/chart-history.ts): with a chart that
 * still has it, none of these is reported.
 */
const LEGACY_JWKS = /\/api\/v1\/config\/jwks\/?$/;
const LEGACY_JWKS_PATH = /\/api\/v1\/config\/jwks(\/?\s*)$/;
const LEGACY_CLASS = /^org\.openmetadata\.catalog\.security\.(\w+)$/;

export default defineRule({
  id: 'no-legacy-layout',
  severity: 'error',
  fixable: true,
  supersedes: ['valid-schema'],
  description: 'Settings in a layout or with names from older charts, which the chosen chart (default: the current one) ignores.',
  messages: {
    jwksPath:
      'The JWKS path "/api/v1/config/jwks" was moved to "/api/v1/system/config/jwks" in OpenMetadata 1.0; ' +
      'the old path answers 404, so bot and ingestion tokens fail. Use .../api/v1/system/config/jwks.',
    className: '{{value}} is a pre-1.0 class name; use "org.openmetadata.service.security.{{className}}".',
    botPrincipals: '"botPrincipals" was removed in chart {{removedIn}}; {{consequence}}. Bots are managed in OpenMetadata itself. Delete it.',
    botPrincipalsServer:
      '"{{key}}" is deprecated in the server\'s authorizer configuration: the server still accepts it but ignores it, since bots ' +
      'are managed in OpenMetadata itself. Delete it.',
    globalLayout:
      '"global.authentication" / "global.authorizer" is the layout of charts before {{layoutSince}}; ' +
      'chart {{chartVersion}} silently ignores it. Move these sections under "openmetadata.config".',
    topLevelConfig: '"config" at the top level is not read by the chart; it must sit under "openmetadata:" (openmetadata.config.authentication ...).',
    besideConfig:
      '"{{key}}" sits beside "config" under "{{parent}}", not inside it: the chart schema allows only "config" there, ' +
      'so helm install fails (with schema checks skipped, the chart ignores it). Move it to {{target}}.',
  },
  check(ctx) {
    // The chosen release's answers, made when first needed (the current chart needs none for the
    // names, the layout and botPrincipals only when the values have them) and shared through ctx.once.
    const chart = (): ChartRelease => ctx.once(chartRelease, ctx.chartVersion);
    reportLayout(ctx, chart);
    const era = ctx.chartVersion === CHART_VERSION ? { classes: false, jwks: false } : legacyEra(chart());
    forEachString(ctx, ctx.model.config, (path, text) => {
      const value = text.trim();
      if (!era.jwks && LEGACY_JWKS.test(value)) {
        ctx.report({
          at: path,
          messageId: 'jwksPath',
          // Only the path moved: host, scheme and anything else in the value stay as written.
          fix: { kind: 'replace-value', at: path, value: text.replace(LEGACY_JWKS_PATH, '/api/v1/system/config/jwks$1') },
        });
      }
      const legacyClass = LEGACY_CLASS.exec(value);
      if (legacyClass && !era.classes) {
        // The class's last name is a Java identifier (\w+), never a secret.
        ctx.report({ at: path, messageId: 'className', data: { value: show(value), className: legacyClass[1] } });
      }
    });
    reportBotPrincipals(ctx, chart);
  },
});

/**
 * Whether the release is from the time the old names were right: its own default className is a
 * catalog class (charts up to 0.0.38, OpenMetadata 0.12.0), and the server it deploys is older
 * than OpenMetadata 1.0, which moved the JWKS path (charts up to 0.0.58).
 */
function legacyEra(release: ChartRelease): { classes: boolean; jwks: boolean } {
  const className = release.defaultAt(['authorizer', 'className']);
  return {
    classes: typeof className === 'string' && LEGACY_CLASS.test(className),
    jwks: compareVersions(release.appVersion, '1.0.0') < 0,
  };
}

function reportBotPrincipals(ctx: RuleContext, chart: () => ChartRelease): void {
  const path = ['authorizer', 'botPrincipals'];
  if (ctx.get(path) === undefined) return;
  // The server's schema still has it, marked @Deprecated (openmetadata-spec
  // configuration/authorizerConfiguration.json @ 098541a7): accepted and ignored, no chart involved.
  if (!isHelmModel(ctx.model)) {
    ctx.report({ at: path, target: 'key', severity: 'warn', messageId: 'botPrincipalsServer', data: { key: ctx.keyName(path) } });
    return;
  }
  // Before chart 0.0.16 it was "botPrincipal" (no-unknown-keys names the rename); up to 0.0.48 it is right.
  const change = chart().change(path);
  if (change?.kind !== 'removed') return;
  const consequence = chart().rejectsUnknownKeys(['authorizer'])
    ? `chart ${ctx.chartVersion}'s schema rejects it and helm install fails`
    : `chart ${ctx.chartVersion} ignores it`;
  ctx.report({ at: path, target: 'key', messageId: 'botPrincipals', data: { removedIn: describeRelease(change.in), consequence } });
}

function reportLayout(ctx: RuleContext, chart: () => ChartRelease): void {
  if (ctx.model.layout === 'legacy-global') {
    // Charts before 1.1.0 read the auth sections from global (before 0.0.12 they had none).
    if (chart().layout !== 'openmetadata.config') return;
    ctx.report({
      at: ['global'],
      root: 'document',
      target: 'key',
      messageId: 'globalLayout',
      data: { layoutSince: layoutSince('openmetadata.config'), chartVersion: ctx.chartVersion },
    });
  } else if (ctx.model.layout === 'misplaced-config') {
    ctx.report({ at: ['config'], root: 'document', target: 'key', messageId: 'topLevelConfig' });
  } else if (ctx.model.layout === 'beside-config' && chart().layout === 'openmetadata.config') {
    // values.schema.json @ 1.13.1: `openmetadata` has additionalProperties: false and only `config`.
    const parent = ctx.model.configPath.join('.');
    for (const key of AUTH_SECTION_KEYS) {
      if (ctx.get([key]) === undefined) continue;
      ctx.report({ at: [key], target: 'key', messageId: 'besideConfig', data: { key, parent, target: `${parent}.config.${key}` } });
    }
  }
}
