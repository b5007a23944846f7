// Recommendations ("X should: 1. …") and the table of progress on previous recommendations.
import type { ProgressFact, RecommendationFact } from "../types.js";
import { rowQuote, type Block } from "./blocks.js";

const CATEGORY = /^(?:sufficient progress|some progress|no progress|not known|n\/a|not applicable)$/i;

/** `unitOfAudience` names the unit a recommendation is for ("The Probation Service – Wessex region should:"). */
export function recommendations(
  blocks: Block[],
  docId: string,
  unitKey: string,
  inspectionDate?: string,
  unitOfAudience: (audience: string) => string | undefined = () => undefined,
): RecommendationFact[] {
  const facts: RecommendationFact[] = [];
  let audience: string | undefined;
  for (const b of blocks) {
    if (!b.section || !/^recommendations?\b/i.test(b.section) || b.kind === "heading") continue;
    const should = b.text.match(/^(.+?)\s+(?:should|must|is recommended to)\s*:$/i);
    if (should) {
      audience = should[1]!;
      continue;
    }
    const item = b.text.match(/^(\d{1,2})[.)]\s+(.+)$/);
    if (!audience || !item) continue;
    facts.push({
      type: "recommendation",
      number: Number(item[1]),
      audience,
      text: item[2]!,
      unitKey: unitOfAudience(audience) ?? unitKey,
      docId,
      quote: item[2]!,
      section: b.section,
      inspectionDate,
    });
  }
  return facts;
}

export function progressOnPrevious(
  blocks: Block[],
  docId: string,
  unitKey: string,
  inspectionDate?: string,
): ProgressFact[] {
  const facts: ProgressFact[] = [];
  for (const b of blocks) {
    if (b.kind !== "row") continue;
    const cells = b.text.split("\t").map((c) => c.trim());
    const category = cells.findIndex((c, i) => i >= 2 && CATEGORY.test(c));
    if (category < 2) continue;
    facts.push({
      type: "progress",
      recommendation: cells[0]!,
      action: cells[1]!,
      categorisation: cells[category]!,
      unitKey,
      docId,
      quote: rowQuote(b, cells.slice(0, category + 1)),
      section: b.section,
      inspectionDate,
    });
  }
  return facts;
}
