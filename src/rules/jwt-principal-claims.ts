import { defineRule } from './support/rule';
import { stringItems } from './support/helpers';
import { show } from './support/message';
import type { Path } from '../types';

/**
 * The server resolves a user from the first claim of jwtPrincipalClaims present in the token and
 * rejects a token when none is ("Invalid JWT token, none of the following claims are present");
 * an empty list is refused ("JWT principal claims are required"). Tokens OpenMetadata issues itself
 * (bots, ingestion, personal access tokens) carry `sub` and `email` and always go through this list,
 * so it must hold one of them. Claim names match case-insensitively, so "Email" repeats "email"
 * (OpenMetadata SecurityUtil.java @ 03c86529, JWTTokenGenerator.java @ 01d723db, SystemRepository).
 * A repeated claim is never reached, so it changes nothing: advice (info), not an error; neither the
 * chart schema nor the server refuses it.
 */
const CLAIMS: Path = ['authentication', 'jwtPrincipalClaims'];

export default defineRule({
  id: 'jwt-principal-claims',
  severity: 'error',
  description: 'jwtPrincipalClaims is empty, repeats a claim, or has neither email nor sub, so tokens cannot be resolved.',
  messages: {
    empty:
      '{{key}} is empty: the server cannot take a user name from any token ("JWT principal claims are ' +
      'required"). Use {{defaults}} [email, preferred_username, sub].',
    repeated:
      '{{claim}} repeats the claim {{earlier}} {{earlierWhere}} (claim names are case-insensitive); only the first one counts, so ' +
      'this entry does nothing. Remove it.',
    noEmailOrSub:
      '{{key}} has neither "email" nor "sub": tokens OpenMetadata issues itself (bots, ingestion, ' +
      'personal access tokens) name their user only in those two claims, so they are all rejected. Add "email" and "sub".',
  },
  check(ctx) {
    const value = ctx.get(CLAIMS);
    if (!Array.isArray(value)) return; // not written (chart default) or not a list (valid-schema)
    const claims = stringItems(value).filter(({ item }) => item.trim() !== '');
    if (claims.length === 0) {
      ctx.report({ at: CLAIMS, target: 'key', messageId: 'empty', data: { key: ctx.keyName(CLAIMS), defaults: ctx.defaultsName } });
      return;
    }
    const firstSeen = new Map<string, number>();
    for (const { item, index } of claims) {
      const name = item.trim().toLowerCase();
      const earlier = firstSeen.get(name);
      if (earlier === undefined) {
        firstSeen.set(name, index);
        continue;
      }
      // An env file's list is one line: "earlier in the list" says more there than its line number.
      const earlierWhere = ctx.form === 'env-file' ? 'earlier in the list' : `of line ${ctx.locationOf([...CLAIMS, earlier]).line}`;
      ctx.report({ at: [...CLAIMS, index], severity: 'info', messageId: 'repeated', data: { claim: show(item), earlier: show(value[earlier]), earlierWhere } });
    }
    if (!firstSeen.has('email') && !firstSeen.has('sub')) {
      ctx.report({ at: CLAIMS, target: 'key', messageId: 'noEmailOrSub', data: { key: ctx.keyName(CLAIMS) } });
    }
  },
});
