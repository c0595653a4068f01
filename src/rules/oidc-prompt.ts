import { defineRule, MessageData, RuleContext } from './support/rule';
import { didYouMean } from '../util/did-you-mean';
import { show } from './support/message';
import type { Path } from '../types';
import { isOidcBlockRendered, isTemplated } from './support/idp';

/**
 * The server sends `prompt` (chart `promptType`) and `max_age` on every login of the confidential
 * flow when they are not empty (OpenMetadata AuthenticationCodeFlowHandler.handleLogin @ 0152299f).
 * OidcPromptPolicy (@ 011c3768) rejects `none` for every provider (a silent sign-in locks out users
 * without a live IdP session) and values a provider does not accept: Google takes no `login`,
 * Cognito's hosted UI no `consent`. The chart defaults `consent` + maxAge "0" make every login
 * show the consent screen and re-authenticate: legal, but rarely wanted, so advice only.
 */
const PROMPT: Path = ['authentication', 'oidcConfiguration', 'promptType'];
const MAX_AGE: Path = ['authentication', 'oidcConfiguration', 'maxAge'];

const OIDC_PROMPTS: readonly string[] = ['none', 'login', 'consent', 'select_account'];

/** Values each provider accepts (OidcPromptPolicy.SUPPORTED). */
const REJECTED_BY_PROVIDER: Readonly<Record<string, string>> = { google: 'login', 'aws-cognito': 'consent' };

export default defineRule({
  id: 'oidc-prompt',
  severity: 'error',
  description: 'promptType none, a prompt the provider rejects, or the consent + maxAge "0" defaults.',
  messages: {
    unknown: '{{key}}: {{token}} is not an OpenID Connect prompt value; the server accepts login, consent or select_account.',
    unknownLike:
      '{{key}}: {{token}} is not an OpenID Connect prompt value; the server accepts login, consent or select_account (did you mean "{{guess}}"?).',
    none:
      '{{key}} {{prompt}} asks for a silent sign-in: users without a live session at the identity provider are locked ' +
      'out with no login screen, and the server rejects it. Use "select_account" or "login".',
    rejectedByProvider: '{{provider}} does not accept prompt "{{rejected}}", so its sign-in fails; use {{allowed}}.',
    cognitoDefault:
      '{{key}} is not set, so {{defaults}} "consent" is sent, which is not among the prompt values Cognito accepts: ' +
      'where its sign-in page refuses it, every login fails. ' +
      'Set {{key}} to "select_account" (or "login").',
    forcedReauthentication:
      '{{key}} "consent" with {{maxAgeKey}} "0"{{defaults}} makes every login show the consent screen and ask for the password ' +
      'again. Set {{key}} to "select_account" and {{maxAgeKey}} to "" unless that is intended.',
  },
  check(ctx) {
    if (!ctx.isOidcProvider || !isOidcBlockRendered(ctx)) return;
    const written = ctx.get(PROMPT);
    if (written !== undefined && typeof written !== 'string') return; // valid-schema reports the type
    if (typeof written === 'string') {
      if (isTemplated(written)) return;
      const problem = writtenPromptProblem(ctx.provider, written);
      if (problem) {
        ctx.report({ at: PROMPT, messageId: problem.messageId, data: { ...problem.data, key: ctx.keyName(PROMPT) } });
        return;
      }
    }
    reportForcedReauthentication(ctx, written);
  },
});

/**
 * The message for a written prompt the server or the provider rejects. An unknown value is shown as
 * the user wrote it (the redaction recognises a secret only in the case it was written in); the
 * provider, the value it rejects and the guess are the rule's own words.
 */
function writtenPromptProblem(provider: string, prompt: string): { messageId: string; data: MessageData } | undefined {
  const written = prompt.trim().split(/\s+/).filter(Boolean);
  const tokens = written.map((token) => token.toLowerCase());
  const unknown = written.find((token) => !OIDC_PROMPTS.includes(token.toLowerCase()));
  if (unknown) {
    const guess = didYouMean(unknown, OIDC_PROMPTS);
    return guess ? { messageId: 'unknownLike', data: { token: show(unknown), guess } } : { messageId: 'unknown', data: { token: show(unknown) } };
  }
  if (tokens.includes('none')) return { messageId: 'none', data: { prompt: show(prompt) } };
  const rejected = REJECTED_BY_PROVIDER[provider];
  if (rejected && tokens.includes(rejected)) {
    const allowed = provider === 'google' ? 'consent or select_account' : 'login or select_account';
    return { messageId: 'rejectedByProvider', data: { provider, rejected, allowed } };
  }
  return undefined;
}

/**
 * consent + max_age=0 forces the consent screen and a fresh password entry on every login. When the
 * user did not write the values this is the chart's choice, so it is advice on the nearest key they
 * wrote; for Cognito the default `consent` is also a value it rejects.
 */
function reportForcedReauthentication(ctx: RuleContext, written: string | undefined): void {
  const prompt = String(written ?? ctx.effective(PROMPT) ?? '').trim().toLowerCase();
  const maxAgeValue = ctx.get(MAX_AGE) ?? ctx.effective(MAX_AGE);
  const maxAge = typeof maxAgeValue === 'string' || typeof maxAgeValue === 'number' ? String(maxAgeValue).trim() : '';
  const promptDefaulted = written === undefined;
  if (promptDefaulted && prompt === 'consent' && ctx.provider === 'aws-cognito') {
    // Not advice: OidcPromptPolicy (@ 011c3768, from PR #30499 "prevent SSO configuration changes from
    // locking users out") lists no "consent" for Cognito. A default nobody chose, so a warning.
    ctx.report({ at: PROMPT, severity: 'warn', messageId: 'cognitoDefault', data: { key: ctx.keyName(PROMPT), defaults: ctx.defaultsName } });
    return;
  }
  if (!prompt.split(/\s+/).includes('consent') || maxAge !== '0') return;
  const at = promptDefaulted ? (ctx.get(MAX_AGE) === undefined ? PROMPT : MAX_AGE) : PROMPT;
  ctx.report({
    at,
    severity: 'info',
    messageId: 'forcedReauthentication',
    data: {
      key: ctx.keyName(PROMPT),
      maxAgeKey: ctx.keyName(MAX_AGE),
      defaults: defaultsNote(ctx, promptDefaulted, ctx.get(MAX_AGE) === undefined),
    },
  });
}

/** Which of the two values nobody wrote: the chart's defaults in Helm values, the server's on the server layout. */
function defaultsNote(ctx: RuleContext, promptDefaulted: boolean, maxAgeDefaulted: boolean): string {
  if (promptDefaulted && maxAgeDefaulted) return ` (both are ${ctx.defaultsName}s)`;
  if (promptDefaulted) return ` (${ctx.keyName(PROMPT)} is ${ctx.defaultsName})`;
  return maxAgeDefaulted ? ` (${ctx.keyName(MAX_AGE)} is ${ctx.defaultsName})` : '';
}
