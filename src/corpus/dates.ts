// When an inspection took place, as a document tells it.
import { monthNumber } from "./metadata.js";
import type { DocumentMeta } from "../types.js";

const MONTH = "(January|February|March|April|May|June|July|August|September|October|November|December)";
const pad = (n: number) => String(n).padStart(2, "0");

/**
 * "2025-03" from "Fieldwork started March 2025"; for an article, the month it names with the year of publication,
 * else the month of publication (`fromPublication`).
 */
export function inspectionDateOf(text: string, meta: DocumentMeta): { date?: string; fromPublication?: boolean } {
  const date = explicitInspectionDate(text, meta);
  if (date || meta.kind === "inspection report") return { date: date ?? meta.date };
  const published = meta.date?.match(/^\d{4}-\d{2}/)?.[0];
  return published ? { date: published, fromPublication: true } : {};
}

function explicitInspectionDate(text: string, meta: DocumentMeta): string | undefined {
  const fieldwork = text.match(new RegExp(`(?:fieldwork started|beginning(?: \\d{1,2})?|inspected (?:in|during))\\s+${MONTH}\\s+(\\d{4})`, "i"));
  if (fieldwork) return `${fieldwork[2]}-${pad(monthNumber(fieldwork[1]!)!)}`;
  const published = meta.date?.match(/^(\d{4})(?:-(\d{2}))?/);
  const inspected = text.match(new RegExp(`(?:inspect\\w*|fieldwork)\\b[^.]{0,80}?\\bin ${MONTH}(?: (\\d{4}))?`));
  if (inspected) {
    const month = monthNumber(inspected[1]!)!;
    if (inspected[2]) return `${inspected[2]}-${pad(month)}`;
    if (published) {
      const pubYear = Number(published[1]);
      const pubMonth = published[2] ? Number(published[2]) : 12;
      return `${month > pubMonth ? pubYear - 1 : pubYear}-${pad(month)}`;
    }
  }
  return undefined;
}

/** A year a sentence pins its fact to ("since the 2022 inspection"), when it differs from the document's. */
export function yearOfSentence(sentence: string): string | undefined {
  const years = sentence.match(/\b(?:19|20)\d{2}\b/g);
  return years && years.length === 1 ? years[0] : undefined;
}
