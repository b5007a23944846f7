// The facts of a unit as the answers read them: its ratings, latest first.
import type { RatingFact } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { byRecency } from "./reply.js";

/** Each unit's ratings of a standard, latest first, by unit and standard: sorted once per index, not on every asking. */
const sortedRatings = new WeakMap<CorpusIndex, Map<string, RatingFact[]>>();

export function ratingsOf(index: CorpusIndex, unitKey: string, standard?: string): RatingFact[] {
  let byKey = sortedRatings.get(index);
  if (!byKey) sortedRatings.set(index, (byKey = new Map()));
  const key = `${unitKey}\u0000${standard ?? ""}`;
  let ratings = byKey.get(key);
  if (!ratings) {
    ratings = (index.factsByUnit.get(unitKey) ?? [])
      .filter((f): f is RatingFact => f.type === "rating" && (!standard || f.standard === standard))
      .sort(byRecency(index));
    byKey.set(key, ratings);
  }
  // A copy: callers filter and sort what they are given.
  return ratings.slice();
}
