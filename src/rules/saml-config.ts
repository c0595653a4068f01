import { defineRule, RuleContext } from './support/rule';
import { parseHttpUrl } from './support/helpers';
import { show } from './support/message';
import { extraEnvsOf, isBlank, joinNames, providesSecret, setting } from './support/values';
import type { Path, Plain } from '../types';

/**
 * Provider saml: the server's schema requires idp.entityId, idp.ssoLoginUrl, sp.entityId, sp.acs and
 * sp.callback (openmetadata-spec `security/client/samlSSOClientConfig.json` @ 3a076308); its
 * SamlValidator (@ 01ed8521) also requires the IdP certificate, an ACS path ending in
 * /api/v1/saml/acs or /callback, the SP certificate and private key for signed requests or metadata,
 * and the keystore for encrypted assertions. The chart passes the certificate through
 * SAML_IDP_CERTIFICATE only when its secretRef is set (chart `templates/_helpers.tpl` 269–316 @ 1.13.1);
 * the server expects the PEM body there, not a file path (OpenMetadata #19162).
 * SAML settings filled in while the provider is never set leave the server on its default, basic:
 * nobody is sent to the IdP ("This doesn't happen until AUTHENTICATION_PROVIDER is set to saml",
 * #19162). Nobody who should sign in with SAML can: an error, and the SAML checks run on those
 * settings too, since they are the deployment's intent.
 */
const SAML: Path = ['authentication', 'saml'];
const PROVIDER: Path = ['authentication', 'provider'];

const REQUIRED: { path: string[]; what: string }[] = [
  { path: ['idp', 'entityId'], what: "the IdP's entity ID (issuer) from its SAML metadata" },
  { path: ['idp', 'ssoLoginUrl'], what: "the IdP's single sign-on URL (HTTP-Redirect binding)" },
  { path: ['sp', 'entityId'], what: 'the entity ID OpenMetadata presents, e.g. https://<host>/api/v1/saml/metadata' },
  { path: ['sp', 'acs'], what: 'the assertion consumer URL, e.g. https://<host>/api/v1/saml/acs' },
  { path: ['sp', 'callback'], what: 'where the browser lands after login, e.g. https://<host>/saml/callback' },
];

/**
 * The stock openmetadata.yaml's SP defaults (`${SAML_SP_ENTITY_ID:-"http://localhost:8585/api/v1/saml/metadata"}`…,
 * conf/openmetadata.yaml @ 948f5718): an env file that does not set them gets these, so they are not missing.
 */
const STOCK_SERVER_SAML: Record<string, string> = {
  'sp.entityId': 'http://localhost:8585/api/v1/saml/metadata',
  'sp.acs': 'http://localhost:8585/api/v1/saml/acs',
  'sp.callback': 'http://localhost:8585/saml/callback',
};

/** What only a SAML login needs: one of them filled in means the deployment is meant to use SAML. */
const IDP_SETTINGS: string[][] = [['idp', 'entityId'], ['idp', 'ssoLoginUrl'], ['idp', 'idpX509Certificate']];

const CERTIFICATE_KEYS: string[][] = [['idp', 'idpX509Certificate'], ['sp', 'spX509Certificate'], ['sp', 'spPrivateKey']];
const CERTIFICATE_ENVS = ['SAML_IDP_CERTIFICATE', 'SAML_SP_CERTIFICATE', 'SAML_SP_PRIVATE_KEY'];

/** What a certificate or key given as a path breaks: the IdP's is needed for every login (#19162). */
const PATH_CONSEQUENCE: Record<string, string> = {
  idpX509Certificate: 'the server parses the path as the certificate and can verify no assertion, so no SAML login succeeds',
  spX509Certificate: 'signed requests, signed metadata and encrypted assertions fail',
  spPrivateKey: 'signed requests, signed metadata and encrypted assertions fail',
};

