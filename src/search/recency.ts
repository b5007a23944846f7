// Which inspection is the latest. A document without a date is placed by what the documents say of it:
// its own words ("previously rated 'inadequate' in 2022" makes it later than 2022), the words it shares with a dated
// document (a press release and an article quoting the same sentence report the same inspection), or the one dated
// inspection of its unit that gave the rating it reports. What stays unknown stays unknown: ratings whose order the
// documents do not settle are both kept, and the answer says so.
import type { Fact, ParsedDocument, RatingFact } from "../types.js";
import { foldForMatch } from "../text/normalize.js";
import { endOf } from "../corpus/dates.js";

/** Where a document's own inspection stands in time, when the document prints no date. */
export interface Placement {
  /** The inspection's date, from another document. */
  date?: string;
  /** The inspection is later than this (YYYY or YYYY-MM). */
  after?: string;
  /** The document was written before this (YYYY-MM). */
  before?: string;
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
  for (const f of facts)
    if (!f.inspectionDate && !f.earlier) (byDoc.get(f.docId) ?? byDoc.set(f.docId, []).get(f.docId)!).push(f);
  return byDoc;
}

/** The later of two bounds. */
const laterBound = (a: string | undefined, b: string | undefined) => (!a ? b : !b ? a : endOf(b) > endOf(a) ? b : a);

/**
 * Places every document whose own facts carry no date, and dates those facts where another document fixes the date.
 * `facts` are the index's: those without a date are its own copies (see indexSteps), changed in place.
 */
export function* placeUndatedSteps(
  documents: ParsedDocument[],
  facts: Fact[],
): Generator<void, Map<string, Placement>> {
  const placements = new Map<string, Placement>();
  const own = undatedFactsByDoc(facts);
  const undated = documents.filter((d) => own.has(d.meta.id));
  if (undated.length === 0) return placements;
  yield;
  for (const d of undated) {
    // What the document says of itself: its metadata's bound, and the earlier inspection its sentences recall.
    const recalled = own.get(d.meta.id)!.find((f) => f.inspectionAfter)?.inspectionAfter;
    const after = laterBound(d.meta.after, recalled);
    const before = d.meta.before ? { before: d.meta.before } : {};
    if (after)
      placements.set(d.meta.id, {
        after,
        ...before,
        evidence:
          after === d.meta.after
            ? `later than ${after} (${d.meta.afterEvidence ?? "its words"})`
            : `later than the ${after} inspection it recalls`,
      });
    else if (d.meta.before)
      placements.set(d.meta.id, {
        ...before,
        evidence: `earlier than ${d.meta.before} (${d.meta.beforeEvidence ?? "its words"})`,
      });
  }

  yield;
  const unitsOf = new Map<string, Set<string>>();
  const docsOf = new Map<string, Set<string>>();
  for (const f of facts) {
    if (!f.unitKey) continue;
    (unitsOf.get(f.docId) ?? unitsOf.set(f.docId, new Set()).get(f.docId)!).add(f.unitKey);
    (docsOf.get(f.unitKey) ?? docsOf.set(f.unitKey, new Set()).get(f.unitKey)!).add(f.docId);
  }
  const position = new Map(documents.map((d, i) => [d.meta.id, i]));
  /** The other documents that speak of one of its units, in corpus order. */
  const neighbours = (d: ParsedDocument) => {
    const ids = new Set([...(unitsOf.get(d.meta.id) ?? [])].flatMap((u) => [...(docsOf.get(u) ?? [])]));
    ids.delete(d.meta.id);
    return [...ids].sort((a, b) => position.get(a)! - position.get(b)!).map((id) => documents[position.get(id)!]!);
  };
  const spans = new Map<string, Set<string>>();
  const spansOf = (d: ParsedDocument) =>
    spans.get(d.meta.id) ?? spans.set(d.meta.id, quotedSpans(d.text)).get(d.meta.id)!;

  yield;
  // The date of each dated document's own inspection, as its facts carry it.
  const ownDated = new Map<string, string>();
  for (const f of facts)
    if (f.inspectionDate && !f.earlier && !ownDated.has(f.docId)) ownDated.set(f.docId, f.inspectionDate);
  // The dated overall ratings of each unit: the inspections an undated document can be matched to.
  const datedOverall = new Map<string, RatingFact[]>();
  for (const f of facts) {
    if (f.type !== "rating" || f.standard !== "overall" || !f.inspectionDate) continue;
    (datedOverall.get(f.unitKey) ?? datedOverall.set(f.unitKey, []).get(f.unitKey)!).push(f);
  }

  for (const d of undated) {
    yield;
    // The same words quoted in a document of the same unit: the same inspection.
    for (const other of neighbours(d)) {
      const mine = spansOf(d);
      if (mine.size === 0) break;
      const shared = [...spansOf(other)].find((s) => mine.has(s));
      if (!shared) continue;
      // The date its own facts carry (an article's may have been matched to its report's inspection).
      const otherDate = ownDated.get(other.meta.id) ?? placements.get(other.meta.id)?.date;
      const otherPlacement = placements.get(other.meta.id);
      const evidence = `quotes the same words as "${other.meta.title}"`;
      if (otherDate) {
        placements.set(d.meta.id, { date: otherDate, evidence });
        break;
      }
      const after = laterBound(placements.get(d.meta.id)?.after, otherPlacement?.after);
      if (after) {
        placements.set(d.meta.id, { ...placements.get(d.meta.id), after, evidence });
        placements.set(other.meta.id, {
          ...otherPlacement,
          after,
          evidence: otherPlacement?.evidence ?? `quotes the same words as "${d.meta.title}"`,
        });
      }
    }
    if (placements.get(d.meta.id)?.date) continue;
    const recalled = laterBound(d.meta.recalls, own.get(d.meta.id)!.find((f) => f.inspectionAfter)?.inspectionAfter);
    const matched = inspectionWithSameRating(datedOverall, own.get(d.meta.id)!, {
      recalled,
      written: placements.get(d.meta.id)?.after,
      before: d.meta.before,
    });
    if (matched)
      placements.set(d.meta.id, {
        date: matched.date,
        evidence: `the only inspection of its unit rated ${matched.rating}, in ${matched.date} as ${matched.docId} says`,
      });
  }
  for (const [docId, p] of placements) {
    for (const f of own.get(docId) ?? []) {
      if (p.date) f.inspectionDate = p.date;
      // A bound the answers sort by: "2022~" after all of 2022, "2022-09~" after September 2022.
      else if (p.after) f.inspectionAfter = laterBound(f.inspectionAfter, p.after);
    }
  }
  return placements;
}

