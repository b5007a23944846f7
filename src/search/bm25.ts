// A small BM25 index over passages: an inverted index of stemmed terms.
import { TUNING } from "../tuning.js";
import { idCount, idOf, textOf } from "../corpus/passage-terms.js";

export interface Bm25Index {
  /**
   * For each term of the passages' own words, pairs of (passage, term frequency) laid flat: [passage, tf, …],
   * ascending. Each document's part of these lists is read back from them (`partPostings`), not kept apart.
   */
  postings: Map<string, Int32Array>;
  /**
   * The terms of the names of the units passages are about (added when the parts are joined, see index.ts), kept
   * apart from `postings` so that those stay the documents' own: a query adds them in (`topBm25`). `only`: how many
   * passages hold the term in a name alone, not in their own words.
   */
  unitNames: Map<string, { list: Int32Array; only: number }>;
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

/** How many passages of a part hold a term in their own words or in the names added to them, each counted once. */
function unionCount(own: ArrayLike<number>, from: number, to: number, extra: number[]): number {
  let count = 0;
  let i = from;
  let j = 0;
  while (i < to || j < extra.length) {
    count++;
    if (j >= extra.length || (i < to && own[i]! < extra[j]!)) i += 2;
    else if (i >= to || extra[j]! < own[i]!) j += 2;
    else {
      i += 2;
      j += 2;
    }
  }
  return count;
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
  /** Per term of the units' names: its postings across the parts, and how many passages hold it only so. */
  const names = new Map<number, { list: number[]; only: number }>();
  let total = 0;
  for (const [p, part] of parts.entries()) {
    if (p % PARTS_PER_STEP === PARTS_PER_STEP - 1) yield;
    const offset = offsets[p]!;
    lengths.set(part.lengths, offset);
    for (const [, list] of part.extra)
      for (let i = 0; i < list.length; i += 2) lengths[offset + list[i]!]! += list[i + 1]!;
    const flat = part.postings;
    const ownRange = new Map<number, [number, number]>();
    for (let at = 0; at < flat.length; ) {
      const term = part.terms[flat[at]!]!;
      const n = flat[at + 1]! * 2;
      sizes[term]! += n;
      if (part.extra.has(term)) ownRange.set(term, [at + 2, at + 2 + n]);
      at += 2 + n;
    }
    for (const [term, extra] of part.extra) {
      const [from, to] = ownRange.get(term) ?? [0, 0];
      let name = names.get(term);
      if (!name) names.set(term, (name = { list: [], only: 0 }));
      name.only += unionCount(flat, from, to, extra) - (to - from) / 2;
      for (let i = 0; i < extra.length; i += 2) name.list.push(extra[i]! + offset, extra[i + 1]!);
    }
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
    const flat = part.postings;
    for (let at = 0; at < flat.length; ) {
      const term = part.terms[flat[at]!]!;
      const n = flat[at + 1]! * 2;
      let c = cursor[term]!;
      for (let i = at + 2; i < at + 2 + n; i += 2) {
        buffer[c++] = flat[i]! + offset;
        buffer[c++] = flat[i + 1]!;
      }
      cursor[term] = c;
      at += 2 + n;
    }
  }
  const unitNames = new Map<string, { list: Int32Array; only: number }>();
  for (const [term, { list, only }] of names) unitNames.set(textOf(term), { list: Int32Array.from(list), only });
  let sum = 0;
  for (const length of lengths) sum += length;
  return { postings, unitNames, lengths, averageLength: sum / Math.max(1, lengths.length) };
}

/**
 * A document's own postings read back from the joined index, as its part had them (see DocumentTerms in
 * src/corpus/passage-terms.ts): `terms` are its terms, its passages are numbered from `first`, `count` of them.
 * `cursors` (see `partCursors`) make reading the documents back in order a walk along each list instead of a search.
 */
export function partPostings(
  index: Bm25Index,
  terms: Int32Array,
  first: number,
  count: number,
  cursors?: PartCursors,
): Uint16Array | Int32Array {
  // Where each term's pairs of the document start and end in its list (lists are ascending by passage).
  const lists: Int32Array[] = [];
  const starts = new Int32Array(terms.length);
  const ends = new Int32Array(terms.length);
  let size = 0;
  for (let t = 0; t < terms.length; t++) {
    const term = terms[t]!;
    const known = cursors && term < cursors.at.length;
    const list = (known ? cursors.lists[term] : index.postings.get(textOf(term))) ?? EMPTY;
    lists.push(list);
    let at = known ? cursors.at[term]! : 0;
    // The cursor serves when it stands before the document's pairs; else they are searched for.
    if (at > list.length || (at > 0 && list[at - 2]! >= first)) at = 0;
    if (at === 0) at = firstPairAtLeast(list, first);
    else while (at < list.length && list[at]! < first) at += 2;
    let end = at;
    while (end < list.length && list[end]! < first + count) end += 2;
    starts[t] = at;
    ends[t] = end;
    if (known) cursors.at[term] = end;
    size += 2 + end - at;
  }
  // As the part was made (passage-terms.ts): two bytes a number where every number fits. Passage, term and pair
  // counts fit below 65,536 passages (a longer document is read back in four bytes a number, the same numbers); a
  // frequency that does not fit is found while copying.
  if (count <= 0xffff && terms.length <= 0x10000) {
    const narrow = copyPairs(new Uint16Array(size), lists, starts, ends, first);
    if (narrow) return narrow;
  }
  return copyPairs(new Int32Array(size), lists, starts, ends, first)!;
}

/** The postings laid flat into `flat`; undefined if a number does not fit it. */
function copyPairs<T extends Uint16Array | Int32Array>(
  flat: T,
  lists: Int32Array[],
  starts: Int32Array,
  ends: Int32Array,
  first: number,
): T | undefined {
  const limit = flat instanceof Uint16Array ? 0xffff : 0x7fffffff;
  let at = 0;
  for (let t = 0; t < lists.length; t++) {
    const list = lists[t]!;
    flat[at++] = t;
    flat[at++] = (ends[t]! - starts[t]!) / 2;
    for (let i = starts[t]!; i < ends[t]!; i += 2) {
      const tf = list[i + 1]!;
      if (tf > limit) return undefined;
      flat[at++] = list[i]! - first;
      flat[at++] = tf;
    }
  }
  return flat;
}

/** Reading documents back in order (see `partPostings`): each term's list by its number, and where the last stopped. */
export interface PartCursors {
  lists: (Int32Array | undefined)[];
  at: Int32Array;
}

/** Cursors for reading an index's documents back, its terms' lists by number. */
export function partCursors(index: Bm25Index): PartCursors {
  const lists: (Int32Array | undefined)[] = new Array(idCount());
  for (const [term, list] of index.postings) lists[idOf(term)] = list;
  return { lists, at: new Int32Array(lists.length) };
}

const EMPTY = new Int32Array(0);

/** The index in a list of pairs [passage, tf, …] of the first pair whose passage is at least `passage`. */
function firstPairAtLeast(list: Int32Array, passage: number, from = 0): number {
  let lo = from / 2;
  let hi = list.length / 2;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (list[mid * 2]! < passage) lo = mid + 1;
    else hi = mid;
  }
  return lo * 2;
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
      const list = postingsOf(index, term);
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

/**
 * A term's postings as one list: its passages' own words and, where it is a word of a unit's name, the passages
 * about that unit (a passage in both with its frequencies added). Merged when asked: the name lists are short.
 */
function postingsOf(index: Bm25Index, term: string): Int32Array | undefined {
  const own = index.postings.get(term);
  const names = index.unitNames.get(term)?.list;
  if (!names) return own;
  if (!own) return names;
  const out = new Int32Array(own.length + names.length);
  let i = 0;
  let j = 0;
  let k = 0;
  while (i < own.length || j < names.length) {
    if (j >= names.length || (i < own.length && own[i]! < names[j]!)) {
      out[k++] = own[i]!;
      out[k++] = own[i + 1]!;
      i += 2;
    } else if (i >= own.length || names[j]! < own[i]!) {
      out[k++] = names[j]!;
      out[k++] = names[j + 1]!;
      j += 2;
    } else {
      out[k++] = own[i]!;
      out[k++] = own[i + 1]! + names[j + 1]!;
      i += 2;
      j += 2;
    }
  }
  return out.subarray(0, k);
}

/** How rare a term is across the passages (0 when absent). */
export function idf(index: Bm25Index, term: string): number {
  const df = (index.postings.get(term)?.length ?? 0) / 2 + (index.unitNames.get(term)?.only ?? 0);
  if (df === 0) return 0;
  const n = index.lengths.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
