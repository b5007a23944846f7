// Ratings: the structured ratings page of a report, and ratings stated in sentences.
import type { RatingFact, RatingValue } from "../types.js";
import { squash, QUOTE_GAP } from "../text/normalize.js";
import { vocabulary } from "../vocabulary.js";
import { rowQuote, type Block } from "./blocks.js";
import type { AnnotatedSentence } from "./passages.js";
import type { Mention } from "./units.js";
import { findRatings, findStandards, ratingOfLine, standardOfLabel } from "./vocab-match.js";

const STANDARD_LABEL = /^(?:P\s*)?\d\.\d\.?\s+(.+)$/;
const REPORT_STANDARDS = new Set(vocabulary.reportStandards);

interface ReportContext {
  docId: string;
  unitKey: string;
  inspectionDate?: string;
}

/** The ratings of a report: overall with its score, then each standard, read from label lines followed by a rating line. */
export function reportRatings(blocks: Block[], ctx: ReportContext): RatingFact[] {
  const facts: RatingFact[] = [];
  const have = (standard: string) => facts.some((f) => f.standard === standard);
  const span = (from: number, to: number) =>
    blocks
      .slice(from, to + 1)
      .map((b) => (b.kind === "row" ? rowQuote(b) : squash(b.text)))
      .join(" ");
  const add = (standard: string, rating: RatingValue, from: number, to: number, score?: string) => {
    if (have(standard) || (standard !== "overall" && !REPORT_STANDARDS.has(standard))) return;
    facts.push({
      type: "rating",
      standard,
      rating,
      score,
      unitKey: ctx.unitKey,
      docId: ctx.docId,
      quote: span(from, to),
      section: blocks[from]!.section,
      inspectionDate: ctx.inspectionDate,
    });
  };
  let pendingScore: { score: string; at: number } | undefined;
  for (let i = 0; i < blocks.length; i++) {
    const text = blocks[i]!.text;
    const score = text.match(/^Score:?\s+(\d+\s*\/\s*\d+)$/i);
    if (score) {
      // The quote of a score starts at the line that dates the fieldwork, when there is one just before.
      pendingScore = {
        score: score[1]!.replace(/\s+/g, ""),
        at: i > 0 && /fieldwork|inspect/i.test(blocks[i - 1]!.text) ? i - 1 : i,
      };
      continue;
    }
    const overall = text.match(/^overall rating:?\s*(.*)$/i);
    const label = text.match(STANDARD_LABEL);
    const standard = overall ? "overall" : label ? standardOfLabel(label[1]!) : undefined;
    if (!standard) continue;
    // The rating on the same line ("P 1.1 Leadership<tab>Good", "Overall rating: Inadequate")…
    const rest = overall
      ? overall[1]!
      : label![1]!
          .split(/\t|:\s*/)
          .slice(1)
          .join(" ");
    const sameLine = ratingOfLine(rest.trim());
    const scoreFor = standard === "overall" && pendingScore && i - pendingScore.at <= 4 ? pendingScore : undefined;
    if (sameLine) {
      add(standard, sameLine, scoreFor?.at ?? i, i, scoreFor?.score);
      continue;
    }
    // …or the first line within the next few that is nothing but a rating.
    for (let j = i + 1; j < Math.min(blocks.length, i + 6); j++) {
      const rating = ratingOfLine(blocks[j]!.text);
      if (rating) {
        add(standard, rating, scoreFor?.at ?? i, j, scoreFor?.score);
        break;
      }
      if (STANDARD_LABEL.test(blocks[j]!.text) || /^overall rating/i.test(blocks[j]!.text)) break;
    }
  }
  return facts;
}

/** How many different rating values a sentence names when it describes the rating scale rather than rating anything. */
const SCALE_DESCRIPTION_VALUES = 3;

/** In prose "probation services" means the whole service, not the Services standard. */
const PROSE_AMBIGUOUS = new Set(["services"]);

const RATING_CUE =
  /\b(?:rat(?:ed|ing|ings)|judged|found|described|conclu\w+|deemed|assessed|inspectors?|score[ds]?)\b/i;

interface SentenceContext {
  docId: string;
  inspectionDate?: string;
  /** The unit a sentence without a mention is about (the last one the document named). */
  unitOf: (passage: AnnotatedSentence) => string | undefined;
  mentionsIn: (text: string) => Mention[];
  /** Only sentences about an earlier inspection count (a report's own ratings come from its ratings page). */
  onlyEarlierInspections?: boolean;
}

