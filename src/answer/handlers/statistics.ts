// Figures: key-question percentages, and sentences that state counts, percentages and money.
import type { Citation, KeyQuestionFact } from "../../types.js";
import { vocabulary } from "../../vocabulary.js";
import { findThemes } from "../../corpus/vocab-match.js";
import { TUNING } from "../../tuning.js";
import { cite, uniqueCitations } from "../cite.js";
import {
  diverse,
  isRelevant,
  passagesOf,
  periodDocFilter,
  periodFilter,
  searchPassages,
  type Hit,
} from "../retrieve.js";
import { bestQuantity, FIT_MEASURE, figureAsked, measuresOf, quantityFit, type FigureAsked } from "../quantity-fit.js";
import { bold, combine, cutList, lackingOn, unitName, type Handler, type HandlerInput, type Reply } from "../reply.js";
import type { QueryTerm } from "../question.js";
import { stem, words } from "../../text/tokens.js";

const REPORT_STANDARDS = new Set(vocabulary.reportStandards);

/**
 * True when the question names a report standard and a key-question theme ("reviewing … keeping other people safe")
 * and little else: "assessments by probation officers that identified offending factors" asks about something narrower.
 */
export function asksKeyQuestion(input: HandlerInput): boolean {
  const { standard, theme, extraWords } = input.query;
  return !!standard && REPORT_STANDARDS.has(standard) && !!theme && extraWords.length <= 1;
}

const themesByQuestion = new Map<string, Set<string>>();
/** The themes a key question names, worked out once per wording (every report asks the same key questions). */
function themesOf(question: string): Set<string> {
  let themes = themesByQuestion.get(question);
  if (!themes) {
    if (themesByQuestion.size >= 10_000) themesByQuestion.clear();
    themesByQuestion.set(question, (themes = new Set(findThemes(question).map((t) => t.value))));
  }
  return themes;
}

export const answerKeyQuestion: Handler = (input) => {
  const { index, query, unitKeys } = input;
  // One unit's key questions from its own facts (in the same order), not from every unit's.
  const one = new Set(unitKeys).size === 1;
  const candidates = one
    ? (index.factsByUnit.get(unitKeys[0]!) ?? []).filter((f) => f.type === "key-question")
    : (index.factsByType.get("key-question") ?? []);
  const rows = (candidates as KeyQuestionFact[]).filter(
    (f) =>
      (!query.standard || f.standard === query.standard) &&
      (unitKeys.length === 0 || unitKeys.includes(f.unitKey)) &&
      (!query.theme || themesOf(f.question).has(query.theme)),
  );
  // No key-question table (an article, a press release): the plan goes on to the figures the documents state.
  if (rows.length === 0) return undefined;
  const { items: shown, more } = cutList(rows, query, TUNING.answers.listShown.keyQuestions, [
    "key question",
    "key questions",
  ]);
  const lines = shown.map(
    (r) =>
      `• ${bold(unitName(index, r.unitKey))}: ${r.question} ${bold(`${r.percentYes}%`)} of cases inspected${r.drivesRating ? " (the score that drives the rating)" : ""}`,
  );
  return {
    lead: `Key question${shown.length > 1 ? "s" : ""}, ${query.standard}:\n${lines.join("\n")}`,
    ...(more ? { more } : {}),
    answered: true,
    intent: "statistic",
    citations: uniqueCitations(
      shown.map((r) => cite(index, r.docId, r.quote, r.section)),
      shown.length,
    ),
    remember: { unitKey: shown[0]!.unitKey, topic: query.standard },
  };
};

