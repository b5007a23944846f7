import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldForMatch } from "../src/text/normalize.js";
import { ask, seeds } from "./support/engine.js";

// Over a hundred questions of every kind: whatever the answer, its quotes stand in their documents
// and every number it states is in one of them.
const QUESTIONS = readFileSync(join(import.meta.dirname, "fixtures/questions.txt"), "utf8")
  .trim()
  .split("\n");
const numbersIn = (text: string) =>
  (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/,/g, "").replace(/\.$/, ""));
const folded = new Map<string, string>();
const documentText = (id: string) => {
  if (!folded.has(id)) folded.set(id, foldForMatch(readFileSync(join(import.meta.dirname, "../seeds", id), "utf8")));
  return folded.get(id)!;
};

describe.each(QUESTIONS)("%s", (question) => {
  it("quotes verbatim and states no number it does not quote", () => {
    const answer = ask(seeds, question);
    for (const c of answer.citations) {
      for (const piece of c.quote.split(/ … | \| /)) expect(documentText(c.doc)).toContain(foldForMatch(piece));
    }
    if (answer.citations.length === 0) return;
    const quoted = new Set(answer.citations.flatMap((c) => numbersIn(c.quote)));
    const lead = answer.text
      .split("\n")
      // The quotes, and the count of what a list leaves out (the answer's own count, not a figure it states).
      .filter((l) => !l.startsWith(">") && l !== `_${answer.more}_`)
      .join("\n");
    for (const n of numbersIn(lead)) expect(quoted, `${n} in ${lead}`).toContain(n);
  });
});
