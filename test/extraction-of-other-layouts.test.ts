import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/engine.js";
import type { RatingFact, RecommendationFact } from "../src/types.js";
import { ask, converse } from "./support/engine.js";

// A report that puts each rating on its label's line ("P 1.1 Leadership<tab>Good", "Overall rating: …"),
// with an article that dates nothing but its publication and recalls an earlier inspection.
const third = loadCorpus(join(import.meta.dirname, "fixtures/third-corpus"));

describe("ratings on the same line as their label", () => {
  it("are read, with the score and the fieldwork month", () => {
    const ratings = third.facts.filter((f): f is RatingFact => f.type === "rating" && f.docId === "report.md");
    expect(ratings.find((r) => r.standard === "overall")).toMatchObject({
      rating: "Requires improvement",
      score: "8/21",
      inspectionDate: "2025-11",
    });
    expect(ratings.find((r) => r.standard === "implementation and delivery")?.rating).toBe("Inadequate");
    expect(ratings.filter((r) => r.standard !== "overall")).toHaveLength(7);
  });
});

describe("an article that gives only its publication date", () => {
  it("is matched to the inspection its report describes, so the earlier rating stays earlier", () => {
    const answer = ask(third, "brackenford rating");
    expect(answer.text).toMatch(/is rated \*Requires improvement\* overall, score \*8\/21\*/);
    expect(answer.text).toMatch(/Previously \*Inadequate\* \(inspection of 2023\)/);
    const [then] = converse(third, "brackenford then and now");
    expect(then!.text.indexOf("2023")).toBeLessThan(then!.text.indexOf("November 2025"));
  });
});

describe("recommendations addressed to someone else", () => {
  it("belong to that unit", () => {
    const recs = third.facts.filter((f): f is RecommendationFact => f.type === "recommendation");
    expect(recs.find((r) => r.number === 3)?.unitKey).toBe("wessex");
    expect(ask(third, "wessex region recommendations").text).toContain("accredited programme places");
  });
});

describe("a speaker named after their role", () => {
  it("is written name first", () => {
    expect(ask(third, "what did the chief inspector say").text).toContain("Martin Jones, chief inspector of probation");
  });
});