/** Ratings stated in prose: "Derby City was described as 'requiring improvement'". */
export function sentenceRatings(passages: AnnotatedSentence[], ctx: SentenceContext): RatingFact[] {
  const facts: RatingFact[] = [];
  for (const p of passages) {
    const found = findRatings(p.text);
    if (found.length === 0 || !RATING_CUE.test(p.text)) continue;
    // A sentence that names most of the scale ("a four-point scale: 'Outstanding', 'Good', …") describes it, rating nothing.
    if (new Set(found.map((f) => f.value)).size >= SCALE_DESCRIPTION_VALUES) continue;
    const previous = p.period.relation === "previous";
    if (ctx.onlyEarlierInspections && !previous) continue;
    const year = p.period.year;
    const mentions = ctx.mentionsIn(p.text);
    let clauseStart = 0;
    for (const rating of found) {
      if (!isRatingUse(p.text, rating.start, rating.end, rating.value)) continue;
      const before = mentions.filter((m) => m.end <= rating.start);
      const unitKey = (before.at(-1) ?? mentions.find((m) => m.start >= rating.end))?.unitKey ?? ctx.unitOf(p);
      if (!unitKey) continue;
      // Standards named in the clause before the rating word, outside unit names ("Probation Delivery Unit").
      const clause = p.text.slice(clauseStart, rating.start);
      const inClause = findStandards(clause).filter(
        (s) =>
          !mentions.some((m) => s.start + clauseStart < m.end && s.end + clauseStart > m.start) &&
          !PROSE_AMBIGUOUS.has(s.value),
      );
      const standards = inClause.filter((s) => s.value !== "overall");
      const overall =
        inClause.some((s) => s.value === "overall") || /^\W{0,3}\s*overall\b/i.test(p.text.slice(rating.end));
      const targets = standards.length && !overall ? [...new Set(standards.map((s) => s.value))] : ["overall"];
      for (const standard of targets) {
        facts.push({
          type: "rating",
          standard,
          rating: rating.value,
          unitKey,
          docId: ctx.docId,
          quote: p.text,
          section: p.section,
          inspectionDate:
            yearOfClause(p.text, clauseStart, rating.start, rating.end) ??
            (found.length === 1 ? year : undefined) ??
            (previous ? undefined : ctx.inspectionDate),
          ...(previous ? { earlier: true } : {}),
        });
      }
      clauseStart = rating.end;
    }
  }
  return facts;
}

/**
 * The year the clause of one rating names: from just after the previous clause's boundary to the end of this one.
 * "rated requires improvement in 2023, and has now been rated good" gives 2023 to the first rating only.
 */
function yearOfClause(text: string, previousEnd: number, start: number, end: number): string | undefined {
  const boundary = previousEnd > 0 ? text.slice(previousEnd, start).search(/[,;]|\band\b|\bbut\b|\bwhile\b/) : -1;
  const from = boundary >= 0 ? previousEnd + boundary + 1 : previousEnd;
  const to = end + Math.max(0, text.slice(end).search(/[,;.]|\band\b|\bbut\b|\bwhile\b|$/));
  const years = text.slice(from, to).match(/\b(?:19|20)\d{2}\b/g);
  return years && years.length === 1 ? years[0] : undefined;
}

/** "good" and the like are ratings only when quoted or after a rating verb, not in "good relations". */
function isRatingUse(text: string, start: number, end: number, value: RatingValue): boolean {
  const before = text.slice(Math.max(0, start - 40), start);
  const after = text.slice(end, end + 25);
  const quoted = /["'‘“[]\s*$/.test(before) || /^\s*[\]"'’”]/.test(after);
  if (quoted) return true;
  if (/^\s+(?:of|to|in|for|at|and|with)\b/i.test(after) && value === "Good") return false;
  if (value === "Good" || value === "Outstanding") return /\b(?:as|rated|judged|was|were|be|been)\s+$/i.test(before);
  return (
    /\b(?:as|rated|judged|was|were|been|be|of|is|are|found|remained|deemed)\s+$/i.test(before) ||
    /^\s*[,.]/.test(after) ||
    /\b(?:requires?|requiring)\b/i.test(text.slice(start, end))
  );
}

/** A score a sentence states: a ratio of points ("2 inspection points out of 27", "scored 14 out of 21"), or "N/M" after "scored". */
export function scoreInSentence(sentence: AnnotatedSentence): { score: string; text: string } | undefined {
  const scored = /\bscor(?:e|ed|es|ing)\b/i.test(sentence.text);
  const q = sentence.quantities.find(
    (x) => x.kind === "ratio" && x.total && (/\bpoints?\b/.test(x.counts ?? "") || scored),
  );
  return q ? { score: `${q.value}/${q.total}`, text: q.text } : undefined;
}

/** Adds article scores ("2 inspection points out of 27") to the overall rating of the same unit and document. */
export function attachScores(
  facts: RatingFact[],
  passages: AnnotatedSentence[],
  unitOf: (p: AnnotatedSentence) => string | undefined,
  mentionsIn: (t: string) => Mention[],
): void {
  for (const p of passages) {
    const found = scoreInSentence(p);
    if (!found) continue;
    const unitKey = mentionsIn(p.text)[0]?.unitKey ?? unitOf(p);
    const overall = facts.find((f) => f.unitKey === unitKey && f.standard === "overall" && !f.score);
    if (overall) {
      overall.score = found.score;
      overall.scoreText = found.text;
      if (!overall.quote.includes(p.text)) overall.quote = `${overall.quote}${QUOTE_GAP}${p.text}`;
    }
  }
}
