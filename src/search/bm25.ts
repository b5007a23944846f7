// A small BM25 index over passages: an inverted index of stemmed terms.

import { idCount, textOf } from "../corpus/passage-terms.js";
import { TUNING } from "../tuning.js";

export interface Bm25Index {
  /** For each term, pairs of (document, term frequency) laid flat: [doc, tf, doc, tf, …]. */
  postings: Map<string, Int32Array>;
  lengths: Int32Array;
  averageLength: number;
}

/** One document's passages as the index takes them (see DocumentTerms in src/corpus/passage-terms.ts). */
export interface PostingsPart {
  /** The part's terms, as numbers of the string table. */
  terms: Int32Array;
  /** [t, n, passage, tf × n, t + 1, n, …], t counted in `terms`, passages counted in the part. */
  postings: Uint16Array | Int32Array;
  lengths: Int32Array;
  /** More terms of its passages, by term: [passage, tf, …] ascending (the names of the units they are about). */
  extra: Map<number, number[]>;
}

/** How many parts the builder joins, or terms it lists, between two chances to yield. */
const PARTS_PER_STEP = 4;
const TERMS_PER_STEP = 5_000;

/** Two posting lists of one term ([passage, tf, …], ascending) as one, frequencies of a passage in both added. */
function mergeLists(a: Uint16Array | Int32Array, b: number[]): Int32Array {
  const out: number[] = [];
  let i = 0;
  let j = 0;
  while (i < a.length || j < b.length) {
    if (j >= b.length || (i < a.length && a[i]! < b[j]!)) {
      out.push(a[i]!, a[i + 1]!);
      i += 2;
    } else if (i >= a.length || b[j]! < a[i]!) {
      out.push(b[j]!, b[j + 1]!);
      j += 2;
    } else {
      out.push(a[i]!, a[i + 1]! + b[j + 1]!);
      i += 2;
      j += 2;
    }
  }
  return Int32Array.from(out);
}

/**
 * Joins the parts of the documents, in order, into one index: passages numbered across the parts. Each part's
 * lists are copied once into one buffer for all terms; nothing is tokenised again. Yields every few parts.
 */
export function* joinSteps(parts: PostingsPart[]): Generator<void, Bm25Index> {
  const offsets = new Int32Array(parts.length + 1);
  parts.forEach((part, i) => (offsets[i + 1] = offsets[i]! + part.lengths.length));
  const lengths = new Int32Array(offsets[parts.length]!);
  const sizes = new Int32Array(idCount());
  /** Per part, its lists of the terms that have extra postings, merged. */
  const merged: Map<number, Int32Array>[] = [];
  let total = 0;
  for (const [p, part] of parts.entries()) {
    if (p % PARTS_PER_STEP === PARTS_PER_STEP - 1) yield;
    const offset = offsets[p]!;
    lengths.set(part.lengths, offset);
    for (const [, list] of part.extra)
      for (let i = 0; i < list.length; i += 2) lengths[offset + list[i]!]! += list[i + 1]!;
    const mine = new Map<number, Int32Array>();
    const flat = part.postings;
    for (let at = 0; at < flat.length; ) {
      const term = part.terms[flat[at]!]!;
      const n = flat[at + 1]! * 2;
      const extra = part.extra.get(term);
      if (extra) mine.set(term, mergeLists(flat.subarray(at + 2, at + 2 + n), extra));
      else sizes[term]! += n;
      at += 2 + n;
    }
    for (const [term, extra] of part.extra) if (!mine.has(term)) mine.set(term, Int32Array.from(extra));
    for (const [term, list] of mine) sizes[term]! += list.length;
    merged.push(mine);
  }
  for (const size of sizes) total += size;
  yield;
  const buffer = new Int32Array(total);
  const cursor = new Int32Array(sizes.length);
  const postings = new Map<string, Int32Array>();
  for (let term = 0, start = 0; term < sizes.length; term++) {
    if (term % TERMS_PER_STEP === 0) yield;
    if (sizes[term] === 0) continue;
    cursor[term] = start;
    postings.set(textOf(term), buffer.subarray(start, start + sizes[term]!));
    start += sizes[term]!;
  }
  for (const [p, part] of parts.entries()) {
    if (p % PARTS_PER_STEP === PARTS_PER_STEP - 1) yield;
    const offset = offsets[p]!;
    const mine = merged[p]!;
    const copy = (term: number, list: ArrayLike<number>, from: number, to: number) => {
      let c = cursor[term]!;
      for (let i = from; i < to; i += 2) {
        buffer[c++] = list[i]! + offset;
        buffer[c++] = list[i + 1]!;
      }
      cursor[term] = c;
    };
    const flat = part.postings;
    for (let at = 0; at < flat.length; ) {
      const term = part.terms[flat[at]!]!;
      const n = flat[at + 1]! * 2;
      if (!mine.has(term)) copy(term, flat, at + 2, at + 2 + n);
      at += 2 + n;
    }
    for (const [term, list] of mine) copy(term, list, 0, list.length);
  }
  let sum = 0;
  for (const length of lengths) sum += length;
  return { postings, lengths, averageLength: sum / Math.max(1, lengths.length) };
}

