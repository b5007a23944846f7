// "Why was it rated inadequate?", "why?" after a rating: the sentences of the unit's documents that give the causes
// of its rating (of the standard and inspection asked, or the latest overall), in the inspectors' words.
import { TUNING } from "../../tuning.js";
import { words } from "../../text/tokens.js";
import { citePassage, uniqueCitations } from "../cite.js";
import { ratingsOf } from "../facts.js";
import { queryWords } from "../phrases.js";
import { queryTerms, type QueryTerm } from "../question.js";
import { diverse, periodFilter, searchPassages } from "../retrieve.js";
import { bold, standardLabel, unitName, type Handler } from "../reply.js";

const PRAISING = new Set(queryWords.reasons.praising);
const SENTENCE_END = /[.!?"”’]$/;
const { reasonWeights } = TUNING.answers;

/** Terms that add to the question's own words without standing for any of them. */
const beside = (list: string[], weight: number): QueryTerm[] =>
  queryTerms(list.flatMap((w) => words(w))).map((t) => ({ ...t, weight, group: -1, cover: 0 }));

export const answerReasons: Handler = (input) => {
  const { index, query, context } = input;
  const unitKey = input.unitKeys[0] ?? context.unitKey;
  if (!unitKey) return undefined;
  const standard = query.standard ?? (context.topic && context.topic !== "overall" ? context.topic : undefined);
  const inPeriod = periodFilter(index, query);
  const rating = ratingsOf(index, unitKey, standard ?? "overall").filter(
    (r) => !inPeriod || inPeriod({ ...r, text: r.quote }),
  )[0];
  if (!rating) return undefined;
  const tone = PRAISING.has(rating.rating) ? "strength" : "weakness";
  const terms = [
    ...queryTerms(standard ? words(standard) : []).map((t) => ({ ...t, weight: reasonWeights.topic })),
    ...beside([rating.rating], reasonWeights.rating),
    ...beside(queryWords.reasons.causes, reasonWeights.cause),
    ...beside(queryWords.reasons[tone], reasonWeights.tone),
  ];
  const section = standard?.split(" ")[0];
  const hits = searchPassages(index, terms, {
    unitKeys: [unitKey],
    limit: TUNING.answers.searchLimit.sources,
    filter: (i) => {
      const p = index.passages[i]!;
      const onStandard =
        !section || (p.section ?? "").toLowerCase().includes(section) || p.text.toLowerCase().includes(section);
      // A headline ("X probation service rated 'good'") states the rating; it gives no reason.
      return onStandard && SENTENCE_END.test(p.text) && (!inPeriod || inPeriod(p));
    },
  });
  const chosen = diverse(index, hits, TUNING.answers.quotes, TUNING.answers.besideBest.sources);
  if (chosen.length === 0) return undefined;
  const what = standard ? ` for ${standardLabel(standard).toLowerCase()}` : "";
  return {
    lead: `Why ${bold(unitName(index, unitKey))} was rated ${bold(rating.rating)}${what}, in the inspectors' words:`,
    facts: [
      {
        kind: "rating",
        value: rating.rating,
        unitKey,
        ...(rating.inspectionDate ? { inspection: rating.inspectionDate } : {}),
      },
    ],
    answered: true,
    intent: "followup-why",
    citations: uniqueCitations(chosen.map((h) => citePassage(index, h.passage))),
    remember: { unitKey, topic: standard ?? "overall" },
  };
};
