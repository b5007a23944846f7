// A finding is quoted with the rest of its paragraph or list item when that is short: the sentence that matches
// the question is often followed by the one that says what was wrong. A heading's own numbering is no statement.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion, loadCorpus } from "../src/engine.js";
import { citePassage } from "../src/answer/cite.js";
import { tempDir } from "./support/temp.js";

const dir = tempDir("paragraphs-");
writeFileSync(
  join(dir, "report.txt"),
  [
    "An inspection of probation services in: Quillmere PDU",
    "HM Inspectorate of Probation",
    "",
    "Quillmere Probation Delivery Unit was rated 'Requires improvement' overall.",
    "",
    "Work to keep victims safe was too often left undone, and managers rarely checked it. As a result, the unit could not be rated higher than it was. Inspectors nonetheless met a committed staff group in every office they visited, from the largest to the smallest, and heard from many of them about the pressures of high caseloads, of covering for colleagues on long-term sickness absence, and of inducting a large number of newly qualified officers at the same time as the unit moved its main office across the town centre.",
    "",
    "P 1.2 Staffing",
    "",
    "- The satellite office in Dunwold was not fit for purpose. Rooms were too small to see people privately and the heating had failed all winter.",
    "- Managers in Quillmere held regular team meetings, which staff valued.",
    "",
    "The Dunwold office is one of four. Its lease ends next year. Staff said they would welcome a move to larger premises in the town centre, where other services are based, so that people on probation could be seen at one site rather than several, which several of them described as the main obstacle to regular and meaningful contact with the people they supervise, and which the regional leadership had so far not addressed in its estates plan for the coming years despite repeated requests from the unit's managers and its staff.",
  ].join("\n"),
);
const index = loadCorpus(dir);

describe("quotes of findings", () => {
  it("carry the sentence that follows in the same list item when the item is short", () => {
    const { answer } = answerQuestion(index, "problems at the dunwold office in quillmere");
    expect(answer.answered).toBe(true);
    const quote = answer.citations.map((c) => c.quote).find((q) => q.includes("not fit for purpose"));
    expect(quote).toContain("the heating had failed all winter");
  });

  it("stop at the passage itself when the rest of the paragraph is long", () => {
    const at = index.passages.findIndex((p) => p.text === "The Dunwold office is one of four.");
    expect(at).toBeGreaterThan(0);
    expect(index.passages[at + 1]!.continues).toBe(true);
    expect(citePassage(index, at)?.quote).toBe("The Dunwold office is one of four.");
  });

  it("give a sentence that points back ('As a result, …') with the sentence it points to", () => {
    const at = index.passages.findIndex((p) => p.text.startsWith("As a result"));
    expect(citePassage(index, at)?.quote).toBe(
      "Work to keep victims safe was too often left undone, and managers rarely checked it. As a result, the unit could not be rated higher than it was.",
    );
  });

  it("never quote a numbered heading as a statement", () => {
    expect(index.passages.map((p) => p.text)).not.toContain("P 1.2 Staffing");
    expect(index.passages.some((p) => p.text.startsWith("- The satellite") || p.text.startsWith("The satellite"))).toBe(
      true,
    );
  });
});
