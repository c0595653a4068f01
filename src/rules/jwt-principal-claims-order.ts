import { defineRule, RuleContext } from './support/rule';
import { stringItems } from './support/helpers';
import { show } from './support/message';
import { CHART_DEFAULTS } from '../knowledge/defaults';
import type { Path, Plain, PlainMap } from '../types';
import { valueAt } from '../types';

/**
 * The server walks jwtPrincipalClaims in order and takes the first claim present in the token, so
 * reordering the list changes which identity an existing user's token resolves to; the docs warn
 * that altering the order "may lead to problems when matching a user from a token with an
 * existing user" (OpenMetadata SecurityUtil.java @ 03c86529; the Azure Kubernetes docs page). Claim
 * names match case-insensitively.
 * Against a baseline (the values deployed before) a reorder is an error; against the chart default
 * it is a warning, since a first install may choose any order. A fork of the chart (its Chart.yaml
 * names another chart: model.chart) ships its own default order, so only a baseline is compared.
 */
const CLAIMS: Path = ['authentication', 'jwtPrincipalClaims'];

const WHY =
  'the server takes the first claim present in a token, so existing users can be matched to other or new accounts.';

export default defineRule({
  id: 'jwt-principal-claims-order',
  severity: 'warn',
  description: 'jwtPrincipalClaims lists the same claims in a different order than before, which remaps existing users.',
  messages: {
    reorderedFromChartDefault:
      `{{key}} now puts {{first}} before {{second}}, unlike {{previous}} ([{{previousClaims}}]): ${WHY} ` +
      'If users have logged in with the default order, keep it; on a new installation ignore this, or pass ' +
      '--baseline/--since to compare with the deployed values instead.',
    reorderedSinceBaseline:
      `{{key}} now puts {{first}} before {{second}}, unlike {{previous}} ([{{previousClaims}}]): ${WHY} Keep the previous order.`,
    defaultReorderedSinceBaseline:
      '{{key}} now puts {{first}} before {{second}} ({{defaults}} applies here), unlike {{previous}} ' +
      `([{{previousClaims}}]): ${WHY} Keep the previous order.`,
  },
  check(ctx) {
    const before = previousClaims(ctx);
    if (!before) return;
    const written = ctx.get(CLAIMS);
    // Without a baseline an unwritten list is the chart default itself; with one, the default may be the reorder.
    if (written === undefined && !ctx.baseline) return;
    const now = written === undefined ? claimsOf(valueAt(defaultsOf(ctx), CLAIMS)) : claimsOf(written);
    if (!now) return;
    const moved = firstMovedClaim(before.claims, now.map((claim) => claim.name));
    if (moved === undefined) return;
    const [first, second] = moved;
    // Claim names are names, not values that could be secrets: the earlier list goes in as it is.
    const data = {
      key: ctx.keyName(CLAIMS),
      first: show(first),
      second: show(second),
      previous: before.label,
      previousClaims: before.claims.join(', '),
      defaults: ctx.defaultsName,
    };
    if (!ctx.baseline) {
      ctx.report({ at: [...CLAIMS, indexOf(now, first)], severity: 'warn', messageId: 'reorderedFromChartDefault', data });
    } else if (written === undefined) {
      ctx.report({ at: CLAIMS, target: 'key', severity: 'error', messageId: 'defaultReorderedSinceBaseline', data });
    } else {
      ctx.report({ at: [...CLAIMS, indexOf(now, first)], severity: 'error', messageId: 'reorderedSinceBaseline', data });
    }
  },
});

/** Where the claim that moved up is written (the first entry if it cannot be found). */
function indexOf(claims: readonly Claim[], name: string): number {
  return claims.find((claim) => claim.name === name)?.index ?? 0;
}

interface Claim {
  name: string;
  index: number;
}

/** The string claims, lower-cased (the server's claim map is case-insensitive), first occurrence only. */
function claimsOf(value: Plain | undefined): Claim[] | undefined {
  if (!Array.isArray(value)) return undefined;
  const seen = new Set<string>();
  const claims: Claim[] = [];
  for (const { item, index } of stringItems(value)) {
    const name = item.trim().toLowerCase();
    if (name === '' || seen.has(name)) continue;
    seen.add(name);
    claims.push({ name, index });
  }
  return claims;
}

/** What a key nobody wrote is worth here: the chart's defaults, or the stock openmetadata.yaml's on the server layout. */
function defaultsOf(ctx: RuleContext): PlainMap {
  return ctx.model.defaults ?? CHART_DEFAULTS;
}

/** The baseline's effective claims, else the default (the chart's, or the server's). */
function previousClaims(ctx: RuleContext): { label: string; claims: string[] } | undefined {
  if (ctx.baseline) {
    const written = valueAt(ctx.baseline.config, CLAIMS);
    const claims = claimsOf(written === undefined ? valueAt(CHART_DEFAULTS, CLAIMS) : written);
    const label = written === undefined ? `the chart default in effect in the baseline ${ctx.baseline.label}` : `the baseline ${ctx.baseline.label}`;
    return claims && { label, claims: claims.map((claim) => claim.name) };
  }
  if (ctx.model.chart?.otherChart) return undefined;
  const claims = claimsOf(valueAt(defaultsOf(ctx), CLAIMS));
  return claims && { label: ctx.defaultsName, claims: claims.map((claim) => claim.name) };
}

/**
 * Compares the claims both lists hold, in each list's order. Returns the first claim that now
 * comes before one it used to follow, with that one; undefined when the shared claims kept their order.
 */
function firstMovedClaim(before: string[], now: string[]): [string, string] | undefined {
  const shared = new Set(before.filter((claim) => now.includes(claim)));
  const oldOrder = before.filter((claim) => shared.has(claim));
  const newOrder = now.filter((claim) => shared.has(claim));
  for (let i = 0; i < newOrder.length; i++) {
    if (newOrder[i] !== oldOrder[i]) return [newOrder[i], oldOrder[i]];
  }
  return undefined;
}
