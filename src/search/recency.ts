// Which inspection is the latest. A document without a date is placed by what the documents say of it:
// its own words ("previously rated 'inadequate' in 2022" makes it later than 2022), the words it shares with a dated
// document (a press release and an article quoting the same sentence report the same inspection), or the one dated
// inspection of its unit that gave the rating it reports. What stays unknown stays unknown: ratings whose order the
// documents do not settle are both kept, and the answer says so.
import type { Fact, ParsedDocument, RatingFact } from "../types.js";
import { foldForMatch } from "../text/normalize.js";
import { endOf, inspectionDateOf } from "../corpus/dates.js";

/** Where a document's own inspection stands in time, when the document prints no date. */
export interface Placement {
  /** The inspection's date, from another document. */
  date?: string;
  /** The inspection is later than this (YYYY or YYYY-MM). */
  after?: string;
  /** How it was placed, for `sources` and ingest: "later than 2022: 'was previously rated … in 2022'". */
  evidence: string;
}

/** A quotation two documents share must be this long (in words) to say they report the same inspection. */
const MIN_SHARED_QUOTE_WORDS = 10;

const QUOTED = /“([^”\n]+)”|"([^"\n]+)"/g;

function quotedSpans(text: string): Set<string> {
  const spans = new Set<string>();
  for (const m of text.matchAll(QUOTED)) {
    const words = (m[1] ?? m[2])!;
    if (words.split(/\s+/).length >= MIN_SHARED_QUOTE_WORDS) spans.add(foldForMatch(words));
  }
  return spans;
}

/** Each document's own-inspection facts that carry no date (not those of an earlier inspection it recalls). */
function undatedFactsByDoc(facts: Fact[]): Map<string, Fact[]> {
  const byDoc = new Map<string, Fact[]>();
  for (const f of facts) if (!f.inspectionDate && !f.earlier) (byDoc.get(f.docId) ?? byDoc.set(f.docId, []).get(f.docId)!).push(f);
  return byDoc;
}

/** The later of two bounds. */
const laterBound = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : endOf(b) > endOf(a) ? b : a);

/**
 * Places every document whose own facts carry no date, and dates those facts where another document fixes the date.
 * `facts` are the index's copies (re-keyed to merged units); they are changed in place.
 */
export function placeUndatedDocuments(documents: ParsedDocument[], facts: Fact[]): Map<string, Placement> {
  const placements = new Map<string, Placement>();
  const own = undatedFactsByDoc(facts);
  const undated = documents.filter((d) => own.has(d.meta.id));
  if (undated.length === 0) return placements;
  for (const d of undated) {
    // What the document says of itself: its metadata's bound, and the earlier inspection its sentences recall.
    const recalled = own.get(d.meta.id)!.find((f) => f.inspectionAfter)?.inspectionAfter;
    const after = laterBound(d.meta.after, recalled);
    if (after) placements.set(d.meta.id, { after, evidence: after === d.meta.after ? `later than ${after}: "${d.meta.afterEvidence ?? ""}"` : `later than the ${after} inspection it recalls` });
  }

  const unitsOf = new Map<string, Set<string>>();
  for (const f of facts) if (f.unitKey) (unitsOf.get(f.docId) ?? unitsOf.set(f.docId, new Set()).get(f.docId)!).add(f.unitKey);
  const shareUnit = (a: string, b: string) => [...(unitsOf.get(a) ?? [])].some((u) => unitsOf.get(b)?.has(u));
  const spans = new Map<string, Set<string>>();
  const spansOf = (d: ParsedDocument) => spans.get(d.meta.id) ?? spans.set(d.meta.id, quotedSpans(d.text)).get(d.meta.id)!;

  for (const d of undated) {
    // The same words quoted in a document of the same unit: the same inspection.
    for (const other of documents) {
      if (other === d || !shareUnit(d.meta.id, other.meta.id)) continue;
      const mine = spansOf(d);
      if (mine.size === 0) break;
      const shared = [...spansOf(other)].find((s) => mine.has(s));
      if (!shared) continue;
      const otherDate = other.meta.date ? inspectionDateOf(other.text, other.meta).date : placements.get(other.meta.id)?.date;
      const otherPlacement = placements.get(other.meta.id);
      const evidence = `quotes the same words as "${other.meta.title}"`;
      if (otherDate) {
        placements.set(d.meta.id, { date: otherDate, evidence });
        break;
      }
      const after = laterBound(placements.get(d.meta.id)?.after, otherPlacement?.after);
      if (after) {
        placements.set(d.meta.id, { after, evidence });
        placements.set(other.meta.id, { ...otherPlacement, after, evidence: otherPlacement?.evidence ?? `quotes the same words as "${d.meta.title}"` });
      }
    }
    if (placements.get(d.meta.id)?.date) continue;
    const matched = inspectionWithSameRating(facts, own.get(d.meta.id)!, placements.get(d.meta.id)?.after);
    if (matched) placements.set(d.meta.id, { date: matched.date, evidence: `the only inspection of its unit rated ${matched.rating} ${matched.date} (as ${matched.docId} says)` });
  }
  for (const [docId, p] of placements) {
    for (const f of own.get(docId) ?? []) {
      if (p.date) f.inspectionDate = p.date;
      // A year is a bound the answers sort by ("2022~": after all of 2022); a month bound stays with the placement.
      else if (p.after && p.after.length === 4) f.inspectionAfter = laterBound(f.inspectionAfter, p.after);
    }
  }
  return placements;
}