/** "Any figures?" about a unit, with no topic: the key-question scores that drive its ratings. */
function headlineFigures(input: HandlerInput): Reply | undefined {
  const { index, unitKeys } = input;
  const rows = ((index.factsByType.get("key-question") ?? []) as KeyQuestionFact[]).filter(
    (f) => f.unitKey === unitKeys[0] && f.drivesRating,
  );
  if (rows.length === 0) {
    // No key questions: the first statements with figures about the unit.
    const passages = passagesOf(index, [unitKeys[0]!])
      .map((i) => index.passages[i]!)
      .filter((p) => p.hasFigures)
      .slice(0, 3);
    if (passages.length === 0) return undefined;
    return {
      lead: `Figures the documents give on ${bold(unitName(index, unitKeys[0]!))}:`,
      answered: true,
      intent: "statistic",
      citations: uniqueCitations(passages.map((p) => cite(index, p.docId, p.text, p.section))),
      remember: { unitKey: unitKeys[0] },
    };
  }
  const lines = rows.map((r) => `• ${r.question} ${bold(`${r.percentYes}%`)}`);
  return {
    lead: `Key-question scores that drive ${bold(unitName(index, unitKeys[0]!))}'s ratings:\n${lines.join("\n")}`,
    answered: true,
    intent: "statistic",
    citations: uniqueCitations(
      rows.map((r) => cite(index, r.docId, r.quote, r.section)),
      4,
    ),
    remember: { unitKey: unitKeys[0] },
  };
}

export const answerStatistic: Handler = (input) => {
  // Several units ("compare the caseloads of X and Y"): each unit's own figures, never one unit's under another's name.
  if (input.unitKeys.length > 1) {
    const replies = input.unitKeys
      .slice(0, TUNING.answers.unitsPerAnswer)
      .map((k) => answerStatistic({ ...input, unitKeys: [k] }))
      .filter((r): r is Reply => !!r);
    return replies.length ? combine(replies, "statistic") : undefined;
  }
  const { index, query, unitKeys, topic } = input;
  // "Any figures?" after quotes or findings: the figures in what was just quoted.
  const last = input.context.lastAnswer;
  const ownTopic = query.fromThread.includes("topic") ? "" : query.topic;
  if (!ownTopic && last && (input.context.intent === "quotation" || input.context.intent === "finding")) {
    // A heading's numbering ("P 1.2 Staffing") is no figure; nor is one of a quote that is not on the thread's topic.
    // (A quotation's topic may be its speaker: the figures in what they said are what is asked.)
    const topicStems =
      input.context.intent === "finding" ? query.terms.filter((t) => t.group >= 0).map((t) => t.term) : [];
    const onTopic = (quote: string) => {
      const stems = new Set(words(quote).map(stem));
      return topicStems.length === 0 || topicStems.some((t) => stems.has(t));
    };
    const withFigures = last.citations.filter(
      (c) => /\d/.test(c.quote.replace(/^(?:[A-Z]{1,2}\s*)?\d+(?:\.\d+)*\.?\s/, "")) && onTopic(c.quote),
    );
    if (withFigures.length) {
      return {
        lead: "The figures in what I quoted:",
        answered: true,
        intent: "statistic",
        citations: withFigures.slice(0, 3) as Citation[],
      };
    }
  }
  if (!query.terms.some((t) => t.group >= 0) && unitKeys.length) {
    const headline = headlineFigures(input);
    if (headline) return headline;
  }
  const terms = query.terms;
  // Figures of the period asked ("in 2022", "at that time") only: never another inspection's.
  const inPeriod = periodFilter(index, query);
  const allowed = inPeriod && ((i: number) => inPeriod(index.passages[i]!));
  // A passage carries no date of its own: whether it is of the period is its document's, asked once per document.
  const docFilter = periodDocFilter(index, query);
  const asked = figureAsked(query.text);
  // "How many X", a measure ("caseload") or a sum of money: only a figure that fits will do.
  const mustFit =
    /\b(?:how many|number of)\b/i.test(query.text) || measuresOf(terms).length > 0 || !!asked.kinds || !!asked.perUnit;
  const hits = rankByQuantityFit(
    index,
    searchPassages(index, terms, {
      unitKeys,
      withFigures: true,
      year: query.year,
      limit: TUNING.answers.searchLimit.figures,
      docFilter,
    }),
    terms,
    unitKeys,
    mustFit,
    asked,
    allowed,
  );
  if (!isRelevant(hits[0], terms, true)) {
    return unitKeys.length ? lackingOn(input, topic, "figures") : undefined;
  }
  const chosen = diverse(
    index,
    hits.filter((h) => h.coverage >= hits[0]!.coverage * TUNING.retrieval.keepBesideBest),
    TUNING.answers.quotes,
    TUNING.answers.besideBest.figures,
  );
  const citations: (Citation | undefined)[] = chosen.map((h) => {
    const p = index.passages[h.passage]!;
    return cite(index, p.docId, p.text, p.section);
  });
  const where = unitKeys.length ? ` — ${bold(unitName(index, unitKeys[0]!))}` : "";
  // The figure asked for, stated first, when the best passage has one that counts what was asked.
  const best = bestQuantity(index.passages[chosen[0]!.passage]!, terms, asked);
  const stated = best && best.fit >= FIT_MEASURE && citations[0] ? `${bold(best.quantity.text)} — ` : "";
  return {
    lead: `${stated}Figures on ${bold(topic || "that")}${where}:`,
    ...(stated
      ? {
          facts: [
            { kind: "figure" as const, value: best!.quantity.text, ...(unitKeys[0] ? { unitKey: unitKeys[0] } : {}) },
          ],
        }
      : {}),
    answered: true,
    intent: "statistic",
    citations: uniqueCitations(citations),
    remember: { unitKey: unitKeys[0] ?? index.passages[chosen[0]!.passage]!.unitKeys[0], topic },
  };
};

