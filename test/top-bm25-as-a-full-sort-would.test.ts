// topBm25 keeps the best documents without sorting every score:
// it must keep exactly what scoring every document and sorting them all would keep, ties included (of equal
// scores, the first scored). Checked against that sort on generated indexes full of equal scores (copies).
import { describe, expect, it } from "vitest";
import { type Bm25Index, topBm25 } from "../src/search/bm25.js";
import { TUNING } from "../src/tuning.js";

/** A small deterministic generator (mulberry32), so that a failure can be replayed. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

/** An index of `docs` passages over `terms` terms, each passage a copy of one of a few texts (so scores tie). */
function generatedIndex(seed: number, docs: number, terms: number): Bm25Index {
  const next = random(seed);
  const texts = Array.from({ length: 12 }, () => {
    const length = 3 + Math.floor(next() * 20);
    const tf = new Map<number, number>();
    // Term t appears with a frequency falling with t, so low terms are common and high ones rare.
    for (let t = 0; t < terms; t++) if (next() < 0.9 / (1 + t / 2)) tf.set(t, 1 + Math.floor(next() * next() * 3));
    return { length, tf };
  });
  const lists = Array.from({ length: terms }, () => [] as number[]);
  const lengths = new Int32Array(docs);
  for (let doc = 0; doc < docs; doc++) {
    const text = texts[Math.floor(next() * texts.length)]!;
    lengths[doc] = text.length;
    for (const [t, tf] of text.tf) lists[t]!.push(doc, tf);
  }
  const postings = new Map<string, Int32Array>();
  lists.forEach((list, t) => list.length && postings.set(`t${t}`, Int32Array.from(list)));
  const averageLength = lengths.reduce((a, b) => a + b, 0) / docs;
  return { postings, unitNames: new Map(), lengths, averageLength };
}

/** What topBm25 stands for: every document scored, in query order, then all sorted (stable: first scored first). */
function bySortingAll(
  index: Bm25Index,
  query: { term: string; weight: number }[],
  limit: number,
  allowed?: (doc: number) => boolean,
): [number, number][] {
  const { k1, b } = TUNING.bm25;
  const n = index.lengths.length;
  const scores = new Map<number, number>();
  const left = new Set<number>();
  for (const { term, weight } of query) {
    const list = index.postings.get(term);
    if (!list) continue;
    const df = list.length / 2;
    const idf = Math.log(1 + (n - df + 0.5) / (df + 0.5));
    for (let i = 0; i < list.length; i += 2) {
      const doc = list[i]!;
      if (left.has(doc)) continue;
      if (!scores.has(doc) && allowed && !allowed(doc)) {
        left.add(doc);
        continue;
      }
      const tf = list[i + 1]!;
      const norm = (tf * (k1 + 1)) / (tf + k1 * (1 - b + (b * index.lengths[doc]!) / index.averageLength));
      scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * norm);
    }
  }
  return [...scores].sort((x, y) => y[1] - x[1]).slice(0, Math.max(0, limit));
}

const sameSet = (a: [number, number][]) => [...a].sort((x, y) => x[0] - y[0]);

describe("the best documents of a search", () => {
  it("are those a sort of every score keeps, with the same scores, on indexes full of equal scores", () => {
    let compared = 0;
    for (let seed = 1; seed <= 30; seed++) {
      const next = random(1000 + seed);
      const index = generatedIndex(seed, 200 + Math.floor(next() * 3000), 12);
      for (let q = 0; q < 8; q++) {
        const query = Array.from({ length: 1 + Math.floor(next() * 6) }, () => ({
          term: `t${Math.floor(next() * 14)}`, // t12 and t13 are in no passage
          weight: [1, 0.6, 0.3][Math.floor(next() * 3)]!,
        }));
        const limit = [0, 1, 5, 30, 300][Math.floor(next() * 5)]!;
        const filters = [undefined, (doc: number) => doc % 3 !== 0, (doc: number) => doc > 100_000];
        for (const allowed of filters) {
          const got = topBm25(index, query, limit, allowed);
          const expected = bySortingAll(index, query, limit, allowed);
          expect(sameSet(got)).toEqual(sameSet(expected));
          // Best first.
          for (let i = 1; i < got.length; i++) expect(got[i - 1]![1]).toBeGreaterThanOrEqual(got[i]![1]);
          compared++;
        }
      }
    }
    expect(compared).toBe(30 * 8 * 3);
  });
});
