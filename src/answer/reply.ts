// What every handler returns, and small helpers for writing briefing-style replies.
import { MONTH_NAMES } from "../text/calendar.js";
import type { Answer, Citation, Intent, RatingFact, Span, StatedFact, ThreadContext, Unit } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import type { Query } from "./question.js";
import { shortQuote } from "./cite.js";
import { spansOf, strong } from "./spans.js";

export interface Reply {
  /** The fact first, plain text with emphasis marked by `strong()` and friends (./spans.ts); never mrkdwn. */
  lead: string;
  /** Example questions to offer ("Try: …"). */
  suggestions?: string[];
  /** The values the lead states (a rating, a score, a figure, a date, a person). */
  facts?: StatedFact[];
  answered: boolean;
  intent: Intent;
  citations: Citation[];
  /** What the conversation should remember (unit, topic). */
  remember?: Partial<ThreadContext>;
  /** Quotes are not appended to the text (the lead already lists sources). */
  quotesInLead?: boolean;
  /** The unit is known but the documents lack what was asked ("I don't have …"). */
  lacking?: boolean;
}

export interface HandlerInput {
  index: CorpusIndex;
  query: Query;
  context: ThreadContext;
  /** The units the question is about, after follow-up resolution. */
  unitKeys: string[];
  /** The topic, after follow-up resolution. */
  topic: string;
  /** Documents of the publisher the question names ("what did the BBC report"), if it names one. */
  publisherDocs?: Set<string>;
}

export type Handler = (input: HandlerInput) => Reply;

const unitsByKey = new WeakMap<CorpusIndex, Map<string, Unit>>();
export function unitOf(index: CorpusIndex, key: string): Unit | undefined {
  let byKey = unitsByKey.get(index);
  if (!byKey) {
    byKey = new Map();
    for (const u of index.units) if (!byKey.has(u.key)) byKey.set(u.key, u);
    unitsByKey.set(index, byKey);
  }
  return byKey.get(key);
}

export function unitName(index: CorpusIndex, key: string): string {
  return unitOf(index, key)?.name ?? key;
}

export const bold = strong;

export function standardLabel(standard: string): string {
  return standard === "overall" ? "overall" : standard.charAt(0).toUpperCase() + standard.slice(1);
}

/** "2025-03" → "March 2025"; "2022" → "2022". */
export function displayDate(date: string | undefined): string | undefined {
  if (!date) return undefined;
  const m = date.match(/^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?$/);
  if (!m) return date;
  const month = m[2] ? MONTH_NAMES[Number(m[2]) - 1] : undefined;
  return [m[3] ? String(Number(m[3])) : undefined, month, m[1]].filter(Boolean).join(" ");
}

/** A date is said in the text only when a quote shows it, so that every figure in a reply is quoted. */
export function quotedDate(date: string | undefined, citations: Citation[]): string | undefined {
  const shown = displayDate(date);
  if (!shown) return undefined;
  const quotes = citations.map((c) => c.quote).join(" ");
  const year = shown.match(/\d{4}/)?.[0];
  if (year && !quotes.includes(year)) return undefined;
  const month = shown.match(/[A-Z][a-z]+/)?.[0];
  if (month && !quotes.includes(month)) return year;
  return shown;
}

/**
 * A fact's inspection as a sortable key: its year (and month), or for an undated inspection known to be later than
 * a year, that year with "~" (after every date of that year, before the next).
 */
export function inspectionKey(f: { inspectionDate?: string; inspectionAfter?: string }): string | undefined {
  return f.inspectionDate ?? (f.inspectionAfter ? `${f.inspectionAfter}~` : undefined);
}

/** The most recent rating first: by inspection date, a report before an article, an earlier line of the document first. */
export function byRecency(index: CorpusIndex) {
  return (a: RatingFact, b: RatingFact) => {
    // Within one document, its own inspection comes before an earlier one it recalls.
    if (a.docId === b.docId && !!a.earlier !== !!b.earlier) return a.earlier ? 1 : -1;
    const da = inspectionKey(a) ?? "";
    const db = inspectionKey(b) ?? "";
    if (da !== db) return db.localeCompare(da);
    const ka = index.docsById.get(a.docId)?.meta.kind === "inspection report" ? 0 : 1;
    const kb = index.docsById.get(b.docId)?.meta.kind === "inspection report" ? 0 : 1;
    return ka - kb;
  };
}

/** The reply as the Answer's parts, and its text rendered from them. */
export function answerOf(reply: Reply): Answer {
  const lead = spansOf(reply.lead);
  const suggestions = reply.suggestions ?? [];
  return {
    status: reply.lacking ? "lacking" : reply.answered ? "answered" : "refused",
    lead,
    facts: reply.facts ?? [],
    suggestions,
    text: textOf(lead, suggestions, reply.quotesInLead ? [] : reply.citations),
    answered: reply.answered,
    intent: reply.intent,
    citations: reply.citations,
  };
}

/** Markdown-ish plain text, unescaped: the lead, the suggestions, then the quotes as "> " lines. */
function textOf(lead: Span[], suggestions: string[], quoted: Citation[]): string {
  const leadText = lead
    .map((s) =>
      s.url
        ? `${s.text} (${s.url})`
        : s.strong
          ? `*${s.text}*`
          : s.em
            ? `_${s.text}_`
            : s.code
              ? `\`${s.text}\``
              : s.text,
    )
    .join("");
  const lines = [leadText];
  if (suggestions.length) lines.push(`Try: ${suggestions.map((q) => `\`${q}\``).join(" · ")}`);
  for (const c of quoted) lines.push(`> ${shortQuote(c)}`, `> — _${c.publisher}: ${c.title}_`);
  return lines.filter((l, i) => i > 0 || l !== "").join("\n");
}
