import { defineRule, RuleContext } from './support/rule';
import { CHART_DEFAULTS } from '../knowledge/defaults';
import { extraEnvsOf, isBlank, joinNames } from './support/values';
import type { Path } from '../types';
import { valueAt } from '../types';

/**
 * The chart's `fernetkey.value` is the same public key as the server's default (chart values.yaml @
 * 1.13.1, conf/openmetadata.yaml `fernetKey: ${FERNET_KEY:-jJ/9sz0g…}`), and `jwtTokenConfiguration`
 * points at the RSA key pair baked into the image with keyId `Gb389a-9f76-gdjs-a92j-0242bk94356`
 * (https://docs.open-metadata.org/latest/deployment/security/enable-jwt-tokens: replace them in
 * production; the kid shows up in users' logs, OpenMetadata #9525, #15489). Anyone can decrypt
 * stored credentials with the first and mint bot or admin tokens with the second, whatever the
 * provider: basic login's own sessions are signed with the same pair. With
 * `jwtTokenConfiguration.enabled: false` the chart sets none of the JWT variables and the server
 * keeps the image keys (chart `templates/deployment.yaml` 59–112 @ 1.13.1).
 *
 * One finding per deployment (one model: one file, or one `-f` set): the defaults are one risk, so
 * they are one warning, on the first default key the user wrote (the Fernet key first: it protects
 * what the server stores), else on the section that holds them.
 */
const FERNET: Path = ['fernetkey', 'value'];
const JWT: Path = ['jwtTokenConfiguration'];
const JWT_KEYS = ['rsapublicKeyFilePath', 'rsaprivateKeyFilePath', 'keyId'];
const JWT_ENV: Record<string, string> = {
  rsapublicKeyFilePath: 'RSA_PUBLIC_KEY_FILE_PATH',
  rsaprivateKeyFilePath: 'RSA_PRIVATE_KEY_FILE_PATH',
  keyId: 'JWT_KEY_ID',
};
const DEFAULT_FERNET_KEY = valueAt(CHART_DEFAULTS, FERNET);
/** The kid of the demo key pair: omlint's knowledge, not a value of the user's, so a plain datum. */
const DEMO_KEY_ID = String(valueAt(CHART_DEFAULTS, [...JWT, 'keyId']));

export default defineRule({
  id: 'default-signing-keys',
  severity: 'warn',
  description: "The public default Fernet key, or the image's demo JWT signing keys, in a deployment.",
  messages: {
    fernet: 'This deployment keeps the public default Fernet key ({{fernet}}): anyone can decrypt the credentials it stores. {{fernetAdvice}}',
    keyPair: "This deployment signs its tokens with the image's demo key pair ({{jwt}}): anyone can mint bot or admin tokens it accepts. {{jwtAdvice}}",
    both:
      "This deployment keeps OpenMetadata's public default keys, the Fernet key ({{fernet}}) and the image's demo key pair ({{jwt}}): " +
      'anyone can decrypt the credentials it stores and mint tokens it accepts. {{fernetAdvice}} {{jwtAdvice}}',
    keyIdOnly:
      '{{keyId}} is the kid of the public demo keys ("{{demoKeyId}}") while the key pair is your own; give your key pair a kid ' +
      'of its own there and keep it stable afterwards.',
  },
  check(ctx) {
    const fernet = defaultFernet(ctx);
    const jwt = defaultJwt(ctx);
    const demoKeyPair = jwt.disabled || jwt.keys.some((key) => key !== 'keyId');
    if (!fernet && !demoKeyPair) {
      // Only the kid is the image's: no key anyone has, so advice (nothing breaks).
      if (jwt.keys.length > 0) {
        const at = [...JWT, 'keyId'];
        const target = ctx.get(at) === undefined ? 'key' : undefined;
        ctx.report({ at, target, severity: 'info', messageId: 'keyIdOnly', data: { keyId: ctx.keyName(at), demoKeyId: DEMO_KEY_ID } });
      }
      return;
    }
    const written = [
      ...(fernet && ctx.get(fernet) !== undefined ? [fernet] : []),
      ...byLine(ctx, jwt.keys.map((key) => [...JWT, key]).filter((path) => ctx.get(path) !== undefined)),
      ...(jwt.disabled ? [[...JWT, 'enabled']] : []),
    ];
    const at = placement(ctx, written, [...(fernet ? [['fernetkey']] : []), ...(demoKeyPair ? [JWT] : [])]);
    const data = {
      fernet: fernet ? describe(ctx, [fernet]) : '',
      jwt: jwt.disabled ? disabledWords(ctx) : describe(ctx, jwt.keys.map((key) => [...JWT, key])),
      fernetAdvice: fernetAdvice(ctx),
      jwtAdvice: jwtAdvice(ctx),
    };
    const messageId = fernet && demoKeyPair ? 'both' : fernet ? 'fernet' : 'keyPair';
    ctx.report({ at, target: written.length === 0 ? 'key' : undefined, messageId, data });
  },
});

