import { defineRule, RuleContext } from './support/rule';
import { stringItems } from './support/helpers';
import { show } from './support/message';
import { isBlank, joinNames, providesSecret, whereIs } from './support/values';
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
/** The chart's own example values (values.yaml @ 1.13.1), which only a demo directory matches. */
const EXAMPLE_KEYS = ['host', 'dnAdminPrincipal', 'userBaseDN'];
const EXAMPLE_DEFAULTS = "so the chart's examples apply ({{examples}}): unless your directory really is that, every LDAP login fails.";

export default defineRule({
  id: 'ldap-config',
  severity: 'error',
  description: 'LDAP settings the server needs but are missing or malformed, and SSL/port or truststore mismatches.',
  messages: {
    required: '{{key}} is empty; it is required: {{what}}.',
    hostEmpty: '{{key}} is empty; the server cannot start without the LDAP server name.',
    hostNotBare:
      '{{key}} must be a bare host name: {{host}} carries a scheme, port or path the server does not strip. ' +
      'Write {{bareHost}} and put the port in {{portKey}}.',
    portRange: '{{key}} {{port}} is not a TCP port; use 1–65535 (389 for LDAP, 636 for LDAPS).',
    plainPortWithSsl:
      '{{key}} is 389 (plain LDAP) but {{sslKey}} is true ({{sslWhere}}); the TLS handshake fails and no LDAP login succeeds. ' +
      'Use 636, or turn SSL off.',
    sslPortWithoutSsl:
      '{{key}} is 636 (LDAPS) but {{sslKey}} is false ({{sslWhere}}); a plain connection to the TLS port fails and no LDAP ' +
      'login succeeds. Turn SSL on, or use 389.',
    adminPasswordRef:
      '{{key}} needs both secretRef and secretKey: the chart renders AUTHENTICATION_LOOKUP_ADMIN_PWD ' +
      'only when secretRef is set, so the server binds without a password. Point it at the Secret that holds the bind password.',
    adminPasswordEmpty:
      '{{key}} is empty: the server binds without a password, so user lookups fail and nobody can log in. Set the bind password ' +
      '(from a Docker or Kubernetes secret).',
    exampleDefault: `{{keys}} is not set, ${EXAMPLE_DEFAULTS} Set it to your directory's.`,
    exampleDefaults: `{{keys}} are not set, ${EXAMPLE_DEFAULTS} Set them to your directory's.`,
    customTrustStore:
      '{{type}} CustomTrustStore needs {{missing}}; without them the server cannot open the truststore and LDAPS logins fail.',
    noAcceptableHostNames: '{{type}} HostName needs {{hostNames}}; with an empty list no LDAP host is accepted.',
    hostNameBreaksChart:
      'Chart 1.13.1 pipes hostNameConfig.acceptableHostNames (a list) straight into b64enc, which takes a string, so rendering ' +
      'is expected to fail with truststoreConfigType HostName. Prefer JVMDefault or CustomTrustStore.',
    groupAttributes:
      '{{key}} is set, so group lookups need {{missing}} too (e.g. objectClass, groupOfNames, member); the server rejects ' +
      'the setting without them.',
    rolesMappingNotJson: `{{key}} is not valid JSON; ${ROLES_MAPPING_SHAPE}`,
    rolesMappingNotObject: `{{key}} is not a JSON object; ${ROLES_MAPPING_SHAPE}`,
    rolesMappingNotRoleList: `{{key}} maps {{group}} to something other than a list of role names; ${ROLES_MAPPING_SHAPE}`,
  },
  check(ctx) {
    if (ctx.provider !== 'ldap') return;
    checkHost(ctx);
    checkPort(ctx);
    for (const { key, what } of REQUIRED_TEXT) {
      if (isBlank(ctx.effective([...LDAP, key]))) ctx.report({ at: [...LDAP, key], messageId: 'required', data: { key: ldapKey(ctx, key), what } });
    }
    checkAdminPassword(ctx);
    checkExampleDefaults(ctx);
    checkTruststore(ctx);
    checkGroups(ctx);
    checkRolesMapping(ctx);
  },
});

/** An LDAP setting (a path below ldapConfiguration) as the file writes it. */
function ldapKey(ctx: RuleContext, ...path: string[]): string {
  return ctx.keyName([...LDAP, ...path]);
}

