import { describe, expect, it } from "vitest";
import { ask } from "./support/engine.js";
import { converse, seeds } from "./support/engine.js";

describe("a unit the documents do not cover", () => {
  it.each([
    "Birmingham PDU rating",
    "birmingham rating",
    "what is the rating of Greater Manchester",
    "Kent probation score",
  ])("%s: no inspection, and no one else's rating", (question) => {
    const answer = ask(seeds, question);
    expect(answer.answered).toBe(false);
    expect(answer.text).toMatch(/no inspection of/i);
    expect(answer.text).not.toMatch(/Inadequate|Requires improvement|3\/21/);
    expect(answer.citations).toEqual([]);
  });
});

describe("a follow-up about a unit the documents lack", () => {
  it("says so instead of answering for the thread's unit", () => {
    const [, reply] = converse(seeds, "LLR rating", "what about birmingham?");
    expect(reply!.answered).toBe(false);
    expect(reply!.text).toMatch(/no inspection of \*birmingham\*/);
    expect(reply!.text).not.toMatch(/3\/21|Inadequate/);
  });
});

describe("a figure the documents lack for a unit they cover", () => {
  it("'how many' needs a passage that counts the thing asked about", () => {
    const answer = ask(seeds, "how many staff in Derby");
    expect(answer.text).toMatch(/don't have figures on \*staff\* for \*Derby City\*/);
    expect(answer.text).not.toContain("40%");
    expect(ask(seeds, "how many prisons does LLR have").text).toContain("four prisons");
  });

  it("says so, and gives what they hold on that unit instead of another unit's number", () => {
    const answer = ask(seeds, "Derby caseload per PSO");
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/don't have/);
    expect(answer.text).toContain("Derby City");
    expect(answer.text).not.toContain("41");
  });
});

describe("a question off the subject", () => {
  it.each(["who won the football", "weather tomorrow", "recipe for banana bread"])(
    "%s: not answered, with example questions",
    (q) => {
      const answer = ask(seeds, q);
      expect(answer.answered).toBe(false);
      expect(answer.citations).toEqual([]);
      expect(answer.text).toMatch(/Try:/);
    },
  );
});

describe("a unit's name in another order", () => {
  it("still names the unit", () => {
    expect(ask(seeds, "rutland and leicester rating").text).toMatch(
      /Leicester, Leicestershire and Rutland PDU\* is rated/,
    );
  });
});

describe("misspellings", () => {
  it.each([
    ["leicestr ratng", "Inadequate"],
    ["derbby city rating", "Requires improvement"],
    ["east midlnds rating", "Inadequate"],
  ])("%s is understood", (q, rating) => {
    const answer = ask(seeds, q);
    expect(answer.answered).toBe(true);
    expect(answer.text).toContain(rating);
  });
});

describe("figures of two units in one question", () => {
  it("each unit's own figure under its own name, and 'I don't have' for the one the documents lack", () => {
    const answer = ask(seeds, "compare the caseloads of LLR and Derby");
    const [llr, derby] = answer.lead
      .map((s) => s.text)
      .join("")
      .split("\n\n");
    expect(llr).toMatch(/1,364 people.*Leicester, Leicestershire and Rutland PDU/);
    expect(derby).toMatch(/^I don't have figures on caseloads for Derby City/);
    expect(derby).not.toMatch(/\d/);
  });
});
