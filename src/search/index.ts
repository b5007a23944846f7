import type { ParsedDocument, Unit } from "../types.js";
export interface CorpusIndex {
  documents: ParsedDocument[];
  units: Unit[];
}
// placeholder: replaced by the real index
export function buildIndex(documents: ParsedDocument[]): CorpusIndex {
  return { documents, units: documents.flatMap((d) => d.units) };
}