/** A key set again through extraEnvs is env-override's finding; the default is then not what runs. */
function setByEnv(ctx: RuleContext, name: string): boolean {
  return extraEnvsOf(ctx).some((env) => env.name === name);
}

/** Where the public default Fernet key is in effect: its path (written or not), else undefined. */
function defaultFernet(ctx: RuleContext): Path | undefined {
  if (!isBlank(ctx.effective(['fernetkey', 'secretRef'])) || setByEnv(ctx, 'FERNET_KEY')) return undefined;
  // Charts before 1.0 spelt it global.fernetKey (chart values.yaml @ openmetadata-0.0.50).
  const legacy = ctx.model.layout === 'legacy-global' ? ctx.get(['fernetKey']) : undefined;
  if (typeof legacy === 'string') return legacy.trim() === DEFAULT_FERNET_KEY ? ['fernetKey'] : undefined;
  return ctx.effective(FERNET) === DEFAULT_FERNET_KEY ? FERNET : undefined;
}

/** The JWT keys left at the image's (written or not), and whether the chart passes no JWT variable at all. */
function defaultJwt(ctx: RuleContext): { keys: string[]; disabled: boolean } {
  // The `enabled` gate is the chart's (the server has no such key).
  if (ctx.form === 'values' && ctx.get([...JWT, 'enabled']) === false) return { keys: [], disabled: true };
  const keys = JWT_KEYS.filter((key) => ctx.effective([...JWT, key]) === valueAt(CHART_DEFAULTS, [...JWT, key]) && !setByEnv(ctx, JWT_ENV[key]));
  return { keys, disabled: false };
}

function byLine(ctx: RuleContext, paths: Path[]): Path[] {
  return paths
    .map((path) => ({ path, location: ctx.locationOf(path) }))
    .sort((a, b) => a.location.line - b.location.line || a.location.column - b.location.column)
    .map(({ path }) => path);
}

/**
 * The first default key the user wrote; else the section that holds the keys at fault, as the user
 * wrote it (in openmetadata.yaml the auth sections, when that section is not there); else the
 * nearest written key (Helm: `config:`, an env file: its first auth variable).
 */
function placement(ctx: RuleContext, written: Path[], sections: Path[]): Path {
  if (written.length > 0) return written[0];
  if (ctx.form === 'env-file') return ['fernetkey'];
  const candidates = ctx.form === 'server-config' ? [...sections, ['authentication'], ['authorizer']] : sections;
  return byLine(ctx, candidates.filter((path) => ctx.get(path) !== undefined))[0] ?? ['fernetkey'];
}

/**
 * The keys as the file names them: "X and Y", "X not set" for keys nobody wrote, or the section
 * alone when none of it is written.
 */
function describe(ctx: RuleContext, paths: Path[]): string {
  if (paths.length === 0) return '';
  const section = paths[0].slice(0, -1);
  if (ctx.form !== 'env-file' && paths.length > 1 && ctx.get(section) === undefined) return `${ctx.keyName(section)} not set`;
  const written = paths.filter((path) => ctx.get(path) !== undefined).map((path) => ctx.keyName(path));
  const unwritten = paths.filter((path) => ctx.get(path) === undefined).map((path) => ctx.keyName(path));
  const parts = [];
  if (written.length > 0) parts.push(joinNames(written));
  if (unwritten.length > 0) parts.push(`${joinNames(unwritten)} not set`);
  return parts.join('; ');
}

function disabledWords(ctx: RuleContext): string {
  return `${ctx.keyName([...JWT, 'enabled'])}: false, so the server keeps the image's`;
}

function fernetAdvice(ctx: RuleContext): string {
  if (ctx.form === 'values') {
    return `Keep a generated Fernet key in a Kubernetes Secret and set ${ctx.keyName(['fernetkey', 'secretRef'])} and ${ctx.keyName(['fernetkey', 'secretKey'])}.`;
  }
  return ctx.form === 'env-file'
    ? 'Generate your own FERNET_KEY and keep it out of git.'
    : `Set ${ctx.keyName(FERNET)}: \${FERNET_KEY} and pass a generated key from a secret, not a committed file.`;
}

function jwtAdvice(ctx: RuleContext): string {
  const [publicKey, privateKey, keyId] = JWT_KEYS.map((key) => ctx.keyName([...JWT, key]));
  const from = ctx.form === 'values' ? ' from a Kubernetes Secret' : '';
  return `Mount your own RSA key pair${from} and set ${publicKey}, ${privateKey} and a stable ${keyId}.`;
}
