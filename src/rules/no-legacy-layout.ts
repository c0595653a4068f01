import { defineRule, RuleContext } from './support/rule';
import { forEachString } from './support/helpers';

/**
 * Settings from before chart 1.0 that the current chart ignores or rejects (reference §1.3, §1.6;
 * user-pain L5, L6, K2): the `global.*` layout, `org.openmetadata.catalog.security.*` classes,
 * the JWKS path without `/system/` (moved in 1.0), and `botPrincipals` (removed in chart 0.13.1).
 */
const LEGACY_JWKS = /\/api\/v1\/config\/jwks\/?$/;
const LEGACY_JWKS_PATH = /\/api\/v1\/config\/jwks(\/?\s*)$/;
const LEGACY_CLASS = /^org\.openmetadata\.catalog\.security\.(\w+)$/;

export default defineRule({
  id: 'no-legacy-layout',
  severity: 'error',
  fixable: true,
  supersedes: ['valid-schema'],
  description: 'Settings in a layout or with names from before chart 1.0, which the current chart ignores.',
  check(ctx) {
    reportLayout(ctx);
    forEachString(ctx, ctx.model.config, (path, text) => {
      const value = text.trim();
      if (LEGACY_JWKS.test(value)) {
        ctx.report({
          at: path,
          message:
            'The JWKS path "/api/v1/config/jwks" was moved to "/api/v1/system/config/jwks" in OpenMetadata 1.0; ' +
            'the old path answers 404, so bot and ingestion tokens fail. Use .../api/v1/system/config/jwks.',
          // Only the path moved: host, scheme and anything else in the value stay as written.
          fix: { kind: 'replace-value', at: path, value: text.replace(LEGACY_JWKS_PATH, '/api/v1/system/config/jwks$1') },
        });
      }
      const legacyClass = LEGACY_CLASS.exec(value);
      if (legacyClass) {
        ctx.report({
          at: path,
          message: `"${value}" is a pre-1.0 class name; use "org.openmetadata.service.security.${legacyClass[1]}".`,
        });
      }
    });
    if (ctx.get(['authorizer', 'botPrincipals']) !== undefined) {
      ctx.report({
        at: ['authorizer', 'botPrincipals'],
        target: 'key',
        message: '"botPrincipals" was removed in chart 0.13.1 and now fails the chart schema; bots are managed in OpenMetadata itself. Delete it.',
      });
    }
  },
});

function reportLayout(ctx: RuleContext): void {
  if (ctx.model.layout === 'legacy-global') {
    ctx.report({
      at: ['global'],
      root: 'document',
      target: 'key',
      message:
        '"global.authentication" / "global.authorizer" is the layout of charts before 1.0; the current chart ' +
        'silently ignores it. Move these sections under "openmetadata.config".',
    });
  } else if (ctx.model.layout === 'misplaced-config') {
    ctx.report({
      at: ['config'],
      root: 'document',
      target: 'key',
      message: '"config" at the top level is not read by the chart; it must sit under "openmetadata:" (openmetadata.config.authentication ...).',
    });
  }
}
