import { defineRule, RuleContext } from './support/rule';
import { stringItems } from './support/helpers';
import { show } from './support/message';
import { isBlank, providesSecret, whereIs } from './support/values';
import type { Path } from '../types';

/**
 * Provider ldap: the server needs host (without scheme), port 1–65535, dnAdminPrincipal,
 * dnAdminPassword, userBaseDN and mailAttributeName (openmetadata-spec
 * `configuration/ldapConfiguration.json` @ 05e9b61b; SystemRepository LDAP validation; startup NPE
 * "LdapConfiguration.getPort() is null", OpenMetadata #21875; a wrong mail attribute locks users out,
 * #23979). groupBaseDN needs the three group attributes and authRolesMapping must be a JSON object of
 * role lists (SystemRepository). The chart renders the truststore settings of the chosen
 * truststoreConfigType only (chart `templates/secrets.yaml` 339–372 @ 1.13.1; #15898).
 */
const LDAP: Path = ['authentication', 'ldapConfiguration'];
const CUSTOM: Path = [...LDAP, 'trustStoreConfig', 'customTrustManagerConfig'];
const HOST_NAMES: Path = [...LDAP, 'trustStoreConfig', 'hostNameConfig', 'acceptableHostNames'];

const REQUIRED_TEXT: { key: string; what: string }[] = [
  { key: 'dnAdminPrincipal', what: 'the DN OpenMetadata binds with to look users up' },
  { key: 'userBaseDN', what: 'where users are searched' },
  { key: 'mailAttributeName', what: 'the attribute holding the email (e.g. mail)' },
];

const ROLES_MAPPING_SHAPE =
  `it must be a JSON object from group DN to role names, e.g. '{"cn=stewards,ou=groups,dc=acme,dc=io": ["DataSteward"]}'.`;
const EXAMPLE_DEFAULTS =
  "so the chart's examples apply (host localhost, cn=admin,dc=example,dc=com, ou=people,dc=example,dc=com); set them to your directory.";

export default defineRule({
  id: 'ldap-config',
  severity: 'error',
  description: 'LDAP settings the server needs but are missing or malformed, and SSL/port or truststore mismatches.',
  messages: {
    required: 'ldapConfiguration.{{key}} is empty; it is required: {{what}}.',
    hostEmpty: 'ldapConfiguration.host is empty; the server cannot start without the LDAP server name.',
    hostNotBare:
      'ldapConfiguration.host must be a bare host name: {{host}} carries a scheme, port or path the server does not strip. ' +
      'Write {{bareHost}} and put the port in ldapConfiguration.port.',
    portRange: 'ldapConfiguration.port {{port}} is not a TCP port; use 1–65535 (389 for LDAP, 636 for LDAPS).',
    plainPortWithSsl:
      'ldapConfiguration.port is 389 (plain LDAP) but sslEnabled is true ({{sslWhere}}); the TLS handshake fails. Use 636, or sslEnabled: false.',
    sslPortWithoutSsl:
      'ldapConfiguration.port is 636 (LDAPS) but sslEnabled is false ({{sslWhere}}); a plain connection to the TLS port fails. ' +
      'Set sslEnabled: true, or use 389.',
    adminPasswordRef:
      'ldapConfiguration.dnAdminPassword needs both secretRef and secretKey: the chart renders AUTHENTICATION_LOOKUP_ADMIN_PWD ' +
      'only when secretRef is set, so the server binds without a password. Point it at the Secret that holds the bind password.',
    exampleDefault: `ldapConfiguration.{{key}} is not set, ${EXAMPLE_DEFAULTS}`,
    exampleDefaults: `ldapConfiguration.{{keys}} are not set, ${EXAMPLE_DEFAULTS}`,
    customTrustStore:
      'truststoreConfigType CustomTrustStore needs trustStoreConfig.customTrustManagerConfig.{{missing}}; ' +
      'without them the server cannot open the truststore and LDAPS logins fail.',
    noAcceptableHostNames:
      'truststoreConfigType HostName needs trustStoreConfig.hostNameConfig.acceptableHostNames; with an empty list no LDAP host is accepted.',
    hostNameBreaksChart:
      'Chart 1.13.1 pipes hostNameConfig.acceptableHostNames (a list) straight into b64enc, which takes a string, so rendering ' +
      'is expected to fail with truststoreConfigType HostName. Prefer JVMDefault or CustomTrustStore.',
    groupAttributes:
      'groupBaseDN is set, so group lookups need {{missing}} too (e.g. objectClass, groupOfNames, member); the server rejects ' +
      'the setting without them.',
    rolesMappingNotJson: `authRolesMapping is not valid JSON; ${ROLES_MAPPING_SHAPE}`,
    rolesMappingNotObject: `authRolesMapping is not a JSON object; ${ROLES_MAPPING_SHAPE}`,
    rolesMappingNotRoleList: `authRolesMapping maps {{group}} to something other than a list of role names; ${ROLES_MAPPING_SHAPE}`,
  },
  check(ctx) {
    if (ctx.provider !== 'ldap') return;
    checkHost(ctx);
    checkPort(ctx);
    for (const { key, what } of REQUIRED_TEXT) {
      if (isBlank(ctx.effective([...LDAP, key]))) ctx.report({ at: [...LDAP, key], messageId: 'required', data: { key, what } });
    }
    checkAdminPassword(ctx);
    checkExampleDefaults(ctx);
    checkTruststore(ctx);
    checkGroups(ctx);
    checkRolesMapping(ctx);
  },
});

