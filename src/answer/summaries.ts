import type { Citation, UnitSummary } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
/** A finding worth a "finding of the day": a verbatim quote with its source. `id` is stable across restarts. */
export interface Finding {
  id: string;
  unitKey?: string;
  citation: Citation;
}
// placeholders: replaced by the real summaries
export function summarizeUnits(index: CorpusIndex): UnitSummary[] {
  return [];
}
export function listFindings(index: CorpusIndex): Finding[] {
  return [];
}
