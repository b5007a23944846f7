// Question → answer. Pure: the same index, question and context give the same answer.
import type { Answer, Intent, ThreadContext } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { stem, words } from "../text/tokens.js";
import { vocabulary } from "../vocabulary.js";
import { analyseQuestion, FOLLOW_UP_OPENER, queryTerms, type Query } from "./question.js";
import { render, type Handler, type HandlerInput, type Reply } from "./reply.js";
import { answerCompare, answerRating, answerScore } from "./handlers/ratings.js";
import { answerKeyQuestion, answerStatistic, asksKeyQuestion } from "./handlers/statistics.js";
import { answerFinding, answerQuotation } from "./handlers/findings.js";
import { answerProgress, answerRecommendation } from "./handlers/recommendations.js";
import { answerHelp, answerSourceFollowUp, answerSources, answerWhy, notAnswered, noSuchUnit } from "./handlers/meta.js";

export interface Turn {
  answer: Answer;
  context: ThreadContext;
}

const HANDLERS: Record<Intent, Handler> = {
  help: answerHelp,
  sources: answerSources,
  "followup-source": answerSourceFollowUp,
  "followup-why": answerWhy,
  compare: answerCompare,
  progress: answerProgress,
  recommendation: answerRecommendation,
  quotation: answerQuotation,
  rating: answerRating,
  score: answerScore,
  statistic: answerStatistic,
  finding: answerFinding,
  unknown: answerFinding,
};

/** Intents whose answer is about a unit: a name the documents lack makes them unanswerable. */
const UNIT_CENTRIC = new Set<Intent>(["rating", "score", "compare"]);
const META = new Set<Intent>(["followup-source", "followup-why", "help", "sources"]);
const UNIT_SUFFIX = /^(?:pdus?|regions?|units?|probation|services?|crcs?|cpa)$/i;

