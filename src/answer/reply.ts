// What every handler returns, and small helpers for writing briefing-style replies.
import { MONTH_NAMES } from "../text/calendar.js";
import type { Citation, Intent, RatingFact, ThreadContext, Unit } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import type { Query } from "./question.js";
import { escapeMrkdwn, quoteLine } from "./cite.js";

export interface Reply {
  /** The fact first, in mrkdwn; quotes are appended from `citations`. */
  lead: string;
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

export function unitOf(index: CorpusIndex, key: string): Unit | undefined {
  return index.units.find((u) => u.key === key);
}

export function unitName(index: CorpusIndex, key: string): string {
  return unitOf(index, key)?.name ?? key;
}

export function bold(text: string): string {
  return `*${escapeMrkdwn(text)}*`;
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

/** The final text: the lead, then the quotes. */
export function render(reply: Reply): string {
  if (reply.quotesInLead || reply.citations.length === 0) return reply.lead;
  return `${reply.lead}\n${reply.citations.map(quoteLine).join("\n")}`;
}
