// What a search asks of every passage it meets, in typed arrays indexed by passage number: its document's number
// and its flags. Reading these instead of the passage objects spares a search of common words a cache miss per
// passage (about 0.2 MB of flags and 0.8 MB of document numbers at 200,000 passages).
import type { Steps } from "../steps.js";
import { ITEMS_PER_STEP, perIndex } from "./per-index.js";

export const FIGURES = 1;
export const DIRECTIVE = 2;
export const STRENGTH = 4;
export const WEAKNESS = 8;

export interface PassageTable {
  /** Per passage, the number of its document in `docIds`. */
  doc: Int32Array;
  /** The documents' ids, by number. */
  docIds: string[];
  /** Per passage, FIGURES | DIRECTIVE | STRENGTH | WEAKNESS as it states figures, says what must be done, leans one way. */
  flags: Uint8Array;
}

export const passageTable = perIndex(function* (index): Steps<PassageTable> {
  const n = index.passages.length;
  const doc = new Int32Array(n);
  const flags = new Uint8Array(n);
  const numbers = new Map<string, number>();
  const docIds: string[] = [];
  for (let i = 0; i < n; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const p = index.passages[i]!;
    let number = numbers.get(p.docId);
    if (number === undefined) {
      numbers.set(p.docId, (number = docIds.length));
      docIds.push(p.docId);
    }
    doc[i] = number;
    flags[i] =
      (p.hasFigures ? FIGURES : 0) |
      (p.directive ? DIRECTIVE : 0) |
      (p.tone === "strength" ? STRENGTH : p.tone === "weakness" ? WEAKNESS : 0);
  }
  return { doc, docIds, flags };
});
