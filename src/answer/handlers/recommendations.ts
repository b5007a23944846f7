// Recommendations made, and progress on the previous ones.
import { TUNING } from "../../tuning.js";
import type { ProgressFact, RecommendationFact } from "../../types.js";
import { stem, words } from "../../text/tokens.js";
import { cite, uniqueCitations } from "../cite.js";
import { em } from "../spans.js";
import { diverse, passagesOf, periodFilter, searchPassages } from "../retrieve.js";
import type { QueryTerm } from "../question.js";
import { bold, cutList, unitName, type Handler } from "../reply.js";
import { perIndex } from "../per-index.js";
import type { Steps } from "../../steps.js";

const stemsOfText = new Map<string, Set<string>>();
/** Texts whose stems are remembered at most (a set takes about 1 KB). */
const TEXTS_REMEMBERED = 5_000;
/** A text's word stems, worked out once per text (recommendation and progress texts are asked about often). */
function stemsOf(text: string): Set<string> {
  let stems = stemsOfText.get(text);
  if (!stems) {
    stems = new Set(words(text).map(stem));
    if (stemsOfText.size >= TEXTS_REMEMBERED) stemsOfText.delete(stemsOfText.keys().next().value!);
    stemsOfText.set(text, stems);
  }
  return stems;
}

/** How many of the topic's words (or synonyms) a text holds, weighted. */
function overlap(text: string, terms: QueryTerm[]): number {
  const stems = stemsOf(text);
  const groups = new Map<number, number>();
  for (const t of terms) if (stems.has(t.term)) groups.set(t.group, Math.max(groups.get(t.group) ?? 0, t.weight));
  return [...groups.values()].reduce((a, b) => a + b, 0);
}

