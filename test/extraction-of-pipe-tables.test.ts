import { describe, expect, it } from "vitest";
import { indexDocuments } from "../src/search/load.js";
import { inferMeta } from "../src/corpus/metadata.js";
import { answerQuestion } from "../src/engine.js";
import { foldForMatch, isVerbatim } from "../src/text/normalize.js";

// The same kind of report, exported with Markdown pipe tables instead of tab-separated lines.
const REPORT = `# HM Inspectorate of Probation

An inspection of probation services in:

**Harrowfield PDU**

HM Inspectorate of Probation, April 2025

## Ratings

| Harrowfield PDU | |
|---|---|
| Fieldwork started | January 2025 |
| Score | **10/21** |
| Overall rating | **Requires improvement** |
| P 1.1 Leadership | Good |
| P 2.2 Planning | Inadequate |

## P 2.2. Planning

| Key question | Percentage 'Yes' |
|---|---|
| Does planning focus sufficiently on engaging the person on probation? | 62% |
| **Does planning focus sufficiently on keeping other people safe?** | **37%** |
`;

const text = REPORT;
const index = indexDocuments([{ meta: inferMeta("harrowfield.md", text, {}, new Date(0)), text }]);

describe("a report with Markdown pipe tables", () => {
  it("gives its ratings, score and key questions", () => {
    const rating = answerQuestion(index, "Harrowfield rating").answer;
    expect(rating.text).toMatch(/\*Requires improvement\* overall, score \*10\/21\*/);
    const planning = answerQuestion(index, "Harrowfield planning rating").answer;
    expect(planning.text).toContain("Planning: *Inadequate*");
    expect(planning.text).toContain("37%");
  });

  it("quotes table rows with their cell separators, verbatim", () => {
    const answer = answerQuestion(index, "harrowfield planning keeping other people safe").answer;
    expect(answer.citations[0]!.quote).toBe("Does planning focus sufficiently on keeping other people safe? | 37%");
    for (const c of answer.citations) expect(isVerbatim(c.quote, foldForMatch(text))).toBe(true);
  });
});
