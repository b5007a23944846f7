// The first few items of a list in an order, as a stable sort of the whole list and a slice would give them, without
// sorting the whole list: a question about a speaker quoted in a thousand documents shows three of their quotes.

/** `[...items].sort(compare).slice(0, count)` (equal items kept in the list's order), in one pass over the list. */
export function firstBy<T>(items: readonly T[], compare: (a: T, b: T) => number, count: number): T[] {
  const best: T[] = [];
  if (count <= 0) return best;
  for (const item of items) {
    // Full, and not before the last kept: it would not be kept.
    if (best.length === count && compare(best[count - 1]!, item) <= 0) continue;
    // After every kept item it does not come before (so that of equal items the earlier stays first).
    let at = best.length;
    while (at > 0 && compare(best[at - 1]!, item) > 0) at--;
    best.splice(at, 0, item);
    if (best.length > count) best.pop();
  }
  return best;
}
