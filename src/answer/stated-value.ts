// The value a question asks for, as a quoted passage states it: a date for "when", a name for "who", the names for
// "which"/"where", a figure for "how many". The answer states it first; the quote holds it.
import type { Passage, StatedFact } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { MONTH_NAMES } from "../text/calendar.js";
import { isStopword, stem, words } from "../text/tokens.js";
import { vocabulary } from "../vocabulary.js";
import { bestQuantity, FIT_MEASURE, figureAsked } from "./quantity-fit.js";
import { phraseMatcher, queryWords } from "./phrases.js";
import type { Query } from "./question.js";
import { TUNING } from "../tuning.js";
import { ITEMS_PER_STEP, perIndex } from "./per-index.js";

export interface StatedValue {
  text: string;
  kind: StatedFact["kind"];
  /** Read from whom the document gives the passage to (a signature, "X said"), not from the passage's own words. */
  bySpeaker?: true;
}

const DATE_PHRASE = new RegExp(
  `\\b(?:\\d{1,2}\\s+)?(?:${MONTH_NAMES.join("|")})(?:\\s+(?:and|to|-|–)\\s+(?:${MONTH_NAMES.join("|")}))?(?:\\s+\\d{4})?\\b|\\b(?:19|20)\\d{2}\\b`,
  "g",
);

/** Words that never make a name on their own: the months, probation's own words, words that follow a unit's name. */
const NOT_NAME_WORDS = new Set(
  [
    ...MONTH_NAMES,
    ...Object.values(vocabulary.standards).flat(),
    ...Object.values(vocabulary.ratings).flat(),
    ...queryWords.unitWords,
    ...vocabulary.speakerRoles,
    ...vocabulary.synonyms.flat(),
    ...queryWords.domainTopics,
  ]
    .flatMap((w) => words(w))
    .map((w) => w.toLowerCase()),
);
/**
 * Small words that may stand inside a name ("Department for Work", "Isle of Dogs"). Not "and": in "Melton and Market
 * Harborough" it joins two names.
 */
const NAME_JOINERS = new Set(["of", "for", "the", "de", "&"]);

interface Token {
  word: string;
  start: number;
  end: number;
  opensSentence: boolean;
}

function tokensOf(text: string): Token[] {
  return [...text.matchAll(/[\p{L}\d][\p{L}\d'’&.-]*/gu)].map((m) => {
    const before = text.slice(0, m.index).trimEnd();
    const word = m[0].replace(/['’]s$/, "").replace(/[.'’-]+$/, "");
    return {
      word,
      start: m.index!,
      end: m.index! + word.length,
      opensSentence: before === "" || /[.!?:;"“‘(•-]$/.test(before),
    };
  });
}

const capitalised = (w: string) => /^\p{Lu}/u.test(w);

const isInitialsOf = (word: string, before: Token[]) =>
  /^\p{Lu}{2,}$/u.test(word) &&
  before.length === word.length &&
  before.map((t) => t.word[0]!.toUpperCase()).join("") === word;

/** Every unit's name and aliases, lower case, joined by NUL (worked out once per index, not for every passage). */
const unitNamesOf = perIndex(function* (index) {
  const all = new Set<string>();
  for (let i = 0; i < index.units.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    for (const name of [index.units[i]!.name, ...index.units[i]!.aliases]) all.add(name.toLowerCase());
  }
  return [...all].join("\u0000");
});

/**
 * The names a passage states: runs of capitalised words that are not the question's own words, the names of units,
 * months or probation's own vocabulary. A capital that only opens a sentence counts when the run goes on, or when
 * the documents write that word capitalised elsewhere.
 */
export function namesIn(
  passage: string,
  query: Query,
  index: CorpusIndex,
): { name: string; start: number; end: number }[] {
  const asked = new Set(words(query.text).map((w) => w.toLowerCase()));
  const unitNames = unitNamesOf(index);
  const tokens = tokensOf(passage);
  const out: { name: string; start: number; end: number }[] = [];
  for (let i = 0; i < tokens.length; ) {
    if (!capitalised(tokens[i]!.word)) {
      i++;
      continue;
    }
    let j = i + 1;
    // A name runs on over capitalised words with nothing but a space between them.
    const joined = (k: number) => /^\s+$/.test(passage.slice(tokens[k - 1]!.end, tokens[k]!.start));
    while (
      j < tokens.length &&
      joined(j) &&
      (capitalised(tokens[j]!.word) ||
        (NAME_JOINERS.has(tokens[j]!.word.toLowerCase()) && capitalised(tokens[j + 1]?.word ?? "") && joined(j + 1)))
    )
      j++;
    // A title the question asks with ("HM Inspector Wendy Martin") is not the answer; a name that ends in the
    // question's own word ("Commissioned Rehabilitative Services") is what it asks about, not who.
    let run = tokens.slice(i, j);
    const strip = (t: Token) => asked.has(t.word.toLowerCase()) || NAME_JOINERS.has(t.word.toLowerCase());
    while (run.length && strip(run[0]!)) run = run.slice(1);
    if (run.length && asked.has(run[run.length - 1]!.word.toLowerCase())) run = [];
    // "Commissioned Rehabilitative Services (CRS)": the initials name what the words before them name.
    if (run.length === 1 && isInitialsOf(run[0]!.word, tokens.slice(Math.max(0, i - run[0]!.word.length), i))) run = [];
    const first = run[0];
    const soleOpener = run.length === 1 && first?.opensSentence && !index.properNouns.has(first.word.toLowerCase());
    const name = first ? passage.slice(first.start, run[run.length - 1]!.end).replace(/[.,;:]+$/, "") : "";
    const lower = name.toLowerCase();
    const ordinary = run.every(
      (t) => NOT_NAME_WORDS.has(t.word.toLowerCase()) || isStopword(t.word.toLowerCase()) || /^\d/.test(t.word),
    );
    // Part of (or all of) a unit's name or alias: one search of them all, joined by a character no text holds.
    const ofUnit = unitNames.length > 0 && unitNames.includes(lower);
    if (first && !soleOpener && !ordinary && !ofUnit && !out.some((o) => o.name === name))
      out.push({ name, start: first.start, end: first.start + name.length });
    i = j;
  }
  return out;
}

/**
 * Of several candidates, the one the question's topic words stand around ("provided by Shelter North for
 * accommodation support"): the most topic words within a few words of it, then the nearest, then the first.
 */
function nearest<T extends { start: number; end: number }>(
  candidates: T[],
  passage: string,
  query: Query,
): T | undefined {
  if (candidates.length <= 1) return candidates[0];
  const topic = new Set(query.terms.filter((t) => t.group >= 0).map((t) => t.term));
  const tokens = tokensOf(passage);
  const at = tokens.flatMap((t, i) =>
    topic.has(stem(t.word.toLowerCase())) ? [{ i, term: stem(t.word.toLowerCase()) }] : [],
  );
  if (at.length === 0) return candidates[0];
  const rank = (c: T) => {
    const first = tokens.findIndex((t) => t.end > c.start);
    const last = tokens.reduce((found, t, i) => (t.start < c.end ? i : found), first);
    const gaps = at.map((a) => ({ term: a.term, gap: a.i < first ? first - a.i : a.i > last ? a.i - last : 0 }));
    const near = new Set(gaps.filter((g) => g.gap <= TUNING.answers.nameWindow).map((g) => g.term)).size;
    return { near, gap: Math.min(...gaps.map((g) => g.gap)) };
  };
  const ranked = candidates.map((c) => ({ c, ...rank(c) }));
  return ranked.sort((a, b) => b.near - a.near || a.gap - b.gap || a.c.start - b.c.start)[0]!.c;
}

/** The dates a passage gives that the question did not give itself. */
function datesIn(passage: string, query: Query): { text: string; start: number; end: number }[] {
  const asked = query.text.toLowerCase();
  return [...passage.matchAll(DATE_PHRASE)]
    .map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length }))
    .filter((d) => !asked.includes(d.text.toLowerCase()));
}

