// The slots of a typed query that word lists decide (intents/query.json): the body asked about, the period,
// the answer type, the speaker, and whether the question asks across units or leans on the conversation.
import { isStopword } from "../text/tokens.js";
import { phraseMatcher, queryWords, type Span } from "./phrases.js";
import { classifyAnswerType } from "./classify.js";

export type { AnswerType } from "./classify.js";
import type { AnswerType } from "./classify.js";

export type PeriodKind = "year" | "then" | "latest" | "previous" | "future";

export interface Period {
  kind: PeriodKind;
  /** The year asked for ("year"), or the one "then" points back to once merged with the thread. */
  year?: string;
  /** The documents "then" points back to (those the thread's last answer quoted), once merged with the thread. */
  docs?: string[];
}

/** A body the documents do not cover (prisons, courts, police forces, youth offending teams), as the question names it. */
export interface UncoveredBody {
  kind: string;
  /** "HMP Leicester", "Leicester Crown Court". */
  name: string;
}

/** Where each word of the question starts, with its text. */
interface Token {
  text: string;
  start: number;
  end: number;
}

const tokensOf = (text: string): Token[] =>
  [...text.matchAll(/[\p{L}\p{N}][\p{L}\p{N}'’/-]*/gu)].map((m) => ({
    text: m[0],
    start: m.index!,
    end: m.index! + m[0].length,
  }));

const bodyMatchers = queryWords.uncoveredBodies.map((b) => ({
  kind: b.kind,
  before: phraseMatcher(b.before),
  after: phraseMatcher(b.after),
  notBefore: new Set(b.notBefore.map((w) => w.toLowerCase())),
}));

/**
 * The body the question names that the documents do not cover: a body word before a name ("HMP Leicester")
 * or after one ("Leicester prison", "Leicestershire Police"), not followed by probation's own work there ("court work").
 * `isName` says whether the word at a position has the shape of a place or unit name.
 */
