// Citations: a verbatim quote and its source, checked against the document before it is used.
import type { Citation } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { TUNING } from "../tuning.js";
import { phraseMatcher, queryWords } from "./phrases.js";
import type { ParsedDocument } from "../types.js";
import { quotePieces } from "../text/normalize.js";
import { foundNearby, markupSpans } from "../text/verbatim.js";

const markupOf = new WeakMap<ParsedDocument, Int32Array>();
/** Quotes already checked, per document: the same quote (a rating's sentence) is cited by many answers. */
const checked = new WeakMap<ParsedDocument, Map<string, boolean>>();
/** Quotes remembered per document at most (the oldest are forgotten first). */
const CHECKED_PER_DOCUMENT = 256;

function standsIn(index: CorpusIndex, doc: ParsedDocument, quote: string): boolean {
  let known = checked.get(doc);
  if (!known) checked.set(doc, (known = new Map()));
  let verdict = known.get(quote);
  if (verdict === undefined) {
    verdict = check(index, doc, quote);
    if (known.size >= CHECKED_PER_DOCUMENT) known.delete(known.keys().next().value!);
    known.set(quote, verdict);
  }
  return verdict;
}

/** Whether every piece of a quote stands in the document: near where it should be, else in the whole folded text. */
function check(index: CorpusIndex, doc: ParsedDocument, quote: string): boolean {
  const pieces = quotePieces(quote);
  if (pieces.length === 0) return false;
  // The text is held as bytes and made a string on each reading (see held-text.ts): read once for all the pieces.
  const text = doc.text;
  let markup = markupOf.get(doc);
  if (!markup) markupOf.set(doc, (markup = markupSpans(text)));
  return pieces.every(
    (p) => foundNearby(text, p.text, p.folded, markup) || !!index.folded(doc.meta.id)?.includes(p.folded),
  );
}

/** A citation of `quote` from `docId`, or undefined when the quote is not verbatim in that document. */
export function cite(index: CorpusIndex, docId: string, quote: string, section?: string): Citation | undefined {
  const doc = index.docsById.get(docId);
  if (!doc || !standsIn(index, doc, quote)) return undefined;
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

/** "As a result, …", "This meant …": a sentence that gives the consequence of the one before it. */
const pointsBack = phraseMatcher(queryWords.reasons.pointBack);

/**
 * A passage cited with the rest of its paragraph or list item when that is short: the sentence a search finds
 * ("Work delivered from the satellite office was not conducive …") is often followed by the one that says why. A
 * sentence that points back ("As a result, the PDU was rated …") comes with the sentence it points to.
 */
export function citePassage(index: CorpusIndex, at: number): Citation | undefined {
  const p = index.passages[at]!;
  const opensPointingBack = pointsBack(p.text).some((s) => s.start === 0);
  const first = p.continues && opensPointingBack ? at - 1 : at;
  let last = at;
  while (index.passages[last + 1]?.continues && index.passages[last + 1]!.docId === p.docId) last++;
  const textOf = (to: number) =>
    index.passages
      .slice(first, to + 1)
      .map((q) => q.text)
      .join(" ");
  const end = last > at && textOf(last).length <= TUNING.answers.paragraphMaxChars ? last : at;
  if (end > first) {
    const c = cite(index, p.docId, textOf(end), p.section);
    if (c) return c;
  }
  return cite(index, p.docId, p.text, p.section);
}

const MAX_QUOTE = 420;

/** A quote as shown under an answer's text: long quotes are cut (the citation keeps it whole). */
export function shortQuote(c: Citation): string {
  return c.quote.length > MAX_QUOTE ? `${c.quote.slice(0, MAX_QUOTE).replace(/\s+\S*$/, "")} …` : c.quote;
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