/** A report is published within this many months of its fieldwork: a page written after a month may be about an inspection up to this much earlier. */
const PUBLICATION_LAG_MONTHS = 12;

function monthsBefore(date: string, months: number): string {
  const [year, month] = endOf(date).split("-").map(Number) as [number, number];
  const total = year * 12 + (month - 1) - months;
  return `${Math.floor(total / 12)}-${String((total % 12) + 1).padStart(2, "0")}`;
}

interface Bounds {
  /** The earlier inspection the document recalls: its own is later. */
  recalled?: string;
  /** The document was written after this (its inspection may be up to PUBLICATION_LAG_MONTHS earlier). */
  written?: string;
  /** The document was written before this: so was its inspection. */
  before?: string;
}

/**
 * The document's headline rating (its first overall rating of a unit) matched to the dated inspections of that unit
 * its bounds allow: placed when exactly one of them gave that rating.
 */
function inspectionWithSameRating(
  datedOverall: Map<string, RatingFact[]>,
  own: Fact[],
  { recalled, written, before }: Bounds,
): { date: string; rating: string; docId: string } | undefined {
  const headline = own.find((f): f is RatingFact => f.type === "rating" && f.standard === "overall");
  if (!headline) return undefined;
  const docId = headline.docId;
  const dated = (datedOverall.get(headline.unitKey) ?? []).filter((f) => {
    const date = f.inspectionDate!;
    return (
      f.docId !== docId &&
      (!recalled || endOf(date) > endOf(recalled)) &&
      (!written || endOf(date) > monthsBefore(written, PUBLICATION_LAG_MONTHS)) &&
      (!before || date.slice(0, 7) < before)
    );
  });
  const years = new Map<string, RatingFact[]>();
  for (const f of dated)
    years.set(f.inspectionDate!.slice(0, 4), [...(years.get(f.inspectionDate!.slice(0, 4)) ?? []), f]);
  const same = [...years.values()].filter((fs) => fs.some((f) => f.rating === headline.rating));
  if (same.length !== 1) return undefined;
  const f = same[0]!.find((x) => x.rating === headline.rating)!;
  return { date: f.inspectionDate!, rating: f.rating, docId: f.docId };
}

/** The bound a fact's inspection is known to be later than: its own, or its document's placement. */
const afterOf = (placements: Map<string, Placement>, f: Fact) =>
  laterBound(f.inspectionAfter, placements.get(f.docId)?.after);

/** True when the documents settle that `a`'s inspection is later than `b`'s. */
export function certainlyLater(placements: Map<string, Placement>, a: Fact, b: Fact): boolean {
  // The earliest `a` can be, against the latest `b` can be.
  const aFrom = a.inspectionDate
    ? a.inspectionDate.slice(0, 7)
    : afterOf(placements, a) && `${endOf(afterOf(placements, a)!)}~`;
  const bUntil = b.inspectionDate ? endOf(b.inspectionDate) : placements.get(b.docId)?.before;
  if (!aFrom || !bUntil) return false;
  return b.inspectionDate ? aFrom > bUntil : aFrom >= bUntil;
}

/** Ratings of other documents that differ from `latest` and that the documents do not place before or after it. */
export function undecidedAgainst(
  placements: Map<string, Placement>,
  facts: RatingFact[],
  latest: RatingFact,
): RatingFact[] {
  const samePeriod = (a: Fact, b: Fact) =>
    !!a.inspectionDate && !!b.inspectionDate && a.inspectionDate.slice(0, 4) === b.inspectionDate.slice(0, 4);
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
