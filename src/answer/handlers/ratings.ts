// Ratings, scores and comparisons (two units, or one unit then and now).
import { TUNING } from "../../tuning.js";
import type { Citation, KeyQuestionFact, RatingFact, StatedFact } from "../../types.js";
import type { CorpusIndex } from "../../search/index.js";
import { vocabulary } from "../../vocabulary.js";
import { numberInWords } from "../../text/numbers.js";
import { findRatings } from "../../corpus/vocab-match.js";
import { cite, uniqueCitations } from "../cite.js";
import { undecidedAgainst } from "../../search/recency.js";
import { inspectionYearOfDoc, passagesOf } from "../retrieve.js";
import { ratingsOf } from "../facts.js";
import {
  bold,
  combine,
  cutList,
  inspectionKey,
  quotedDate,
  standardLabel,
  unitName,
  type Handler,
  type HandlerInput,
  type Reply,
} from "../reply.js";
import { extremeAsked } from "../slots.js";

function keyQuestionsOf(index: CorpusIndex, unitKey: string, standard: string, docId: string): KeyQuestionFact[] {
  return (index.factsByUnit.get(unitKey) ?? []).filter(
    (f): f is KeyQuestionFact => f.type === "key-question" && f.standard === standard && f.docId === docId,
  );
}

const citeFact = (index: CorpusIndex, f: { docId: string; quote: string; section?: string }) =>
  cite(index, f.docId, f.quote, f.section);

/** "3/21" as a report writes it, or an article's own words for it. */
function scoreAsQuoted(f: RatingFact): string {
  return f.quote.includes(f.score ?? "") || !f.scoreText ? (f.score ?? "") : f.scoreText;
}

/** The year of an inspection, for telling inspections apart. */
const period = (f: RatingFact) => {
  const key = inspectionKey(f);
  // "2022~" and "2022-09~" (undated, later than that) are inspections of their own.
  return key?.endsWith("~") ? key : key?.slice(0, 4);
};

/** Of the ratings of one inspection, the one whose quote names its year (so the reply can say when). */
function bestOfPeriod(facts: RatingFact[], p: string): RatingFact | undefined {
  const inPeriod = facts.filter((f) => period(f) === p);
  return inPeriod.find((f) => f.quote.includes(p)) ?? inPeriod[0];
}

/** The most recent rating of an inspection before the given one's. */
function earlierThan(facts: RatingFact[], latest: RatingFact): RatingFact | undefined {
  const before = facts.find((f) => period(f) && period(latest) && period(f)! < period(latest)!);
  return before ? bestOfPeriod(facts, period(before)!) : undefined;
}

/** One line per earlier inspection of the same standard: "Previously *Inadequate* (2022)". */
function earlierLines(
  index: CorpusIndex,
  facts: RatingFact[],
  latest: RatingFact,
): { lines: string[]; citations: (Citation | undefined)[] } {
  const seen = new Set([period(latest)]);
  const lines: string[] = [];
  const citations: (Citation | undefined)[] = [];
  for (const first of facts) {
    const p = period(first);
    if (!p || seen.has(p)) continue;
    seen.add(p);
    const f = bestOfPeriod(facts, p)!;
    const c = citeFact(index, f);
    citations.push(c);
    const when = quotedDate(f.inspectionDate, c ? [c] : []);
    const label = (inspectionKey(f) ?? "") < (inspectionKey(latest) ?? "") ? "Previously" : "Later";
    lines.push(
      `${label} ${bold(f.rating)}${when ? ` (inspection of ${when})` : label === "Later" ? " (a later inspection)" : " (an earlier inspection)"}.`,
    );
  }
  return { lines, citations };
}

const FINDING = /\b(?:found|find|concluded|judged)\b/i;
const RATING_WORD = /\b(?:inadequate|requires? improvement|requiring improvement|outstanding|rated|rating)\b/i;

/** A sentence of what the inspectors found about the unit (not the rating itself), from the latest rating's document first. */
function keyFinding(index: CorpusIndex, unitKey: string, latest: RatingFact): Citation | undefined {
  // The unit's own passages (from the index), not a scan of the whole corpus.
  const candidates = passagesOf(index, [unitKey])
    .map((i) => index.passages[i]!)
    .filter(
      (p) =>
        p.unitKeys[0] === unitKey &&
        FINDING.test(p.text) &&
        !RATING_WORD.test(p.text) &&
        p.text.length > TUNING.answers.findingMinChars &&
        p.text.length < TUNING.answers.findingMaxChars,
    );
  const best = candidates.find((p) => p.docId === latest.docId) ?? candidates[0];
  return best ? cite(index, best.docId, best.text, best.section) : undefined;
}

