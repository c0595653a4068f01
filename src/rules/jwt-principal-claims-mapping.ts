import { defineRule, RuleContext } from './support/rule';
import { show, stringItems } from './support/helpers';
import type { Path } from '../types';

/**
 * A non-empty jwtPrincipalClaimsMapping replaces the claims order for users' tokens. Each entry is
 * `name:claim`; the server requires exactly the keys `username` and `email` ("Invalid JWT Principal
 * Claims Mapping. Both username and email should be present"; newer versions also "Only username and
 * email keys are allowed"), an entry that does not split into two parts is dropped by newer servers
 * and throws in older code paths, and a key given twice makes the map collector throw — all at
 * startup (OpenMetadata SecurityUtil.java @ 03c86529 and newer; #18138, #26591, #25128).
 * Non-string entries (e.g. `- username: sub`, a YAML map) are valid-schema's finding.
 */
const MAPPING: Path = ['authentication', 'jwtPrincipalClaimsMapping'];
const KEYS = ['username', 'email'];

export default defineRule({
  id: 'jwt-principal-claims-mapping',
  severity: 'error',
  description: 'jwtPrincipalClaimsMapping entries that are not "username:claim" and "email:claim", which the server refuses.',
  check(ctx) {
    const value = ctx.get(MAPPING);
    if (!Array.isArray(value) || value.length === 0) return;
    const firstSeen = new Map<string, number>();
    let broken = false;
    for (const { item, index } of stringItems(value)) {
      const problem = entryProblem(item);
      if (problem) {
        broken = true;
        ctx.report({ at: [...MAPPING, index], message: `jwtPrincipalClaimsMapping entry ${show(item)} ${problem}` });
        continue;
      }
      const key = item.split(':')[0];
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, index);
      else reportDuplicate(ctx, key, earlier, index);
    }
    // An entry that is broken may be the one meant to give the missing key; say so only once it is fixed.
    if (broken || stringItems(value).length !== value.length) return;
    const missing = KEYS.filter((key) => !firstSeen.has(key));
    if (missing.length > 0) {
      ctx.report({
        at: MAPPING,
        target: 'key',
        message:
          `jwtPrincipalClaimsMapping has no ${missing.map((key) => `"${key}:<claim>"`).join(' and no ')} entry: the server ` +
          'requires both username and email once the mapping is used and refuses to start. ' +
          `Add ${missing.map((key) => `"${key}:${key === 'email' ? 'email' : 'preferred_username'}"`).join(' and ')} (with your claim names), or remove the mapping.`,
      });
    }
  },
});

/** Why an entry is not `username:claim` / `email:claim`, as the rest of a sentence; undefined when it is. */
function entryProblem(entry: string): string | undefined {
  const parts = entry.split(':');
  if (parts.length !== 2) {
    return parts.length < 2
      ? 'has no ":"; write it as "username:<claim>" or "email:<claim>".'
      : 'has more than one ":"; write it as "username:<claim>" or "email:<claim>".';
  }
  const [key, claim] = parts;
  if (key.trim() === '') return 'has no key before ":"; write it as "username:<claim>" or "email:<claim>".';
  if (key !== key.trim() || claim !== claim.trim()) {
    return `has spaces around ":", which become part of the name; write "${key.trim()}:${claim.trim()}".`;
  }
  if (claim === '') return `names no claim after ":"; write "${key}:<claim>".`;
  if (!KEYS.includes(key)) {
    const caseFix = KEYS.find((known) => known === key.toLowerCase());
    return caseFix
      ? `uses "${key}"; the server only accepts the lower-case key "${caseFix}".`
      : `uses the key "${key}"; the server only accepts "username" and "email" and refuses to start.`;
  }
  return undefined;
}

function reportDuplicate(ctx: RuleContext, key: string, earlier: number, index: number): void {
  ctx.report({
    at: [...MAPPING, index],
    message:
      `jwtPrincipalClaimsMapping gives "${key}" again (first on line ${ctx.locationOf([...MAPPING, earlier]).line}); ` +
      'a repeated key makes the server fail at startup. Keep one entry per key.',
  });
}
