// A follow-up merged with its thread into one Query: the slots the follow-up leaves empty (units, period,
// answer type, topic) come from the thread; whatever it names itself replaces the thread's slot, also a unit
// the documents lack (which is then refused, never answered with the thread's unit).
import type { Intent, ThreadContext } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { words } from "../text/tokens.js";
import { vocabulary } from "../vocabulary.js";
import { queryTerms, type Query, type ThreadSlot } from "./question.js";
import { asksKeyQuestion } from "./handlers/statistics.js";
import { ratingsOf } from "./facts.js";
import { unitNamesNotCovered } from "./refusals.js";
import { asksAboutVisit, hasCueOf, namesKeyQuestion, type AnswerType } from "./slots.js";
import { findRatings } from "../corpus/vocab-match.js";

import { measuresOf } from "./quantity-fit.js";

export interface Merged {
  query: Query;
  intent: Intent;
  /** The topic, after merging. */
  topic: string;
  /** Names the question gives to units the documents do not cover. */
  uncoveredNames: string[];
}

const META = new Set<Intent>(["followup-source", "followup-why", "help", "sources"]);

export function mergeWithThread(index: CorpusIndex, query: Query, context: ThreadContext): Merged {
  let q = query;
  let unitKeys = [...query.unitKeys];
  if (unitKeys.length === 0 && query.body.covered && query.body.kind === "region" && !query.acrossUnits) {
    const regions = index.units.filter((u) => u.kind === "region");
    if (regions.length === 1) unitKeys = [regions[0]!.key];
  }
  let intent = query.intent;
  let topic = query.topic;
  const followUp = query.followUp && !query.acrossUnits;
  if (followUp) {
    if (query.intents.length === 0 && context.intent && !META.has(context.intent as Intent))
      intent = context.intent as Intent;
    // A follow-up with a topic of its own that is no standard ("and minorities?") asks about that topic, not the thread's rating.
    if (
      query.intents.length === 0 &&
      (intent === "rating" || intent === "score") &&
      query.terms.some((t) => t.group >= 0) &&
      !query.standard &&
      unitKeys.length === 0
    )
      intent = "finding";
  }
  // "Who was inspected in 2022?", "which units were inspected?": the units' ratings (of that year).
  if (query.acrossUnits && unitKeys.length === 0 && asksAboutVisit(query.text) && !META.has(intent)) intent = "rating";
  // "… according to Martin Jones": someone's words are asked for (the quotation handler looks for a finding when no one is quoted).
  if (query.speaker && (intent === "finding" || intent === "unknown")) intent = "quotation";
  // "Has that improved?": a comparison the classifier sees and a word of comparison confirms.
  if (query.answerType === "comparison" && query.answerTypeCued && query.intents.length === 0 && !META.has(intent))
    intent = "compare";
  // What the question names itself decides: a name the documents lack is refused, not replaced by the thread's unit.
  const uncoveredNames = unitKeys.length === 0 ? unitNamesNotCovered(q, intent) : [];
  if (followUp && unitKeys.length === 0 && uncoveredNames.length === 0 && query.body.covered && context.unitKey)
    unitKeys = [context.unitKey];
  if (followUp) {
    if (!topic && context.topic && context.topic !== "overall") {
      topic = context.topic;
      q = { ...q, terms: queryTerms(words(topic)) };
    } else if (topic && context.topic && intent === "statistic") {
      // "LLR caseload" then "and on licence?": the licence caseload. The thread's measure stays; the follow-up narrows it.
      const kept = measuresOf(queryTerms(words(context.topic))).filter((m) => !measuresOf(q.terms).includes(m));
      if (kept.length) {
        topic = [...kept.map((m) => m.word), topic].join(" ");
        q = { ...q, terms: queryTerms(words(topic)) };
      }
    }
    const topicIsStandard = !!context.topic && context.topic in vocabulary.standards;
    // "Which key question drove that?" after a standard's rating: that standard's key questions.
    if (!q.standard && topicIsStandard && context.topic !== "overall" && namesKeyQuestion(query.text))
      q = { ...q, standard: context.topic };
    if (!q.standard && topicIsStandard && (intent === "rating" || intent === "score") && query.unitKeys.length > 0)
      q = { ...q, standard: context.topic };
  }
  q = {
    ...q,
    unitKeys,
    period:
      previousResolved(index, mergedPeriod(query, context, followUp), unitKeys) ??
      periodOfRatingNamed(index, query, unitKeys),
    answerType: mergedAnswerType(query, context, followUp),
  };
  q = { ...q, year: q.period?.year };
  // A bare unit name ("Derby", "LLR?") asks for its rating.
  if (
    (intent === "finding" || intent === "unknown" || intent === "statistic") &&
    unitKeys.length > 0 &&
    q.terms.length === 0 &&
    query.intents.length === 0
  )
    intent = "rating";
  if (
    asksKeyQuestion({ index, query: q, context, unitKeys, topic }) &&
    ["score", "statistic", "finding", "unknown"].includes(intent)
  )
    intent = "statistic";
  // A standard and nothing else ("LLR leadership") asks for that standard's rating.
  else if (
    q.standard &&
    q.onlyStandard &&
    ["finding", "unknown", "statistic"].includes(intent) &&
    query.intents.length === 0
  )
    intent = "rating";
  const fromThread: ThreadSlot[] = [];
  if (unitKeys.length && !query.unitKeys.length && unitKeys[0] === context.unitKey) fromThread.push("units");
  if (topic && !query.topic) fromThread.push("topic");
  if (q.period && !query.period) fromThread.push("period");
  if (q.answerType !== query.answerType) fromThread.push("answerType");
  return { query: { ...q, intent, topic, fromThread }, intent, topic, uncoveredNames };
}

