// Findings on a topic, and who said what.
import type { Citation, QuotationFact } from "../../types.js";
import { initialsOf } from "../../corpus/units.js";
import { stem, words, isStopword } from "../../text/tokens.js";
import { cite, citePassage, uniqueCitations } from "../cite.js";
import { phraseMatcher, readingWords } from "../../corpus/reading-words.js";
import { firstBy } from "../first-by.js";
import { DIRECTIVE, passageTable, STRENGTH, WEAKNESS } from "../passage-table.js";
import {
  diverse,
  inspectionYearOfDoc,
  isRelevant,
  passagesOf,
  periodDocFilter,
  periodFilter,
  searchPassages,
} from "../retrieve.js";
import { bold, lackingOn, unitName, type Handler, type HandlerInput, type Reply } from "../reply.js";
import { TUNING } from "../../tuning.js";
import { holdsValueAsked, statedValue } from "../stated-value.js";
import { ITEMS_PER_STEP, perIndex } from "../per-index.js";
import type { Steps } from "../../steps.js";

/** "Strengths" and "areas for improvement" are the reports' own sub-headings: a question that names one looks there. */
const STRENGTHS = /\bstrengths?\b|\bdone well\b|\bgood practice\b|\bpositives?\b/i;
const WEAKNESSES =
  /\bareas? (?:for|of) improvement\b|\bweakness\w*|\bproblems?\b|\bconcerns?\b|\bfailings?\b|\bwent wrong\b/i;

function sectionFilter(index: HandlerInput["index"], question: string): ((i: number) => boolean) | undefined {
  const wanted = STRENGTHS.test(question) ? /strength/i : WEAKNESSES.test(question) ? /improvement/i : undefined;
  if (!wanted) return undefined;
  return (i) => wanted.test(index.passages[i]!.section ?? "");
}

