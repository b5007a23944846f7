// Two units whose initials are the same ("KR"): the initials name neither, and a question that uses them is asked
// which unit it means; it never gets one of the two, nor a refusal as if no such unit were covered.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/engine.js";
import { ask, converse } from "./support/engine.js";

const corpus = loadCorpus(join(import.meta.dirname, "fixtures/shared-initials-corpus"));

describe("a name two units share", () => {
  it("is kept apart: each unit answers for itself by its own name", () => {
    expect(corpus.units.map((u) => u.key).sort()).toEqual(["kessington and rowley", "kingsbury and radley"]);
    expect(ask(corpus, "kessington rating").text).toMatch(/\*Good\*/);
    expect(ask(corpus, "kingsbury rating").text).toMatch(/\*Inadequate\*/);
  });

  it("asks which unit is meant, listing them", () => {
    const answer = ask(corpus, "KR rating");
    expect(answer.answered).toBe(false);
    expect(answer.text).toMatch(/\*KR\* names more than one unit/);
    expect(answer.text).toContain("Kessington and Rowley PDU");
    expect(answer.text).toContain("Kingsbury and Radley PDU");
    expect(answer.text).not.toMatch(/Good|Inadequate/);
  });

  it("asks also in a thread about one of them", () => {
    const [, answer] = converse(corpus, "kessington rating", "and KR?");
    expect(answer!.answered).toBe(false);
    expect(answer!.text).toMatch(/names more than one unit/);
  });
});
