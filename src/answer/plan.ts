// What to try for each kind of question, declared in one place. Handlers never call each other: when one finds
// nothing, the plan tries the next.
import type { Intent } from "../types.js";
import type { Query } from "./question.js";
import { stem, words } from "../text/tokens.js";
import { asksAboutVisit, hasCueOf, namesKeyQuestion } from "./slots.js";
import { queryWords } from "./phrases.js";
import { findRatings } from "../corpus/vocab-match.js";
import { answerInspectionDate } from "./handlers/dates.js";
import { answerKeyQuestionExtreme, keyQuestionExtreme } from "./handlers/extremes.js";
import { answerPerson } from "./handlers/people.js";
import { answerCompare, answerRating, answerScore } from "./handlers/ratings.js";
import { answerKeyQuestion, answerStatistic, asksKeyQuestion } from "./handlers/statistics.js";
import { answerFinding, answerQuotation } from "./handlers/findings.js";
import { answerProgress, answerRecommendation } from "./handlers/recommendations.js";
import { answerHelp, answerSourceFollowUp, answerSources } from "./handlers/meta.js";
import { answerReasons } from "./handlers/reasons.js";
import { answerPublication, asksWhenPublished } from "./handlers/publication.js";
import type { Handler, HandlerInput, Reply } from "./reply.js";

/** Every way of answering, by name. */
const HANDLERS = {
  inspectionDate: answerInspectionDate,
  keyQuestionExtreme: (input: HandlerInput) => {
    const direction = keyQuestionExtreme(input.query);
    return direction ? answerKeyQuestionExtreme(input, direction) : undefined;
  },
  person: answerPerson,
  keyQuestion: answerKeyQuestion,
  statistic: answerStatistic,
  rating: answerRating,
  score: answerScore,
  compare: answerCompare,
  finding: answerFinding,
  quotation: answerQuotation,
  recommendation: answerRecommendation,
  progress: answerProgress,
  help: answerHelp,
  sources: answerSources,
  source: answerSourceFollowUp,
  reasons: answerReasons,
  publication: answerPublication,
} satisfies Record<string, Handler>;

export type HandlerName = keyof typeof HANDLERS;

/** Each intent's plan: its own handler, then what to look for when that finds nothing. */
export const PLANS: Record<Intent, HandlerName[]> = {
  rating: ["rating", "finding"],
  score: ["score", "finding"],
  compare: ["compare", "finding"],
  statistic: ["statistic", "finding"],
  quotation: ["quotation", "finding"],
  recommendation: ["recommendation", "finding"],
  progress: ["progress", "finding"],
  finding: ["finding"],
  unknown: ["finding"],
  help: ["help"],
  sources: ["sources"],
  // "source?" with no answer before it in the thread: the documents held.
  "followup-source": ["source", "sources"],
  "followup-why": ["reasons", "finding"],
};