/** Where a document has no such sections (an article, a foreword), the sentences whose words lean that way. */
function toneFilter(index: HandlerInput["index"], question: string): ((i: number) => boolean) | undefined {
  const wanted = STRENGTHS.test(question) ? "strength" : WEAKNESSES.test(question) ? "weakness" : undefined;
  if (!wanted) return undefined;
  const { flags } = passageTable(index);
  const flag = wanted === "strength" ? STRENGTH : WEAKNESS;
  return (i) => (flags[i]! & flag) !== 0;
}
/** A question that asks what someone must do ("what were managers told to do?") is answered by what the documents say must be done. */
function directiveFilter(index: HandlerInput["index"], question: string): ((i: number) => boolean) | undefined {
  const { flags } = passageTable(index);
  return asksWhatMustBeDone(question)
    ? (i) => (flags[i]! & DIRECTIVE) !== 0 && SENTENCE_END.test(index.passages[i]!.text)
    : undefined;
}
const DIRECTIVE_ASKED = phraseMatcher(readingWords.directiveWords, "iu");
const DIRECTIVE_STEMS = new Set(readingWords.directiveWords.flatMap((w) => words(w)).map(stem));
export const asksWhatMustBeDone = (question: string) => DIRECTIVE_ASKED.test(question);
/** A full sentence, not a crosshead ("What inspectors say needs to change"). */
const SENTENCE_END = /[.!?"”’]$/;

const both = (a?: (i: number) => boolean, b?: (i: number) => boolean) =>
  a && b ? (i: number) => a(i) && b(i) : (a ?? b);

/** Passages of the unit (or the corpus) in document order, when the question has no topic words. */
function firstPassages(
  input: HandlerInput,
  filter?: (i: number) => boolean,
): { picked: number[]; inSections: boolean } {
  const { index, unitKeys, publisherDocs } = input;
  const out: number[] = [];
  // A unit's passages come from the index; only a question about no unit looks at them all.
  const candidates = unitKeys.length
    ? passagesOf(index, unitKeys).sort((a, b) => a - b)
    : index.passages.map((_, i) => i);
  for (const i of candidates) {
    const p = index.passages[i]!;
    if (out.length >= 3) break;
    if (publisherDocs && !publisherDocs.has(p.docId)) continue;
    if (
      p.text.length >= TUNING.answers.findingMinChars &&
      (filter ? filter(i) : /\b(?:found|find|inspectors?|rated|report)\b/i.test(p.text))
    )
      out.push(i);
  }
  return { picked: out, inSections: !!filter && out.length > 0 };
}

export const answerFinding: Handler = (input) => {
  const { index, query, unitKeys, topic } = input;
  const onStandard = query.standard && query.onlyStandard ? query.standard.split(" ")[0]!.toLowerCase() : undefined;
  const anySection = sectionFilter(index, query.text);
  // "Strengths in LLR services": that standard's own "Strengths" section, in the order the report gives it.
  const sections =
    anySection && onStandard
      ? (i: number) => anySection(i) && (index.passages[i]!.section ?? "").toLowerCase().includes(onStandard)
      : anySection;
  const hasTopic = query.terms.some((t) => t.group >= 0) && !(anySection && onStandard);
  if (!hasTopic && (sections || unitKeys.length || input.publisherDocs)) {
    const tone = toneFilter(index, query.text);
    let { picked, inSections } = firstPassages(input, sections);
    if (picked.length === 0 && tone) ({ picked, inSections } = firstPassages(input, tone));
    // Neither such a section nor such sentences: what the inspectors found.
    if (picked.length === 0 && sections) ({ picked, inSections } = firstPassages(input));
    if (picked.length) {
      const where = unitKeys.length ? ` about ${bold(unitName(index, unitKeys[0]!))}` : "";
      const what = inSections
        ? STRENGTHS.test(query.text)
          ? "Strengths the inspectors found"
          : "Areas for improvement the inspectors found"
        : "What the documents say";
      return {
        lead: `${what}${where}:`,
        answered: true,
        intent: "finding",
        citations: uniqueCitations(
          picked.map((i) => cite(index, index.passages[i]!.docId, index.passages[i]!.text, index.passages[i]!.section)),
        ),
        remember: { unitKey: unitKeys[0] },
      };
    }
  }
  // A year asked, or "at the time" of the thread: only what the documents of that inspection say. The documents
  // the thread quoted are about its inspection throughout, also where a sentence names the region or the nation.
  const inPeriod = periodFilter(index, query);
  const thenDocs = !query.year && !!inPeriod;
  // A passage carries no date of its own: whether it is of the period is its document's, asked once per document.
  const search = (filter?: (i: number) => boolean, terms = query.terms) =>
    searchPassages(index, terms, {
      unitKeys: thenDocs ? undefined : unitKeys,
      year: query.year,
      limit: TUNING.answers.searchLimit.findings,
      filter,
      docIds: input.publisherDocs,
      docFilter: periodDocFilter(index, query),
    });
  const ofYear = inPeriod && ((i: number) => inPeriod(index.passages[i]!));
  const directive = directiveFilter(index, query.text);
  // The words that ask what must be done ("needs to", "told to") are not what it is about.
  const mustTerms = query.terms.filter((t) => !DIRECTIVE_STEMS.has(t.term));
  let hits = directive ? search(directive, mustTerms) : [];
  if (directive && unitKeys.length && !isRelevant(hits[0], mustTerms)) {
    // Nothing on the question's own words: all that the unit's documents say must be done, in their order.
    const must = firstPassages(input, both(directive, ofYear)).picked;
    if (must.length) {
      return {
        lead: `What the documents say must be done in ${bold(unitName(index, unitKeys[0]!))}:`,
        answered: true,
        intent: "finding",
        citations: uniqueCitations(
          must.map((i) => cite(index, index.passages[i]!.docId, index.passages[i]!.text, index.passages[i]!.section)),
        ),
        remember: { unitKey: unitKeys[0] },
      };
    }
  }
  if (!isRelevant(hits[0], query.terms)) hits = search(sections);
  // A document without the reports' sub-headings (a press release) may still say it.
  if (sections && !isRelevant(hits[0], query.terms)) hits = search();
  // Where a document has no such sections (an article, a foreword): the sentences whose words lean that way.
  const tone = toneFilter(index, query.text);
  if (tone && !isRelevant(hits[0], query.terms)) hits = search(tone);
  // A word the documents never use is likely what the question is about ("rate my essay"): half a match is not enough.
  const strict = query.unknownNames.length > 0 && unitKeys.length === 0 && (hits[0]?.coverage ?? 0) < 1;
  if (strict || !isRelevant(hits[0], query.terms)) {
    return unitKeys.length && query.terms.length ? lackingOn(input, topic, "anything") : undefined;
  }
  // Of the passages on the question's words, those that hold the kind of value it asks for (a date for "when") first.
  const onTopic = hits.filter((h) => h.coverage >= hits[0]!.coverage * TUNING.retrieval.keepBesideBest);
  const fitting = onTopic.filter((h) => holdsValueAsked(index.passages[h.passage]!, query, index));
  const chosen = diverse(
    index,
    fitting.length ? [...fitting, ...onTopic.filter((h) => !fitting.includes(h))] : onTopic,
    TUNING.answers.quotes,
    TUNING.answers.besideBest.findings,
  );
  const citations = uniqueCitations(chosen.map((h) => citePassage(index, h.passage)));
  const where = unitKeys.length ? ` in ${bold(unitName(index, unitKeys[0]!))}` : "";
  // The date, name or figure asked for, stated first, when the quotes give it.
  const value = statedValue(
    chosen.map((h) => index.passages[h.passage]!),
    query,
    index,
  );
  const stated =
    value && (value.bySpeaker || citations.some((c) => c.quote.includes(value.text.split(", ")[0]!)))
      ? value
      : undefined;
  return {
    lead: `${stated ? `${bold(stated.text)} — w` : "W"}hat the documents say about ${bold(topic || "that")}${where}:`,
    ...(stated
      ? { facts: [{ kind: stated.kind, value: stated.text, ...(unitKeys[0] ? { unitKey: unitKeys[0] } : {}) }] }
      : {}),
    answered: true,
    intent: "finding",
    citations,
    remember: { unitKey: unitKeys[0] ?? index.passages[chosen[0]!.passage]!.unitKeys[0], topic },
  };
};

/** Words that name the inspectorate or the report in general, not a person who was quoted. */
const GENERIC_SPEAKERS = new Set(["inspector", "inspect", "inspectorate", "report", "hmip", "they", "probat"]);

const quoteWords = new WeakMap<QuotationFact, Set<string>>();
/** A quotation's word stems, worked out once per fact. */
function wordsOf(q: QuotationFact): Set<string> {
  let stems = quoteWords.get(q);
  if (!stems) quoteWords.set(q, (stems = new Set(words(q.words).map(stem))));
  return stems;
}

const speakerTermsByName = new Map<string, Set<string>>();
/** A speaker's terms, worked out once per speaker (many quotations share a speaker). */
function speakerTermsOf(speaker: string): Set<string> {
  let terms = speakerTermsByName.get(speaker);
  if (!terms) {
    if (speakerTermsByName.size >= 10_000) speakerTermsByName.clear();
    speakerTermsByName.set(speaker, (terms = speakerTerms(speaker)));
  }
  return terms;
}

function speakerTerms(speaker: string): Set<string> {
  const out = new Set(
    words(speaker)
      .filter((w) => !isStopword(w))
      .map(stem),
  );
  for (const run of speaker.match(/[A-Z][\p{L}]+(?:\s+(?:of|for|and)\s+[A-Z][\p{L}]+|\s+[A-Z][\p{L}]+)+/gu) ?? []) {
    for (const i of initialsOf(run)) out.add(i.toLowerCase());
  }
  return out;
}

const CHIEF_INSPECTOR = /chief inspector/i;
/** Of a speaker's quotations, those ranked and checked for citing: an answer quotes three of them at most. */
const QUOTATIONS_WEIGHED = 6;

interface QuotationLookup {
  /** Quotations by each word of their speaker (see speakerTerms), in the order of the index's facts. */
  bySpeakerWord: Map<string, QuotationFact[]>;
  /** Quotations of a chief inspector. */
  chief: QuotationFact[];
  /** Each quotation's place among the index's facts. */
  order: Map<QuotationFact, number>;
}

/** The index's quotations by their speakers' words, worked out once per index. */
const quotationLookup = perIndex(function* (index): Steps<QuotationLookup> {
  const lookup: QuotationLookup = { bySpeakerWord: new Map(), chief: [], order: new Map() };
  for (const q of (index.factsByType.get("quotation") ?? []) as QuotationFact[]) {
    if (lookup.order.size % ITEMS_PER_STEP === 0) yield;
    lookup.order.set(q, lookup.order.size);
    if (CHIEF_INSPECTOR.test(q.speaker)) lookup.chief.push(q);
    for (const w of speakerTermsOf(q.speaker)) {
      const list = lookup.bySpeakerWord.get(w);
      if (list) list.push(q);
      else lookup.bySpeakerWord.set(w, [q]);
    }
  }
  return lookup;
});

export const answerQuotation: Handler = (input) => {
  const { index, query, unitKeys } = input;
  const lookup = quotationLookup(index);
  // The words of the question and their synonyms ("government" → "ministry of justice").
  // The words that named a unit ("Marshgate") say whom the words are about, not who spoke them.
  const unitWords = new Set(query.units.flatMap((u) => words(u.text)).map(stem));
  const asked = [
    ...new Set([
      ...words(query.text)
        .filter((w) => !isStopword(w))
        .map(stem),
      ...query.terms.map((t) => t.term),
    ]),
  ].filter((w) => !unitWords.has(w));
  const askedChief = CHIEF_INSPECTOR.test(query.text);
  // The words that name whom the question asks about ("the chief inspector") are not what they spoke of.
  const speakerNameStems = new Set(
    [...words(query.speaker ?? ""), ...(askedChief ? ["chief", "inspector"] : [])].map(stem),
  );
  const speakerWords = asked.filter((w) => !GENERIC_SPEAKERS.has(w));
  // Worked out once per speaker: one speaker may have given thousands of the quotations.
  const bySpeaker = new Map<string, number>();
  const speakerScore = (q: QuotationFact) => {
    let score = bySpeaker.get(q.speaker);
    if (score === undefined) {
      const terms = speakerTermsOf(q.speaker);
      score = speakerWords.filter((w) => terms.has(w)).length + (askedChief && CHIEF_INSPECTOR.test(q.speaker) ? 2 : 0);
      bySpeaker.set(q.speaker, score);
    }
    return score;
  };
  // Only quotations whose speaker the question names can be quoted: found through the lookup, not by reading all.
  // In the order of the index's facts (each quotation's place looked up once, not at every comparison).
  const naming = [
    ...new Set([
      ...speakerWords.flatMap((w) => lookup.bySpeakerWord.get(w) ?? []),
      ...(askedChief ? lookup.chief : []),
    ]),
  ]
    .map((q) => ({ q, at: lookup.order.get(q)! }))
    .sort((a, b) => a.at - b.at)
    .map(({ q }) => q);
  // No speaker asked after: the plan goes on to the findings on the question's words.
  if (naming.length === 0) return undefined;
  const candidates = unitKeys.length
    ? [...new Set(unitKeys)]
        .flatMap((k) => (index.factsByUnit.get(k) ?? []).filter((f): f is QuotationFact => f.type === "quotation"))
        .sort((a, b) => lookup.order.get(a)! - lookup.order.get(b)!)
    : naming;
  // The question's words that are not the speaker's name: with none ("what did Martin Jones say?") no quotation's
  // words need reading.
  const topicTerms = query.terms.filter((t) => !speakerNameStems.has(t.term));
  const scored = candidates.map((q) => ({
    q,
    speaker: speakerScore(q),
    topic: topicTerms.length ? topicTerms.filter((t) => wordsOf(q).has(t.term)).length : 0,
  }));
  // A year asked ("in 2022", "at the time") keeps the words said then: of that inspection, or naming the year.
  const inPeriod = (q: QuotationFact) =>
    !query.year || (q.inspectionDate?.slice(0, 4) ?? inspectionYearOfDoc(index, q.docId)) === query.year;
  const eligible = scored.filter((s) => s.speaker > 0 && inPeriod(s.q));
  // Only the first few are quoted: those, in order, without sorting every quotation of a speaker quoted everywhere.
  const ranked = firstBy(
    eligible,
    (a, b) =>
      b.speaker - a.speaker ||
      b.topic - a.topic ||
      // "What did X say?": what they said in their own words, then reported, then what they wrote and signed.
      spokenRank(a.q) - spokenRank(b.q) ||
      docRecency(index, b.q.docId).localeCompare(docRecency(index, a.q.docId)),
    QUOTATIONS_WEIGHED,
  );
  const named =
    ranked[0]?.q ?? naming.map((q) => ({ q, speaker: speakerScore(q) })).sort((a, b) => b.speaker - a.speaker)[0]!.q;
  const who = named.speaker;
  const about = unitKeys.length ? ` about ${bold(unitKeys.map((k) => unitName(index, k)).join(", "))}` : "";
  // The passages of the unit's documents that name the speaker and what follows in quotation marks: for when no
  // quotation was read from them, or when those passages, unlike the quotations, are on the question's topic.
  const whoStems = [
    ...asked.filter((w) => speakerTermsOf(named.speaker).has(w) && !GENERIC_SPEAKERS.has(w)),
    ...(askedChief ? ["chief", "inspector"] : []),
  ];
  const spoken = unitKeys.length ? speakerPassages(input, whoStems) : [];
  let bestTopic = 0;
  for (const r of eligible) bestTopic = Math.max(bestTopic, r.topic);
  const spokenOnTopic = Math.max(0, ...spoken.map((x) => x.score)) > bestTopic;
  if (ranked.length === 0 || spokenOnTopic) {
    if (spoken.length) {
      return {
        // Named as the question names them: the speaker of another document's quotation may not be the one here.
        lead: `What ${bold(speakerLabel(query.speaker, who))} said${about}:`,
        answered: true,
        intent: "quotation",
        citations: uniqueCitations(
          spoken.map(({ i }) =>
            cite(index, index.passages[i]!.docId, index.passages[i]!.text, index.passages[i]!.section),
          ),
        ),
        remember: { unitKey: unitKeys[0], topic: input.topic },
      };
    }
    return {
      lead: `I have no words of ${bold(who)}${about}${query.year ? ` from ${query.year}` : ""} in the documents.`,
      answered: true,
      intent: "quotation",
      citations: [],
      remember: { unitKey: unitKeys[0] },
    };
  }
  const top = ranked.filter((r) => r.speaker === ranked[0]!.speaker);
  const citations: (Citation | undefined)[] = top
    .slice(0, QUOTATIONS_WEIGHED)
    .map((r) => cite(index, r.q.docId, r.q.quote, r.q.section));
  const kept = uniqueCitations(citations, 3);
  // One label per person: "Ada Whitlock, chief inspector" and "Ada Whitlock, HM Chief Inspector" are one speaker.
  const byPerson = new Map<string, string>();
  for (const r of top.slice(0, 3)) {
    const person = r.q.speaker.split(",")[0]!.trim().toLowerCase();
    if (!byPerson.has(person)) byPerson.set(person, r.q.speaker);
  }
  const speakers = [...byPerson.values()];
  const reply: Reply = {
    lead: `What ${speakers.map((s) => bold(s)).join(" and ")} said${unitKeys.length ? ` about ${bold(unitName(index, unitKeys[0]!))}` : ""}:`,
    answered: true,
    intent: "quotation",
    citations: kept,
    remember: { unitKey: unitKeys[0] ?? top[0]!.q.unitKey, topic: input.topic },
  };
  return reply;
};

/** The speaker as the question names them, in the documents' spelling when a quotation's speaker holds that name. */
function speakerLabel(asked: string | undefined, known: string): string {
  const name = known.split(",")[0]!.trim();
  if (!asked) return name;
  return name.toLowerCase().includes(asked.toLowerCase()) ? name : asked;
}

const OPENS_QUOTE = /^\s*["“‘]/;
const SAYS = /\b(?:said|says|added|told|commented)\b|["“]/i;

/**
 * The unit's passages (of the period asked) that name the speaker and report their words, with the passages that
 * follow each in quotation marks (a statement continued over paragraphs); the ones on the question's topic first.
 */
function speakerPassages(input: HandlerInput, speakerStems: string[]): { i: number; score: number }[] {
  const { index, query, unitKeys } = input;
  if (speakerStems.length === 0) return [];
  const inPeriod = periodFilter(index, query);
  const stemsOf = (i: number) => new Set(words(index.passages[i]!.text).map(stem));
  const block: number[] = [];
  passagesOf(index, unitKeys)
    .sort((a, b) => a - b)
    .forEach((i) => {
      const p = index.passages[i]!;
      if ((inPeriod && !inPeriod(p)) || !SAYS.test(p.text)) return;
      const stems = stemsOf(i);
      if (!speakerStems.every((w) => stems.has(w))) return;
      block.push(i);
      for (let j = i + 1; index.passages[j]?.docId === p.docId && OPENS_QUOTE.test(index.passages[j]!.text); j++)
        block.push(j);
    });
  const own = query.terms.filter((t) => t.group >= 0);
  const onTopic = (i: number) => {
    const stems = stemsOf(i);
    return own.filter((t) => stems.has(t.term)).length;
  };
  return [...new Set(block)]
    .map((i, order) => ({ i, order, score: onTopic(i) }))
    .sort((a, b) => b.score - a.score || a.order - b.order)
    .slice(0, TUNING.query.maxSpokenPassages)
    .sort((a, b) => a.order - b.order);
}

const spokenRank = (q: QuotationFact) => (q.written ? 2 : q.reported ? 1 : 0);

/** Newer documents first when nothing else separates two quotes. */
function docRecency(index: { docsById: Map<string, { meta: { date?: string } }> }, docId: string): string {
  return index.docsById.get(docId)?.meta.date ?? "";
}