function checkHost(ctx: RuleContext): void {
  const host = ctx.effective([...LDAP, 'host']);
  if (isBlank(host)) {
    ctx.report({ at: [...LDAP, 'host'], messageId: 'hostEmpty' });
    return;
  }
  if (typeof host !== 'string') return;
  const text = host.trim();
  const ipv6 = /^\[?[0-9a-f]*:[0-9a-f:.]*\]?$/i.test(text) && (text.match(/:/g) ?? []).length >= 2;
  const bare = text.replace(/^ldaps?:\/\//i, '').replace(/[:/].*$/, '');
  if (!ipv6 && /[:/]/.test(text)) {
    ctx.report({ at: [...LDAP, 'host'], messageId: 'hostNotBare', data: { host: show(host), bareHost: show(bare) } });
  }
}

function checkPort(ctx: RuleContext): void {
  const port = ctx.effective([...LDAP, 'port']);
  if (typeof port === 'number' && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    // A number is never a secret: it goes in as it is, unquoted.
    ctx.report({ at: [...LDAP, 'port'], messageId: 'portRange', data: { port } });
    return;
  }
  const ssl = ctx.effective([...LDAP, 'sslEnabled']);
  const portWritten = ctx.get([...LDAP, 'port']) !== undefined;
  const sslWritten = ctx.get([...LDAP, 'sslEnabled']) !== undefined;
  if (!portWritten && !sslWritten) return;
  const mismatch = (ssl === true && port === 389) || (ssl === false && port === 636);
  if (!mismatch) return;
  ctx.report({
    at: portWritten ? [...LDAP, 'port'] : [...LDAP, 'sslEnabled'],
    severity: 'warn',
    messageId: ssl === true ? 'plainPortWithSsl' : 'sslPortWithoutSsl',
    data: { sslWhere: whereIs(ctx, [...LDAP, 'sslEnabled']) },
  });
}

function checkAdminPassword(ctx: RuleContext): void {
  const path = [...LDAP, 'dnAdminPassword'];
  // A literal is no-plaintext-secrets' and valid-schema's finding.
  if (providesSecret(ctx.effective(path))) return;
  ctx.report({ at: path, target: 'key', messageId: 'adminPasswordRef' });
}

/** The chart's own example values (localhost, dc=example) only ever work in a demo; the user did not write them. */
function checkExampleDefaults(ctx: RuleContext): void {
  const unwritten = ['host', 'dnAdminPrincipal', 'userBaseDN'].filter((key) => ctx.get([...LDAP, key]) === undefined);
  if (unwritten.length === 0) return;
  const at = [...LDAP, unwritten[0]];
  if (unwritten.length === 1) ctx.report({ at, severity: 'info', messageId: 'exampleDefault', data: { key: unwritten[0] } });
  else ctx.report({ at, severity: 'info', messageId: 'exampleDefaults', data: { keys: unwritten.join(', ') } });
}

function checkTruststore(ctx: RuleContext): void {
  const type = ctx.effective([...LDAP, 'truststoreConfigType']);
  if (type === 'CustomTrustStore') {
    const missing = ['trustStoreFilePath', 'trustStoreFileFormat'].filter((key) => isBlank(ctx.effective([...CUSTOM, key])));
    if (!providesSecret(ctx.effective([...CUSTOM, 'trustStoreFilePassword']))) {
      missing.push('trustStoreFilePassword (secretRef and secretKey)');
    }
    if (missing.length > 0) {
      ctx.report({ at: [...LDAP, 'truststoreConfigType'], messageId: 'customTrustStore', data: { missing: missing.join(', ') } });
    }
  } else if (type === 'HostName') {
    const names = stringItems(ctx.effective(HOST_NAMES)).filter(({ item }) => item.trim() !== '');
    if (names.length === 0) ctx.report({ at: [...LDAP, 'truststoreConfigType'], messageId: 'noAcceptableHostNames' });
    else ctx.report({ at: [...LDAP, 'truststoreConfigType'], severity: 'warn', messageId: 'hostNameBreaksChart' });
  }
}

function checkGroups(ctx: RuleContext): void {
  if (isBlank(ctx.effective([...LDAP, 'groupBaseDN']))) return;
  const missing = ['groupAttributeName', 'groupAttributeValue', 'groupMemberAttributeName'].filter((key) => isBlank(ctx.effective([...LDAP, key])));
  if (missing.length === 0) return;
  ctx.report({ at: [...LDAP, 'groupBaseDN'], messageId: 'groupAttributes', data: { missing: missing.join(', ') } });
}

function checkRolesMapping(ctx: RuleContext): void {
  const path = [...LDAP, 'authRolesMapping'];
  const mapping = ctx.effective(path);
  if (typeof mapping !== 'string' || mapping.trim() === '') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(mapping);
  } catch {
    ctx.report({ at: path, messageId: 'rolesMappingNotJson' });
    return;
  }
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    ctx.report({ at: path, messageId: 'rolesMappingNotObject' });
    return;
  }
  const bad = Object.entries(parsed).find(([, roles]) => !Array.isArray(roles) || roles.some((role) => typeof role !== 'string'));
  if (bad) ctx.report({ at: path, messageId: 'rolesMappingNotRoleList', data: { group: show(bad[0]) } });
}
