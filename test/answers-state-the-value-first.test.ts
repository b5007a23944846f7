// A date, a name or the names a question asks for are stated first, read from the quote that holds them.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion, loadCorpus } from "../src/engine.js";
import { tempDir } from "./support/temp.js";
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

describe("the passages that hold the value asked for come first", () => {
  it("'when' ranks a passage with a date above one on the same words without", () => {
    const dir = tempDir("value-first-");
    writeFileSync(
      join(dir, "article.txt"),
      [
        "Wrenfold probation merger praised",
        "How the Wrenfold and Ashby services merger happened: the Wrenfold and Ashby merger happened slowly.",
        "Staff said the merger of the two services, talked about for many years by their boards and by the unions, was completed in October 2021 after Wrenfold agreed terms.",
      ].join("\n"),
    );
    const { answer } = answerQuestion(loadCorpus(dir), "when did the wrenfold and ashby services merger happen?");
    expect(answer.citations[0]!.quote).toContain("October 2021");
    expect(answer.facts).toContainEqual(expect.objectContaining({ kind: "date", value: "October 2021" }));
  });
});

describe("a cause", () => {
  it("'what caused …?' states what follows 'due to' in the quote, to the clause's end", () => {
    const p = passage(
      "Caseloads rose sharply in the autumn, and there were staffing gaps due to long-term sickness and maternity leave, which managers covered.",
    );
    expect(statedValue([p], query("what caused the staffing gaps?"), seeds)).toEqual({
      text: "long-term sickness and maternity leave",
      kind: "cause",
    });
  });
});
