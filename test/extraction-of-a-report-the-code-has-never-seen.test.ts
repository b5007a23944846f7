import { describe, expect, it } from "vitest";
import type { KeyQuestionFact, ProgressFact, RatingFact, RecommendationFact } from "../src/types.js";
import { ask, converse, second } from "./support/engine.js";

const UNIT = "ashcombe and wyvern vale";

describe("a report of another unit, in another region", () => {
  it("is parsed with its own unit, aliases and ratings", () => {
    const unit = second.units.find((u) => u.key === UNIT)!;
    expect(unit.kind).toBe("pdu");
    expect(unit.aliases).toContain("AWV");
    const overall = second.facts.find(
      (f): f is RatingFact => f.type === "rating" && f.standard === "overall" && !!f.score,
    )!;
    expect(overall).toMatchObject({ rating: "Good", score: "15/21", inspectionDate: "2024-07" });
    const leadership = second.facts.find((f): f is RatingFact => f.type === "rating" && f.standard === "leadership")!;
    expect(leadership.rating).toBe("Outstanding");
  });

  it("has its key questions, recommendations and progress rows", () => {
    const kq = second.facts.filter((f): f is KeyQuestionFact => f.type === "key-question");
    expect(kq.find((k) => k.drivesRating)?.percentYes).toBe(58);
    expect(second.facts.filter((f): f is RecommendationFact => f.type === "recommendation")).toHaveLength(2);
    expect(second.facts.filter((f): f is ProgressFact => f.type === "progress").map((p) => p.categorisation)).toEqual([
      "Sufficient progress",
      "Some progress",
    ]);
  });

  it("is answered by its initials, with its own score and earlier rating", () => {
    const answer = ask(second, "AWV rating");
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain("Good");
    expect(answer.text).toContain("15/21");
    expect(answer.text).toContain("Requires improvement");
  });

  it("answers a key-question figure and a follow-up on another standard", () => {
    const [planning, reviewing] = converse(second, "ashcombe planning keeping other people safe", "and reviewing?");
    expect(planning!.text).toContain("58%");
    expect(reviewing!.text).toMatch(/Reviewing: \*Good\*/);
  });

  it("does not lend its figures to a unit of the seeds", () => {
    const answer = ask(second, "LLR rating");
    expect(answer.answered).toBe(false);
    expect(answer.text).not.toMatch(/Good|15\/21/);
  });
});
