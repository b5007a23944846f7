import { describe, expect, it } from "vitest";
import { readDocuments } from "../src/search/load.js";
import { parseDocument } from "../src/corpus/parse.js";
import type { KeyQuestionFact, ProgressFact, RatingFact, RecommendationFact } from "../src/types.js";
import { SEEDS, seedFile } from "./support/engine.js";

const raw = readDocuments(SEEDS).find((d) => d.meta.id === seedFile("002"))!;
const doc = parseDocument(raw);
const ratings = doc.facts.filter((f): f is RatingFact => f.type === "rating");
const LLR = "leicester, leicestershire and rutland";

describe("an HMIP report's title page", () => {
  it("gives its kind, title, publisher and month of publication", () => {
    expect(doc.meta.kind).toBe("inspection report");
    expect(doc.meta.title).toBe("An inspection of probation services in: Leicester, Leicestershire and Rutland PDU");
    expect(doc.meta.publisher).toBe("HM Inspectorate of Probation");
    expect(doc.meta.date).toBe("2025-05");
  });

  it("names the PDU, with initials as an alias, and its region", () => {
    const pdu = doc.units.find((u) => u.key === LLR)!;
    expect(pdu.kind).toBe("pdu");
    expect(pdu.aliases).toContain("LLR");
    expect(doc.units.find((u) => u.key === "east midlands")?.kind).toBe("region");
  });
});

describe("the ratings page", () => {
  it("gives the overall rating with its score and the fieldwork month", () => {
    const overall = ratings.find((r) => r.standard === "overall" && r.score)!;
    expect(overall).toMatchObject({ rating: "Inadequate", score: "3/21", unitKey: LLR, inspectionDate: "2025-03" });
    expect(overall.quote).toContain("Score 3/21");
  });

  it("gives each of the seven standards its rating", () => {
    const byStandard = Object.fromEntries(
      ratings
        .filter((r) => r.inspectionDate === "2025-03" && r.standard !== "overall")
        .map((r) => [r.standard, r.rating]),
    );
    expect(byStandard).toEqual({
      leadership: "Requires improvement",
      staffing: "Requires improvement",
      services: "Requires improvement",
      assessment: "Inadequate",
      planning: "Inadequate",
      "implementation and delivery": "Inadequate",
      reviewing: "Inadequate",
    });
  });

  it("tells the previous inspection's rating apart by its year", () => {
    const earlier = ratings.filter((r) => r.inspectionDate === "2022");
    expect(earlier.length).toBeGreaterThan(0);
    expect(earlier.every((r) => r.rating === "Inadequate" && r.standard === "overall")).toBe(true);
  });
});

describe("key-question tables", () => {
  const rows = doc.facts.filter((f): f is KeyQuestionFact => f.type === "key-question");
  it("hold three questions for each of the four service-delivery standards", () => {
    expect(rows).toHaveLength(12);
    expect(new Set(rows.map((r) => r.standard))).toEqual(
      new Set(["assessment", "planning", "implementation and delivery", "reviewing"]),
    );
  });
  it("mark the bold row as the one that drives the rating", () => {
    const planning = rows.filter((r) => r.standard === "planning");
    expect(planning.map((r) => [r.percentYes, r.drivesRating])).toEqual([
      [54, false],
      [68, false],
      [44, true],
    ]);
  });
});

describe("recommendations", () => {
  it("are numbered and addressed to the PDU", () => {
    const recs = doc.facts.filter((f): f is RecommendationFact => f.type === "recommendation");
    expect(recs.map((r) => r.number)).toEqual([1, 2, 3, 4, 5, 6]);
    expect(new Set(recs.map((r) => r.audience))).toEqual(new Set(["Leicester, Leicestershire and Rutland PDU"]));
    expect(recs[3]!.text).toMatch(/SPOs are focused on leading their teams/);
  });

  it("and the progress table gives each previous one its categorisation", () => {
    const rows = doc.facts.filter((f): f is ProgressFact => f.type === "progress");
    expect(rows).toHaveLength(12);
    expect(rows[0]).toMatchObject({ categorisation: "No progress" });
    expect(rows[0]!.recommendation).toMatch(/risk of harm$/);
    expect(rows.map((r) => r.categorisation)).toContain("Sufficient progress");
  });
});

describe("figures and quotations", () => {
  it("keep statements with counts, percentages and 'x out of y'", () => {
    const quantities = doc.passages.flatMap((p) => p.quantities);
    const values = quantities.map((q) => (q.total ? `${q.value}/${q.total}` : String(q.value)));
    expect(values).toEqual(expect.arrayContaining(["1364", "939", "18/26", "9/71"]));
    expect(quantities.find((q) => q.text.startsWith("Eighteen out of 26"))).toMatchObject({
      kind: "ratio",
      value: 18,
      total: 26,
    });
    expect(quantities.some((q) => q.kind === "percent" && /per cent/.test(q.text))).toBe(true);
    // Years, days of months and section numbers are not quantities.
    expect(values).not.toContain("2025");
    expect(quantities.some((q) => /^P?\s*\d\.\d/.test(q.text))).toBe(false);
  });

  it("leave out contents pages, ISBNs and addresses", () => {
    const quotes = doc.passages.filter((p) => p.hasFigures).map((p) => p.text);
    expect(quotes.some((q) => /ISBN|\.{4}|Bridge Street/.test(q))).toBe(false);
  });

  it("take the foreword as the chief inspector's words", () => {
    const foreword = doc.facts.filter((f) => f.type === "quotation");
    expect(foreword.length).toBeGreaterThan(3);
    expect(foreword[0]!.type === "quotation" && foreword[0]!.speaker).toMatch(/Chief Inspector of Probation/);
  });
});
