// Undated pages that recall an earlier inspection (a region's press release, a local news story): the rating they
// report is the current one, the recalled one earlier; a score in the rating's own sentence; reported speech.
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/engine.js";
import type { QuotationFact, RatingFact } from "../src/types.js";
import { ask } from "./support/engine.js";

const undated = loadCorpus(join(import.meta.dirname, "fixtures/undated-corpus"));
const ratings = undated.facts.filter((f): f is RatingFact => f.type === "rating" && f.standard === "overall");

describe("an undated page that recalls an earlier inspection", () => {
  it("places its own inspection after the recalled one", () => {
    const region = ratings.filter((r) => r.unitKey === "north fenland");
    expect(region.find((r) => r.rating === "Inadequate")).toMatchObject({ inspectionDate: "2021", earlier: true });
    expect(region.find((r) => r.rating === "Requires improvement")).toMatchObject({ inspectionAfter: "2021" });
    expect(region.find((r) => r.rating === "Requires improvement")?.inspectionDate).toBeUndefined();
  });

  it("answers with the current rating, the earlier one as earlier", () => {
    const answer = ask(undated, "north fenland rating");
    expect(answer.text).toMatch(/is rated \*Requires improvement\* overall/);
    expect(answer.text).toMatch(/Previously \*Inadequate\* \(inspection of 2021\)/);
  });

  it("reads a score in the rating's own sentence", () => {
    const answer = ask(undated, "marshgate score");
    expect(answer.text).toMatch(/\*Requires improvement\* overall, score \*6 out of 21\*/);
    expect(answer.text).toMatch(/Previously \*Inadequate\* \(inspection of 2023\)/);
  });
});

describe("figures and words in press releases and news", () => {
  it("a caseload is the people a unit supervises", () => {
    expect(ask(undated, "marshgate caseload").text).toMatch(/^\*3,100 people\* — /);
    expect(ask(undated, "how many people does north fenland supervise").text).toContain("14,600 people");
  });

  it("a key-question figure with no key-question table comes from the prose", () => {
    expect(ask(undated, "how many cases had a sufficient assessment of risk of harm in north fenland").text).toContain(
      "19 out of 48 cases",
    );
  });

  it("reported speech is the speaker's, and a unit's name in the question is not the speaker", () => {
    const quotes = undated.facts.filter((f): f is QuotationFact => f.type === "quotation");
    expect(quotes.find((q) => q.words.includes("£155 million"))).toMatchObject({
      speaker: "Ministry of Justice spokesperson",
      reported: true,
    });
    expect(quotes.find((q) => q.words.includes("proud of its work"))?.speaker).toBe(
      "Martin Jones, chief inspector of probation",
    );
    const answer = ask(undated, "what did the ministry of justice say about marshgate");
    expect(answer.text).toContain("£155 million");
    expect(answer.text).not.toContain("Helen Garside");
  });
});

describe("what must be done, in prose", () => {
  it("stands for recommendations where a page lists none", () => {
    const directive = undated.passages.find((p) => p.text.startsWith("Managers must now check"));
    expect(directive?.directive).toBe(true);
    const answer = ask(undated, "marshgate recommendations");
    expect(answer.text).toContain("Managers must now check domestic abuse records");
    expect(answer.text).not.toContain("58 practitioners");
  });
});

describe("what someone was told to do", () => {
  it("is answered from what the page says must be done, the asked word itself before its stem", () => {
    const answer = ask(undated, "what were marshgate managers told to do");
    expect(answer.citations[0]?.quote).toContain("Managers must now check domestic abuse records");
  });

  it("'what needs to change' asks what must be done, not for a comparison", () => {
    const answer = ask(undated, "what needs to change in marshgate?");
    expect(answer.intent).toBe("finding");
    expect(answer.text).toContain("Managers must now check domestic abuse records");
  });
});

describe("who held a role", () => {
  it("is the person the documents quote in that role, named first", () => {
    const answer = ask(undated, "who is the chief inspector of probation");
    expect(answer.text).toMatch(/^\*Martin Jones\*, chief inspector of probation/);
    expect(answer.citations[0]?.quote).toContain("Martin Jones");
    expect(ask(undated, "who is the head of the Marshgate PDU").text).toMatch(/^\*Helen Garside\*/);
  });
});

describe("how many recommendations", () => {
  it("is the sentence that counts them", () => {
    for (const q of [
      "how many recommendations did north fenland get",
      "number of recommendations north fenland regional inspection",
    ]) {
      expect(ask(undated, q).text).toContain("seven recommendations");
    }
  });
});
