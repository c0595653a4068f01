import { defineRule, RuleContext } from './support/rule';
import { CHART_DEFAULTS } from '../knowledge/defaults';
import { extraEnvsOf, isBlank, isExternalIdentityProvider } from './support/values';
import type { Path } from '../types';
import { valueAt } from '../types';

/**
 * The chart's `fernetkey.value` is the same public key as the server's default (chart values.yaml @
 * 1.13.1, conf/openmetadata.yaml),
 * and `jwtTokenConfiguration` points at the RSA key pair baked into the image with keyId
 * `Gb389a-9f76-gdjs-a92j-0242bk94356` (https://docs.open-metadata.org/latest/deployment/security/enable-jwt-tokens:
 * replace them in production). Anyone can decrypt stored credentials with the first and mint bot or
 * admin tokens with the second. With `jwtTokenConfiguration.enabled: false` the chart sets none of
 * the JWT variables and the server keeps the image keys. Values the user did not write are chart
 * defaults, reported as info on the nearest key they did write.
 */
const JWT: Path = ['jwtTokenConfiguration'];
const JWT_DEFAULT_KEYS = ['rsapublicKeyFilePath', 'rsaprivateKeyFilePath', 'keyId'];
const JWT_ENV: Record<string, string> = {
  rsapublicKeyFilePath: 'RSA_PUBLIC_KEY_FILE_PATH',
  rsaprivateKeyFilePath: 'RSA_PRIVATE_KEY_FILE_PATH',
  keyId: 'JWT_KEY_ID',
};
const KEY_PAIR_ADVICE =
  'that key pair ships with every OpenMetadata image, so anyone can mint tokens your server accepts. Generate your own ' +
  'RSA keys, mount them from a Secret and set their paths and a new keyId (keep the keyId stable afterwards).';
/** The kid of the demo key pair: a chart default, not a value of the user's, so a plain datum. */
const DEMO_KEY_ID = String(valueAt(CHART_DEFAULTS, [...JWT, 'keyId']));
const KEY_ID_ADVICE = '"{{demoKeyId}}" is the kid of the public demo keys; give your own key pair its own keyId and keep it stable afterwards.';
const FERNET_ADVICE =
  'so anyone can decrypt the service credentials OpenMetadata stores. Generate a key, keep it in a Kubernetes Secret and set ' +
  'fernetkey.secretRef and fernetkey.secretKey.';

export default defineRule({
  id: 'default-signing-keys',
  severity: 'warn',
  description: "The public default Fernet key, or the image's demo JWT signing keys.",
  messages: {
    fernetWritten: `fernetkey is the public default key, ${FERNET_ADVICE}`,
    fernetDefault: `fernetkey is left at the public default key, ${FERNET_ADVICE}`,
    jwtDisabled:
      'jwtTokenConfiguration.enabled: false makes the chart set none of the JWT variables, so the server signs bot and ' +
      "personal access tokens with the image's demo keys. Enable it and point it at your own key pair.",
    demoKeyPairDefault: `jwtTokenConfiguration is left at the image's demo signing keys ({{keys}} not set): ${KEY_PAIR_ADVICE}`,
    demoKeyIdDefault: `jwtTokenConfiguration.keyId is left at the image default: ${KEY_ID_ADVICE}`,
    demoKeyPairWritten: `jwtTokenConfiguration.{{key}} is the image's demo default: ${KEY_PAIR_ADVICE}`,
    demoKeyIdWritten: `jwtTokenConfiguration.keyId is the image's demo default: ${KEY_ID_ADVICE}`,
  },
  check(ctx) {
    checkFernet(ctx);
    checkJwt(ctx);
  },
});

/** A key set again through extraEnvs is env-override's finding; the default is then not what runs. */
function setByEnv(ctx: RuleContext, name: string): boolean {
  return extraEnvsOf(ctx).some((env) => env.name === name);
}

function checkFernet(ctx: RuleContext): void {
  if (!isBlank(ctx.effective(['fernetkey', 'secretRef'])) || setByEnv(ctx, 'FERNET_KEY')) return;
  const value = ctx.effective(['fernetkey', 'value']);
  if (value !== valueAt(CHART_DEFAULTS, ['fernetkey', 'value'])) return;
  const written = ctx.get(['fernetkey', 'value']) !== undefined;
  ctx.report({ at: ['fernetkey', 'value'], severity: written ? 'warn' : 'info', messageId: written ? 'fernetWritten' : 'fernetDefault' });
}

function checkJwt(ctx: RuleContext): void {
  if (ctx.get([...JWT, 'enabled']) === false) {
    ctx.report({ at: [...JWT, 'enabled'], severity: 'info', messageId: 'jwtDisabled' });
    return;
  }
  const defaults = JWT_DEFAULT_KEYS.filter(
    (key) => ctx.effective([...JWT, key]) === valueAt(CHART_DEFAULTS, [...JWT, key]) && !setByEnv(ctx, JWT_ENV[key]),
  );
  if (defaults.length === 0) return;
  const written = defaults.filter((key) => ctx.get([...JWT, key]) !== undefined);
  // With only the keyId left at the image's, the key pair is the user's own: the advice is about the kid alone.
  const demoKeyPair = defaults.some((key) => key !== 'keyId');
  if (written.length === 0) {
    const at = [...JWT, defaults[0]];
    if (demoKeyPair) ctx.report({ at, severity: 'info', messageId: 'demoKeyPairDefault', data: { keys: defaults.join(', ') } });
    else ctx.report({ at, severity: 'info', messageId: 'demoKeyIdDefault', data: { demoKeyId: DEMO_KEY_ID } });
    return;
  }
  const severity = isExternalIdentityProvider(ctx.provider) ? 'warn' : 'info';
  for (const key of written) {
    const at = [...JWT, key];
    if (key === 'keyId' && !demoKeyPair) ctx.report({ at, severity, messageId: 'demoKeyIdWritten', data: { demoKeyId: DEMO_KEY_ID } });
    else ctx.report({ at, severity, messageId: 'demoKeyPairWritten', data: { key } });
  }
}