/** A question of one of these shapes tries its own handler before its intent's plan. */
export const SHAPES: { handler: HandlerName; when: (query: Query, intent: Intent, input: HandlerInput) => boolean }[] =
  [
    { handler: "publication", when: (q) => q.answerType === "date" && asksWhenPublished(q.text) },
    { handler: "inspectionDate", when: asksInspectionDate },
    { handler: "keyQuestionExtreme", when: (q) => keyQuestionExtreme(q) !== undefined },
    { handler: "person", when: (q) => q.answerType === "person" },
    // "Compare LLR's planning and reviewing ratings": one unit, several standards, each with its rating.
    {
      handler: "rating",
      when: (q, intent) => intent === "compare" && q.unitKeys.length === 1 && q.standards.length > 1,
    },
    // "PO versus PSO caseloads": a comparison of figures, not of ratings.
    {
      handler: "statistic",
      when: (q, intent) =>
        intent === "compare" &&
        !q.standard &&
        q.terms.some((t) => t.group >= 0) &&
        !hasCueOf("rating", q.text) &&
        !hasCueOf("score", q.text),
    },
    // "What share of court reports were good enough?": a figure is asked for, whatever the intent's keywords said.
    {
      handler: "statistic",
      when: (q, intent) =>
        q.answerType === "quantity" && q.answerTypeCued && (intent === "finding" || intent === "unknown"),
    },
    // "Which key question drove that?", "all three planning key questions": the standard's key questions.
    {
      handler: "keyQuestion",
      when: (q, intent) =>
        !!q.standard &&
        !q.theme &&
        q.unitKeys.length > 0 &&
        namesKeyQuestion(q.text) &&
        keyQuestionExtreme(q) === undefined &&
        intent !== "compare",
    },
    // "Which counties did the inspection cover?": names, not figures.
    { handler: "finding", when: (q, intent) => intent === "statistic" && q.answerType === "list" && q.answerTypeCued },
    // "Which PDUs require improvement?", "which LLR standards were inadequate?": the ratings, filtered by the one named.
    {
      handler: "rating",
      when: (q, intent) =>
        findRatings(q.text).length > 0 &&
        (q.acrossUnits || q.answerType === "list" || hasCueOf("list", q.text)) &&
        !["quotation", "recommendation", "progress", "compare"].includes(intent),
    },
    // "Why was X rated inadequate?": a reason for a rating, not for something else the documents report.
    {
      handler: "reasons",
      when: (q, intent) =>
        q.answerType === "reason" &&
        q.answerTypeCued &&
        q.unitKeys.length > 0 &&
        (["rating", "score", "compare"].includes(intent) || q.onlyStandard),
    },
    // "Why was progress so slow?": the causes the documents give, not the progress table.
    {
      handler: "finding",
      when: (q, intent) =>
        q.answerType === "reason" && q.answerTypeCued && ["progress", "recommendation", "statistic"].includes(intent),
    },
    { handler: "keyQuestion", when: (_q, intent, input) => intent === "statistic" && asksKeyQuestion(input) },
  ];

/** "When was Derby inspected?": a date, about the inspectors' visit to a unit, and no topic beyond it. */
function asksInspectionDate(q: Query, intent: Intent): boolean {
  const visit = new Set(words(queryWords.visitWords.join(" ")).map(stem));
  const ownTopic = q.fromThread.includes("topic") ? [] : q.terms.filter((t) => t.group >= 0 && !visit.has(t.term));
  return (
    q.answerType === "date" &&
    q.answerTypeCued &&
    q.unitKeys.length > 0 &&
    asksAboutVisit(q.text) &&
    ownTopic.length === 0 &&
    !["quotation", "recommendation", "progress", "compare"].includes(intent)
  );
}

/** An "I don't have that" of these handlers goes on with what the documents do hold on the unit, from this one. */
export const WHAT_THEY_HOLD: { after: HandlerName[]; from: HandlerName } = {
  after: ["statistic", "finding"],
  from: "rating",
};

/** The handlers a question tries, in order. */
export function planOf(query: Query, input: HandlerInput, intent: Intent): HandlerName[] {
  const shaped = SHAPES.filter((s) => s.when(query, intent, input)).map((s) => s.handler);
  return [...new Set([...shaped, ...PLANS[intent]])];
}

/**
 * Runs a plan: the first handler that answers wins. "I don't have that" stands, unless the question's kind was
 * only guessed (no word of the question asked for it) and a later handler answers. Undefined: nothing found.
 */
export function runPlan(plan: HandlerName[], input: HandlerInput, kindWasGuessed: boolean): Reply | undefined {
  let lacking: { reply: Reply; by: HandlerName } | undefined;
  for (const name of plan) {
    const reply = HANDLERS[name](input);
    if (!reply) continue;
    if (!reply.lacking) {
      if (lacking && !reply.answered) break;
      return reply;
    }
    lacking ??= { reply, by: name };
    if (!kindWasGuessed) break;
  }
  return lacking && withWhatTheyHold(lacking.reply, lacking.by, input);
}

function withWhatTheyHold(reply: Reply, by: HandlerName, input: HandlerInput): Reply {
  const unitKey = reply.remember?.unitKey;
  if (!WHAT_THEY_HOLD.after.includes(by) || !unitKey) return reply;
  const brief = HANDLERS[WHAT_THEY_HOLD.from]({
    ...input,
    unitKeys: [unitKey],
    query: { ...input.query, standard: undefined },
  });
  if (!brief) return reply;
  return {
    ...reply,
    lead: `${reply.lead} What they do hold on it:\n${brief.lead}`,
    citations: [...reply.citations, ...brief.citations],
  };
}
