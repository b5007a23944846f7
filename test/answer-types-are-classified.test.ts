// The answer-type classifier, trained on intents/answer-types.json, judged on phrasings it was not trained on.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { classifyAnswerType, trainedAnswerTypes } from "../src/answer/classify.js";

/** Minimum share of the held-out questions classified right. */
const MIN_ACCURACY = 0.8;

const HELD_OUT: [string, string][] = [
  ["How was Brackenford graded by the inspectorate", "rating"],
  ["is the Wessex region rated good", "rating"],
  ["what overall judgement did Brackenford receive", "rating"],
  ["staffing grade for Brackenford?", "rating"],
  ["Brackenford's score please", "score"],
  ["how many points out of 21 for Brackenford", "score"],
  ["how many people are on licence in Brackenford", "quantity"],
  ["what percentage of assessments were good enough", "quantity"],
  ["how many probation officers does the unit employ", "quantity"],
  ["how big is the caseload per practitioner", "quantity"],
  ["when did HMIP inspect Brackenford", "date"],
  ["which month did the fieldwork begin", "date"],
  ["when was the report on Brackenford published", "date"],
  ["who was the chief inspector who signed it", "person"],
  ["who heads Brackenford PDU", "person"],
  ["who leads probation in the Wessex region", "person"],
  ["list all the Brackenford recommendations", "list"],
  ["which offices does Brackenford run", "list"],
  ["what are the key questions for planning", "list"],
  ["why did Brackenford get requires improvement", "reason"],
  ["what was the reason for the inadequate delivery rating", "reason"],
  ["why were home visits missed", "reason"],
  ["what did the chief inspector say about Brackenford", "quotation"],
  ["how did the ministry respond to the report", "quotation"],
  ["what comment did HMPPS make", "quotation"],
  ["tell me about accommodation for people leaving prison", "passage"],
  ["what did inspectors find about the duty rota", "passage"],
  ["risk of harm work in Brackenford", "passage"],
  ["which standard came out worst", "extreme"],
  ["what was the highest key-question percentage", "extreme"],
  ["which unit has the lowest score", "extreme"],
  ["Brackenford versus Ashcombe", "comparison"],
  ["is Brackenford doing better than before", "comparison"],
  ["compare the 2021 and 2024 inspections", "comparison"],
  ["has planning got better since last time", "comparison"],
];

describe("the answer-type classifier", () => {
  it("knows every answer type but meta", () => {
    expect(new Set(trainedAnswerTypes)).toEqual(
      new Set([
        "rating",
        "score",
        "quantity",
        "date",
        "person",
        "list",
        "reason",
        "quotation",
        "passage",
        "extreme",
        "comparison",
      ]),
    );
  });

  it("was not trained on the questions that judge it", () => {
    const examples = JSON.parse(readFileSync(join(import.meta.dirname, "../intents/answer-types.json"), "utf8"))
      .examples as Record<string, string[]>;
    const trained = new Set(
      Object.values(examples)
        .flat()
        .map((q) => q.toLowerCase()),
    );
    for (const [q] of HELD_OUT) expect(trained.has(q.toLowerCase()), q).toBe(false);
  });

  it(`classifies at least ${MIN_ACCURACY * 100}% of questions it never saw`, () => {
    const wrong = HELD_OUT.filter(([q, type]) => classifyAnswerType(q, []) !== type).map(
      ([q, type]) => `${q} (${type}, got ${classifyAnswerType(q, [])})`,
    );
    expect(1 - wrong.length / HELD_OUT.length, wrong.join("; ")).toBeGreaterThanOrEqual(MIN_ACCURACY);
  });
});
