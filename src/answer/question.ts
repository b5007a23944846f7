// From the words a person typed to a Query: cleaned text, units, standard, theme, year, topic terms.
import type { Intent, ThreadContext } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import type { SharedName, UnitMatch } from "../search/units.js";
import { DamerauLevenshteinDistance } from "../text/natural.js";
import { isOrdinaryWord } from "../text/wordnet.js";
import { isStopword, stem, words } from "../text/tokens.js";
import { findStandards, findThemes } from "../corpus/vocab-match.js";
import { vocabulary } from "../vocabulary.js";
import { classifyIntent, intentWords, keywordSpans, scoreIntents } from "./intents.js";
import { phraseMatcher, queryVocabulary, queryWords } from "./phrases.js";
import { unitOf } from "./units-of.js";
import {
  answerTypeOf,
  asksAcrossUnits,
  namesRegion,
  opensAsFollowUp,
  isCueWord,
  wholeListCues,
  TYPES_ASKING_NOT_NAMING,
  isNeverAName,
  isUnitWord,
  leansOnThread,
  periodOf,
  speakerOf,
  uncoveredBody,
  type AnswerType,
  type Period,
  type UncoveredBody,
} from "./slots.js";
import { TUNING } from "../tuning.js";
import { ITEMS_PER_STEP, perIndex } from "./per-index.js";

export const MAX_QUESTION_LENGTH = 500;

export interface QueryTerm {
  term: string;
  weight: number;
  group: number;
  /** How much finding this term shows the passage covers its group: 1 for the word itself, a share of 0.6 for part of a synonym. */
  cover: number;
  /** The word as asked, for the topic's own words ("managers"): a passage with that very word beats one with only its stem ("manages"). */
  word?: string;
}

export type ThreadSlot = "units" | "period" | "answerType" | "topic";

/** The kind of body asked about: one the documents cover (a probation unit, a region), or one they do not (a prison, a court, …). */
export type Body = { covered: true; kind: "probation unit" | "region" } | ({ covered: false } & UncoveredBody);

/**
 * A question as one typed value; a follow-up is merged with its thread into the same type (see merge.ts).
 * Slots a follow-up leaves empty are filled from the thread; slots it fills replace the thread's.
 */
export interface Query {
  /** The question as typed, Slack markup removed, cut to MAX_QUESTION_LENGTH. */
  text: string;
  /** The units asked about: those the question names, or after merging, the thread's. */
  unitKeys: string[];
  body: Body;
  period?: Period;
  answerType: AnswerType;
  /** Who is asked to be quoted ("the chief inspector"), if anyone. */
  speaker?: string;
  /** The question asks across every unit ("which units …"): it is not about the thread's unit. */
  acrossUnits: boolean;
  /** The question leans on the conversation ("it", "that", "what about"). */
  leansOnThread: boolean;
  /** The question holds a cue word of its answer type ("improved", "when"), not only the classifier's guess. */
  answerTypeCued: boolean;
  /** The whole list is asked for ("all the recommendations", "the rest"), not its first items. */
  wholeList: boolean;
  /** Most words are capitalised (title case, capitals): a capital is no sign of a name. */
  caseSaysNothing: boolean;
  /** The slots the merge filled from the thread, the question leaving them empty. */
  fromThread: ThreadSlot[];
  /** Nothing the question asks about is a word of the documents or of probation's world ("the weather"). */
  offTopic: boolean;
  /** Names the question uses that several units share, with the units each may mean. */
  sharedNames: SharedName[];
  intent: Intent;
  /** Every intent whose keywords matched, best first. */
  intents: Intent[];
  units: UnitMatch[];
  /** Words that look like the name of a unit the documents do not cover ("Birmingham"). */
  unknownNames: string[];
  /** Names the corpus knows (people, places) that are not units ("Manchester" in an address). */
  otherNames: string[];
  /** True when the topic is nothing but the standard it names ("LLR planning", not "women's services"). */
  onlyStandard: boolean;
  /** Topic words beyond the standard and key-question theme it names ("by probation officers" in a key-question-like question). */
  extraWords: string[];
  standard?: string;
  /** Every standard the question names, in order ("staffing and leadership ratings"). */
  standards: string[];
  theme?: string;
  year?: string;
  /** Retrieval terms (stemmed, weighted; synonyms lower), each with the number of the topic word it stands for. */
  terms: QueryTerm[];
  /** The topic words as typed, for saying what was asked about. */
  topic: string;
  /** True when the question leans on the conversation ("and reviewing?", "what about Derby?"). */
  followUp: boolean;
}

