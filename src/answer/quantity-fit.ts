// How well a passage's quantities answer a figure question: a number that counts what was asked about
// ("1,852 people" for "caseload", "13 out of 50 cases" for "how many cases") fits; a number beside it does not.
import type { Passage, Quantity } from "../types.js";
import { TUNING } from "../tuning.js";
import { readingWords } from "../corpus/reading-words.js";
import { stem, words } from "../text/tokens.js";
import type { QueryTerm } from "./question.js";
import { phraseMatcher, queryWords } from "./phrases.js";

const asksHowMuch = (question: string) => /\bhow much\b/i.test(question);
const moneyWords = phraseMatcher(queryWords.money);
const perUnitWords = phraseMatcher(queryWords.perUnit);
/** "Per officer", "on average", "each": a figure per person or unit ("per cent" is no such thing). */
const givesPerUnit = (text: string) => perUnitWords(text.replace(/\bper\s+cent\b/gi, "")).length > 0;

const {
  ownWord: FIT_OWN_WORD,
  ownWordNear: FIT_OWN_WORD_NEAR,
  synonym: FIT_SYNONYM,
  nearWords: NEAR_WORDS,
  tieBreakPerWord: TIE_BREAK_PER_WORD,
  clauseWords: CLAUSE_WORDS,
} = TUNING.figures;
export const FIT_MEASURE = TUNING.figures.measure;

const stems = (list: string[]) => new Set(list.flatMap((w) => words(w)).map(stem));
const MEASURES = Object.entries(readingWords.measures).map(([name, m]) => ({
  word: name,
  name: stem(name),
  counts: stems(m.counts),
  cues: stems(m.cues),
}));

/** The measures a question's own words name ("caseload", "staff"). */
export function measuresOf(terms: QueryTerm[]) {
  const own = new Set(terms.filter((t) => t.group >= 0 && t.cover >= 1).map((t) => t.term));
  return MEASURES.filter((m) => own.has(m.name));
}

/** How well one quantity of a passage counts what was asked; ties go to the one with more of the topic's own words about it. */
function fitOf(
  passage: Passage,
  q: Quantity,
  own: Set<string>,
  synonyms: Set<string>,
  measures: ReturnType<typeof measuresOf>,
  /** The passage's word stems, worked out when first needed (a measure's count word in the quantity). */
  passageStems: () => Set<string>,
): number {
  if (!q.counts) return 0;
  const counted = words(q.counts).map(stem);
  const at = passage.text.indexOf(q.text);
  const after =
    at >= 0
      ? words(passage.text.slice(at + q.text.length))
          .slice(0, NEAR_WORDS)
          .map(stem)
      : [];
  // Ties go to the quantity whose own clause (up to the next quantity) holds more of the question's words.
  const nextAt = Math.min(
    ...passage.quantities.map((o) => passage.text.indexOf(o.text)).filter((i) => i > at),
    passage.text.length,
  );
  const clause =
    at >= 0
      ? words(passage.text.slice(at + q.text.length, nextAt))
          .slice(0, CLAUSE_WORDS)
          .map(stem)
      : [];
  const near = new Set([...counted, ...after].filter((w) => own.has(w)));
  const ownAround = near.size + 0.5 * new Set(clause.filter((w) => own.has(w) && !near.has(w))).size;
  // A measure ("caseload", "staff") is a number of things: a share of them ("16 out of 43 cases") is no caseload.
  const isAmount = q.kind !== "percent" && q.kind !== "ratio";
  const ofMeasure =
    isAmount &&
    measures.some((m) => counted.some((w) => m.counts.has(w)) && [...m.cues].some((c) => passageStems().has(c)));
  let fit = 0;
  if (counted.some((w) => own.has(w))) fit = FIT_OWN_WORD;
  else if (after.some((w) => own.has(w))) fit = FIT_OWN_WORD_NEAR;
  else if (ofMeasure) fit = FIT_MEASURE;
  else if (isAmount && counted.some((w) => synonyms.has(w))) fit = FIT_SYNONYM;
  // A measure asked for ("caseload … on licence"): a number of what it counts ("939 people on licence") beats a
  // number of something else that only stands near the question's word ("26 releases on licence").
  if (measures.length && fit === FIT_OWN_WORD_NEAR) fit = ofMeasure ? FIT_OWN_WORD : FIT_SYNONYM;
  return fit > 0 ? fit + TIE_BREAK_PER_WORD * ownAround : 0;
}

/** The passage's quantity that best counts what was asked, with its fit; undefined when none does. */
/** What else a figure question says of the figure: numbers it gives itself (never the answer), the kinds that answer it. */
export interface FigureAsked {
  /** "How many of the 60 cases …": 60 is given, not asked. */
  given?: number[];
  /** "How much did they spend": only money answers. */
  kinds?: Quantity["kind"][];
  /** "The average caseload of an officer": only a passage that gives a figure per person answers, not a total. */
  perUnit?: boolean;
}

export function bestQuantity(
  passage: Passage,
  terms: QueryTerm[],
  asked: FigureAsked = {},
): { quantity: Quantity; fit: number } | undefined {
  if (passage.quantities.length === 0) return undefined;
  if (asked.perUnit && !givesPerUnit(passage.text)) return undefined;
  const own = new Set(terms.filter((t) => t.group >= 0 && t.cover >= 1).map((t) => t.term));
  const synonyms = new Set(terms.filter((t) => t.group >= 0 && t.cover < 1).map((t) => t.term));
  const measures = measuresOf(terms);
  let stemsOfPassage: Set<string> | undefined;
  const passageStems = () => (stemsOfPassage ??= new Set(words(passage.text).map(stem)));
  let best: { quantity: Quantity; fit: number } | undefined;
  for (const quantity of passage.quantities) {
    if (asked.given?.includes(quantity.value) || (asked.kinds && !asked.kinds.includes(quantity.kind))) continue;
    const fit = fitOf(passage, quantity, own, synonyms, measures, passageStems);
    if (fit > 0 && (!best || fit > best.fit)) best = { quantity, fit };
  }
  return best;
}

export function quantityFit(passage: Passage, terms: QueryTerm[], asked: FigureAsked = {}): number {
  return Math.floor((bestQuantity(passage, terms, asked)?.fit ?? 0) * 10) / 10;
}

/** What a question says of the figure it asks for: the numbers it gives, and money when it asks "how much" of spending. */
export function figureAsked(question: string): FigureAsked {
  const given = [...question.matchAll(/\d[\d,]*(?:\.\d+)?/g)].map((m) => Number(m[0].replace(/,/g, "")));
  const money = asksHowMuch(question) && moneyWords(question).length > 0;
  const perUnit = givesPerUnit(question);
  return {
    ...(given.length ? { given } : {}),
    ...(money ? { kinds: ["money"] } : {}),
    ...(perUnit ? { perUnit } : {}),
  };
}