/** Words that look like the name of a unit the documents do not cover: unknown words, or names the corpus holds that are no unit. */
function missingUnitNames(query: Query, intent: Intent, asksAboutName = false): string[] {
  const tokens = query.text.split(/\s+/);
  const nextWord = (name: string) => {
    const at = tokens.findIndex((t) => t.replace(/[^\p{L}'’-]/gu, "") === name);
    return tokens[at + 1]?.replace(/[^\p{L}]/gu, "") ?? "";
  };
  const knownButNoUnit = query.otherNames.filter(
    (name) => !UNIT_SUFFIX.test(name) && (UNIT_SUFFIX.test(nextWord(name)) || UNIT_CENTRIC.has(intent) || asksAboutName),
  );
  const unknown = query.unknownNames.filter((name) => {
    const capitalised = /^\p{Lu}/u.test(name) && !query.text.startsWith(name);
    return UNIT_SUFFIX.test(nextWord(name)) || (capitalised && name.length > 2) || UNIT_CENTRIC.has(intent) || asksAboutName;
  });
  return [...knownButNoUnit, ...unknown];
}

/** Resolves what a follow-up leaves out (the unit, the intent, the topic) from the conversation. */
function resolve(index: CorpusIndex, query: Query, context: ThreadContext): { intent: Intent; unitKeys: string[]; topic: string; query: Query } {
  let unitKeys = [...new Set(query.units.map((u) => u.unitKey))];
  if (unitKeys.length === 0 && /\bregion(?:al)?\b/i.test(query.text)) {
    const regions = index.units.filter((u) => u.kind === "region");
    if (regions.length === 1) unitKeys = [regions[0]!.key];
  }
  let intent = query.intent;
  let topic = query.topic;
  let q = query;
  // "what about Birmingham?" names a unit, even one the documents lack: it does not inherit the thread's.
  const namesAnother = query.units.length === 0 && FOLLOW_UP_OPENER.test(query.text) && (query.unknownNames.length > 0 || query.otherNames.length > 0);
  if (query.followUp) {
    if (unitKeys.length === 0 && context.unitKey && !namesAnother) unitKeys = [context.unitKey];
    if (query.intents.length === 0 && context.intent && !META.has(context.intent as Intent)) intent = context.intent as Intent;
    if (!topic && context.topic && context.topic !== "overall") {
      topic = context.topic;
      q = { ...q, terms: queryTerms(words(topic)) };
    }
    const topicIsStandard = !!context.topic && context.topic in vocabulary.standards;
    if (!q.standard && topicIsStandard && (intent === "rating" || intent === "score") && query.units.length > 0) q = { ...q, standard: context.topic };
  }
  // A bare unit name ("Derby", "LLR?") asks for its rating.
  if ((intent === "finding" || intent === "unknown" || intent === "statistic") && unitKeys.length > 0 && q.terms.length === 0 && query.intents.length === 0) intent = "rating";
  if (asksKeyQuestion({ index, query: q, context, unitKeys, topic }) && ["score", "statistic", "finding", "unknown"].includes(intent)) {
    return { intent: "statistic", unitKeys, topic, query: q };
  }
  // A standard and nothing else ("LLR leadership") asks for that standard's rating.
  if (q.standard && q.onlyStandard && ["finding", "unknown", "statistic"].includes(intent) && query.intents.length === 0) intent = "rating";
  return { intent, unitKeys, topic, query: q };
}

/** The documents of a publisher the question names by a distinctive word of its name ("BBC", "Guardian"). */
function docsOfNamedPublisher(index: CorpusIndex, question: string): Set<string> | undefined {
  const asked = new Set(words(question));
  const docs = index.documents.filter((d) => words(d.meta.publisher).some((w) => w.length >= 3 && asked.has(w) && !GENERIC_PUBLISHER_WORDS.has(w)));
  return docs.length && docs.length < index.documents.length ? new Set(docs.map((d) => d.meta.id)) : undefined;
}

const GENERIC_PUBLISHER_WORDS = new Set(["news", "the", "of", "probation", "inspectorate", "publisher", "not", "stated", "times"]);

/** The publisher's name is who is asked about, not the topic. */
function withoutPublisherWords(q: Query, index: CorpusIndex, docs: Set<string>): Query {
  const names = new Set([...docs].flatMap((id) => words(index.docsById.get(id)!.meta.publisher)).map(stem));
  return { ...q, terms: q.terms.filter((t) => !names.has(t.term)) };
}

export function answerQuestion(index: CorpusIndex, text: string, context: ThreadContext = {}): Turn {
  const query = analyseQuestion(index, text, context);
  let reply: Reply;
  if (!query.text) {
    reply = answerHelp({ index, query, context, unitKeys: [], topic: "" });
  } else {
    const { intent, unitKeys, topic, query: q } = resolve(index, query, context);
    const missing = unitKeys.length === 0 ? missingUnitNames(q, intent, FOLLOW_UP_OPENER.test(q.text)) : [];
    const publisherDocs = docsOfNamedPublisher(index, q.text);
    const input: HandlerInput = { index, query: publisherDocs ? withoutPublisherWords(q, index, publisherDocs) : q, context, unitKeys, topic, publisherDocs };
    if (missing.length) reply = noSuchUnit(index, missing);
    else if (intent === "statistic" && asksKeyQuestion(input)) reply = answerKeyQuestion(input);
    else if ((intent === "followup-source" || intent === "followup-why") && !context.lastAnswer) reply = answerFinding(input);
    else reply = HANDLERS[intent](input);
    // The classifier guessed "figures" but there are none: the question may be about a finding ("who led the inspection").
    if (reply.lacking && query.intents.length === 0 && intent === "statistic") {
      const finding = answerFinding(input);
      if (finding.answered && !finding.lacking) reply = finding;
    }
    // Nothing found the way the question asked: look for the topic as a finding before giving up.
    if (!reply.answered && reply.lead === "" && intent !== "finding" && intent !== "unknown") reply = answerFinding(input);
    if (!reply.answered && reply.lead === "") reply = notAnswered(index);
  }
  const answer: Answer = { text: render(reply), answered: reply.answered, intent: reply.intent, citations: reply.citations };
  return { answer, context: nextContext(context, reply, answer, query.text) };
}

function nextContext(context: ThreadContext, reply: Reply, answer: Answer, question: string): ThreadContext {
  if (reply.intent === "followup-source" || reply.intent === "followup-why" || reply.intent === "help" || reply.intent === "sources") {
    return { ...context, lastQuestion: question };
  }
  if (!answer.answered) return { ...context, lastQuestion: question };
  return {
    unitKey: reply.remember?.unitKey ?? context.unitKey,
    topic: reply.remember?.topic ?? context.topic,
    intent: reply.intent,
    lastQuestion: question,
    lastAnswer: answer,
  };
}
