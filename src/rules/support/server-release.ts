/**
 * What a rule says about the OpenMetadata release a configuration runs on (ctx.server): whether it
 * has the stored security config and the SSO validator, and the commands that reconcile a stored
 * copy with the files (src/knowledge/security-config.ts).
 */
import type { RuleContext } from './rule';
import { isAtLeast } from '../../knowledge/versions';
import { SECURITY_CONFIG_COMMANDS_SINCE, SSO_VALIDATOR_SINCE, STORED_CONFIG_SINCE } from '../../knowledge/security-config';

/** The server stores the security configuration, and runs the stored copy (1.10+). */
export function storesSecurityConfig(ctx: RuleContext): boolean {
  return isAtLeast(ctx.server.version, STORED_CONFIG_SINCE);
}

/** Every save of Settings > SSO goes through SystemRepository.validateSecurityConfiguration (1.10+). */
export function hasSsoValidator(ctx: RuleContext): boolean {
  return isAtLeast(ctx.server.version, SSO_VALIDATOR_SINCE);
}

/** openmetadata-ops.sh has get-security-config and update-security-config (1.12.0+). */
export function hasSecurityConfigCommands(ctx: RuleContext): boolean {
  return isAtLeast(ctx.server.version, SECURITY_CONFIG_COMMANDS_SINCE);
}

/**
 * The server release in words, with where omlint took it from: "OpenMetadata 1.12.4", "OpenMetadata
 * 1.9.7 (what chart 1.9.7 deploys)", "OpenMetadata 1.13.1 (the newest omlint knows; --server-version
 * names yours)". A version is omlint's or the user's option, never a value of a file.
 */
export function describeServer(ctx: RuleContext): string {
  const { version, from, chartVersion } = ctx.server;
  if (from === 'chart') return `OpenMetadata ${version} (what chart ${chartVersion} deploys)`;
  if (from === 'option') return `OpenMetadata ${version}`;
  return `OpenMetadata ${version} (the newest omlint knows; --server-version names yours)`;
}

/**
 * How to make the files' values the ones that run once a copy is stored, for the release: from
 * 1.12.0 the stored copy can be exported, edited and imported; on every release with a stored copy
 * it can be removed so the files apply at the next start (docs-v1
 * `content/partials/v1.11/deployment/sso-troubleshooting.md`).
 */
export function reconcileCommands(ctx: RuleContext): string {
  const remove = 'run "openmetadata-ops.sh remove-security-config --force" and restart, so the server stores these values again';
  if (!hasSecurityConfigCommands(ctx)) return `Make the change in Settings > SSO, or ${remove}.`;
  return (
    'Make the change in Settings > SSO; or export the stored copy ("openmetadata-ops.sh get-security-config -o FILE"), edit it, ' +
    `import it ("update-security-config -f FILE") and restart; or ${remove}.`
  );
}

/**
 * How to make a file's value the one that runs when the stored copy says otherwise, for the
 * release: import a corrected export (1.12.0+), or remove the stored copy so the server stores the
 * file again at the next start.
 */
export function driftRemedy(ctx: RuleContext): string {
  const remove = '"openmetadata-ops.sh remove-security-config --force" and a restart, which stores this file\'s values again';
  const keep = 'If the stored value is the right one, write it here instead.';
  if (!hasSecurityConfigCommands(ctx)) return `To run this file's value: ${remove}. ${keep}`;
  return `To run this file's value: correct the export and import it ("openmetadata-ops.sh update-security-config -f FILE") and restart, or ${remove}. ${keep}`;
}