export const answerRecommendation: Handler = (input) => {
  const { index, query, unitKeys, topic } = input;
  const inPeriod = periodFilter(index, query);
  const recs = ((index.factsByType.get("recommendation") ?? []) as RecommendationFact[]).filter(
    (f) => (unitKeys.length === 0 || unitKeys.includes(f.unitKey)) && (!inPeriod || inPeriod({ ...f, text: f.quote })),
  );
  // "How many recommendations?": the sentence that counts them ("The report made 11 recommendations"), when one does.
  if (query.answerType === "quantity" && unitKeys.length) {
    const counting = passagesOf(index, unitKeys).filter((i) => {
      const p = index.passages[i]!;
      return (
        (!inPeriod || inPeriod(p)) &&
        p.quantities.some((q) => q.counts && words(q.counts).map(stem).includes(RECOMMENDATION))
      );
    });
    const citations = uniqueCitations(
      counting.map((i) => cite(index, index.passages[i]!.docId, index.passages[i]!.text, index.passages[i]!.section)),
    );
    if (citations.length) {
      return {
        lead: `How many recommendations the documents report for ${bold(unitName(index, unitKeys[0]!))}:`,
        answered: true,
        intent: "recommendation",
        citations,
        remember: { unitKey: unitKeys[0], topic },
      };
    }
  }
  const ranked = recs.map((r) => ({ r, score: overlap(r.text, query.terms) })).sort((a, b) => b.score - a.score);
  const onTopic = query.terms.some((t) => t.group >= 0) && (ranked[0]?.score ?? 0) > 0;
  // A list of recommendations, unless the question has a topic none of them is about.
  if (recs.length && (onTopic || !query.terms.some((t) => t.group >= 0))) {
    const { items: shown, more } = cutList(
      onTopic
        ? ranked.filter((x) => x.score >= ranked[0]!.score * TUNING.answers.recommendationsBesideBest).map((x) => x.r)
        : recs,
      query,
      onTopic ? TUNING.answers.quotes : TUNING.answers.listShown.recommendations,
      ["recommendation", "recommendations"],
    );
    const unit = unitName(index, shown[0]!.unitKey);
    const lead = onTopic
      ? `Recommendation${shown.length > 1 ? "s" : ""} on ${bold(topic)} for ${bold(unit)}:`
      : `The recommendations to ${bold(unit)} (${shown[0]!.audience} should):`;
    const citations = shown.map(
      (r) => cite(index, r.docId, `${r.number}. ${r.text}`, r.section) ?? cite(index, r.docId, r.quote, r.section),
    );
    return {
      lead,
      ...(more ? { more } : {}),
      answered: true,
      intent: "recommendation",
      citations: uniqueCitations(citations, shown.length),
      remember: { unitKey: shown[0]!.unitKey, topic },
    };
  }
  // No list on the topic: the passages that report recommendations (a sentence that names them, the one after it,
  // anything in a recommendations section), best on the topic first.
  const aboutRecommendations = (i: number) => {
    const p = index.passages[i]!;
    const before = index.passages[i - 1];
    // In prose, what must be done stands for a recommendation ("Managers were told they must tighten up oversight").
    return (
      (p.directive && SENTENCE_END.test(p.text)) ||
      RECOMMEND.test(p.text) ||
      RECOMMEND.test(p.section ?? "") ||
      (!!before && before.docId === p.docId && RECOMMEND.test(before.text))
    );
  };
  const terms: QueryTerm[] = [...query.terms, { term: stem("recommendations"), weight: 0.5, group: -1, cover: 0 }];
  const allowed = (i: number) => aboutRecommendations(i) && (!inPeriod || inPeriod(index.passages[i]!));
  // With no topic, a unit's such passages in the order its documents give them.
  const hasTopic = query.terms.some((t) => t.group >= 0);
  const hits =
    !hasTopic && unitKeys.length
      ? passagesOf(index, unitKeys)
          .filter(allowed)
          .sort((a, b) => a - b)
          .map((passage) => ({ passage, score: 1, coverage: 0 }))
      : searchPassages(index, terms, { unitKeys, limit: TUNING.answers.searchLimit.recommendations, filter: allowed });
  const onTopicHits = query.terms.some((t) => t.group >= 0) ? hits.filter((h) => h.coverage > 0) : hits;
  if (onTopicHits.length === 0) {
    return unitKeys.length
      ? {
          lead: `The documents report no recommendations${topic ? ` on ${bold(topic)}` : ""} for ${bold(unitName(index, unitKeys[0]!))}${query.year ? ` from ${query.year}` : ""}.`,
          answered: true,
          intent: "recommendation",
          citations: [],
          remember: { unitKey: unitKeys[0] },
        }
      : undefined;
  }
  // "The report made 11 recommendations." is usually followed by what they were: "These include …".
  const citations = diverse(
    index,
    onTopicHits,
    TUNING.answers.quotes,
    TUNING.answers.besideBest.recommendations,
  ).flatMap((h) => {
    const p = index.passages[h.passage]!;
    const next = index.passages[h.passage + 1];
    const continues = next && next.docId === p.docId && /^(?:These|They|This|Among|Including|It)\b/.test(next.text);
    return [
      cite(index, p.docId, p.text, p.section),
      continues ? cite(index, next.docId, next.text, next.section) : undefined,
    ];
  });
  const where = unitKeys.length ? ` for ${bold(unitName(index, unitKeys[0]!))}` : "";
  return {
    lead: `Recommendations${topic ? ` on ${bold(topic)}` : ""}${where}, as the documents report them:`,
    answered: true,
    intent: "recommendation",
    citations: uniqueCitations(citations, 3),
    remember: { unitKey: unitKeys[0], topic },
  };
};