/**
 * The document's headline rating (its first overall rating of a unit) matched to the dated inspections of that unit
 * its bound allows: placed when exactly one of them gave that rating.
 */
function inspectionWithSameRating(facts: Fact[], own: Fact[], after?: string): { date: string; rating: string; docId: string } | undefined {
  const headline = own.find((f): f is RatingFact => f.type === "rating" && f.standard === "overall");
  if (!headline) return undefined;
  const docId = headline.docId;
  const dated = facts.filter(
    (f): f is RatingFact =>
      f.type === "rating" && f.standard === "overall" && f.docId !== docId && f.unitKey === headline.unitKey && !!f.inspectionDate && (!after || endOf(f.inspectionDate) > endOf(after)),
  );
  const years = new Map<string, RatingFact[]>();
  for (const f of dated) years.set(f.inspectionDate!.slice(0, 4), [...(years.get(f.inspectionDate!.slice(0, 4)) ?? []), f]);
  const same = [...years.values()].filter((fs) => fs.some((f) => f.rating === headline.rating));
  if (same.length !== 1) return undefined;
  const f = same[0]!.find((x) => x.rating === headline.rating)!;
  return { date: f.inspectionDate!, rating: f.rating, docId: f.docId };
}

/** The bound a fact's inspection is known to be later than: its own, or its document's placement. */
const afterOf = (placements: Map<string, Placement>, f: Fact) => laterBound(f.inspectionAfter, placements.get(f.docId)?.after);

/** True when the documents settle that `a`'s inspection is later than `b`'s. */
export function certainlyLater(placements: Map<string, Placement>, a: Fact, b: Fact): boolean {
  if (!b.inspectionDate) return false;
  if (a.inspectionDate) return endOf(a.inspectionDate) > endOf(b.inspectionDate);
  const after = afterOf(placements, a);
  return !!after && endOf(after) >= endOf(b.inspectionDate);
}

/** Ratings of other documents that differ from `latest` and that the documents do not place before or after it. */
export function undecidedAgainst(placements: Map<string, Placement>, facts: RatingFact[], latest: RatingFact): RatingFact[] {
  const samePeriod = (a: Fact, b: Fact) => !!a.inspectionDate && !!b.inspectionDate && a.inspectionDate.slice(0, 4) === b.inspectionDate.slice(0, 4);
  return facts.filter(
    (f) =>
      f.docId !== latest.docId &&
      f.rating !== latest.rating &&
      !f.earlier &&
      !samePeriod(f, latest) &&
      !certainlyLater(placements, latest, f) &&
      !certainlyLater(placements, f, latest),
  );
}
