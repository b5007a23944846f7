// Key-question tables: "Does planning focus sufficiently on …?<tab>54%", the bold row driving the rating.
import type { KeyQuestionFact } from "../types.js";
import { rowQuote, type Block } from "./blocks.js";
import { standardOfLabel } from "./vocab-match.js";

export function keyQuestions(
  blocks: Block[],
  docId: string,
  unitKey: string,
  inspectionDate?: string,
): KeyQuestionFact[] {
  const facts: KeyQuestionFact[] = [];
  for (const b of blocks) {
    if (b.kind !== "row") continue;
    const cells = b.text.split("\t").map((c) => c.trim());
    const question = cells.find((c) => c.endsWith("?"));
    const pctIndex = cells.findIndex((c) => /^\d{1,3}(?:\.\d+)?\s*%$/.test(c));
    if (!question || pctIndex < 0) continue;
    const standard =
      (b.section && standardOfLabel(b.section.replace(/^(?:P\s*)?\d\.\d\.?\s*/, ""))) ?? standardOfLabel(question);
    if (!standard) continue;
    facts.push({
      type: "key-question",
      standard,
      question,
      percentYes: Number.parseFloat(cells[pctIndex]!),
      drivesRating: b.boldCells[pctIndex] ?? false,
      unitKey,
      docId,
      quote: rowQuote(b),
      section: b.section,
      inspectionDate,
    });
  }
  // Where no row is bold, the lowest score drives the rating.
  for (const standard of new Set(facts.map((f) => f.standard))) {
    const rows = facts.filter((f) => f.standard === standard);
    if (!rows.some((r) => r.drivesRating))
      rows.reduce((a, b) => (b.percentYes < a.percentYes ? b : a)).drivesRating = true;
  }
  return facts;
}
