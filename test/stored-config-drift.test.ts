/**
 * `--against-export FILE` (stored-config-drift): what a message names (the stored value for a
 * non-secret, the release, the remedy for it), what it never shows (a secret of either side), how
 * the option and the config file key reach the rule, and that a file that is no export ends the run.
 * The positions are the fixtures' (fixtures/stored-config-drift/).
 */
import * as fs from 'fs';
import * as path from 'path';
import { createLinter } from '../src';
import { lintText } from './support/lint';
import { omlint, scratchDir, ROOT } from './support/cli';

const FIXTURES = path.join(ROOT, 'fixtures', 'stored-config-drift', 'invalid');
const read = (name: string): string => fs.readFileSync(path.join(FIXTURES, name), 'utf8');
const exportOf = (name: string): { filePath: string; text: string } => ({ filePath: 'stored.yaml', text: read(name) });

function drift(text: string, filePath: string, stored: string, options: { serverVersion?: string; chartVersion?: string } = {}): string[] {
  const result = lintText(text, filePath, { againstExport: exportOf(stored), ...options });
  return (result?.messages ?? []).filter((m) => m.ruleId === 'stored-config-drift').map((m) => `${m.line}:${m.column} ${m.severity} ${m.message}`);
}

describe('stored-config-drift messages', () => {
  it('names the stored value of a setting, the release and the remedy of 1.12.0+', () => {
    const [finding] = drift(read('helm-one-key.yaml'), 'values.yaml', 'helm-one-key.stored.yaml');
    expect(finding).toBe(
      '7:24 warn authorizer.principalDomain is "acme.com", but the stored copy in stored.yaml holds "acme.io", and OpenMetadata 1.13.1 ' +
        '(what chart 1.13.1 deploys) runs the stored one. To run this file\'s value: correct the export and import it ' +
        '("openmetadata-ops.sh update-security-config -f FILE") and restart, or "openmetadata-ops.sh remove-security-config --force" and a ' +
        "restart, which stores this file's values again. If the stored value is the right one, write it here instead.",
    );
  });

  it('offers only remove-security-config before 1.12.0 (no import command)', () => {
    const findings = drift(read('helm-one-key.yaml'), 'values.yaml', 'helm-one-key.stored.yaml', { chartVersion: '1.11.2' });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toContain('OpenMetadata 1.11.2 (what chart 1.11.2 deploys) runs the stored one');
    expect(findings[0]).toContain('To run this file\'s value: "openmetadata-ops.sh remove-security-config --force" and a restart');
    expect(findings[0]).not.toContain('update-security-config');
  });

  it('compares nothing on a server before 1.10, and says so once', () => {
    expect(drift(read('helm-one-key.yaml'), 'values.yaml', 'helm-one-key.stored.yaml', { chartVersion: '1.9.7' })).toEqual([
      '2:1 info OpenMetadata 1.9.7 (what chart 1.9.7 deploys) keeps no stored security configuration (that came with 1.10): nothing of ' +
        'stored.yaml runs instead of this file, so nothing was compared.',
    ]);
  });

  it('names the entries only one side of a list has, a default nobody wrote at the file, and a secret by its key only', () => {
    const findings = drift(read('helm-several-keys.yaml'), 'values.yaml', 'helm-several-keys.stored.yaml');
    expect(findings.map((f) => f.replace(/, and OpenMetadata .*$/s, ''))).toEqual([
      '4:1 warn enableSelfSignup is "true" (not set here, so the chart default), but the stored copy in stored.yaml holds "false"',
      '13:7 warn publicKeys has "http://openmetadata:8585/api/v1/system/config/jwks" where the stored copy in stored.yaml has ' +
        '"https://metadata.acme.io/api/v1/system/config/jwks"',
      '19:7 warn jwtPrincipalClaims is "[sub, email, preferred_username]", but the stored copy in stored.yaml holds "[email, preferred_username, sub]"',
      '24:23 warn oidcConfiguration.clientSecret differs from the stored copy in stored.yaml (a secret: compared by its hash, neither value is shown)',
    ]);
    const all = findings.join('\n');
    expect(all).not.toContain('rotated-in-values-only');
    expect(all).not.toContain('stored-before-rotation');
    expect(all).not.toMatch(/[0-9a-f]{64}/);
  });

  it('says once which secrets it could not compare: a secretRef, a variable left to the environment', () => {
    expect(drift(read('helm-secret-ref.yaml'), 'values.yaml', 'helm-secret-ref.stored.yaml')).toEqual([
      '24:9 info Not compared with the stored copy in stored.yaml: oidcConfiguration.clientSecret, held in a Kubernetes Secret (secretRef).',
    ]);
    const server = drift(read('server-config.yaml'), 'openmetadata.yaml', 'server-config.stored.yaml', { serverVersion: '1.11.2' });
    expect(server.at(-1)).toBe('23:5 info Not compared with the stored copy in stored.yaml: oidcConfiguration.secret, which the environment sets.');
  });

  it('names settings as the env file writes them, and finds a rotated LDAP password without showing either (#23964)', () => {
    const findings = drift(read('ldap-env-file.env'), 'ldap.env', 'ldap-env-file.stored.yaml', { serverVersion: '1.12.4' });
    expect(findings.map((f) => f.replace(/, and OpenMetadata .*$/s, ''))).toEqual([
      '7:26 warn AUTHENTICATION_LDAP_HOST is "ldap2.acme.io", but the stored copy in stored.yaml holds "ldap.acme.io"',
      '11:33 warn AUTHENTICATION_LOOKUP_ADMIN_PWD differs from the stored copy in stored.yaml (a secret: compared by its hash, neither value is shown)',
    ]);
    expect(findings.join('\n')).not.toMatch(/Pa55w0rd/);
  });

  it('compares what only the server has through the extraEnvs that set it, else the image\'s default', () => {
    expect(drift(read('helm-extra-envs.yaml'), 'values.yaml', 'helm-extra-envs.stored.yaml').map((f) => f.replace(/, and OpenMetadata .*$/s, ''))).toEqual([
      '17:1 info Not compared with the stored copy in stored.yaml: AUTHENTICATION_ENABLE_AUTO_REDIRECT, which extraEnvs take from a Secret or ConfigMap (valueFrom).',
      '19:12 warn CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME is "Okta SSO", but the stored copy in stored.yaml holds "Okta"',
    ]);
    expect(drift(read('helm-server-only-default.yaml'), 'values.yaml', 'helm-server-only-default.stored.yaml').map((f) => f.replace(/, and OpenMetadata .*$/s, ''))).toEqual([
      '3:1 warn CUSTOM_OIDC_AUTHENTICATION_PROVIDER_NAME is "" (not set here: the chart has no key for it, so the image\'s default), but the stored copy in stored.yaml holds "Okta"',
    ]);
  });

  it('finds a secret that differs in one character only', () => {
    const findings = drift(read('helm-secret-only.yaml'), 'values.yaml', 'helm-secret-only.stored.yaml');
    expect(findings.map((f) => f.slice(0, 60))).toEqual(['24:23 warn oidcConfiguration.clientSecret differs from the s']);
    expect(findings.join('\n')).not.toMatch(/rotation/);
  });

  it('lands on the -f layer whose value runs instead of the stored one', () => {
    const base = read('helm-one-key.yaml').replace('"acme.com" # expect: stored-config-drift@24:warn', '"acme.io"');
    const prod = 'openmetadata:\n  config:\n    authorizer:\n      principalDomain: "acme.net"\n';
    const result = createLinter({ againstExport: exportOf('helm-one-key.stored.yaml') }).lintValues([
      { filePath: 'base.yaml', text: base },
      { filePath: 'prod.yaml', text: prod },
    ]);
    const found = result?.messages.filter((m) => m.ruleId === 'stored-config-drift').map((m) => `${m.filePath}:${m.line}:${m.column} ${m.message.slice(0, 60)}`);
    expect(found).toEqual(['prod.yaml:4:24 authorizer.principalDomain is "acme.net", but the stored cop']);
  });

  it('finds nothing when the two agree, a secret equal by its hash included', () => {
    const dir = path.join(ROOT, 'fixtures', 'stored-config-drift', 'valid');
    const text = fs.readFileSync(path.join(dir, 'ldap-env-same.env'), 'utf8');
    const result = createLinter({ againstExport: path.join(dir, 'ldap-env-same.stored.yaml') }).lintText(text, 'ldap.env');
    expect(result?.messages.filter((m) => m.ruleId === 'stored-config-drift')).toEqual([]);
  });
});

