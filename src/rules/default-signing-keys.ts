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
const KEY_ID_ADVICE =
  `"${String(valueAt(CHART_DEFAULTS, [...JWT, 'keyId']))}" is the kid of the public demo keys; give your own key pair its own keyId and keep it stable afterwards.`;

export default defineRule({
  id: 'default-signing-keys',
  severity: 'warn',
  description: "The public default Fernet key, or the image's demo JWT signing keys.",
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
  ctx.report({
    at: ['fernetkey', 'value'],
    severity: written ? 'warn' : 'info',
    message:
      `fernetkey ${written ? 'is' : 'is left at'} the public default key, so anyone can decrypt the service credentials ` +
      'OpenMetadata stores. Generate a key, keep it in a Kubernetes Secret and set fernetkey.secretRef and fernetkey.secretKey.',
  });
}

function checkJwt(ctx: RuleContext): void {
  if (ctx.get([...JWT, 'enabled']) === false) {
    ctx.report({
      at: [...JWT, 'enabled'],
      severity: 'info',
      message:
        'jwtTokenConfiguration.enabled: false makes the chart set none of the JWT variables, so the server signs bot and ' +
        "personal access tokens with the image's demo keys. Enable it and point it at your own key pair.",
    });
    return;
  }
  const defaults = JWT_DEFAULT_KEYS.filter(
    (key) => ctx.effective([...JWT, key]) === valueAt(CHART_DEFAULTS, [...JWT, key]) && !setByEnv(ctx, JWT_ENV[key]),
  );
  if (defaults.length === 0) return;
  const written = defaults.filter((key) => ctx.get([...JWT, key]) !== undefined);
  const demoKeyPair = defaults.some((key) => key !== 'keyId');
  if (written.length === 0) {
    ctx.report({
      at: [...JWT, defaults[0]],
      severity: 'info',
      message: demoKeyPair
        ? `jwtTokenConfiguration is left at the image's demo signing keys (${defaults.join(', ')} not set): ${KEY_PAIR_ADVICE}`
        : `jwtTokenConfiguration.keyId is left at the image default: ${KEY_ID_ADVICE}`,
    });
    return;
  }
  const severity = isExternalIdentityProvider(ctx.provider) ? 'warn' : 'info';
  for (const key of written) {
    ctx.report({
      at: [...JWT, key],
      severity,
      message: `jwtTokenConfiguration.${key} is the image's demo default: ${key === 'keyId' && !demoKeyPair ? KEY_ID_ADVICE : KEY_PAIR_ADVICE}`,
    });
  }
}
