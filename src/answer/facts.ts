// The facts of a unit as the answers read them: its ratings, latest first.
import type { RatingFact } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { byRecency } from "./reply.js";

export function ratingsOf(index: CorpusIndex, unitKey: string, standard?: string): RatingFact[] {
  return (index.factsByUnit.get(unitKey) ?? [])
    .filter((f): f is RatingFact => f.type === "rating" && (!standard || f.standard === standard))
    .sort(byRecency(index));
}