describe('--against-export and againstExport', () => {
  const values = read('helm-one-key.yaml');
  const stored = read('helm-one-key.stored.yaml');

  it('reports the drift through the CLI option', () => {
    const dir = scratchDir({ 'values.yaml': values, 'stored.yaml': stored });
    const run = omlint(['--against-export', 'stored.yaml', 'values.yaml'], { cwd: dir });
    expect(run.stdout).toMatch(/^\s+7:24\s+warning\s+authorizer\.principalDomain is "acme\.com", but the stored copy in stored\.yaml holds "acme\.io".*stored-config-drift$/m);
  });

  it('reads a config file\'s againstExport relative to the config file', () => {
    const dir = scratchDir({ 'deploy/values.yaml': values, 'deploy/exports/stored.yaml': stored, 'deploy/.omlintrc.yaml': 'againstExport: exports/stored.yaml\n' });
    const run = omlint(['deploy/values.yaml'], { cwd: dir });
    expect(run.stdout).toMatch(/7:24\s+warning\s+authorizer\.principalDomain is "acme\.com", but the stored copy in deploy\/exports\/stored\.yaml holds "acme\.io"/);
  });

  it('exits 2 when the file is no export', () => {
    const dir = scratchDir({ 'values.yaml': values, 'stored.yaml': 'replicaCount: 2\n' });
    const run = omlint(['--against-export', 'stored.yaml', 'values.yaml'], { cwd: dir });
    expect(run.status).toBe(2);
    expect(run.stderr).toBe(
      'omlint: --against-export: stored.yaml is no security config export (get-security-config writes authenticationConfiguration and authorizerConfiguration)\n',
    );
  });
});
