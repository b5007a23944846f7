// Sentences that hold figures: counts, percentages, "x of y", money.
import { NUMBER_WORDS } from "./ratings.js";

const NUMBER_WORD = `(?:${Object.keys(NUMBER_WORDS).join("|")})(?:[- ](?:one|two|three|four|five|six|seven|eight|nine))?`;
const FIGURE = new RegExp(
  [
    `£\\s?\\d[\\d,.]*\\s?(?:m|bn|k|million|billion)?`,
    `\\b\\d[\\d,.]*\\s?(?:%|per ?cent)`,
    `\\b${NUMBER_WORD}\\s+per ?cent`,
    `\\b(?:\\d[\\d,]*|${NUMBER_WORD})\\s+(?:out\\s+)?of\\s+(?:the\\s+)?(?:a\\s+possible\\s+)?\\d[\\d,]*`,
    `\\b\\d[\\d,]*(?:\\.\\d+)?\\b`,
    `\\b(?!one\\b)${NUMBER_WORD}\\b(?=\\s+\\p{L})`,
  ].join("|"),
  "giu",
);

/** Figures a sentence states, as written; years, dates, section numbers and footnotes left out. */
export function figuresIn(sentence: string): string[] {
  const out: string[] = [];
  sentence = sentence.replace(/^\d{1,2}[.)]\s/, "   ");
  for (const m of sentence.matchAll(FIGURE)) {
    const f = m[0].trim();
    const at = m.index!;
    if (/^(?:19|20)\d{2}$/.test(f)) continue; // a year
    if (/^\d+$/.test(f) && /(?:January|February|March|April|May|June|July|August|September|October|November|December)/i.test(sentence.slice(at, at + f.length + 12))) continue;
    if (/^\d\.\d/.test(f) || /\bP\s*$/.test(sentence.slice(Math.max(0, at - 2), at))) continue; // "P 2.2"
    if (/^(?:one|a)$/i.test(f)) continue;
    if (/^0\d/.test(f) || /\d-$|^-\d/.test(sentence.slice(Math.max(0, at - 1), at + 1))) continue; // phone numbers, codes
    out.push(f);
  }
  return out;
}