const RECOMMEND = /recommend/i;
const RECOMMENDATION = stem("recommendations");
/** A full sentence, not a crosshead ("What inspectors say needs to change"). */
const SENTENCE_END = /[.!?"”’]$/;

interface ProgressLookup {
  /** The progress rows of every document, in the order of the index's facts. */
  rows: ProgressFact[];
  /** The table's categories ("No progress"), lower case, in the order they first come. */
  categories: string[];
  /** The rows (their places in `rows`) by each word stem of their recommendation and action. */
  byStem: Map<string, Int32Array>;
}

/**
 * A progress row's word stems, remembered per row: a row is the same object in the next index when its document did
 * not change, so a reload stems only the new rows. (Not through stemsOf: its sets would stay for every row.)
 */
const stemsOfRow = new WeakMap<ProgressFact, string[]>();
function rowStems(row: ProgressFact): string[] {
  let stems = stemsOfRow.get(row);
  if (!stems) stemsOfRow.set(row, (stems = [...new Set(words(`${row.recommendation} ${row.action}`).map(stem))]));
  return stems;
}

/** The index's progress rows, their categories, and the rows by their words (for a question about no unit). */
const progressLookup = perIndex(function* (index): Steps<ProgressLookup> {
  const rows = (index.factsByType.get("progress") ?? []) as ProgressFact[];
  const categories = [...new Set(rows.map((f) => f.categorisation.toLowerCase()))];
  const lists = new Map<string, number[]>();
  for (let at = 0; at < rows.length; at++) {
    if (at % ROWS_PER_STEP === 0) yield;
    for (const s of rowStems(rows[at]!)) {
      const list = lists.get(s);
      if (list) list.push(at);
      else lists.set(s, [at]);
    }
  }
  // Typed arrays: about 0.9 MB for the 9,000 rows of a thousand reports.
  return { rows, categories, byStem: new Map([...lists].map(([s, list]) => [s, Int32Array.from(list)] as const)) };
});
/** Progress rows whose words are stemmed between two chances to yield. */
const ROWS_PER_STEP = 500;

export const answerProgress: Handler = (input) => {
  const { index, query, unitKeys, topic } = input;
  const lookup = progressLookup(index);
  // "which recommendations saw no progress": the table's own categories filter its rows.
  const askedCategory = lookup.categories
    .filter((c) => c.length > 3 && query.text.toLowerCase().includes(c))
    .sort((a, b) => b.length - a.length)[0];
  const rows = lookup.rows.filter(
    (f) =>
      (unitKeys.length === 0 || unitKeys.includes(f.unitKey)) &&
      (!askedCategory || f.categorisation.toLowerCase() === askedCategory),
  );
  if (rows.length === 0) {
    const where = unitKeys.length ? ` for ${bold(unitName(index, unitKeys[0]!))}` : "";
    return unitKeys.length
      ? {
          lead: `The documents hold no table of progress on previous recommendations${where}.`,
          answered: true,
          intent: "progress",
          citations: [],
          remember: { unitKey: unitKeys[0] },
        }
      : undefined;
  }
  // Of every unit's rows, only those that share a word with the topic are weighed: the others weigh nothing, so
  // they are never listed beside one that does, and when none does every row is listed as it comes.
  const weighed =
    unitKeys.length === 0 && !askedCategory
      ? [...new Set(query.terms.flatMap((t) => [...(lookup.byStem.get(t.term) ?? [])]))]
          .sort((a, b) => a - b)
          .map((at) => lookup.rows[at]!)
      : rows;
  const ranked = weighed
    .map((r) => ({ r, score: overlap(r.recommendation, query.terms) * 2 + overlap(r.action, query.terms) }))
    .sort((a, b) => b.score - a.score);
  const onTopic = !askedCategory && query.terms.length > 0 && (ranked[0]?.score ?? 0) > 0;
  const { items: shown, more } = cutList(
    onTopic
      ? ranked.filter((x) => x.score >= ranked[0]!.score * TUNING.answers.progressBesideBest).map((x) => x.r)
      : rows,
    query,
    TUNING.answers.listShown.progress,
    ["row of the progress table", "rows of the progress table"],
  );
  const lines = shown.map((r) => `• ${bold(r.categorisation)} — ${r.recommendation}\n   ${em(r.action)}`);
  const unit = unitName(index, shown[0]!.unitKey);
  return {
    lead: `Progress on previous recommendations, ${bold(unit)}${onTopic ? ` (${topic})` : askedCategory ? ` (${askedCategory})` : ""}:\n${lines.join("\n")}`,
    ...(more ? { more } : {}),
    answered: true,
    intent: "progress",
    citations: uniqueCitations(
      shown.map((r) => cite(index, r.docId, r.quote, r.section)),
      shown.length,
    ),
    remember: { unitKey: shown[0]!.unitKey, topic },
  };
};