export default defineRule({
  id: 'saml-config',
  severity: 'error',
  description: 'SAML settings the server needs but are missing or unused, and signing or encryption flags without their keys.',
  // The provider left unset is the same fact as provider-block-ignored's, told as what it breaks.
  supersedes: ['provider-block-ignored'],
  // Key and variable names go into the messages as they are; only URLs the user wrote are values.
  messages: {
    providerNotSet:
      'The SAML settings are filled in ({{settings}}) but {{providerKey}} is never set, so {{defaults}} "{{provider}}" applies: ' +
      'the server ignores every SAML setting and sends nobody to the identity provider to sign in. Set {{fix}} (lower case).',
    required: '{{key}} is required for provider saml: {{what}}.',
    ssoLoginUrlNotAbsolute: '{{key}} {{url}} is not an absolute http(s) URL; the browser is sent there to log in.',
    acsPath:
      '{{key}} must end with /api/v1/saml/acs, where OpenMetadata receives the assertion; {{path}} is not served. Use {{acsUrl}}.',
    idpCertificateRef:
      "{{key}} needs secretRef and secretKey of the Secret holding the IdP's signing certificate; " +
      'the chart renders SAML_IDP_CERTIFICATE only when secretRef is set, and without it no assertion can be verified.',
    idpCertificateEmpty:
      "{{key}} is empty: without the IdP's signing certificate (its PEM text) the server can verify no assertion, so no SAML login succeeds.",
    signingKeys: "{{flags}} {{need}} the SP's signing keys, but {{keys}} {{have}} no secretRef/secretKey; the server cannot sign.",
    signingKeysEmpty: "{{flags}} {{need}} the SP's signing keys, but {{keys}} {{are}} empty; the server cannot sign.",
    encryptionKeystore: '{{flag}} needs the keystore that decrypts assertions: {{missing}} {{are}} missing.',
    certificatePath:
      '{{key}} looks like a file path; OpenMetadata expects the PEM text itself ({{consequence}}). Store the certificate in a ' +
      'Kubernetes Secret and reference it with secretRef/secretKey.',
    certificatePathServer:
      '{{key}} looks like a file path; OpenMetadata expects the PEM text itself ({{consequence}}). Put the certificate text in ' +
      '{{variable}}, from a Docker or Kubernetes secret.',
    certificateEnvPath:
      'extraEnvs {{name}} looks like a file path; the server reads the PEM text from this variable, not a file ({{consequence}}). ' +
      'Put the certificate itself in a Secret and use valueFrom.secretKeyRef.',
  },
  check(ctx) {
    if (ctx.provider !== 'saml') {
      // A provider written as something else makes the block a leftover (provider-block-ignored); one
      // never set, with the IdP filled in, is a SAML deployment that does not run SAML (#19162).
      if (providerWritten(ctx) || !samlConfigured(ctx)) return;
      reportProviderNotSet(ctx);
    }
    for (const { path, what } of REQUIRED) {
      if (isBlank(samlValue(ctx, path))) {
        ctx.report({ at: [...SAML, ...path], messageId: 'required', data: { key: name(ctx, path), what } });
      }
    }
    checkSsoLoginUrl(ctx);
    checkAcs(ctx);
    checkIdpCertificate(ctx);
    checkSigning(ctx);
    checkEncryption(ctx);
    checkCertificatePaths(ctx);
  },
});

/** The SAML setting at `path` (below the saml block) as the user writes it in this kind of file. */
function name(ctx: RuleContext, path: string[]): string {
  return ctx.keyName([...SAML, ...path]);
}

/** What runs: written or default, with the stock openmetadata.yaml's SP defaults on the server layout. */
function samlValue(ctx: RuleContext, path: string[]): Plain | undefined {
  const value = ctx.effective([...SAML, ...path]);
  return value === undefined && ctx.form !== 'values' ? STOCK_SERVER_SAML[path.join('.')] : value;
}

/** The user chose the provider: written in values, or in openmetadata.yaml other than as an unset `${VAR:-default}`. */
function providerWritten(ctx: RuleContext): boolean {
  return ctx.get(PROVIDER) !== undefined && ctx.origin(PROVIDER)?.env?.source !== 'substitution-default';
}

/** An IdP setting the user filled in (not a default, nor the stock `${SAML_…:-""}` of openmetadata.yaml). */
function samlConfigured(ctx: RuleContext): boolean {
  return configuredIdpSettings(ctx).length > 0;
}

function configuredIdpSettings(ctx: RuleContext): string[][] {
  return IDP_SETTINGS.filter((path) => {
    const at = [...SAML, ...path];
    const value = ctx.get(at);
    if (ctx.origin(at)?.env?.source === 'substitution-default') return false;
    return path.at(-1) === 'idpX509Certificate' ? providesSecret(value) : !isBlank(value);
  });
}

function reportProviderNotSet(ctx: RuleContext): void {
  const settings = configuredIdpSettings(ctx).map((path) => name(ctx, path));
  ctx.report({
    at: SAML,
    target: 'key',
    messageId: 'providerNotSet',
    // The provider is a value of the chart's enumeration (basic, the default), never a secret.
    data: {
      settings: joinNames(settings),
      providerKey: ctx.keyName(PROVIDER),
      defaults: ctx.defaultsName,
      provider: ctx.provider,
      fix: setting(ctx, PROVIDER, 'saml'),
    },
  });
}

function checkSsoLoginUrl(ctx: RuleContext): void {
  const url = ctx.effective([...SAML, 'idp', 'ssoLoginUrl']);
  if (!isBlank(url) && !ctx.once(parseHttpUrl, url)) {
    ctx.report({ at: [...SAML, 'idp', 'ssoLoginUrl'], messageId: 'ssoLoginUrlNotAbsolute', data: { key: name(ctx, ['idp', 'ssoLoginUrl']), url: show(url) } });
  }
}

