// The ranking's own functions, asked directly: how well a passage's numbers answer a figure question, and which
// passage a search puts first.
import { describe, expect, it } from "vitest";
import { bestQuantity, figureAsked, quantityFit } from "../src/answer/quantity-fit.js";
import { queryTerms } from "../src/answer/question.js";
import { isRelevant, searchPassages } from "../src/answer/retrieve.js";
import { words } from "../src/text/tokens.js";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { loadCorpus } from "../src/engine.js";
import { seeds } from "./support/engine.js";
import { passage } from "./support/passage.js";
import { tempDir } from "./support/temp.js";

const terms = (question: string) => queryTerms(words(question));

describe("the fit of a passage's numbers", () => {
  it("prefers a number that counts the asked word, then one a measure counts, and none that counts something else", () => {
    expect(quantityFit(passage("Inspectors looked at 62 cases."), terms("cases"))).toBe(1);
    expect(quantityFit(passage("The unit supervises 1,940 people."), terms("caseload"))).toBe(0.8);
    expect(quantityFit(passage("The unit has 58 practitioners."), terms("caseload"))).toBe(0);
  });

  it("picks, of several numbers, the one with most of the question's words about it", () => {
    const p = passage("It had a caseload of 1,364 people on probation and 939 people who were supervised on licence.");
    expect(bestQuantity(p, terms("people licence supervise"))?.quantity.text).toBe("939 people");
  });
});

describe("a search", () => {
  it("puts the passage with the asked word itself before one with only its stem, and judges relevance by coverage", () => {
    const dir = tempDir("ranking-");
    writeFileSync(
      join(dir, "article.txt"),
      "Orford probation unit told to improve\nInspectors rated Orford Probation Delivery Unit 'Inadequate'.\n" +
        "The unit manages 2,000 people across the county.\nManagers were told to check every case twice.\n",
    );
    const index = loadCorpus(dir);
    const t = terms("managers");
    const hits = searchPassages(index, t, { limit: 5 });
    const order = hits.map((h) => index.passages[h.passage]!.text);
    const manages = order.findIndex((t) => t.startsWith("The unit manages"));
    expect(order[0]).toMatch(/^Managers were told/);
    expect(manages).toBeGreaterThan(0); // found by its stem, ranked after the word itself
    expect(isRelevant(hits[0], t)).toBe(true);
    expect(isRelevant(searchPassages(seeds, terms("zebra crossings"), { limit: 5 })[0], terms("zebra crossings"))).toBe(
      false,
    );
  });
});

describe("what a figure question says of its figure", () => {
  it("a number the question gives is never its answer", () => {
    const p = passage("Of the 60 cases where it was relevant, assessments considered it in just 23 cases.");
    const asked = figureAsked("how many of the 60 relevant cases considered it?");
    expect(asked.given).toEqual([60]);
    expect(bestQuantity(p, terms("relevant cases considered"), asked)?.quantity.value).toBe(23);
    expect(bestQuantity(p, terms("relevant cases considered"))?.quantity.value).toBe(60);
  });

  it('"how much did they spend" is answered by a sum of money only', () => {
    const p = passage("Thirty-eight staff were employed, at a cost of £2.1m.");
    const asked = figureAsked("how much did the unit spend on staff?");
    expect(asked.kinds).toEqual(["money"]);
    expect(bestQuantity(p, terms("spend staff"), asked)).toBeUndefined();
    expect(figureAsked("how much progress was made?").kinds).toBeUndefined();
  });

  it("a caseload is a number of people, not a share of cases; a figure per officer needs a passage that gives one", () => {
    const share = passage("We found only 16 out of 43 cases supervised by probation officers were sufficient.");
    expect(bestQuantity(share, terms("caseload"))).toBeUndefined();
    const total = passage("The unit supervises 1,400 people on probation.");
    expect(bestQuantity(total, terms("caseload"))?.quantity.value).toBe(1400);
    expect(bestQuantity(total, terms("caseload"), figureAsked("average caseload of an officer"))).toBeUndefined();
    const each = passage("Each probation officer supervises 41 people on average.");
    expect(bestQuantity(each, terms("caseload"), figureAsked("average caseload of an officer"))?.quantity.value).toBe(
      41,
    );
  });
});

describe("two numbers of the same thing in one sentence", () => {
  it("the one whose own clause holds the question's word wins", () => {
    const p = passage(
      "The unit had a caseload of 1,364 people on community sentences and 939 people who were being supervised on licence.",
    );
    expect(bestQuantity(p, terms("caseload licence"))?.quantity.value).toBe(939);
    expect(bestQuantity(p, terms("caseload community sentences"))?.quantity.value).toBe(1364);
  });
});