/**
 * Figures that count what was asked about come first: the lexical hits, plus (for a unit) the unit's sentences whose
 * quantities count what a measure named in the question counts ("caseload" → "monitors 1,852 people"), which share
 * no word with the question. `mustCount` ("how many X"): only passages with such a quantity will do.
 */
function rankByQuantityFit(
  index: HandlerInput["index"],
  hits: Hit[],
  terms: QueryTerm[],
  unitKeys: string[],
  mustCount: boolean,
  asked: FigureAsked,
  allowed?: (passage: number) => boolean,
): Hit[] {
  const groups = new Set(terms.filter((t) => t.group >= 0).map((t) => t.group)).size || 1;
  const seen = new Set(hits.map((h) => h.passage));
  const base = hits[0]?.score ?? 1;
  const extra: Hit[] = [];
  if (unitKeys.length && measuresOf(terms).length) {
    for (const at of passagesOf(index, unitKeys)) {
      if (seen.has(at) || !index.passages[at]!.hasFigures || (allowed && !allowed(at))) continue;
      if (quantityFit(index.passages[at]!, terms, asked) >= FIT_MEASURE)
        extra.push({ passage: at, score: base * TUNING.answers.measureHitShare, coverage: 0 });
    }
  }
  const ranked = [...hits, ...extra].map((h) => {
    const fit = quantityFit(index.passages[h.passage]!, terms, asked);
    const coverage = fit >= FIT_MEASURE ? Math.min(1, Math.max(h.coverage, h.coverage + 1 / groups)) : h.coverage;
    return { hit: { ...h, score: h.score * (1 + fit), coverage }, fit };
  });
  // A count or a measure asked for ranks by fit first; otherwise fit only weighs in with the lexical score.
  const byFit = mustCount || measuresOf(terms).length > 0;
  ranked.sort((a, b) => (byFit ? b.fit - a.fit : 0) || b.hit.score - a.hit.score || a.hit.passage - b.hit.passage);
  if (mustCount && !ranked.some((r) => r.fit > 0)) return unitKeys.length ? [] : ranked.map((r) => r.hit);
  return ranked.map((r) => r.hit);
}
