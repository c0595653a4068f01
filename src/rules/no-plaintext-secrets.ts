import { defineRule, RuleContext } from './support/rule';
import { forEachString, isLiteralSecret, SECRET_REF_KEY } from './support/helpers';
import { extraEnvsOf } from './support/values';
import { CHART_DEFAULTS } from '../knowledge/defaults';
import { SECRET_ENV_NAMES, envNameForPath } from '../knowledge/env-names';
import { SERVER_TO_CHART_KEYS } from '../knowledge/names';
import { AUTH_SECTION_KEYS } from '../layouts/helm-values';
import type { Path } from '../types';
import { valueAt } from '../types';

/**
 * The chart takes every auth secret as `{secretRef, secretKey}` and injects it with
 * `valueFrom.secretKeyRef` (chart `templates/_helpers.tpl` 222–317 @ 1.13.1; OpenMetadata #14602): a
 * literal there fails the chart schema, so helm install fails (error). Elsewhere a literal secret
 * breaks nothing but is exposed, which the user must act on (warning): `fernetkey.value` (the chart
 * renders it into its own Secret, `templates/secrets.yaml` 1–13) and `extraEnvs` (rendered into the
 * pod spec in clear) in Helm values; a literal in openmetadata.yaml, whose stock form reads secrets
 * from `${VAR}` substitutions. A docker env file is how docker passes secrets in the first place: there
 * the advice is to keep the file out of git (info). The finding never shows the value (SECURITY.md:
 * secrets never reach any output).
 */
const SECRET_ENV = /(SECRET|PASSWORD|PASSWD|_PWD|PRIVATE_KEY)$/;
const FERNET: Path = ['fernetkey', 'value'];

const FERNET_ADVICE =
  'it decrypts every credential OpenMetadata stores. Keep it in a Kubernetes Secret, set {{secretRef}} and {{secretKey}}, and remove value.';
const ROTATE = 'treat the exposed value as compromised and rotate it';

export default defineRule({
  id: 'no-plaintext-secrets',
  severity: 'error',
  description: 'A client secret, LDAP password, SAML key, keystore password or Fernet key written as a literal instead of a secret reference.',
  // The chart schema wants a Secret reference there too: this finding, which says to rotate the secret, replaces valid-schema's.
  supersedes: ['valid-schema'],
  // Only key and variable names go into the messages, never the value.
  messages: {
    literal:
      '{{key}} is written in plain text: the chart wants a Kubernetes Secret reference there, so its schema rejects it and helm ' +
      'install fails, and the secret lands in git, CI logs and "helm get values". Put it in a Kubernetes Secret and write ' +
      `{{chartKey}}: {secretRef: <secret name>, secretKey: <key>}; ${ROTATE}.`,
    fernetLiteral: `{{key}} holds the Fernet key in plain text, so it lands in git, CI logs and "helm get values"; ${FERNET_ADVICE}`,
    fernetLiteralUnused: `{{key}} holds the Fernet key in plain text (it is not even used: secretRef is set); ${FERNET_ADVICE}`,
    extraEnvLiteral:
      'extraEnvs {{name}} has its secret written inline, so it lands in git and in the pod spec. Use ' +
      `valueFrom: {secretKeyRef: {name: <secret name>, key: <key>}} instead of value; ${ROTATE}.`,
    serverLiteral:
      '{{key}} holds a secret in plain text in openmetadata.yaml, a file that usually lands in git or an image: write ' +
      `{{key}}: \${{{variable}}} and pass {{variable}} from a Docker or Kubernetes secret; ${ROTATE}.`,
    envFileLiteral:
      '{{variable}} holds a secret in plain text, as docker env files do: keep this file out of git (or pass the value as a ' +
      'Docker or Kubernetes secret), and rotate it if the file was ever committed.',
  },
  check(ctx) {
    for (const section of AUTH_SECTION_KEYS) {
      if (section === 'fernetkey') continue;
      forEachString(ctx, ctx.model.config[section], (path, text) => {
        const key = String(path.at(-1));
        if (typeof path.at(-1) !== 'string' || !SECRET_REF_KEY.test(key) || !isLiteralSecret(text)) return;
        const at = [section, ...path];
        // A server name written in Helm values (`secret`) is given the chart's (`clientSecret`).
        const chartName = SERVER_TO_CHART_KEYS[String(path.at(-2))]?.[key];
        const chartPath = chartName ? [...at.slice(0, -1), chartName] : at;
        if (reportOutsideHelm(ctx, at, chartPath)) return;
        ctx.report({ at, messageId: 'literal', data: { key: ctx.keyName(at), chartKey: ctx.keyName(chartPath) } });
      });
    }
    checkFernetKey(ctx);
    checkExtraEnvs(ctx);
  },
});

/**
 * openmetadata.yaml (warning) and env files (info): the server takes the secret as plain text, so the
 * advice is where the text comes from. True when reported (or the value is not the file's).
 */
function reportOutsideHelm(ctx: RuleContext, at: Path, chartPath: Path): boolean {
  // A security config export holds every stored secret in clear by design: security-config-export says so once.
  if (ctx.model.securityExport) return true;
  const origin = ctx.origin(at)?.env;
  if (ctx.form === 'values' && !origin) return false;
  // An extraEnvs entry folded into the values is checkExtraEnvs' finding.
  if (origin?.source === 'extraEnvs') return true;
  const variable = origin?.name ?? envNameForPath(chartPath) ?? ctx.keyName(chartPath);
  if (origin?.source === 'env-file' || ctx.form === 'env-file') {
    ctx.report({ at, severity: 'info', messageId: 'envFileLiteral', data: { variable } });
  } else {
    ctx.report({ at, severity: 'warn', messageId: 'serverLiteral', data: { key: ctx.keyName(at), variable } });
  }
  return true;
}

/**
 * The public default key is default-signing-keys' finding; any other literal is the real key. The
 * chart accepts it (it renders it into its own Secret), so nothing fails: a warning to act on.
 */
function checkFernetKey(ctx: RuleContext): void {
  const value = ctx.get(FERNET);
  if (typeof value !== 'string' || !isLiteralSecret(value)) return;
  if (value.trim() === valueAt(CHART_DEFAULTS, FERNET)) return;
  if (reportOutsideHelm(ctx, FERNET, FERNET)) return;
  const secretRef = ctx.get(['fernetkey', 'secretRef']);
  const unused = typeof secretRef === 'string' && secretRef.trim() !== '';
  ctx.report({
    at: FERNET,
    severity: 'warn',
    messageId: unused ? 'fernetLiteralUnused' : 'fernetLiteral',
    data: { key: ctx.keyName(FERNET), secretRef: ctx.keyName(['fernetkey', 'secretRef']), secretKey: ctx.keyName(['fernetkey', 'secretKey']) },
  });
}

/** Rendered into the pod spec in clear: exposed, though nothing fails (warning). */
function checkExtraEnvs(ctx: RuleContext): void {
  for (const env of extraEnvsOf(ctx)) {
    if (!SECRET_ENV_NAMES.includes(env.name) && !SECRET_ENV.test(env.name)) continue;
    if (typeof env.value !== 'string' || !isLiteralSecret(env.value)) continue;
    ctx.report({ at: ['extraEnvs', env.index, 'value'], root: 'chart', severity: 'warn', messageId: 'extraEnvLiteral', data: { name: env.name } });
  }
}