function unitRating(input: HandlerInput, unitKey: string, wantScore: boolean): Reply {
  const { index, query } = input;
  const name = unitName(index, unitKey);
  const standard = query.standard && query.standard !== "overall" ? query.standard : "overall";
  const all = ratingsOf(index, unitKey);
  if (all.length === 0) {
    return {
      lead: `The documents name ${bold(name)} but give no rating for it.`,
      answered: true,
      lacking: true,
      intent: "rating",
      citations: [],
      remember: { unitKey },
    };
  }
  const facts = all.filter((f) => f.standard === standard);
  if (facts.length === 0) {
    const overall = all.filter((f) => f.standard === "overall");
    const fallback = overall[0] ?? all[0]!;
    const c = citeFact(index, fallback);
    return {
      lead: `The documents give no ${standardLabel(standard).toLowerCase()} rating for ${bold(name)}. What they do give: ${standardLabel(fallback.standard).toLowerCase()} ${bold(fallback.rating)}.`,
      answered: true,
      lacking: true,
      intent: "rating",
      citations: uniqueCitations([c]),
      remember: { unitKey, topic: standard },
    };
  }
  // A year in the question ("in 2022", or "at the time" of the thread) picks that inspection, "before" the one
  // ahead of the latest; otherwise the latest. A year the documents hold no rating for is said, never filled with another's.
  const ofYear = (year: string) =>
    bestOfPeriod(facts, year) ?? facts.find((f) => !period(f) && inspectionYearOfDoc(index, f.docId) === year);
  const asked = query.year
    ? ofYear(query.year)
    : query.period?.kind === "previous"
      ? earlierThan(facts, facts[0]!)
      : undefined;
  if (query.year && !asked) {
    return {
      lead: `The documents hold no ${standardLabel(standard).toLowerCase()} rating of ${bold(name)} from ${query.year}.`,
      answered: true,
      lacking: true,
      intent: wantScore ? "score" : "rating",
      citations: [],
      remember: { unitKey, topic: standard },
    };
  }
  const latest = asked ?? facts[0]!;
  const latestCite = citeFact(index, latest);
  // A score comes from the same inspection's overall rating.
  const scored = standard === "overall" ? facts.find((f) => f.score && period(f) === period(latest)) : undefined;
  const scoreCite = scored && scored !== latest ? citeFact(index, scored) : undefined;
  const citations: (Citation | undefined)[] = [latestCite, scoreCite];
  const when = quotedDate(latest.inspectionDate, uniqueCitations(citations));
  let lead: string;
  if (standard === "overall") {
    const score = scored?.score ? `, score ${bold(scoreAsQuoted(scored))}` : "";
    const isLatest = latest === facts[0] || period(latest) === period(facts[0]!);
    lead =
      wantScore && !scored
        ? `The documents give no score for ${bold(name)}; its overall rating is ${bold(latest.rating)}.`
        : `${bold(name)} ${isLatest ? "is" : "was"} rated ${bold(latest.rating)} overall${score}${when ? ` (inspection of ${when})` : ""}.`;
    const sameDoc = all.filter(
      (f) => f.docId === latest.docId && period(f) === period(latest) && f.standard !== "overall",
    );
    const standards = vocabulary.reportStandards.flatMap((s) => sameDoc.filter((f) => f.standard === s).slice(0, 1));
    if (standards.length)
      lead += `\nStandards: ${standards.map((f) => `${standardLabel(f.standard)} — ${f.rating}`).join("; ")}.`;
    // "How many of its standards were inadequate?": the count, worked out from the standards' ratings.
    const counted = query.answerType === "quantity" ? findRatings(query.text)[0]?.value : undefined;
    if (counted && standards.length) {
      const so = standards.filter((f) => f.rating === counted);
      const count = `${numberInWords(so.length)} of the ${numberInWords(standards.length)} standards`;
      lead = `${bold(count)} ${so.length === 1 ? "was" : "were"} rated ${bold(counted)}${so.length ? `: ${so.map((f) => standardLabel(f.standard)).join(", ")}` : ""}.\n${lead}`;
    }
  } else {
    lead = `${bold(name)} — ${standardLabel(standard)}: ${bold(latest.rating)}${when ? ` (inspection of ${when})` : ""}.`;
    const questions = keyQuestionsOf(index, unitKey, standard, latest.docId);
    const driving = questions.find((q) => q.drivesRating);
    const asked = query.theme
      ? questions.find((q) => q.question.toLowerCase().includes(query.theme!.split(" ")[0]!.slice(0, 5)))
      : undefined;
    for (const q of [driving, asked].filter((q, i, a): q is KeyQuestionFact => !!q && a.indexOf(q) === i)) {
      lead += `\n• ${q.question} ${bold(`${q.percentYes}%`)}${q.drivesRating ? " (drives the rating)" : ""}`;
      citations.push(citeFact(index, q));
    }
  }
  const earlier = earlierLines(index, facts, latest);
  if (earlier.lines.length) {
    lead += `\n${earlier.lines.join("\n")}`;
    citations.push(...earlier.citations);
  }
  // Another document's rating that the documents put neither before nor after this one: both are told.
  const undecided = asked ? [] : undecidedAgainst(index.placements, facts, latest).slice(0, 1);
  for (const f of undecided) {
    lead += `\nAnother document gives ${bold(f.rating)}; the documents do not say which inspection is the later one.`;
    citations.push(citeFact(index, f));
  }
  // The headline comes with what the inspectors found, in their words.
  if (standard === "overall" && !wantScore) citations.push(keyFinding(index, unitKey, latest));
  if (query.period?.kind === "previous" && !asked)
    lead = `The documents hold no inspection of ${bold(name)} before this one.\n${lead}`;
  const inspection = latest.inspectionDate;
  const stated: StatedFact[] = [
    { kind: "rating", value: latest.rating, unitKey, ...(inspection ? { inspection } : {}) },
    ...(scored?.score
      ? [{ kind: "score" as const, value: scored.score, unitKey, ...(inspection ? { inspection } : {}) }]
      : []),
  ];
  return {
    lead,
    facts: stated,
    answered: true,
    // The score or the earlier inspection asked for is not in the documents: what they do hold is given instead.
    lacking: (wantScore && !scored) || (query.period?.kind === "previous" && !asked),
    intent: wantScore ? "score" : "rating",
    citations: uniqueCitations(citations, 4),
    remember: { unitKey, topic: standard, answerYear: period(latest) },
  };
}

