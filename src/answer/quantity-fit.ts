// How well a passage's quantities answer a figure question: a number that counts what was asked about
// ("1,852 people" for "caseload", "13 out of 50 cases" for "how many cases") fits; a number beside it does not.
import type { Passage } from "../types.js";
import { readingWords } from "../corpus/reading-words.js";
import { stem, words } from "../text/tokens.js";
import type { QueryTerm } from "./question.js";

/** Fit of a quantity that counts the topic's own word ("how many cases" → "50 cases"). */
export const FIT_OWN_WORD = 1;
/** Fit of a quantity followed closely by the topic's own word ("417 people in prison" for "how many … in prison"). */
export const FIT_OWN_WORD_NEAR = 0.9;
/** How many words after a quantity may still say what it is about. */
const NEAR_WORDS = 4;
/** Fit of a quantity that counts what a measure asked about counts, in a sentence about that measure ("caseload" → "monitors 1,852 people"). */
export const FIT_MEASURE = 0.8;
/** Fit of a quantity that counts a synonym of the topic's word. */
export const FIT_SYNONYM = 0.6;

const stems = (list: string[]) => new Set(list.flatMap((w) => words(w)).map(stem));
const MEASURES = Object.entries(readingWords.measures).map(([name, m]) => ({ name: stem(name), counts: stems(m.counts), cues: stems(m.cues) }));

/** The measures a question's own words name ("caseload", "staff"). */
export function measuresOf(terms: QueryTerm[]) {
  const own = new Set(terms.filter((t) => t.group >= 0 && t.cover >= 1).map((t) => t.term));
  return MEASURES.filter((m) => own.has(m.name));
}

export function quantityFit(passage: Passage, terms: QueryTerm[]): number {
  if (passage.quantities.length === 0) return 0;
  const own = new Set(terms.filter((t) => t.group >= 0 && t.cover >= 1).map((t) => t.term));
  const synonyms = new Set(terms.filter((t) => t.group >= 0 && t.cover < 1).map((t) => t.term));
  const measures = measuresOf(terms);
  const passageStems = measures.length ? new Set(words(passage.text).map(stem)) : undefined;
  let best = 0;
  for (const q of passage.quantities) {
    if (!q.counts) continue;
    const counted = words(q.counts).map(stem);
    if (counted.some((w) => own.has(w))) return FIT_OWN_WORD;
    const at = passage.text.indexOf(q.text);
    const after = at >= 0 ? words(passage.text.slice(at + q.text.length)).slice(0, NEAR_WORDS).map(stem) : [];
    if (after.some((w) => own.has(w))) best = Math.max(best, FIT_OWN_WORD_NEAR);
    if (measures.some((m) => counted.some((w) => m.counts.has(w)) && [...m.cues].some((c) => passageStems!.has(c)))) best = Math.max(best, FIT_MEASURE);
    if (counted.some((w) => synonyms.has(w))) best = Math.max(best, FIT_SYNONYM);
  }
  return best;
}