/** Per document while a query is scored (reused between queries, cleared after each): its score, and its state. */
let scores = new Float64Array(0);
let states = new Uint8Array(0);
/** The documents scored, in the order they were first scored, from the start; those left out from the end (reused). */
let visited = new Int32Array(0);
/** The `limit` best scores seen, as a min-heap: its root is the score a document must reach to be kept. */
let best = new Float64Array(0);
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
    visited = new Int32Array(n);
  }
  if (limit <= 0) return [];
  let scored = 0;
  let left = n;
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
            visited[--left] = doc;
            continue;
          }
          states[doc] = SCORED;
          visited[scored++] = doc;
        }
        const tf = list[i + 1]!;
        const norm = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * index.lengths[doc]!) / index.averageLength));
        scores[doc] = scores[doc]! + weight * idf * norm;
      }
    }
    const kept: [number, number][] = [];
    if (scored <= limit) {
      for (let i = 0; i < scored; i++) kept.push([visited[i]!, scores[visited[i]!]!]);
    } else {
      // The score of the limit-th best (the heap's root); all above it are kept, and of those equal to it the first scored.
      const cut = limitthBest(visited, scored, limit);
      let above = 0;
      for (let i = 0; i < limit; i++) if (best[i]! > cut) above++;
      let equalKept = limit - above;
      for (let i = 0; i < scored; i++) {
        const doc = visited[i]!;
        const score = scores[doc]!;
        if (score > cut || (score === cut && equalKept-- > 0)) kept.push([doc, score]);
      }
    }
    return kept.sort((x, y) => y[1] - x[1]);
  } finally {
    for (let i = 0; i < scored; i++) {
      scores[visited[i]!] = 0;
      states[visited[i]!] = UNSEEN;
    }
    for (let i = left; i < n; i++) states[visited[i]!] = UNSEEN;
  }
}

/** The `limit`-th best of the scores of the first `count` documents of `docs`, kept in `best` (a min-heap of the `limit` best). */
function limitthBest(docs: Int32Array, count: number, limit: number): number {
  if (best.length < limit) best = new Float64Array(limit);
  let size = 0;
  for (let i = 0; i < count; i++) {
    const score = scores[docs[i]!]!;
    if (size < limit) {
      // Sift up.
      let at = size++;
      while (at > 0) {
        const parent = (at - 1) >> 1;
        if (best[parent]! <= score) break;
        best[at] = best[parent]!;
        at = parent;
      }
      best[at] = score;
    } else if (score > best[0]!) {
      // Replace the root and sift down.
      let at = 0;
      for (;;) {
        let child = 2 * at + 1;
        if (child >= limit) break;
        if (child + 1 < limit && best[child + 1]! < best[child]!) child++;
        if (best[child]! >= score) break;
        best[at] = best[child]!;
        at = child;
      }
      best[at] = score;
    }
  }
  return best[0]!;
}

/** How rare a term is across the passages (0 when absent). */
export function idf(index: Bm25Index, term: string): number {
  const df = (index.postings.get(term)?.length ?? 0) / 2;
  if (df === 0) return 0;
  const n = index.lengths.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
