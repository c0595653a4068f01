import { defineRule, MessageData, RuleContext } from './support/rule';
import { stringItems } from './support/helpers';
import { show } from './support/message';
import { UrlProblem, httpUrlProblem, looksLikeKey, urlProblemMessages, urlProblemReport } from './support/om-urls';
import { suggestedUrl } from './jwks-public-key';

/**
 * The server's JwtFilter turns every publicKeys entry into a URL with URI.create(entry).toURL()
 * when it starts and fetches a JWKS from it; PEM keys are not supported, and a relative path or
 * a docs placeholder such as `{your domain}/api/...` throws, so the server does not start
 * (OpenMetadata JwtFilter, MultiUrlJwkProvider.java @ 06c47971; the Azure Kubernetes docs page ships
 * `{your domain}`).
 * Non-string entries are valid-schema's finding.
 */
const NOT_A_URL =
  '{{key}} entry {{entry}} is not an absolute http(s) URL ({{problem}}): the server turns every entry into a URL ' +
  'at startup and fails to start.';

export default defineRule({
  id: 'public-keys-urls',
  severity: 'error',
  description: 'A publicKeys entry that is not an absolute http(s) URL, which stops the server at startup.',
  // A docs placeholder in an entry (`{your domain}/api/v1/system/config/jwks`) is one cause with one
  // finding: this one, which says what it breaks and what to write, not also no-placeholders'.
  supersedes: ['no-placeholders'],
  messages: {
    // A pasted key may be a private one: the message never names it.
    key:
      '{{key}} entry is not an absolute http(s) URL (it is a key, not a URL): the server turns every entry into a URL ' +
      "at startup and fails to start. {{key}} takes JWKS URLs only: put the URL of your identity provider's JWKS here instead of the key.",
    // What to write instead: the entry repaired where the repair is certain ({{repaired}}), else a full JWKS URL.
    ...urlProblemMessages('removeSpaces', `${NOT_A_URL} Remove the spaces: {{repaired}}.`),
    ...urlProblemMessages('schemeOnce', `${NOT_A_URL} Write the scheme once: {{repaired}}.`),
    ...urlProblemMessages('ownJwks', `${NOT_A_URL} Write the full URL, e.g. "{{jwks}}" (reachable from the server).`),
    ...urlProblemMessages('fullUrl', `${NOT_A_URL} Write the full URL with https://, as your identity provider documents its JWKS (jwks_uri).`),
  },
  check(ctx) {
    for (const { item, index } of stringItems(ctx.get(['authentication', 'publicKeys']))) {
      const problem = httpUrlProblem(item);
      if (problem === undefined) continue;
      const at = ['authentication', 'publicKeys', index];
      const key = ctx.keyName(at);
      if (looksLikeKey(item)) {
        ctx.report({ at, messageId: 'key', data: { key } });
        continue;
      }
      const { messageId, data } = reportFor(ctx, item, problem);
      ctx.report({ at, messageId, data: { ...data, key, entry: show(item) } });
    }
  },
});

/** The message for an entry that is no URL: which repair it gets, and why it is no URL. */
function reportFor(ctx: RuleContext, entry: string, problem: UrlProblem): { messageId: string; data: MessageData } {
  const text = entry.trim();
  const withoutFirstScheme = text.replace(/^https?:\/\/+/i, '');
  if (text !== entry && httpUrlProblem(text) === undefined) {
    return withData(urlProblemReport('removeSpaces', problem), { repaired: show(text) });
  }
  if (/^https?:\/\/+https?:\/\//i.test(text) && httpUrlProblem(withoutFirstScheme) === undefined) {
    return withData(urlProblemReport('schemeOnce', problem), { repaired: show(withoutFirstScheme) });
  }
  if (/\/api\/v1\/(system\/)?config\/jwks$/.test(text.replace(/\/+$/, ''))) {
    // OpenMetadata's own JWKS on the configured server URL, a URL the rule builds (as jwks-public-key does).
    return withData(urlProblemReport('ownJwks', problem), { jwks: suggestedUrl(ctx) });
  }
  return urlProblemReport('fullUrl', problem);
}

function withData(report: { messageId: string; data: MessageData }, data: MessageData): { messageId: string; data: MessageData } {
  return { messageId: report.messageId, data: { ...report.data, ...data } };
}