function checkHost(ctx: RuleContext): void {
  const host = ctx.effective([...LDAP, 'host']);
  const key = ldapKey(ctx, 'host');
  if (isBlank(host)) {
    ctx.report({ at: [...LDAP, 'host'], messageId: 'hostEmpty', data: { key } });
    return;
  }
  if (typeof host !== 'string') return;
  const text = host.trim();
  const ipv6 = /^\[?[0-9a-f]*:[0-9a-f:.]*\]?$/i.test(text) && (text.match(/:/g) ?? []).length >= 2;
  const bare = text.replace(/^ldaps?:\/\//i, '').replace(/[:/].*$/, '');
  if (!ipv6 && /[:/]/.test(text)) {
    ctx.report({ at: [...LDAP, 'host'], messageId: 'hostNotBare', data: { key, host: show(host), bareHost: show(bare), portKey: ldapKey(ctx, 'port') } });
  }
}

function checkPort(ctx: RuleContext): void {
  const port = ctx.effective([...LDAP, 'port']);
  if (typeof port === 'number' && (!Number.isInteger(port) || port < 1 || port > 65535)) {
    // A number is never a secret: it goes in as it is, unquoted.
    ctx.report({ at: [...LDAP, 'port'], messageId: 'portRange', data: { key: ldapKey(ctx, 'port'), port } });
    return;
  }
  const ssl = ctx.effective([...LDAP, 'sslEnabled']);
  const portWritten = ctx.get([...LDAP, 'port']) !== undefined;
  const sslWritten = ctx.get([...LDAP, 'sslEnabled']) !== undefined;
  if (!portWritten && !sslWritten) return;
  const mismatch = (ssl === true && port === 389) || (ssl === false && port === 636);
  if (!mismatch) return;
  // Sometimes meant (a directory serving TLS on 389 or plain LDAP on 636): a warning that says what fails.
  ctx.report({
    at: portWritten ? [...LDAP, 'port'] : [...LDAP, 'sslEnabled'],
    severity: 'warn',
    messageId: ssl === true ? 'plainPortWithSsl' : 'sslPortWithoutSsl',
    data: { key: ldapKey(ctx, 'port'), sslKey: ldapKey(ctx, 'sslEnabled'), sslWhere: whereIs(ctx, [...LDAP, 'sslEnabled']) },
  });
}

/** The chart renders the bind password only from a Secret reference; the server takes its text. */
function checkAdminPassword(ctx: RuleContext): void {
  const path = [...LDAP, 'dnAdminPassword'];
  // A literal is no-plaintext-secrets' and valid-schema's finding.
  if (providesSecret(ctx.effective(path))) return;
  const messageId = ctx.form === 'values' ? 'adminPasswordRef' : 'adminPasswordEmpty';
  ctx.report({ at: path, target: 'key', messageId, data: { key: ldapKey(ctx, 'dnAdminPassword') } });
}

/**
 * The chart's own example values (localhost, dc=example) match only a demo directory; the user did
 * not write them. Sometimes that is the point (a demo), so a warning that says when it fails.
 * openmetadata.yaml and env files have no such examples: unset keys there are `required`'s.
 */
function checkExampleDefaults(ctx: RuleContext): void {
  if (ctx.form !== 'values') return;
  const unwritten = EXAMPLE_KEYS.filter((key) => ctx.get([...LDAP, key]) === undefined && !isBlank(ctx.effective([...LDAP, key])));
  if (unwritten.length === 0) return;
  const at = [...LDAP, unwritten[0]];
  // The chart's defaults are omlint's knowledge, not the user's text: plain data.
  const examples = unwritten.map((key) => `${key} ${String(ctx.effective([...LDAP, key]))}`).join(', ');
  const keys = joinNames(unwritten.map((key) => ldapKey(ctx, key)));
  ctx.report({ at, severity: 'warn', messageId: unwritten.length === 1 ? 'exampleDefault' : 'exampleDefaults', data: { keys, examples } });
}

function checkTruststore(ctx: RuleContext): void {
  const type = ctx.effective([...LDAP, 'truststoreConfigType']);
  const typeKey = ldapKey(ctx, 'truststoreConfigType');
  if (type === 'CustomTrustStore') {
    const custom = (key: string): string => ctx.keyName([...CUSTOM, key]);
    const missing = ['trustStoreFilePath', 'trustStoreFileFormat'].filter((key) => isBlank(ctx.effective([...CUSTOM, key]))).map(custom);
    if (!providesSecret(ctx.effective([...CUSTOM, 'trustStoreFilePassword']))) {
      missing.push(ctx.form === 'values' ? `${custom('trustStoreFilePassword')} (secretRef and secretKey)` : custom('trustStoreFilePassword'));
    }
    if (missing.length > 0) {
      ctx.report({ at: [...LDAP, 'truststoreConfigType'], messageId: 'customTrustStore', data: { type: typeKey, missing: joinNames(missing) } });
    }
  } else if (type === 'HostName') {
    const names = stringItems(ctx.effective(HOST_NAMES)).filter(({ item }) => item.trim() !== '');
    if (names.length === 0) {
      ctx.report({ at: [...LDAP, 'truststoreConfigType'], messageId: 'noAcceptableHostNames', data: { type: typeKey, hostNames: ctx.keyName(HOST_NAMES) } });
    } else if (ctx.form === 'values') {
      ctx.report({ at: [...LDAP, 'truststoreConfigType'], severity: 'warn', messageId: 'hostNameBreaksChart' });
    }
  }
}

function checkGroups(ctx: RuleContext): void {
  if (isBlank(ctx.effective([...LDAP, 'groupBaseDN']))) return;
  const missing = ['groupAttributeName', 'groupAttributeValue', 'groupMemberAttributeName'].filter((key) => isBlank(ctx.effective([...LDAP, key])));
  if (missing.length === 0) return;
  ctx.report({
    at: [...LDAP, 'groupBaseDN'],
    messageId: 'groupAttributes',
    data: { key: ldapKey(ctx, 'groupBaseDN'), missing: joinNames(missing.map((key) => ldapKey(ctx, key))) },
  });
}

function checkRolesMapping(ctx: RuleContext): void {
  const path = [...LDAP, 'authRolesMapping'];
  const mapping = ctx.effective(path);
  if (typeof mapping !== 'string' || mapping.trim() === '') return;
  let parsed: unknown;
  try {
    parsed = JSON.parse(mapping);
  } catch {
    ctx.report({ at: path, messageId: 'rolesMappingNotJson', data: { key: ldapKey(ctx, 'authRolesMapping') } });
    return;
  }
  const key = ldapKey(ctx, 'authRolesMapping');
  if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) {
    ctx.report({ at: path, messageId: 'rolesMappingNotObject', data: { key } });
    return;
  }
  const bad = Object.entries(parsed).find(([, roles]) => !Array.isArray(roles) || roles.some((role) => typeof role !== 'string'));
  if (bad) ctx.report({ at: path, messageId: 'rolesMappingNotRoleList', data: { key, group: show(bad[0]) } });
}