export function uncoveredBody(text: string, isName: (token: Token) => boolean): UncoveredBody | undefined {
  const tokens = tokensOf(text);
  const tokenAt = (pos: number) => tokens.findIndex((t) => t.start <= pos && pos < t.end);
  const lower = (t: Token | undefined) => t?.text.toLowerCase() ?? "";
  // "with Leicestershire Police", "the police's role": a partner or an actor, not what is asked about.
  const partner = (nameStart: number) => queryWords.partnerMarkers.has(lower(tokens[tokenAt(nameStart) - 1]));
  const possessive = (end: number) => /^['’]s?\b/u.test(text.slice(end));
  for (const b of bodyMatchers) {
    for (const s of b.before(text)) {
      const next = tokens.find((t) => t.start >= s.end);
      if (next && !isStopword(lower(next)) && isName(next) && !partner(s.start))
        return { kind: b.kind, name: text.slice(s.start, next.end) };
    }
    for (const s of b.after(text)) {
      const first = tokenAt(s.start);
      const prev = first > 0 ? tokens[first - 1] : undefined;
      const following = tokens.find((t) => t.start >= s.end);
      if ((following && b.notBefore.has(lower(following))) || possessive(s.end)) continue;
      if (prev && !isStopword(lower(prev)) && isName(prev) && !partner(prev.start))
        return { kind: b.kind, name: text.slice(prev.start, s.end) };
    }
  }
  return undefined;
}

const sinceWords = phraseMatcher(queryWords.periods.since);
const periodMatchers = {
  future: phraseMatcher(queryWords.periods.future),
  then: phraseMatcher(queryWords.periods.then),
  previous: phraseMatcher(queryWords.periods.previous),
  latest: phraseMatcher(queryWords.periods.latest),
};
const answerTypeMatchers = queryWords.answerTypes.map(([type, cues]) => ({
  type: type as AnswerType,
  cues,
  match: phraseMatcher(cues),
}));
/** The question holds a cue word of that answer type ("which" for a list), whatever type the classifier chose. */
export const hasCueOf = (type: AnswerType, text: string): boolean =>
  (answerTypeMatchers.find((m) => m.type === type)?.match(text).length ?? 0) > 0;
const comparisonCues = answerTypeMatchers.find((m) => m.type === "comparison")?.match ?? (() => []);
const metaCues = new Set(queryWords.answerTypes.find(([t]) => t === "meta")?.[1].map((c) => c.toLowerCase()) ?? []);

const inside = (s: Span, spans: { start: number; end: number }[]) =>
  spans.some((o) => s.start >= o.start && s.end <= o.end);

/**
 * The period a question asks about: a year (a year after every document is the future), the future, "then"
 * (the conversation's inspection), "previous", "latest". Words inside a comparison ("then and now") are no period.
 */
export function periodOf(text: string, latestDocumentYear: string | undefined): { period?: Period; spans: Span[] } {
  // "Since 2022" runs from that year to now: it names no period of its own.
  const sinceEnds = sinceWords(text).map((s) => s.end);
  const year = [...text.matchAll(/\b(?:19|20)\d{2}\b/g)].find(
    (m) => !sinceEnds.some((end) => /^\s+$/.test(text.slice(end, m.index))),
  )?.[0];
  const comparing = comparisonCues(text).filter((s) => /\s/.test(s.phrase));
  const spans: Span[] = [];
  let period: Period | undefined;
  for (const kind of ["future", "then", "previous", "latest"] as const) {
    const found = periodMatchers[kind](text).filter((s) => !inside(s, comparing));
    spans.push(...found);
    if (!period && found.length) period = { kind };
  }
  if (year && latestDocumentYear && year > latestDocumentYear) return { period: { kind: "future", year }, spans };
  if (year && period?.kind !== "future") return { period: { kind: "year", year }, spans };
  return { period, spans };
}

/**
 * The kind of answer asked for: a meta command by its words; otherwise the trained classifier's answer type
 * (classify.ts), with the spans of that type's cue words outside the given spans (unit names), which ask rather than name a topic.
 */
export function answerTypeOf(
  text: string,
  outside: { start: number; end: number }[],
): { type: AnswerType; spans: Span[] } {
  const bare = text
    .toLowerCase()
    .replace(/[?!.]+/g, " ")
    .replace(/^\s*(?:and|the)\s+/, "")
    .trim();
  if (metaCues.has(bare)) return { type: "meta", spans: [{ start: 0, end: text.length, phrase: bare }] };
  const type = classifyAnswerType(text, outside);
  const cues = answerTypeMatchers.find((m) => m.type === type);
  const spans = cues ? cues.match(text).filter((s) => !outside.some((o) => s.start < o.end && s.end > o.start)) : [];
  return { type, spans };
}

const quotationCues = phraseMatcher(queryWords.answerTypes.find(([t]) => t === "quotation")?.[1] ?? []);
const ASKING_VERBS = new Set(["did", "does", "do", "has", "have", "had", "was", "were", "is"]);

/** Who the question asks to be quoted: "what did <the chief inspector> say", "according to <Martin Jones>". */
export function speakerOf(text: string): string | undefined {
  const according = text.match(/\baccording to\s+(.+?)(?:[?,.;]|$)/i)?.[1];
  if (according) return according.replace(/^the\s+/i, "").trim();
  const cue = quotationCues(text)[0];
  if (!cue) return undefined;
  const before = tokensOf(text.slice(0, cue.start));
  let verb = -1;
  before.forEach((t, i) => {
    if (ASKING_VERBS.has(t.text.toLowerCase())) verb = i;
  });
  const words = (verb >= 0 ? before.slice(verb + 1) : [])
    .map((t) => t.text)
    .filter((w, i) => !(i === 0 && /^the$/i.test(w)));
  return words.length ? words.join(" ") : undefined;
}

const acrossUnitCues = phraseMatcher(queryWords.acrossUnits);
const backReferenceCues = phraseMatcher(queryWords.backReferences);

/** "Which units …", "who was inspected": a question about every unit, not the conversation's. */
export const asksAcrossUnits = (text: string): boolean => acrossUnitCues(text).length > 0;

/** "it", "they", "that", "what about": the question leans on what was said before. */
export const leansOnThread = (text: string): boolean => backReferenceCues(text).length > 0;

/** Short words that are never the name of a unit ("vs", "em"). */
export const isNeverAName = (word: string): boolean => queryWords.notNames.has(word.toLowerCase());

/** "PDU", "probation", "region": a word that follows a unit's name. */
export const isUnitWord = (word: string): boolean =>
  queryWords.unitWords.has(word.toLowerCase().replace(/[^\p{L}]/gu, ""));

/** Answer types whose cue words ask rather than name a topic ("why", "when", "who", "worse", "highest"); "caseload" or "funding" name one. */
export const TYPES_ASKING_NOT_NAMING = new Set<AnswerType>([
  "comparison",
  "reason",
  "date",
  "person",
  "extreme",
  "list",
]);
const singleWordCues = new Set(
  queryWords.answerTypes
    .filter(([type]) => TYPES_ASKING_NOT_NAMING.has(type as AnswerType))
    .flatMap(([, cues]) => cues.filter((c) => !/\s/.test(c)).map((c) => c.toLowerCase())),
);
/** A word that asks for a kind of answer ("worse", "highest", "why"): it says nothing about the topic. */
export const isCueWord = (word: string): boolean => singleWordCues.has(word.toLowerCase());

const openers = phraseMatcher(queryWords.followUpOpeners);
/** The question opens as a follow-up does ("and reviewing?", "what about Derby?"). */
export const opensAsFollowUp = (text: string): boolean =>
  openers(text).some((s) => s.start === text.length - text.trimStart().length);

const regionWords = phraseMatcher(queryWords.regionWords);
/** The question asks about a region ("regional rating"). */
export const namesRegion = (text: string): boolean => regionWords(text).length > 0;

const visitWords = phraseMatcher(queryWords.visitWords);
/** The question is about inspectors' visit ("inspected", "fieldwork"). */
export const asksAboutVisit = (text: string): boolean => visitWords(text).length > 0;

const forecastWords = phraseMatcher(queryWords.forecastWords);
/** "Tomorrow", "next time", "predict": the question asks for a forecast. */
export const asksForecast = (text: string): boolean => forecastWords(text).length > 0;

/** "All the recommendations", "show the rest": where the whole list is asked for. */
export const wholeListCues = phraseMatcher(queryWords.wholeList);

const keyQuestionWords = phraseMatcher(queryWords.extremes.keyQuestionWords);
/** "Key question", "key-questions": the question is about the reports' key questions. */
export const namesKeyQuestion = (text: string): boolean => keyQuestionWords(text).length > 0;

const highWords = phraseMatcher(queryWords.extremes.high);
const lowWords = phraseMatcher(queryWords.extremes.low);
/** "Highest" or "lowest": the end the question asks for, whichever of its words comes first. */
export function extremeAsked(text: string): "high" | "low" | undefined {
  const h = highWords(text)[0]?.start ?? Infinity;
  const l = lowWords(text)[0]?.start ?? Infinity;
  if (h === Infinity && l === Infinity) return undefined;
  return h < l ? "high" : "low";
}