/** "then"/"at the time" is the inspection the thread was about; a follow-up that names no period keeps the thread's. */
function mergedPeriod(query: Query, context: ThreadContext, followUp: boolean): Query["period"] {
  if (query.period?.kind === "then") return { kind: "then", year: context.answerYear, docs: context.answerDocs };
  if (!query.period && followUp && context.period) return { kind: "year", year: context.period };
  return query.period;
}

/**
 * "The previous inspection" is the year of the unit's inspection before its latest, from its ratings; with no
 * earlier one it stays without a year, and nothing is of it (see periodFilter): never the latest's figures.
 */
function previousResolved(index: CorpusIndex, period: Query["period"], unitKeys: string[]): Query["period"] {
  if (period?.kind !== "previous" || period.year || unitKeys.length !== 1) return period;
  const years = [
    ...new Set(
      ratingsOf(index, unitKeys[0]!)
        .map((f) => f.inspectionDate?.slice(0, 4))
        .filter((y): y is string => !!y),
    ),
  ]
    .sort()
    .reverse();
  return years[1] ? { ...period, year: years[1] } : period;
}

/**
 * "Who was chief inspector when Swansea was rated inadequate?": the inspection that gave the unit the rating the
 * question names, when it asks for something else at that time.
 */
function periodOfRatingNamed(index: CorpusIndex, query: Query, unitKeys: string[]): Query["period"] {
  if (
    unitKeys.length !== 1 ||
    ["rating", "score", "comparison"].includes(query.answerType) ||
    !hasCueOf("date", query.text)
  )
    return undefined;
  const named = findRatings(query.text).map((r) => r.value);
  // A rating whose inspection a document dates itself, before one only placed after another.
  const rated = ratingsOf(index, unitKeys[0]!)
    .filter((f) => named.includes(f.rating) && f.inspectionDate)
    .sort((a, b) => Number(!!a.inspectionAfter) - Number(!!b.inspectionAfter))[0];
  return rated ? { kind: "year", year: rated.inspectionDate!.slice(0, 4) } : undefined;
}

function mergedAnswerType(query: Query, context: ThreadContext, followUp: boolean): AnswerType {
  if (query.answerType === "passage" && followUp && context.answerType) return context.answerType as AnswerType;
  return query.answerType;
}
