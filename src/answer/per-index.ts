// Lookups the answers work out once per index (units by key, passages by unit, quotations by speaker, spelling
// candidates...). Each is built on first use, or ahead, in steps, by `lookupSteps` while a reload builds the index:
// so the first question after a document is added costs no more than the next (a build of 30–130 ms at 1,000
// documents would otherwise hold the event loop on that question).
import type { CorpusIndex } from "../search/index.js";
import { runToEnd, type Steps } from "../steps.js";

type Builder = (index: CorpusIndex) => Steps<unknown>;
const builders: { build: Builder; built: WeakMap<CorpusIndex, unknown> }[] = [];

/** A lookup of an index; `build` may yield between pieces of work (see steps.ts). */
export function perIndex<T>(build: (index: CorpusIndex) => Steps<T>): (index: CorpusIndex) => T {
  const built = new WeakMap<CorpusIndex, T>();
  builders.push({ build, built });
  return (index) => {
    if (built.has(index)) return built.get(index)!;
    const value = runToEnd(build(index));
    built.set(index, value);
    return value;
  };
}

/** Builds every lookup of the index not built yet, in steps. */
export function* lookupSteps(index: CorpusIndex): Steps<void> {
  for (const { build, built } of builders) {
    if (built.has(index)) continue;
    const value = yield* build(index);
    if (!built.has(index)) built.set(index, value);
  }
}

export { DOCUMENTS_PER_STEP, ITEMS_PER_STEP } from "../steps.js";

/** How many of the lookups are built for an index, of how many there are. */
export function lookupsBuilt(index: CorpusIndex): { built: number; total: number } {
  return { built: builders.filter(({ built }) => built.has(index)).length, total: builders.length };
}
