// Citations: a verbatim quote and its source, checked against the document before it is used.
import type { Citation } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { isVerbatim } from "../text/normalize.js";

/** A citation of `quote` from `docId`, or undefined when the quote is not verbatim in that document. */
export function cite(index: CorpusIndex, docId: string, quote: string, section?: string): Citation | undefined {
  const doc = index.docsById.get(docId);
  const folded = index.folded(docId);
  if (!doc || !folded || !isVerbatim(quote, folded)) return undefined;
  const { title, publisher, date, url } = doc.meta;
  return {
    quote,
    doc: docId,
    title,
    publisher,
    ...(date ? { date } : {}),
    ...(url ? { url } : {}),
    ...(section ? { section } : {}),
  };
}

/** Escapes text for Slack mrkdwn: only &, < and >, which also keeps any <!channel> or <@U…> from going live. */
export function escapeMrkdwn(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

const MAX_QUOTE = 420;

/** A quote as a mrkdwn block quote line with its publisher; long quotes are shown cut (the citation keeps it whole). */
export function quoteLine(c: Citation): string {
  const text = c.quote.length > MAX_QUOTE ? `${c.quote.slice(0, MAX_QUOTE).replace(/\s+\S*$/, "")} …` : c.quote;
  return `> ${escapeMrkdwn(text)}\n> — _${escapeMrkdwn(c.publisher)}: ${escapeMrkdwn(c.title)}_`;
}

/** Drops repeated citations (same document and quote) and undefined ones, keeping order; at most `max`. */
export function uniqueCitations(list: (Citation | undefined)[], max = 3): Citation[] {
  const seen = new Set<string>();
  const out: Citation[] = [];
  for (const c of list) {
    if (!c) continue;
    const key = `${c.doc}\u0000${c.quote}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(c);
    if (out.length >= max) break;
  }
  return out;
}
