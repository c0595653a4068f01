import { defineRule, RuleContext } from './support/rule';
import { show, stringItems } from './support/helpers';
import { httpUrlProblem, looksLikeKey } from './support/om-urls';
import { suggestedUrl } from './jwks-public-key';

/**
 * The server's JwtFilter turns every publicKeys entry into a URL with URI.create(entry).toURL()
 * when it starts and fetches a JWKS from it; PEM keys are not supported, and a relative path or
 * a docs placeholder such as `{your domain}/api/...` throws, so the server does not start
 * (OpenMetadata JwtFilter, MultiUrlJwkProvider.java @ 06c47971; the Azure Kubernetes docs page ships
 * `{your domain}`).
 * Non-string entries are valid-schema's finding.
 */
export default defineRule({
  id: 'public-keys-urls',
  severity: 'error',
  description: 'A publicKeys entry that is not an absolute http(s) URL, which stops the server at startup.',
  check(ctx) {
    for (const { item, index } of stringItems(ctx.get(['authentication', 'publicKeys']))) {
      const problem = httpUrlProblem(item);
      if (problem === undefined) continue;
      // A pasted key may be a private one: never echo it.
      const entry = looksLikeKey(item) ? 'entry' : `entry ${show(item)}`;
      ctx.report({
        at: ['authentication', 'publicKeys', index],
        message:
          `publicKeys ${entry} is not an absolute http(s) URL (${problem}): the server turns every entry into a URL ` +
          `at startup and fails to start. ${fix(ctx, item)}`,
      });
    }
  },
});

/** What to write instead: the entry repaired where the repair is certain, else a full JWKS URL. */
function fix(ctx: RuleContext, entry: string): string {
  const text = entry.trim();
  if (looksLikeKey(entry)) {
    return "publicKeys takes JWKS URLs only: put the URL of your identity provider's JWKS here instead of the key.";
  }
  if (text !== entry && httpUrlProblem(text) === undefined) return `Remove the spaces: "${text}".`;
  if (/^https?:\/\/+https?:\/\//i.test(text) && httpUrlProblem(text.replace(/^https?:\/\/+/i, '')) === undefined) {
    return `Write the scheme once: "${text.replace(/^https?:\/\/+/i, '')}".`;
  }
  if (/\/api\/v1\/(system\/)?config\/jwks$/.test(text.replace(/\/+$/, ''))) {
    return `Write the full URL, e.g. "${suggestedUrl(ctx)}" (reachable from the server's pod).`;
  }
  return "Write the full URL with https://, as your identity provider documents its JWKS (jwks_uri).";
}
