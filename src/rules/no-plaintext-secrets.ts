import { defineRule, RuleContext } from './support/rule';
import { forEachString, isLiteralSecret, SECRET_REF_KEY } from './support/helpers';
import { extraEnvsOf } from './support/values';
import { CHART_DEFAULTS } from '../knowledge/defaults';
import { SECRET_ENV_NAMES } from '../knowledge/env-names';
import { SERVER_TO_CHART_KEYS } from '../knowledge/names';
import { AUTH_SECTION_KEYS } from '../layouts/helm-values';
import { valueAt } from '../types';

/**
 * The chart takes every auth secret as `{secretRef, secretKey}` and injects it with
 * `valueFrom.secretKeyRef` (chart `templates/_helpers.tpl` 222–317 @ 1.13.1; OpenMetadata #14602). A secret typed
 * into a values file ends up in git, in CI logs and in `helm get values`; one in `extraEnvs` is
 * rendered into the pod spec in clear. The finding never shows the value (SECURITY.md: secrets never
 * reach any output).
 */
const SECRET_ENV = /(SECRET|PASSWORD|PASSWD|_PWD|PRIVATE_KEY)$/;

const FERNET_ADVICE =
  'it decrypts every credential OpenMetadata stores. Keep it in a Kubernetes Secret, set fernetkey.secretRef and fernetkey.secretKey, and remove value.';

export default defineRule({
  id: 'no-plaintext-secrets',
  severity: 'error',
  description: 'A client secret, LDAP password, SAML key or keystore password written as a literal instead of a Secret reference.',
  // The chart schema wants a Secret reference there too: this finding, which says to rotate the secret, replaces valid-schema's.
  supersedes: ['valid-schema'],
  // Only key and variable names go into the messages, never the value.
  messages: {
    literal:
      '{{key}} is written in plain text, so the secret lands in git, CI logs and "helm get values". Put it in a Kubernetes ' +
      'Secret and write {{chartKey}}: {secretRef: <secret name>, secretKey: <key>}; treat the exposed value as compromised and rotate it.',
    fernetLiteral: `fernetkey.value holds the Fernet key in plain text; ${FERNET_ADVICE}`,
    fernetLiteralUnused: `fernetkey.value holds the Fernet key in plain text (it is not even used: secretRef is set); ${FERNET_ADVICE}`,
    extraEnvLiteral:
      'extraEnvs {{name}} has its secret written inline, so it lands in git and in the pod spec. Use ' +
      'valueFrom: {secretKeyRef: {name: <secret name>, key: <key>}} instead of value, and rotate the exposed secret.',
  },
  check(ctx) {
    for (const section of AUTH_SECTION_KEYS) {
      if (section === 'fernetkey') continue;
      forEachString(ctx, ctx.model.config[section], (path, text) => {
        const key = String(path.at(-1));
        if (typeof path.at(-1) !== 'string' || !SECRET_REF_KEY.test(key) || !isLiteralSecret(text)) return;
        const chartKey = SERVER_TO_CHART_KEYS[String(path.at(-2))]?.[key] ?? key;
        ctx.report({ at: [section, ...path], messageId: 'literal', data: { key, chartKey } });
      });
    }
    checkFernetKey(ctx);
    checkExtraEnvs(ctx);
  },
});

/** The chart's own default key is default-signing-keys' finding; any other literal is the real key. */
function checkFernetKey(ctx: RuleContext): void {
  const value = ctx.get(['fernetkey', 'value']);
  if (typeof value !== 'string' || !isLiteralSecret(value)) return;
  if (value.trim() === valueAt(CHART_DEFAULTS, ['fernetkey', 'value'])) return;
  const secretRef = ctx.get(['fernetkey', 'secretRef']);
  const unused = typeof secretRef === 'string' && secretRef.trim() !== '';
  ctx.report({ at: ['fernetkey', 'value'], messageId: unused ? 'fernetLiteralUnused' : 'fernetLiteral' });
}

function checkExtraEnvs(ctx: RuleContext): void {
  for (const env of extraEnvsOf(ctx)) {
    if (!SECRET_ENV_NAMES.includes(env.name) && !SECRET_ENV.test(env.name)) continue;
    if (typeof env.value !== 'string' || !isLiteralSecret(env.value)) continue;
    ctx.report({ at: ['extraEnvs', env.index, 'value'], root: 'chart', messageId: 'extraEnvLiteral', data: { name: env.name } });
  }
}