/** No unit named: the headline (or the named standard's) rating of every unit the documents rate. */
/** The ratings, best first, as the vocabulary lists them. */
const RATING_ORDER = Object.keys(vocabulary.ratings);
/** A score's points ("15/21" → 15), for ordering units of one rating. */
const pointsOf = (f: RatingFact) => Number(f.score?.split("/")[0] ?? 0);

function overview(input: HandlerInput): Reply {
  const { index } = input;
  const standard = input.query.standard ?? "overall";
  // "Which units are inadequate?": only those whose latest rating is the one named.
  const named = findRatings(input.query.text).map((r) => r.value);
  // "Who was inspected in 2022?": each unit's rating of an inspection known to be of that year, never a later one.
  const year = input.query.year;
  const ofYear = (f: RatingFact) =>
    !year || (f.inspectionDate ? f.inspectionDate.startsWith(year) : inspectionYearOfDoc(index, f.docId) === year);
  const lines: string[] = [];
  const citations: (Citation | undefined)[] = [];
  const rated = index.units
    .map((u) => ({ u, latest: ratingsOf(index, u.key, standard).filter(ofYear)[0] }))
    .filter((r): r is { u: (typeof index.units)[number]; latest: RatingFact } => !!r.latest)
    .filter((r) => !named.length || named.includes(r.latest.rating));
  // "Which unit has the highest score?": best first (or worst first), by rating, then by score.
  const extreme = input.query.answerType === "extreme" ? extremeAsked(input.query.text) : undefined;
  if (extreme) {
    const sign = extreme === "high" ? 1 : -1;
    const rank = (f: RatingFact) => RATING_ORDER.indexOf(f.rating);
    rated.sort(
      (a, b) =>
        (rank(a.latest) - rank(b.latest)) * sign ||
        Number(!a.latest.score) - Number(!b.latest.score) ||
        (pointsOf(b.latest) - pointsOf(a.latest)) * sign,
    );
  }
  // Units that share the extreme rating are all named (a score, where known, orders them).
  const sharing = extreme ? rated.filter((r) => r.latest.rating === rated[0]?.latest.rating) : rated;
  // The first few, and how many more: only those shown are cited.
  const { items: listed, more } = cutList(sharing, input.query, TUNING.answers.listShown.units, ["unit", "units"]);
  for (const { u, latest } of listed) {
    const c = citeFact(index, latest);
    // A score is stated only where the quote given for the line holds it.
    const score = latest.score && c?.quote.includes(scoreAsQuoted(latest)) ? scoreAsQuoted(latest) : "";
    lines.push(`• ${bold(u.name)}: ${bold(latest.rating)}${score ? ` (${score})` : ""}`);
    citations.push(c);
  }
  const label = `${extreme ? `${extreme === "high" ? "Highest" : "Lowest"} ` : ""}${standardLabel(standard)}`.replace(
    /^./,
    (c) => c.toUpperCase(),
  );
  // Every number the reply states is in a quote: the year is said when one shows it.
  const shown = uniqueCitations(citations, lines.length);
  const when = !year
    ? ""
    : lines.length === 0 || shown.some((c) => c.quote.includes(year))
      ? ` from ${year}`
      : " from the year asked";
  if (lines.length === 0) {
    const which = named.length ? ` of ${named.join(" or ")}` : "";
    return {
      lead: `The documents give no ${standardLabel(standard).toLowerCase()} rating${which} for any unit${when}.`,
      answered: named.length > 0 || !!year,
      intent: "rating",
      citations: [],
    };
  }
  return {
    lead: `${label} ratings${named.length ? ` of ${named.join(" or ")}` : ""}${when} in the documents:\n${lines.join("\n")}`,
    answered: true,
    intent: "rating",
    citations: shown,
    ...(more ? { more } : {}),
  };
}

