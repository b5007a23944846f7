// Recommendations made, and progress on the previous ones.
import type { Citation, ProgressFact, RecommendationFact } from "../../types.js";
import { stem, words } from "../../text/tokens.js";
import { cite, escapeMrkdwn, uniqueCitations } from "../cite.js";
import { diverse, searchPassages } from "../retrieve.js";
import type { QueryTerm } from "../question.js";
import { bold, unitName, type Handler } from "../reply.js";

/** How many of the topic's words (or synonyms) a text holds, weighted. */
function overlap(text: string, terms: QueryTerm[]): number {
  const stems = new Set(words(text).map(stem));
  const groups = new Map<number, number>();
  for (const t of terms) if (stems.has(t.term)) groups.set(t.group, Math.max(groups.get(t.group) ?? 0, t.weight));
  return [...groups.values()].reduce((a, b) => a + b, 0);
}

export const answerRecommendation: Handler = (input) => {
  const { index, query, unitKeys, topic } = input;
  const recs = ((index.factsByType.get("recommendation") ?? []) as RecommendationFact[]).filter(
    (f) => (unitKeys.length === 0 || unitKeys.includes(f.unitKey)),
  );
  if (recs.length) {
    const ranked = recs.map((r) => ({ r, score: overlap(r.text, query.terms) })).sort((a, b) => b.score - a.score);
    const onTopic = query.terms.length > 0 && ranked[0]!.score > 0;
    const shown = onTopic ? ranked.filter((x) => x.score >= ranked[0]!.score * 0.75).slice(0, 3).map((x) => x.r) : recs.slice(0, 6);
    const unit = unitName(index, shown[0]!.unitKey);
    const lead = onTopic
      ? `Recommendation${shown.length > 1 ? "s" : ""} on ${bold(topic)} for ${bold(unit)}:`
      : `The recommendations to ${bold(unit)} (${escapeMrkdwn(shown[0]!.audience)} should):`;
    const citations = shown.map((r) => cite(index, r.docId, `${r.number}. ${r.text}`, r.section) ?? cite(index, r.docId, r.quote, r.section));
    return {
      lead,
      answered: true,
      intent: "recommendation",
      citations: uniqueCitations(citations, 6),
      remember: { unitKey: shown[0]!.unitKey, topic },
    };
  }
  // No numbered list: the passages that report recommendations, with the sentence after each.
  const terms: QueryTerm[] = [...query.terms, { term: stem("recommendations"), weight: 2, group: 999, cover: 1 }];
  const hits = searchPassages(index, terms, { unitKeys, limit: 10 }).filter((h) => /recommend/i.test(index.passages[h.passage]!.text));
  if (hits.length === 0) return { lead: "", answered: false, intent: "recommendation", citations: [] };
  const citations: (Citation | undefined)[] = [];
  for (const h of diverse(index, hits, 2, 0.3)) {
    for (const at of [h.passage, h.passage + 1]) {
      const p = index.passages[at];
      if (p && p.docId === index.passages[h.passage]!.docId) citations.push(cite(index, p.docId, p.text, p.section));
    }
  }
  const where = unitKeys.length ? ` for ${bold(unitName(index, unitKeys[0]!))}` : "";
  return {
    lead: `Recommendations${where}, as the documents report them:`,
    answered: true,
    intent: "recommendation",
    citations: uniqueCitations(citations, 3),
    remember: { unitKey: unitKeys[0], topic },
  };
};

export const answerProgress: Handler = (input) => {
  const { index, query, unitKeys, topic } = input;
  const rows = ((index.factsByType.get("progress") ?? []) as ProgressFact[]).filter(
    (f) => (unitKeys.length === 0 || unitKeys.includes(f.unitKey)),
  );
  if (rows.length === 0) {
    const where = unitKeys.length ? ` for ${bold(unitName(index, unitKeys[0]!))}` : "";
    return unitKeys.length
      ? { lead: `The documents hold no table of progress on previous recommendations${where}.`, answered: true, intent: "progress", citations: [], remember: { unitKey: unitKeys[0] } }
      : { lead: "", answered: false, intent: "progress", citations: [] };
  }
  const ranked = rows
    .map((r) => ({ r, score: overlap(r.recommendation, query.terms) * 2 + overlap(r.action, query.terms) }))
    .sort((a, b) => b.score - a.score);
  const onTopic = query.terms.length > 0 && ranked[0]!.score > 0;
  const shown = onTopic ? ranked.filter((x) => x.score >= ranked[0]!.score * 0.8).slice(0, 3).map((x) => x.r) : rows.slice(0, 3);
  const lines = shown.map((r) => `• ${bold(r.categorisation)} — ${escapeMrkdwn(r.recommendation)}\n   _${escapeMrkdwn(r.action)}_`);
  const unit = unitName(index, shown[0]!.unitKey);
  return {
    lead: `Progress on previous recommendations, ${bold(unit)}${onTopic ? ` (${escapeMrkdwn(topic)})` : ""}:\n${lines.join("\n")}`,
    answered: true,
    intent: "progress",
    citations: uniqueCitations(shown.map((r) => cite(index, r.docId, r.quote, r.section))),
    remember: { unitKey: shown[0]!.unitKey, topic },
  };
};
