// A date, a name or the names a question asks for are stated first, read from the quote that holds them.
import { describe, expect, it } from "vitest";
import { analyseQuestion } from "../src/answer/question.js";
import { namesIn, statedValue } from "../src/answer/stated-value.js";
import { ask, seeds } from "./support/engine.js";
import { passage } from "./support/passage.js";

const query = (q: string) => analyseQuestion(seeds, q, {});

describe("the value stated first", () => {
  it("a date: the one beside the question's words, not the first in the sentence", () => {
    const p = passage("Funding rises by 2028, and the service will hire 900 new officers by October next year.");
    expect(statedValue([p], query("by when will the service hire new officers?"), seeds)?.text).toBe("October");
  });

  it("a person: the name beside the question's words, past the words the question asks with", () => {
    const p = passage(
      "This inspection was led by HM Inspector Priya Odunsi, supported by Tom Vale from the Midlands Office.",
    );
    expect(statedValue([p], query("who was the HM inspector who led the inspection?"), seeds)).toEqual({
      text: "Priya Odunsi",
      kind: "person",
    });
  });

  it("a person: the speaker when the passage names nobody else", () => {
    const p = passage("We found a service under strain.", "Rhona Bell, HM Chief Inspector of Probation");
    expect(statedValue([p], query("who wrote the foreword?"), seeds)?.text).toBe("Rhona Bell");
  });

  it("names: places and organisations, not months, units, probation's own words or a capital that opens a sentence", () => {
    const p = passage(
      "Offices are in Harrowgate, Little Stenby and Coldfield, and Nacro runs housing support from March 2024 in Leicester, Leicestershire and Rutland PDU.",
    );
    const names = namesIn(p.text, query("where are the offices?"), seeds).map((n) => n.name);
    expect(names).toEqual(["Harrowgate", "Little Stenby", "Coldfield", "Nacro"]);
  });

  it("nothing when the question does not ask for that kind of value", () => {
    const p = passage("Offices are in Harrowgate and Coldfield.");
    expect(statedValue([p], query("tell me about the offices"), seeds)).toBeUndefined();
  });

  it("in an answer: the fact is stated first and carried among its facts", () => {
    const answer = ask(seeds, "which HM inspector led the fieldwork in leicester?");
    const person = answer.facts.find((f) => f.kind === "person" || f.kind === "name")!.value;
    expect(person).toMatch(/^\p{Lu}\p{L}+ \p{Lu}\p{L}+$/u);
    expect(answer.lead.map((s) => s.text).join("")).toMatch(new RegExp(`^${person}`));
    expect(answer.citations.some((c) => c.quote.includes(person))).toBe(true);
  });
});