function checkAcs(ctx: RuleContext): void {
  const acs = ctx.once(parseHttpUrl, ctx.effective([...SAML, 'sp', 'acs']));
  if (!acs) return;
  const path = acs.pathname.replace(/\/+$/, '');
  if (path.endsWith('/api/v1/saml/acs') || path.endsWith('/callback')) return;
  ctx.report({
    at: [...SAML, 'sp', 'acs'],
    messageId: 'acsPath',
    // The URL to use is built by the rule from the origin (scheme, host, port: no credentials).
    data: { key: name(ctx, ['sp', 'acs']), path: show(acs.pathname), acsUrl: `${acs.origin}/api/v1/saml/acs` },
  });
}

/** The chart renders the certificate only from a Secret reference; the server takes its text. */
function checkIdpCertificate(ctx: RuleContext): void {
  const path = [...SAML, 'idp', 'idpX509Certificate'];
  if (providesSecret(ctx.effective(path))) return;
  const key = name(ctx, ['idp', 'idpX509Certificate']);
  ctx.report({ at: path, target: 'key', messageId: ctx.form === 'values' ? 'idpCertificateRef' : 'idpCertificateEmpty', data: { key } });
}

function checkSigning(ctx: RuleContext): void {
  const flags = ['sendSignedAuthRequest', 'signSpMetadata'].filter((flag) => ctx.effective([...SAML, 'security', flag]) === true);
  if (flags.length === 0) return;
  const missing = ['spX509Certificate', 'spPrivateKey'].filter((key) => !providesSecret(ctx.effective([...SAML, 'sp', key])));
  if (missing.length === 0) return;
  const plural = missing.length > 1;
  ctx.report({
    at: [...SAML, 'security', flags[0]],
    messageId: ctx.form === 'values' ? 'signingKeys' : 'signingKeysEmpty',
    data: {
      flags: joinNames(flags.map((flag) => name(ctx, ['security', flag]))),
      need: flags.length === 1 ? 'needs' : 'need',
      keys: joinNames(missing.map((key) => name(ctx, ['sp', key]))),
      have: plural ? 'have' : 'has',
      are: plural ? 'are' : 'is',
    },
  });
}

function checkEncryption(ctx: RuleContext): void {
  if (ctx.effective([...SAML, 'security', 'wantAssertionEncrypted']) !== true) return;
  const missing: string[] = [];
  if (isBlank(ctx.effective([...SAML, 'security', 'keyStoreFilePath']))) missing.push('keyStoreFilePath');
  for (const key of ['keyStoreAlias', 'keyStorePassword']) {
    if (!providesSecret(ctx.effective([...SAML, 'security', key]))) missing.push(key);
  }
  if (missing.length === 0) return;
  ctx.report({
    at: [...SAML, 'security', 'wantAssertionEncrypted'],
    messageId: 'encryptionKeystore',
    data: {
      flag: name(ctx, ['security', 'wantAssertionEncrypted']),
      missing: joinNames(missing.map((key) => name(ctx, ['security', key]))),
      are: missing.length === 1 ? 'is' : 'are',
    },
  });
}

/**
 * The certificate or key itself is expected, not where it lies on some disk (OpenMetadata #19162:
 * "it tried to parse the path as a base64 encoded cert"). The IdP's certificate verifies every
 * assertion, so a path there locks every SAML user out (error); the SP's is used only to sign and
 * decrypt (warning).
 */
function checkCertificatePaths(ctx: RuleContext): void {
  for (const key of CERTIFICATE_KEYS) {
    const value = ctx.get([...SAML, ...key]);
    if (!looksLikeFilePath(value)) continue;
    // The variable that carries it, where one does (an env file, a `${VAR}` of openmetadata.yaml).
    const variable = ctx.origin([...SAML, ...key])?.env?.name;
    ctx.report({
      at: [...SAML, ...key],
      severity: key[0] === 'idp' ? 'error' : 'warn',
      messageId: ctx.form === 'values' && !variable ? 'certificatePath' : 'certificatePathServer',
      data: { key: name(ctx, key), variable: variable ?? name(ctx, key), consequence: PATH_CONSEQUENCE[String(key.at(-1))] },
    });
  }
  for (const env of extraEnvsOf(ctx)) {
    if (!CERTIFICATE_ENVS.includes(env.name) || !looksLikeFilePath(env.value)) continue;
    const key = CERTIFICATE_KEYS[CERTIFICATE_ENVS.indexOf(env.name)];
    ctx.report({
      at: ['extraEnvs', env.index, 'value'],
      root: 'chart',
      severity: key[0] === 'idp' ? 'error' : 'warn',
      messageId: 'certificateEnvPath',
      data: { name: env.name, consequence: PATH_CONSEQUENCE[String(key.at(-1))] },
    });
  }
}

function looksLikeFilePath(value: Plain | undefined): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text.includes('-----BEGIN') || /\s/.test(text)) return false;
  return /^(\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(text) || /\.(pem|crt|cer|der|key|p12|pfx|jks)$/i.test(text);
}