/** Slack markup to plain words: <@U1|name> → @name, <#C1|chan> → #chan, <url|text> → text, :emoji: dropped. */
export function cleanQuestion(raw: string): string {
  return raw
    .replace(/[\u0000-\u0008\u000b-\u001f\u007f]/g, " ")
    .replace(/<([@#!][^|>]*)\|([^>]*)>/g, (_, _id, label) => label)
    .replace(/<[@#!][^>]*>/g, " ")
    .replace(/<(https?:[^|>]*)\|([^>]*)>/g, "$2")
    .replace(/<(https?:[^>]*)>/g, "$1")
    .replace(/:[a-z0-9_+-]+:/g, " ")
    .replace(/[\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\u{FE0F}\u{200D}]/gu, " ")
    .replace(/\s+/g, " ")
    .trim()
    .slice(0, MAX_QUESTION_LENGTH);
}

const SYNONYMS = new Map<string, string[]>();
for (const group of vocabulary.synonyms) {
  const stems = group.map((phrase) => words(phrase).map(stem).join(" "));
  for (const s of stems)
    SYNONYMS.set(
      s,
      stems.filter((x) => x !== s),
    );
}

/** Words too common in the domain to say what a question is about ("inspection"). */
const WEAK_WORDS = new Set(vocabulary.weakTerms);

/** Words that ask for a figure of some kind without naming what it counts (intents/query.json). */
const figureKindCues = phraseMatcher(queryWords.figureKindCues);

/** Words that only restate that a key question is asked ("percentage of cases judged sufficient"). */
const KEY_QUESTION_WORDS = new Set([
  "percentage",
  "percent",
  "proportion",
  "share",
  "cases",
  "case",
  "score",
  "scored",
  "sufficient",
  "sufficiently",
  "focus",
  "yes",
  "key",
  "question",
  "figure",
  "rate",
  "rating",
]);

const DOMAIN_WORDS = new Set(
  [
    ...Object.values(vocabulary.standards).flat(),
    ...Object.values(vocabulary.ratings).flat(),
    ...Object.values(vocabulary.keyQuestionThemes).flat(),
    ...vocabulary.synonyms.flat(),
  ]
    .flatMap((p) =>
      p
        .toLowerCase()
        .replace(/\\[a-z]|[^a-z' -]/g, " ")
        .split(/\s+/),
    )
    .filter(Boolean),
);

/** The stems of every word of the corpus, worked out once per index ("minorities" is known from "minority"). */
const stemsOf = perIndex(function* (index) {
  const stems = new Set<string>();
  let n = 0;
  for (const w of index.words) {
    if (n++ % ITEMS_PER_STEP === 0) yield;
    stems.add(stem(w));
  }
  return stems;
});

function isKnownWord(index: CorpusIndex, w: string): boolean {
  return (
    index.words.has(w) ||
    intentWords.has(w) ||
    DOMAIN_WORDS.has(w) ||
    queryVocabulary.has(w) ||
    isStopword(w) ||
    /\d/.test(w) ||
    isNeverAName(w) ||
    stemsOf(index).has(stem(w))
  );
}

const latestDocumentYear = perIndex(function* (index) {
  let latest = "";
  for (let i = 0; i < index.documents.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const d = index.documents[i]!;
    const year = d.meta.date?.slice(0, 4) ?? "";
    if (year > latest) latest = year;
  }
  return latest || undefined;
});

/** The words a misspelt word may be corrected to, by their first letter, in the order they are tried (once per index). */
const candidatesByFirstLetter = perIndex(function* (index) {
  const byLetter = new Map<string, string[]>();
  let n = 0;
  for (const words of [index.words, intentWords, DOMAIN_WORDS]) {
    for (const c of words) {
      if (n++ % ITEMS_PER_STEP === 0) yield;
      const list = byLetter.get(c[0] ?? "");
      if (list) list.push(c);
      else byLetter.set(c[0] ?? "", [c]);
    }
  }
  return byLetter;
});

/** The names (of two words or more) of the people the documents quote: "Martin Jones", "Dave Argument". */
const quotedPeople = perIndex(function* (index) {
  const names = new Set<string>();
  const quotations = index.factsByType.get("quotation") ?? [];
  for (let i = 0; i < quotations.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const name = (quotations[i] as { speaker: string }).speaker
      .split(",")[0]!
      .replace(/\b(?:CBE|OBE|MBE|Mr|Mrs|Ms|Dr|Sir|Dame)\b\.?/g, "")
      .trim()
      .toLowerCase();
    if (/^\p{L}+(?:[ '’-]\p{L}+)+$/u.test(name)) names.add(name);
  }
  return [...names];
});

/** A quoted person the question names in full, if any. */
function namedSpeaker(index: CorpusIndex, question: string): string | undefined {
  const asked = ` ${words(question).join(" ")} `;
  return quotedPeople(index).find((n) => asked.includes(` ${words(n).join(" ")} `));
}

/** The corpus word nearest a misspelt one (one edit for short words, two for long), if any. */
function correct(index: CorpusIndex, w: string): string | undefined {
  if (w.length < 4) return undefined;
  // An English word ("happened") is corrected only by one edit ("planing" → "planning"), not turned into another word ("hampered").
  const limit = w.length >= 8 && !isOrdinaryWord(w) ? 2 : 1;
  let best: { word: string; d: number } | undefined;
  for (const c of candidatesByFirstLetter(index).get(w[0]!) ?? []) {
    if (Math.abs(c.length - w.length) > limit) continue;
    const d = DamerauLevenshteinDistance(w, c, { transposition_cost: 1 });
    if (d <= limit && (!best || d < best.d)) best = { word: c, d };
  }
  return best?.word;
}

export function analyseQuestion(index: CorpusIndex, raw: string, context: ThreadContext): Query {
  const text = cleanQuestion(raw);
  const inConversation = !!context.lastAnswer;

  // Spelling: words neither the corpus nor the intents know are corrected to the nearest known word.
  let corrected = text;
  const unknown: string[] = [];
  const units = index.findUnits(text, (w) => isKnownWord(index, w));
  // A name several units share ("KR") is neither a unit nor unknown: the answer asks which one is meant.
  const sharedNames = index.findSharedNames(text).filter((n) => !units.some((u) => n.start < u.end && n.end > u.start));
  const within = (at: number, spans: { start: number; end: number }[]) =>
    spans.some((u) => at >= u.start && at < u.end);
  for (const m of text.matchAll(/[\p{L}][\p{L}'’-]*/gu)) {
    const w = m[0].toLowerCase();
    if (isKnownWord(index, w) || within(m.index!, units) || within(m.index!, sharedNames)) continue;
    // "PO-supervised": a compound of known words is known.
    if (w.includes("-") && w.split("-").every((part) => !part || isKnownWord(index, part))) continue;
    const fix = queryWords.notTopics.has(w) ? undefined : correct(index, w);
    if (fix) corrected = corrected.replace(m[0], fix);
    else unknown.push(m[0]);
  }

  const { matched } = scoreIntents(corrected, inConversation);
  const unitSpans = text === corrected ? units : index.findUnits(corrected, (w) => isKnownWord(index, w));
  const outsideUnits = stripSpans(corrected, unitSpans);
  // The words that ask ("how many", "rating") are not the topic, unless they are words of the domain ("caseload").
  const asking = keywordSpans(corrected, matched[0]?.intent ?? "unknown").filter(
    (s) => !words(corrected.slice(s.start, s.end)).every((w) => DOMAIN_WORDS.has(w)),
  );
  const { period, spans: periodSpans } = periodOf(corrected, latestDocumentYear(index));
  const answerType = answerTypeOf(corrected, unitSpans);
  // "has that improved?", "why", "when", "who", "highest" and period words ask; they are not what is asked about.
  const typeWords = TYPES_ASKING_NOT_NAMING.has(answerType.type)
    ? answerType.spans
    : answerType.type === "quantity"
      ? figureKindCues(corrected) // "what share of court reports": the reports are the topic, a share the answer's kind
      : [];
  const wholeList = wholeListCues(corrected);
  const topicText = stripSpans(corrected, [...unitSpans, ...asking, ...periodSpans, ...typeWords, ...wholeList]);
  // "Probation services" names the service, not the standard Services: a standard right after a unit word is none.
  const standards = findStandards(outsideUnits).filter(
    (f) => !isUnitWord(outsideUnits.slice(0, f.start).trim().split(/\s+/).pop() ?? ""),
  );
  const themes = findThemes(outsideUnits);

  const topicWords = words(topicText).filter(
    (w) => !isStopword(w) && !/^\d{4}$/.test(w) && !queryWords.notTopics.has(w),
  );
  const firstStandard = standards.find((s) => s.value !== "overall") ?? standards[0];
  const beyondStandard = firstStandard
    ? words(
        stripSpans(
          topicText,
          standards.map((s) => ({ start: s.start, end: s.end })),
        ),
      ).filter((w) => !isStopword(w) && !/^\d{4}$/.test(w))
    : topicWords;
  // A person the documents quote ("and Justin Russell?") is who is asked about, not a unit they lack.
  const speakerNamed = namedSpeaker(index, corrected);
  const otherNames = [...corrected.matchAll(/[\p{L}][\p{L}'’-]*/gu)]
    .filter((m) => {
      const w = m[0].toLowerCase().replace(/['’]s$/, "");
      return (
        index.properNouns.has(w) &&
        !DOMAIN_WORDS.has(w) &&
        !intentWords.has(w) &&
        !speakerNamed &&
        !unitSpans.some((u) => m.index! >= u.start && m.index! < u.end)
      );
    })
    .map((m) => m[0]);
  const terms = queryTerms(topicWords);
  const caseSaysNothing = capitalsSayNothing(text);
  // A word the documents only write capitalised may just open their sentences ("Thanks to …"): an ordinary word is a
  // name only when the question writes it as one.
  const namesInCorpus = otherNames.filter(
    (w) =>
      !queryWords.notTopics.has(w.toLowerCase()) && (!isOrdinaryWord(w) || hasNameShape(corrected, w, caseSaysNothing)),
  );
  const unknownWords = new Set(unknown.map((w) => w.toLowerCase()));
  // Read as typed (a correction would drop the "'s" of "Police's"), with the units found in it as typed.
  const looksLikeName = (t: { text: string; start: number }) =>
    units.some((u) => t.start >= u.start && t.start < u.end) ||
    /^\p{Lu}/u.test(t.text) ||
    index.properNouns.has(t.text.toLowerCase()) ||
    unknownWords.has(t.text.toLowerCase()) ||
    !isOrdinaryWord(t.text);
  const uncovered = uncoveredBody(text, looksLikeName);
  const unitKeys = [...new Set(unitSpans.map((u) => u.unitKey))];
  const asksRegion =
    unitKeys.some((k) => unitOf(index, k)?.kind === "region") || (unitKeys.length === 0 && namesRegion(corrected));
  const inScope = (w: string) =>
    index.words.has(w) ||
    stemsOf(index).has(stem(w)) ||
    DOMAIN_WORDS.has(w) ||
    queryWords.domainTopics.has(w) ||
    queryWords.domainTopics.has(stem(w));
  const shortQuestion = words(text).filter((w) => !isStopword(w)).length <= 5;
  const followUp =
    inConversation && shortQuestion && (opensAsFollowUp(text) || units.length === 0 || matched.length === 0);

  let intent: Intent = matched[0]?.intent ?? "unknown";
  if (intent === "unknown" && !followUp) intent = classifyIntent(corrected, ["finding", "statistic"]);
  return {
    text,
    unitKeys,
    body: uncovered
      ? { covered: false, ...uncovered }
      : { covered: true, kind: asksRegion ? "region" : "probation unit" },
    period,
    answerType: answerType.type,
    answerTypeCued: answerType.spans.length > 0,
    wholeList: wholeList.length > 0,
    fromThread: [],
    caseSaysNothing,
    speaker: speakerOf(corrected) ?? speakerNamed,
    acrossUnits: asksAcrossUnits(corrected),
    leansOnThread: leansOnThread(text),
    sharedNames,
    // A unit the documents cover, asked about with a word of their own ("recommendations"), is never off the topic.
    offTopic:
      !((units.length > 0 || sharedNames.length > 0) && matched.length > 0) &&
      offTopic(
        topicWords.filter((w) => !WEAK_WORDS.has(w) && !isCueWord(w) && !queryWords.notTopics.has(w)),
        inScope,
      ),
    intent,
    intents: matched.map((m) => m.intent),
    units,
    // An ordinary English word the documents happen not to use ("time", "next") is no name; a place or a word WordNet lacks may be.
    unknownNames: unknown.filter(
      (w) =>
        !intentWords.has(w.toLowerCase()) &&
        !queryWords.domainTopics.has(w.toLowerCase()) &&
        !queryWords.notTopics.has(w.toLowerCase()) &&
        !isMixedCase(w) &&
        !abbreviatesOwnWords(text, w) &&
        (!isOrdinaryWord(w) || hasNameShape(text, w, caseSaysNothing)),
    ),
    otherNames: namesInCorpus,
    onlyStandard: !!firstStandard && beyondStandard.filter((w) => !vocabulary.weakTerms.includes(w)).length === 0,
    extraWords: words(
      stripSpans(
        topicText,
        [...standards, ...themes].map((s) => ({ start: s.start, end: s.end })),
      ),
    ).filter((w) => !isStopword(w) && !vocabulary.weakTerms.includes(w) && !KEY_QUESTION_WORDS.has(w)),
    standard: firstStandard?.value,
    standards: [...new Set(standards.map((s) => s.value).filter((v) => v !== "overall"))],
    theme: themes[0]?.value,
    year: period?.kind === "year" ? period.year : undefined,
    terms,
    topic: topicWords.join(" "),
    followUp,
  };
}

/** Some words say what is asked about, and none of them is a word of the documents or of probation's world. */
function offTopic(topicWords: string[], inScope: (w: string) => boolean): boolean {
  return topicWords.length > 0 && !topicWords.some(inScope);
}

/** A word written as a name: capitalised after the first word, or followed by "PDU", "probation", "region" ("Nowhere PDU"). */
function hasNameShape(text: string, word: string, caseSaysNothing: boolean): boolean {
  const at = text.indexOf(word);
  const next = text.slice(at + word.length).match(/^\s+([\p{L}]+)/u)?.[1] ?? "";
  return (!caseSaysNothing && at > 0 && /^\p{Lu}/u.test(word)) || isUnitWord(next);
}

/** "What Is The Budget?", "LLR RATING": when most words are capitalised, a capital says nothing about a name. */
function capitalsSayNothing(text: string): boolean {
  const all = text.match(/\p{L}+/gu) ?? [];
  return all.length >= 2 && all.filter((w) => /^\p{Lu}/u.test(w)).length / all.length >= TUNING.query.titleCaseShare;
}

/** "OASys", "RoSH", "MoJ": a capital after a small letter, or small letters after capitals (not a plural "POs"), is the shape of a system's or a term's name, not a place's. */
function isMixedCase(word: string): boolean {
  return /\p{Ll}\p{Lu}|\p{Lu}{2}\p{Ll}(?!$)|\p{Lu}{3,}\p{Ll}/u.test(word);
}

/** "Risk of Serious Harm (ROSH)": capitals that are the initials of words of the question itself name no unit. */
function abbreviatesOwnWords(text: string, word: string): boolean {
  if (!/^\p{Lu}{2,}s?$/u.test(word)) return false;
  const letters = word.replace(/s$/, "").toLowerCase();
  const initials = (text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [])
    .filter((w) => w !== word)
    .map((w) => w[0]!.toLowerCase())
    .join("");
  const contentInitials = (text.match(/[\p{L}][\p{L}'’-]*/gu) ?? [])
    .filter((w) => w !== word && !isStopword(w.toLowerCase()))
    .map((w) => w[0]!.toLowerCase())
    .join("");
  return initials.includes(letters) || contentInitials.includes(letters);
}

/** The text with the given spans blanked out (overlapping spans allowed). */
function stripSpans(text: string, spans: { start: number; end: number }[]): string {
  const chars = text.split("");
  const inWord = (i: number) => i >= 0 && i < chars.length && /[\p{L}\p{N}]/u.test(text[i]!);
  for (const s of spans) {
    // A keyword that ends inside a word ("inspect" of "inspected") takes the whole word, leaving no fragment ("ed").
    let end = s.end;
    if (end > s.start && inWord(end - 1)) while (inWord(end)) end++;
    for (let i = s.start; i < end && i < chars.length; i++) chars[i] = " ";
  }
  return chars.join("");
}

/** Stemmed terms with their synonyms (weighted lower); two-word phrases are looked up too. */
const WEAK = new Set(vocabulary.weakTerms.map(stem));

/** Topic words as retrieval terms. Weak words ("inspection") weigh little and form no group of their own (group -1). */
const initialsOfWords = (phrase: string) =>
  phrase
    .split(" ")
    .map((w) => w[0])
    .join("");

export function queryTerms(topicWords: string[]): QueryTerm[] {
  const stems = [...new Set(topicWords.map(stem))];
  const asked = new Map<string, string>();
  for (const w of topicWords) if (!asked.has(stem(w))) asked.set(stem(w), w.toLowerCase());
  const out = new Map<string, QueryTerm>();
  const add = (term: string, weight: number, group: number, cover: number, word?: string) => {
    const had = out.get(term);
    if (!had || had.weight < weight) out.set(term, { term, weight, group, cover, ...(word ? { word } : {}) });
  };
  stems.forEach((s, i) => {
    if (WEAK.has(s)) return add(s, TUNING.retrieval.weakTermWeight, -1, 0);
    add(s, 1, i, 1, asked.get(s));
    const pair = i + 1 < stems.length ? `${s} ${stems[i + 1]}` : undefined;
    for (const key of [s, pair]) {
      if (!key) continue;
      for (const syn of SYNONYMS.get(key) ?? []) {
        const parts = syn.split(" ").filter((p) => !isStopword(p));
        // The words an abbreviation stands for ("PSO": probation service officer) are the asked word itself.
        const spelledOut = parts.length > 1 && key === s && initialsOfWords(syn) === asked.get(s)?.replace(/s$/, "");
        const weight = spelledOut ? 1 : TUNING.retrieval.synonymWeight;
        for (const part of parts) add(part, weight, i, weight / parts.length);
      }
    }
  });
  return [...out.values()];
}
