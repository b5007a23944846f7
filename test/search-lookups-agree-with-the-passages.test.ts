// What a search reads from typed arrays instead of the passages (src/answer/passage-table.ts), and the period asked
// once per document instead of per passage (periodDocFilter), must say what the passages themselves say.
import { describe, expect, it } from "vitest";
import { DIRECTIVE, FIGURES, passageTable, STRENGTH, WEAKNESS } from "../src/answer/passage-table.js";
import { periodDocFilter, periodFilter, type PeriodAsked } from "../src/answer/retrieve.js";
import { second, seeds } from "./support/engine.js";

describe("the passage table", () => {
  for (const [name, index] of [
    ["seeds", seeds],
    ["second corpus", second],
  ] as const) {
    it(`gives each passage of the ${name} its own document and flags`, () => {
      const table = passageTable(index);
      expect(table.doc).toHaveLength(index.passages.length);
      const flagged = { figures: 0, directive: 0, tone: 0 };
      index.passages.forEach((p, i) => {
        expect(table.docIds[table.doc[i]!]).toBe(p.docId);
        const flags = table.flags[i]!;
        expect((flags & FIGURES) !== 0).toBe(p.hasFigures);
        expect((flags & DIRECTIVE) !== 0).toBe(!!p.directive);
        expect((flags & STRENGTH) !== 0).toBe(p.tone === "strength");
        expect((flags & WEAKNESS) !== 0).toBe(p.tone === "weakness");
        if (p.hasFigures) flagged.figures++;
        if (p.directive) flagged.directive++;
        if (p.tone) flagged.tone++;
      });
      // The corpus has passages of each kind, so the flags were really checked both ways.
      expect(flagged.figures).toBeGreaterThan(0);
      expect(flagged.directive).toBeGreaterThan(0);
      expect(flagged.tone).toBeGreaterThan(0);
      expect(new Set(table.docIds).size).toBe(index.documents.length);
    });
  }
});

describe("the period of a passage, asked of its document", () => {
  const years = [...new Set(seeds.facts.flatMap((f) => (f.inspectionDate ? [f.inspectionDate.slice(0, 4)] : [])))];
  const someDocs = seeds.documents.slice(0, 2).map((d) => d.meta.id);
  const asked: PeriodAsked[] = [
    ...years.map((year) => ({ year })),
    { year: "1999" },
    { period: { kind: "then", docs: someDocs } },
    { period: { kind: "previous" }, unitKeys: [seeds.units[0]!.key] },
    {},
  ];

  it("is what periodFilter says of each passage, for years, 'then' and 'the previous inspection'", () => {
    expect(years.length).toBeGreaterThan(0);
    const seen = new Set<boolean>();
    for (const query of asked) {
      const ofPassage = periodFilter(seeds, query);
      const ofDoc = periodDocFilter(seeds, query);
      expect(!!ofDoc).toBe(!!ofPassage);
      if (!ofPassage || !ofDoc) continue;
      for (const p of seeds.passages) {
        expect(ofDoc(p.docId)).toBe(ofPassage(p));
        seen.add(ofPassage(p));
      }
    }
    // Some passages are of the period asked and some are not.
    expect([...seen].sort()).toEqual([false, true]);
  });
});