const causeMarkers = phraseMatcher(queryWords.reasons.causeMarkers);
/** The causes a passage gives: the words after each cause marker, up to the end of the clause. */
function causesIn(passage: string): { text: string; start: number; end: number }[] {
  return causeMarkers(passage).flatMap((m) => {
    const rest = passage.slice(m.end).match(/^\s+([^,.;:()]{3,120})/);
    if (!rest) return [];
    const start = m.end + rest[0].length - rest[1]!.length;
    return [{ text: rest[1]!.trim(), start, end: start + rest[1]!.trim().length }];
  });
}

/** A passage's speaker by name ("Martin Jones CBE, HM Chief Inspector" → "Martin Jones CBE"). */
const speakerName = (p: Passage) => p.speaker?.split(",")[0]?.trim();

/** The value the question's answer type asks for, as the passages (best first) state it; undefined when they don't. */
export function statedValue(passages: Passage[], query: Query, index: CorpusIndex): StatedValue | undefined {
  const best = passages[0];
  if (!best || !query.answerTypeCued) return undefined;
  switch (query.answerType) {
    case "date": {
      const date = nearest(datesIn(best.text, query), best.text, query);
      return date ? { text: date.text, kind: "date" } : undefined;
    }
    case "person": {
      // A name the passage states beside the question's words; else who is speaking in it.
      const name = nearest(namesIn(best.text, query, index), best.text, query)?.name;
      if (name) return { text: name, kind: "person" };
      const speaker = speakerName(best);
      return speaker ? { text: speaker, kind: "person", bySpeaker: true } : undefined;
    }
    case "list": {
      const names = [
        ...new Set(
          passages
            .slice(0, TUNING.answers.namesFromQuotes)
            .flatMap((p) => namesIn(p.text, query, index).map((n) => n.name)),
        ),
      ];
      return names.length ? { text: names.slice(0, TUNING.answers.namesStated).join(", "), kind: "name" } : undefined;
    }
    case "reason": {
      // "What caused the staffing gaps?": what follows "due to", "because of" in the quote, to the clause's end.
      const cause = nearest(causesIn(best.text), best.text, query);
      return cause ? { text: cause.text, kind: "cause" } : undefined;
    }
    case "quantity": {
      const figure = bestQuantity(best, query.terms, figureAsked(query.text));
      return figure && figure.fit >= FIT_MEASURE ? { text: figure.quantity.text, kind: "figure" } : undefined;
    }
    default:
      return undefined;
  }
}

/** Whether a passage holds a value of the kind the question asks for (a date for "when", a name for "who"). */
export function holdsValueAsked(passage: Passage, query: Query, index: CorpusIndex): boolean {
  return statedValue([passage], query, index) !== undefined;
}
