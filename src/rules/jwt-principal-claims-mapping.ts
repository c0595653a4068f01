import { defineRule, MessageData, RuleContext } from './support/rule';
import { stringItems } from './support/helpers';
import { show } from './support/message';
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

const WRITE_AS = 'write it as "username:<claim>" or "email:<claim>".';

export default defineRule({
  id: 'jwt-principal-claims-mapping',
  severity: 'error',
  description: 'jwtPrincipalClaimsMapping entries that are not "username:claim" and "email:claim", which the server refuses.',
  messages: {
    noColon: `{{key}} entry {{entry}} has no ":"; ${WRITE_AS}`,
    manyColons: `{{key}} entry {{entry}} has more than one ":"; ${WRITE_AS}`,
    noKey: `{{key}} entry {{entry}} has no key before ":"; ${WRITE_AS}`,
    spaces: '{{key}} entry {{entry}} has spaces around ":", which become part of the name; write {{withoutSpaces}}.',
    noClaim: '{{key}} entry {{entry}} names no claim after ":"; write "{{mappingKey}}:<claim>".',
    noClaimUnknownKey: `{{key}} entry {{entry}} names no claim after ":"; ${WRITE_AS}`,
    keyCase: '{{key}} entry {{entry}} uses {{mappingKey}}; the server only accepts the lower-case key "{{lowerCaseKey}}".',
    unknownKey:
      '{{key}} entry {{entry}} uses the key {{mappingKey}}; the server only accepts "username" and "email" and refuses to start.',
    repeatedKey:
      '{{key}} gives {{mappingKey}} again ({{firstWhere}}); a repeated key makes the server fail at startup. ' +
      'Keep one entry per key.',
    missingKey:
      '{{key}} has no "{{mappingKey}}:<claim>" entry: the server requires both username and email once the mapping ' +
      'is used and refuses to start. Add "{{mappingKey}}:{{exampleClaim}}" (with your claim names), or remove the mapping.',
  },
  check(ctx) {
    const value = ctx.get(MAPPING);
    if (!Array.isArray(value) || value.length === 0) return;
    const firstSeen = new Map<string, number>();
    let broken = false;
    for (const { item, index } of stringItems(value)) {
      if (reportEntryProblem(ctx, item, [...MAPPING, index])) {
        broken = true;
        continue;
      }
      const key = item.split(':')[0];
      const earlier = firstSeen.get(key);
      if (earlier === undefined) firstSeen.set(key, index);
      else reportDuplicate(ctx, key, earlier, index);
    }
    // An entry that is broken may be the one meant to give the missing key; say so only once it is fixed.
    if (broken || stringItems(value).length !== value.length) return;
    // Every entry is now a good one, so at least one of the two keys is there: at most one is missing.
    const missing = KEYS.find((key) => !firstSeen.has(key));
    if (missing) {
      ctx.report({
        at: MAPPING,
        target: 'key',
        messageId: 'missingKey',
        data: { key: ctx.keyName(MAPPING), mappingKey: missing, exampleClaim: missing === 'email' ? 'email' : 'preferred_username' },
      });
    }
  },
});

/** Reports why an entry is not `username:claim` / `email:claim`; false when it is one. */
function reportEntryProblem(ctx: RuleContext, entry: string, at: Path): boolean {
  const report = (messageId: string, data: MessageData = {}): true => {
    ctx.report({ at, messageId, data: { key: ctx.keyName(MAPPING), entry: show(entry), ...data } });
    return true;
  };
  const parts = entry.split(':');
  if (parts.length !== 2) return report(parts.length < 2 ? 'noColon' : 'manyColons');
  const [key, claim] = parts;
  if (key.trim() === '') return report('noKey');
  if (key !== key.trim() || claim !== claim.trim()) {
    // The entry as the server needs it: the same text without the spaces around its ":".
    return report('spaces', { withoutSpaces: show(entry.trim().replace(/\s*:\s*/, ':')) });
  }
  const knownKey = KEYS.find((known) => known === key);
  if (claim === '') return knownKey ? report('noClaim', { mappingKey: knownKey }) : report('noClaimUnknownKey');
  if (!knownKey) {
    const lowerCaseKey = KEYS.find((known) => known === key.toLowerCase());
    return lowerCaseKey ? report('keyCase', { mappingKey: show(key), lowerCaseKey }) : report('unknownKey', { mappingKey: show(key) });
  }
  return false;
}

function reportDuplicate(ctx: RuleContext, key: string, earlier: number, index: number): void {
  // An env file's list is one line: "earlier in the list" says more there than its line number.
  const firstWhere = ctx.form === 'env-file' ? 'already earlier in the list' : `first on line ${ctx.locationOf([...MAPPING, earlier]).line}`;
  ctx.report({ at: [...MAPPING, index], messageId: 'repeatedKey', data: { key: ctx.keyName(MAPPING), mappingKey: show(key), firstWhere } });
}
