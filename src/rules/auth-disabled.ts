import { defineRule } from './support/rule';
import { isHelmModel } from '../layouts/model';

/**
 * `authentication.enabled` and `authorizer.enabled` only gate whether the chart creates and mounts the
 * authentication / authorizer Secret (chart `templates/deployment.yaml` 59–112 @ 1.13.1). They do
 * not switch security off: the server then runs on its conf/openmetadata.yaml defaults (basic auth,
 * publicKeyUrls on localhost, adminPrincipals [admin], principalDomain open-metadata.org) and every
 * other key of the section is ignored. The gates are the chart's: the server's openmetadata.yaml has no
 * such key (no-unknown-keys reports one written there), so the rule reads Helm values only.
 */
const SECTIONS: { section: string; what: string; fallback: string }[] = [
  { section: 'authentication', what: 'authentication', fallback: 'basic login with JWKS on http://localhost:8585' },
  { section: 'authorizer', what: 'authorization', fallback: 'admin principal "admin" and principal domain open-metadata.org' },
];

export default defineRule({
  id: 'auth-disabled',
  severity: 'warn',
  description: 'authentication.enabled or authorizer.enabled set to false: the server falls back to its built-in defaults.',
  messages: {
    disabled:
      '{{section}}.enabled: false does not disable {{what}}: the chart just stops passing the {{section}} settings, so the server ' +
      'falls back to its built-in defaults ({{fallback}}) and everything else under {{section}} is ignored. Remove the line.',
  },
  check(ctx) {
    if (!isHelmModel(ctx.model)) return;
    for (const { section, what, fallback } of SECTIONS) {
      if (ctx.get([section, 'enabled']) !== false) continue;
      ctx.report({ at: [section, 'enabled'], messageId: 'disabled', data: { section, what, fallback } });
    }
  },
});