export const answerRating: Handler = (input) => {
  if (input.unitKeys.length === 0) return overview(input);
  // Several standards of one unit ("staffing and leadership ratings"): one short answer for each.
  const standards =
    input.query.standards.length > 1
      ? input.query.standards.slice(0, TUNING.answers.standardsPerAnswer)
      : [input.query.standard];
  const replies = input.unitKeys
    .slice(0, 2)
    .flatMap((k) =>
      standards.map((standard) => unitRating({ ...input, query: { ...input.query, standard } }, k, false)),
    );
  return combine(replies, "rating");
};

export const answerScore: Handler = (input) => {
  if (input.unitKeys.length === 0) return overview(input);
  return combine(
    input.unitKeys.slice(0, 2).map((k) => unitRating(input, k, true)),
    "score",
  );
};

export const answerCompare: Handler = (input) => {
  const { index, unitKeys } = input;
  if (unitKeys.length >= 2) {
    const replies = unitKeys
      .slice(0, 3)
      .map((k) => unitRating({ ...input, query: { ...input.query, standard: input.query.standard } }, k, false));
    return { ...combine(replies, "compare"), remember: { unitKey: unitKeys[0] } };
  }
  const unitKey = unitKeys[0];
  if (!unitKey) return overview(input);
  const facts = ratingsOf(index, unitKey, input.query.standard ?? "overall");
  const periods = [...new Set(facts.map(period).filter(Boolean))] as string[];
  if (periods.length < 2) {
    const one = unitRating(input, unitKey, false);
    return {
      ...one,
      lead: `The documents hold one inspection of ${bold(unitName(index, unitKey))}.\n${one.lead}`,
      intent: "compare",
    };
  }
  const lines: string[] = [];
  const citations: (Citation | undefined)[] = [];
  const newest = period(facts[0]!);
  for (const p of periods.sort()) {
    const f = bestOfPeriod(facts, p)!;
    const scoredFact = facts.find((x) => period(x) === p && x.score);
    const c = citeFact(index, f);
    const s = scoredFact && scoredFact !== f ? citeFact(index, scoredFact) : undefined;
    citations.push(c, s);
    const when =
      quotedDate(f.inspectionDate, uniqueCitations([c, s])) ??
      (p === newest ? "the latest inspection" : "an earlier inspection");
    lines.push(`• ${when}: ${bold(f.rating)}${scoredFact?.score ? `, score ${scoreAsQuoted(scoredFact)}` : ""}`);
  }
  return {
    lead: `${bold(unitName(index, unitKey))}, then and now (${standardLabel(input.query.standard ?? "overall").toLowerCase()}):\n${lines.join("\n")}`,
    answered: true,
    intent: "compare",
    citations: uniqueCitations(citations, 4),
    remember: { unitKey },
  };
};
