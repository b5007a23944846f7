// What the engine tries for each kind of question is declared in src/answer/plan.ts: these tests read the plan and
// check that answers follow it.
import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../src/answer/question.js";
import { PLANS, planOf, runPlan } from "../src/answer/plan.js";
import type { HandlerInput } from "../src/answer/reply.js";
import { ask, seeds } from "./support/engine.js";

const inputOf = (question: string): HandlerInput => {
  const query = analyseQuestion(seeds, question, {});
  return { index: seeds, query, context: {}, unitKeys: query.unitKeys, topic: query.topic };
};

describe("the plan of each kind of question", () => {
  it("a question of a particular shape tries its own handler before its intent's", () => {
    const input = inputOf("LLR reviewing keeping other people safe percentage");
    expect(planOf(input.query, input, "statistic")).toEqual(["keyQuestion", "statistic", "finding"]);
    const plain = inputOf("how many people does LLR supervise");
    expect(planOf(plain.query, plain, "statistic")).toEqual(PLANS.statistic);
  });

  it("a handler that finds nothing passes the question on: a key question of a unit with no table gets figures", () => {
    const input = inputOf("Derby reviewing keeping other people safe");
    const reply = runPlan(["keyQuestion"], input, false);
    expect(reply).toBeUndefined();
    const onward = runPlan(["keyQuestion", "statistic"], input, false);
    expect(onward?.intent).toBe("statistic");
  });

  it('"I don\'t have that" goes on with what the documents do hold on the unit, from the rating handler', () => {
    const answer = ask(seeds, "what is the reoffending rate in Derby?");
    expect(answer.status).toBe("lacking");
    expect(answer.text).toMatch(/^I don't have .*reoffending.* for \*Derby City\*/);
    expect(answer.text).toContain("What they do hold on it:");
    expect(answer.text).toMatch(/rated \*Requires improvement\*/);
    expect(answer.citations.length).toBeGreaterThan(0);
  });

  it('"source?" with no answer before it in the thread lists the documents held', () => {
    const reply = runPlan(PLANS["followup-source"], inputOf("source?"), false);
    expect(reply?.intent).toBe("sources");
    expect(reply?.lead).toMatch(/^I hold \d+ documents/);
  });
});

describe("across units", () => {
  it("'which unit is rated worst?' names the units of the lowest rating, a known score first", () => {
    const answer = ask(seeds, "which unit is the worst rated?");
    const lines = answer.text.split("\n").filter((l) => l.startsWith("• "));
    expect(answer.text).toMatch(/^Lowest overall rating/);
    expect(lines.length).toBeGreaterThan(0);
    for (const l of lines) expect(l).toContain("Inadequate");
    expect(lines[0]).toMatch(/\(\d+\/\d+\)/);
  });

  it("'which unit has the highest score?' names the best rated", () => {
    const answer = ask(seeds, "which unit has the highest score?");
    expect(answer.text).toMatch(/^Highest overall rating/);
    expect(answer.text).toContain("Requires improvement");
    expect(answer.text).not.toContain("Inadequate");
  });
});
