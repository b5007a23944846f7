import type { ParsedDocument, RawDocument } from "../types.js";
// placeholder: replaced by the real parser
export function parseDocument(raw: RawDocument): ParsedDocument {
  return { meta: raw.meta, text: raw.text, units: [], facts: [], passages: [], warnings: [] };
}
