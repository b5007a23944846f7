// The index keeps each document's postings once, in the joined lists: a document's part (which a reload joins
// again) is read back from them exactly as its passages give it, and the names of units added to the passages at
// the join score as if they were in the passages' lists.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { documentTerms, idCount, idOf, knownIdOf, textOf } from "../src/corpus/passage-terms.js";
import { loadCorpus } from "../src/engine.js";
import { topBm25 } from "../src/search/bm25.js";

const CORPORA = ["seeds", "test/fixtures/second-corpus", "test/probe/documents"].map((d) =>
  join(import.meta.dirname, "..", d),
);

describe("postings kept once", () => {
  it.each(CORPORA)("reads every document's part back from the joined index exactly (%s)", (dir) => {
    const index = loadCorpus(dir);
    expect(index.documents.length).toBeGreaterThan(1);
    for (const doc of index.documents) {
      const part = index.partOf(doc.meta.id)!;
      const own = documentTerms(doc);
      expect(part.postings.constructor).toBe(own.postings.constructor);
      expect([...part.postings]).toEqual([...own.postings]);
      expect([...part.terms]).toEqual([...own.terms]);
      expect([...part.lengths]).toEqual([...own.lengths]);
      expect([...part.words]).toEqual([...own.words]);
      expect([...part.cases]).toEqual([...own.cases]);
    }
    expect(index.partOf("no such document")).toBeUndefined();
  });

  it("scores a unit's name in the passages about the unit, as a term of those passages", () => {
    const index = loadCorpus(join(import.meta.dirname, "../seeds"));
    const [term, { list, only }] = [...index.bm25.unitNames].find(([t]) => index.bm25.postings.has(t))!;
    const own = index.bm25.postings.get(term)!;
    const ownPassages = new Set(Array.from({ length: own.length / 2 }, (_, i) => own[i * 2]!));
    const named = Array.from({ length: list.length / 2 }, (_, i) => list[i * 2]!);
    // `only` counts the passages that hold the term by a name alone.
    expect(only).toBe(named.filter((p) => !ownPassages.has(p)).length);
    const hits = topBm25(index.bm25, [{ term, weight: 1 }], index.passages.length);
    expect(new Set(hits.map(([p]) => p))).toEqual(new Set([...ownPassages, ...named]));
  });
});

describe("the string table", () => {
  it("grows only by the words of documents: a word looked up that no document uses is not added", () => {
    const before = idCount();
    expect(knownIdOf("zxqvbnoword")).toBeUndefined();
    expect(idCount()).toBe(before);
    const probation = idOf("probation");
    expect(knownIdOf(textOf(probation))).toBe(probation);
  });
});
