import { defineRule, RuleContext } from './support/rule';
import { parseHttpUrl } from './support/helpers';
import { show } from './support/message';
import { extraEnvsOf, isBlank, providesSecret } from './support/values';
import type { Path, Plain } from '../types';

/**
 * Provider saml: the server's schema requires idp.entityId, idp.ssoLoginUrl, sp.entityId, sp.acs and
 * sp.callback (openmetadata-spec `security/client/samlSSOClientConfig.json` @ 3a076308); its
 * SamlValidator (@ 01ed8521) also requires the IdP certificate, an ACS path ending in
 * /api/v1/saml/acs or /callback, the SP certificate and private key for signed requests or metadata,
 * and the keystore for encrypted assertions. The chart passes the certificate through
 * SAML_IDP_CERTIFICATE only when its secretRef is set (chart `templates/_helpers.tpl` 269–316 @ 1.13.1);
 * the server expects the PEM body there, not a file path (OpenMetadata #19162).
 */
const SAML: Path = ['authentication', 'saml'];

const REQUIRED: { path: string[]; what: string }[] = [
  { path: ['idp', 'entityId'], what: "the IdP's entity ID (issuer) from its SAML metadata" },
  { path: ['idp', 'ssoLoginUrl'], what: "the IdP's single sign-on URL (HTTP-Redirect binding)" },
  { path: ['sp', 'entityId'], what: 'the entity ID OpenMetadata presents, e.g. https://<host>/api/v1/saml/metadata' },
  { path: ['sp', 'acs'], what: 'the assertion consumer URL, e.g. https://<host>/api/v1/saml/acs' },
  { path: ['sp', 'callback'], what: 'where the browser lands after login, e.g. https://<host>/saml/callback' },
];

const CERTIFICATE_KEYS: string[][] = [['idp', 'idpX509Certificate'], ['sp', 'spX509Certificate'], ['sp', 'spPrivateKey']];
const CERTIFICATE_ENVS = ['SAML_IDP_CERTIFICATE', 'SAML_SP_CERTIFICATE', 'SAML_SP_PRIVATE_KEY'];

export default defineRule({
  id: 'saml-config',
  severity: 'error',
  description: 'SAML settings the server needs but are missing, and signing or encryption flags without their keys.',
  // Key and variable names go into the messages as they are; only URLs the user wrote are values.
  messages: {
    required: 'saml.{{key}} is required for provider saml: {{what}}.',
    ssoLoginUrlNotAbsolute: 'saml.idp.ssoLoginUrl {{url}} is not an absolute http(s) URL; the browser is sent there to log in.',
    acsPath:
      'saml.sp.acs must end with /api/v1/saml/acs, where OpenMetadata receives the assertion; {{path}} is not served. Use {{acsUrl}}.',
    idpCertificateRef:
      "saml.idp.idpX509Certificate needs secretRef and secretKey of the Secret holding the IdP's signing certificate; " +
      'the chart renders SAML_IDP_CERTIFICATE only when secretRef is set, and without it no assertion can be verified.',
    signingKeys:
      "saml.security.{{flags}} {{need}} the SP's signing keys, but saml.sp.{{keys}} {{have}} no secretRef/secretKey; the server cannot sign.",
    encryptionKeystore:
      'saml.security.wantAssertionEncrypted needs the keystore that decrypts assertions: {{missing}} {{are}} missing.',
    certificatePath:
      'saml.{{key}} looks like a file path; OpenMetadata expects the PEM text itself. Store the certificate in a Secret and ' +
      'reference it with secretRef/secretKey.',
    certificateEnvPath:
      'extraEnvs {{name}} looks like a file path; the server reads the PEM text from this variable, not a file. Put the ' +
      'certificate itself in a Secret and use valueFrom.secretKeyRef.',
  },
  check(ctx) {
    if (ctx.provider !== 'saml') return;
    for (const { path, what } of REQUIRED) {
      if (isBlank(ctx.effective([...SAML, ...path]))) {
        ctx.report({ at: [...SAML, ...path], messageId: 'required', data: { key: path.join('.'), what } });
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

function checkSsoLoginUrl(ctx: RuleContext): void {
  const url = ctx.effective([...SAML, 'idp', 'ssoLoginUrl']);
  if (!isBlank(url) && !ctx.once(parseHttpUrl, url)) {
    ctx.report({ at: [...SAML, 'idp', 'ssoLoginUrl'], messageId: 'ssoLoginUrlNotAbsolute', data: { url: show(url) } });
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
    data: { path: show(acs.pathname), acsUrl: `${acs.origin}/api/v1/saml/acs` },
  });
}

function checkIdpCertificate(ctx: RuleContext): void {
  const path = [...SAML, 'idp', 'idpX509Certificate'];
  if (providesSecret(ctx.effective(path))) return;
  ctx.report({ at: path, target: 'key', messageId: 'idpCertificateRef' });
}

function checkSigning(ctx: RuleContext): void {
  const flags = ['sendSignedAuthRequest', 'signSpMetadata'].filter((flag) => ctx.effective([...SAML, 'security', flag]) === true);
  if (flags.length === 0) return;
  const missing = ['spX509Certificate', 'spPrivateKey'].filter((key) => !providesSecret(ctx.effective([...SAML, 'sp', key])));
  if (missing.length === 0) return;
  ctx.report({
    at: [...SAML, 'security', flags[0]],
    messageId: 'signingKeys',
    data: {
      flags: flags.join(' and '),
      need: flags.length === 1 ? 'needs' : 'need',
      keys: missing.join(' and sp.'),
      have: missing.length === 1 ? 'has' : 'have',
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
    data: { missing: missing.join(', '), are: missing.length === 1 ? 'is' : 'are' },
  });
}

/** The certificate or key itself is expected, not where it lies on some disk (OpenMetadata #19162). */
function checkCertificatePaths(ctx: RuleContext): void {
  for (const key of CERTIFICATE_KEYS) {
    const value = ctx.get([...SAML, ...key]);
    if (looksLikeFilePath(value)) {
      ctx.report({ at: [...SAML, ...key], severity: 'warn', messageId: 'certificatePath', data: { key: key.join('.') } });
    }
  }
  for (const env of extraEnvsOf(ctx)) {
    if (CERTIFICATE_ENVS.includes(env.name) && looksLikeFilePath(env.value)) {
      ctx.report({
        at: ['extraEnvs', env.index, 'value'],
        root: 'chart',
        severity: 'warn',
        messageId: 'certificateEnvPath',
        data: { name: env.name },
      });
    }
  }
}

function looksLikeFilePath(value: Plain | undefined): boolean {
  if (typeof value !== 'string') return false;
  const text = value.trim();
  if (text.includes('-----BEGIN') || /\s/.test(text)) return false;
  return /^(\/|\.\.?\/|~\/|[A-Za-z]:\\)/.test(text) || /\.(pem|crt|cer|der|key|p12|pfx|jks)$/i.test(text);
}
