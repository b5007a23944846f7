// The index's units by their key (a lookup made once per index).
import type { Unit } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { ITEMS_PER_STEP, perIndex } from "./per-index.js";

const unitsByKey = perIndex(function* (index) {
  const byKey = new Map<string, Unit>();
  for (let i = 0; i < index.units.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const u = index.units[i]!;
    if (!byKey.has(u.key)) byKey.set(u.key, u);
  }
  return byKey;
});
export function unitOf(index: CorpusIndex, key: string): Unit | undefined {
  return unitsByKey(index).get(key);
}

export function unitName(index: CorpusIndex, key: string): string {
  return unitOf(index, key)?.name ?? key;
}
