// Question → answer. Pure: the same index, question and context give the same answer.
import type { Answer, ParsedDocument, ThreadContext } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { stem, words } from "../text/tokens.js";
import { analyseQuestion, type Query } from "./question.js";
import { mergeWithThread } from "./merge.js";
import { refusalOf } from "./refusals.js";
import { asksWhatMustBeDone } from "./handlers/findings.js";
import { answerHelp, notAnswered } from "./handlers/meta.js";
import { inspectionYearOfDoc } from "./retrieve.js";
import { answerOf, type HandlerInput, type Reply } from "./reply.js";
import { planOf, runPlan } from "./plan.js";
import { ITEMS_PER_STEP, perIndex } from "./per-index.js";

export interface Turn {
  answer: Answer;
  context: ThreadContext;
  /** The question as understood: its typed query, merged with the thread. */
  query: Query;
}

/** The documents of a publisher the question names by a distinctive word of its name ("BBC", "Guardian"). */
function docsOfNamedPublisher(index: CorpusIndex, question: string): Set<string> | undefined {
  const byWord = publisherWords(index);
  const named = new Set(words(question).flatMap((w) => byWord.get(w) ?? []));
  const docs = index.documents.filter((d) => named.has(d));
  return docs.length && docs.length < index.documents.length ? new Set(docs.map((d) => d.meta.id)) : undefined;
}

/** The documents by each distinctive word of their publisher's name (worked out once per index). */
const publisherWords = perIndex(function* (index) {
  const byWord = new Map<string, ParsedDocument[]>();
  for (let i = 0; i < index.documents.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const d = index.documents[i]!;
    for (const w of new Set(words(d.meta.publisher))) {
      if (w.length < 3 || GENERIC_PUBLISHER_WORDS.has(w)) continue;
      const list = byWord.get(w);
      if (list) list.push(d);
      else byWord.set(w, [d]);
    }
  }
  return byWord;
});

const GENERIC_PUBLISHER_WORDS = new Set([
  "news",
  "the",
  "of",
  "probation",
  "inspectorate",
  "publisher",
  "not",
  "stated",
  "times",
]);

/** The publisher's name is who is asked about, not the topic. */
function withoutPublisherWords(q: Query, index: CorpusIndex, docs: Set<string>): Query {
  const names = new Set([...docs].flatMap((id) => words(index.docsById.get(id)!.meta.publisher)).map(stem));
  return { ...q, terms: q.terms.filter((t) => !names.has(t.term)) };
}

export function answerQuestion(index: CorpusIndex, text: string, context: ThreadContext = {}): Turn {
  const asked = analyseQuestion(index, text, context);
  let reply: Reply;
  let query = asked;
  if (!asked.text) {
    reply = answerHelp({ index });
  } else {
    const merged = mergeWithThread(index, asked, context);
    const { topic } = merged;
    // "What needs to change?" asks what must be done, not for a comparison of two things.
    const intent = merged.intent === "compare" && asksWhatMustBeDone(merged.query.text) ? "finding" : merged.intent;
    const q = (query = merged.query);
    const unitKeys = q.unitKeys;
    const publisherDocs = docsOfNamedPublisher(index, q.text);
    const input: HandlerInput = {
      index,
      query: publisherDocs ? withoutPublisherWords(q, index, publisherDocs) : q,
      context,
      unitKeys,
      topic,
      publisherDocs,
    };
    const refusal = refusalOf(index, q, intent, merged.uncoveredNames);
    // No word of the question asked for this kind of answer, nor does it carry on the thread's.
    const kindWasGuessed = asked.intents.length === 0 && !asked.followUp;
    reply = refusal ?? runPlan(planOf(q, input, intent), input, kindWasGuessed) ?? notAnswered(index);
  }
  const answer: Answer = answerOf(reply);
  return { answer, context: nextContext(index, context, reply, answer, query), query };
}

function nextContext(
  index: CorpusIndex,
  context: ThreadContext,
  reply: Reply,
  answer: Answer,
  query: Query,
): ThreadContext {
  const question = query.text;
  if (
    reply.intent === "followup-source" ||
    reply.intent === "followup-why" ||
    reply.intent === "help" ||
    reply.intent === "sources"
  ) {
    return { ...context, lastQuestion: question };
  }
  if (!answer.answered) return { ...context, lastQuestion: question };
  return {
    unitKey: reply.remember?.unitKey ?? context.unitKey,
    topic: reply.remember?.topic ?? context.topic,
    intent: reply.intent,
    period: query.period?.kind === "year" ? query.period.year : undefined,
    answerYear:
      reply.remember?.answerYear ??
      query.period?.year ??
      (answer.citations[0] ? inspectionYearOfDoc(index, answer.citations[0].doc) : undefined),
    answerDocs: answer.citations.length ? [...new Set(answer.citations.map((c) => c.doc))] : undefined,
    answerType: query.answerType,
    lastQuestion: question,
    lastAnswer: answer,
  };
}
