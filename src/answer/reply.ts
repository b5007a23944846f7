// What every handler returns, and small helpers for writing briefing-style replies.
import { MONTH_NAMES } from "../text/calendar.js";
import type { Answer, Citation, Intent, RatingFact, Span, StatedFact, ThreadContext } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import type { Query } from "./question.js";
import { shortQuote, uniqueCitations } from "./cite.js";
import { spansOf, strong } from "./spans.js";
import { unitName } from "./units-of.js";
import { TUNING } from "../tuning.js";

export interface Reply {
  /** The fact first, plain text with emphasis marked by `strong()` and friends (./spans.ts); never mrkdwn. */
  lead: string;
  /** Example questions to offer ("Try: …"). */
  suggestions?: string[];
  /** What a list leaves out (./reply.ts `cutList`). */
  more?: string;
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

/** One way of answering. `undefined`: it found nothing to say, and the plan (./plan.ts) tries the next. */
export type Handler = (input: HandlerInput) => Reply | undefined;

/**
 * The unit is known but the documents hold nothing on what was asked ("I don't have figures on the budget for X").
 * The plan adds what the documents do hold on the unit.
 */
export function lackingOn(input: HandlerInput, topic: string, what: "figures" | "anything"): Reply {
  const unitKey = input.unitKeys[0]!;
  const on =
    what === "figures" ? (topic ? `figures on ${bold(topic)}` : "that figure") : `anything on ${bold(topic || "that")}`;
  return {
    lead: `I don't have ${on} for ${bold(unitName(input.index, unitKey))}${input.query.year ? ` from ${input.query.year}` : ""} in the documents.`,
    answered: true,
    intent: what === "figures" ? "statistic" : "finding",
    citations: [],
    remember: { unitKey, topic },
    lacking: true,
  };
}

export { unitOf, unitName } from "./units-of.js";

export const bold = strong;

/**
 * The first `shown` items of a list, or (when the question asks for all of them) up to `TUNING.answers.wholeList`,
 * and a sentence that says how many are left out.
 */
export function cutList<T>(
  items: T[],
  query: Query,
  shown: number,
  noun: [string, string],
): { items: T[]; more?: string } {
  const limit = query.wholeList ? Math.max(shown, TUNING.answers.wholeList) : shown;
  const left = items.length - limit;
  if (left <= 0) return { items };
  const what = left === 1 ? noun[0] : noun[1];
  return {
    items: items.slice(0, limit),
    more: `${left} more ${what} not shown${query.wholeList ? "" : ": ask for all of them"}.`,
  };
}

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

/** Answers about several units (or standards) as one: each lead in turn, their facts and quotes together. */
export function combine(replies: Reply[], intent: Reply["intent"]): Reply {
  return {
    lead: replies.map((r) => r.lead).join("\n\n"),
    facts: replies.flatMap((r) => r.facts ?? []),
    answered: replies.some((r) => r.answered),
    lacking: replies.length > 0 && replies.every((r) => r.lacking),
    intent,
    citations: uniqueCitations(
      replies.flatMap((r) => r.citations),
      TUNING.answers.combinedQuotes,
    ),
    remember: replies[0]?.remember,
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
    ...(reply.more ? { more: reply.more } : {}),
    text: textOf(lead, suggestions, reply.quotesInLead ? [] : reply.citations, reply.more),
    answered: reply.answered,
    intent: reply.intent,
    citations: reply.citations,
  };
}

/** Markdown-ish plain text, unescaped: the lead, the suggestions, then the quotes as "> " lines. */
function textOf(lead: Span[], suggestions: string[], quoted: Citation[], more?: string): string {
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
  if (more) lines.push(`_${more}_`);
  if (suggestions.length) lines.push(`Try: ${suggestions.map((q) => `\`${q}\``).join(" · ")}`);
  for (const c of quoted) lines.push(`> ${shortQuote(c)}`, `> — _${c.publisher}: ${c.title}_`);
  return lines.filter((l, i) => i > 0 || l !== "").join("\n");
}
