/**
 * Did-you-mean suggestions for a mistyped name (a key, a rule id, an option, an env variable).
 * A leaf module: it imports nothing of omlint, so every layer (cli, runner, engine, layouts, rules)
 * can use it without depending on another.
 */

/**
 * Levenshtein distance, for did-you-mean suggestions. Past `limit` the exact figure is of no use:
 * the distance stops being computed once every path exceeds it, and `limit + 1` is returned.
 */
export function editDistance(a: string, b: string, limit = Infinity): number {
  if (Math.abs(a.length - b.length) > limit) return limit + 1;
  const previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let diagonal = previous[0];
    previous[0] = i;
    let rowMinimum = i;
    for (let j = 1; j <= b.length; j++) {
      const above = previous[j];
      previous[j] = Math.min(previous[j] + 1, previous[j - 1] + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1));
      diagonal = above;
      if (previous[j] < rowMinimum) rowMinimum = previous[j];
    }
    if (rowMinimum > limit) return limit + 1;
  }
  return Math.min(previous[b.length], limit + 1);
}

/**
 * The closest candidate to `word`, if it is close enough to be a likely typo. Candidates too far
 * to beat the best so far are given up early: an unknown name is compared with a few hundred.
 */
export function didYouMean(word: string, candidates: readonly string[]): string | undefined {
  const lower = word.toLowerCase();
  let best: string | undefined;
  let bestDistance = Math.max(1, Math.floor(word.length / 3)) + 1;
  for (const candidate of candidates) {
    const distance = editDistance(lower, candidate.toLowerCase(), bestDistance - 1);
    if (distance < bestDistance) {
      best = candidate;
      bestDistance = distance;
    }
  }
  return best;
}
