// A small BM25 index over passages: an inverted index of stemmed terms.
import { TUNING } from "../tuning.js";
export interface Bm25Index {
  /** For each term, pairs of (document, term frequency) laid flat: [doc, tf, doc, tf, …]. */
  postings: Map<string, Int32Array>;
  lengths: number[];
  averageLength: number;
}

/** How many documents the builder indexes between two chances to yield (see `bm25Steps`). */
const DOCS_PER_STEP = 200;

/**
 * Builds the index from `count` documents whose terms `termsOf(i)` gives, one at a time (no array of them all is
 * kept), yielding every few hundred documents so that a caller can build it without holding the event loop.
 */
export function* bm25Steps(count: number, termsOf: (doc: number) => string[]): Generator<void, Bm25Index> {
  const postings = new Map<string, number[]>();
  const lengths: number[] = [];
  for (let doc = 0; doc < count; doc++) {
    if (doc % DOCS_PER_STEP === DOCS_PER_STEP - 1) yield;
    const terms = termsOf(doc);
    lengths.push(terms.length);
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push(doc, tf);
    }
  }
  yield;
  const packed = new Map<string, Int32Array>();
  for (const [term, list] of postings) packed.set(term, Int32Array.from(list));
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return { postings: packed, lengths, averageLength };
}

/** Scores of the documents that share a term with the query; `weights` lowers synonyms. `allowed` limits the documents. */
export function scoreBm25(
  index: Bm25Index,
  query: { term: string; weight: number }[],
  allowed?: (doc: number) => boolean,
): Map<number, number> {
  const { k1, b } = TUNING.bm25;
  const n = index.lengths.length;
  const scores = new Map<number, number>();
  for (const { term, weight } of query) {
    const list = index.postings.get(term);
    if (!list) continue;
    const df = list.length / 2;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i]!;
      const tf = list[i + 1]!;
      if (allowed && !allowed(doc)) continue;
      const norm = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * index.lengths[doc]!) / index.averageLength));
      scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * norm);
    }
  }
  return scores;
}

/** How rare a term is across the passages (0 when absent). */
export function idf(index: Bm25Index, term: string): number {
  const df = (index.postings.get(term)?.length ?? 0) / 2;
  if (df === 0) return 0;
  const n = index.lengths.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
