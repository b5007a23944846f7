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

/** Per document while a query is scored (reused between queries, cleared after each): its score, and its state. */
let scores = new Float64Array(0);
let states = new Uint8Array(0);
const UNSEEN = 0;
const SCORED = 1;
const LEFT_OUT = 2;

/**
 * The `limit` documents that score best among those sharing a term with the query, with their scores, best first
 * (of equal scores, the first scored first): as sorting every score would give them, without sorting every score.
 * `weight` lowers synonyms; `allowed` limits the documents (asked once per document).
 */
export function topBm25(
  index: Bm25Index,
  query: { term: string; weight: number }[],
  limit: number,
  allowed?: (doc: number) => boolean,
): [number, number][] {
  const { k1, b } = TUNING.bm25;
  const n = index.lengths.length;
  if (scores.length < n) {
    scores = new Float64Array(n);
    states = new Uint8Array(n);
  }
  /** The documents scored, in the order they were first scored. */
  const scored: number[] = [];
  const left: number[] = [];
  try {
    for (const { term, weight } of query) {
      const list = index.postings.get(term);
      if (!list) continue;
      const df = list.length / 2;
      const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
      for (let i = 0; i < list.length; i += 2) {
        const doc = list[i]!;
        const state = states[doc];
        if (state === LEFT_OUT) continue;
        if (state === UNSEEN) {
          if (allowed && !allowed(doc)) {
            states[doc] = LEFT_OUT;
            left.push(doc);
            continue;
          }
          states[doc] = SCORED;
          scored.push(doc);
        }
        const tf = list[i + 1]!;
        const norm = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * index.lengths[doc]!) / index.averageLength));
        scores[doc] = scores[doc]! + weight * idf * norm;
      }
    }
    let kept = scored;
    if (scored.length > limit) {
      // The score of the limit-th best; all above it are kept, and of those equal to it the first scored.
      const sorted = Float64Array.from(scored, (doc) => scores[doc]!).sort();
      const cut = sorted[sorted.length - limit]!;
      let equalKept = limit - (sorted.length - upperBound(sorted, cut));
      kept = scored.filter((doc) => scores[doc]! > cut || (scores[doc] === cut && equalKept-- > 0));
    }
    return kept.map((doc): [number, number] => [doc, scores[doc]!]).sort((x, y) => y[1] - x[1]);
  } finally {
    for (const doc of scored) {
      scores[doc] = 0;
      states[doc] = UNSEEN;
    }
    for (const doc of left) states[doc] = UNSEEN;
  }
}

/** The first position in an ascending array holding a value above `value`. */
function upperBound(sorted: Float64Array, value: number): number {
  let lo = 0;
  let hi = sorted.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (sorted[mid]! <= value) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

/** How rare a term is across the passages (0 when absent). */
export function idf(index: Bm25Index, term: string): number {
  const df = (index.postings.get(term)?.length ?? 0) / 2;
  if (df === 0) return 0;
  const n = index.lengths.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
