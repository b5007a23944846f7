// Which inspection a sentence belongs to: the document's own, unless the sentence places itself earlier
// ("was previously rated 'Inadequate' in 2022", "at the last inspection"). "Since 2022" speaks of now.
import type { Period } from "../types.js";
import { phraseMatcher, readingWords } from "./reading-words.js";

const PREVIOUS = phraseMatcher(readingWords.previousPeriodCues, "iu");
const SINCE = phraseMatcher(readingWords.sincePeriodCues, "iu");
const YEAR = /(?<!\d)(?:19|20)\d{2}(?!\d)/g;

/** Years a text names that are not "since YEAR" (a since-year measures from then to now). */
function placingYears(text: string): string[] {
  const out: string[] = [];
  for (const m of text.matchAll(YEAR)) {
    const before = text.slice(Math.max(0, m.index! - 30), m.index!);
    if (SINCE.test(before.split(/[,;]/).at(-1) ?? "")) continue;
    out.push(m[0]);
  }
  return out;
}

/**
 * `documentYear` is the year of the document's own inspection, when known: a sentence pinned to an earlier
 * year is about an earlier inspection; one pinned to that year or later is about the document's own.
 */
export function periodOf(sentence: string, documentYear?: number): Period {
  const years = [...new Set(placingYears(sentence))];
  const earlier = documentYear ? years.filter((y) => Number(y) < documentYear) : years;
  const cue = sentence.match(PREVIOUS);
  // "Since the previous inspection" measures from then to now: the sentence is about now.
  const measuresFromThen = cue && SINCE.test(sentence.slice(Math.max(0, cue.index! - 12), cue.index!));
  if (measuresFromThen) return { relation: "current" };
  if (cue) {
    return earlier.length === 1 ? { relation: "previous", year: earlier[0] } : { relation: "previous" };
  }
  if (documentYear && earlier.length === 1 && years.length === 1) return { relation: "previous", year: earlier[0] };
  return { relation: "current" };
}
