// Finding the passages that answer a topic, and judging whether any really does.
import { TUNING } from "../tuning.js";
import type { CorpusIndex } from "../search/index.js";
import { idf, topBm25 } from "../search/bm25.js";
import { idOf, knownIdOf } from "../corpus/passage-terms.js";
import { stem, words } from "../text/tokens.js";
import type { QueryTerm } from "./question.js";
import { ITEMS_PER_STEP, perIndex } from "./per-index.js";
import { FIGURES, passageTable } from "./passage-table.js";

export interface Hit {
  passage: number;
  score: number;
  /** Share of the topic's words (or their synonyms) that the passage holds, 0..1. */
  coverage: number;
}

export interface SearchOptions {
  unitKeys?: string[];
  /** Only passages that state figures. */
  withFigures?: boolean;
  /** Prefer passages of inspections in this year. */
  year?: string;
  /** Only passages this accepts. */
  filter?: (passage: number) => boolean;
  /** Only passages of these documents. */
  docIds?: Set<string>;
  /** Only passages of the documents this accepts (asked once per document). */
  docFilter?: (docId: string) => boolean;
  limit?: number;
}

const unitPassages = perIndex(function* (index) {
  const byUnit = new Map<string, number[]>();
  for (let i = 0; i < index.passages.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    for (const k of index.passages[i]!.unitKeys) {
      const list = byUnit.get(k);
      // Each passage once (a key named twice by a passage is one).
      if (!list) byUnit.set(k, [i]);
      else if (list[list.length - 1] !== i) list.push(i);
    }
  }
  yield;
  // Kept as typed arrays: 4 bytes a passage, where an array of numbers takes 8 (1.5 MB less at 1,000 documents).
  return new Map([...byUnit].map(([k, list]) => [k, Int32Array.from(list)] as const));
});
export function passagesOf(index: CorpusIndex, unitKeys: string[]): number[] {
  const byUnit = unitPassages(index);
  // One unit (a region's thousands of passages): its list as it is, copied; several: their passages once each.
  if (unitKeys.length === 1) return Array.from(byUnit.get(unitKeys[0]!) ?? []);
  return [...new Set(unitKeys.flatMap((k) => Array.from(byUnit.get(k) ?? [])))];
}

/** BM25 with a term frequency of one (sentences rarely repeat a word) over the given passages. */
function scoreWithin(index: CorpusIndex, terms: QueryTerm[], passages: number[]): Map<number, number> {
  const { k1, b } = TUNING.bm25;
  const weights = terms.map((t) => ({ ...t, idf: idf(index.bm25, t.term) })).filter((t) => t.idf > 0);
  const scores = new Map<number, number>();
  for (const at of passages) {
    const stems = passageStems(index, at);
    const norm = (k1 + 1) / (1 + k1 * (1 - b + (b * index.bm25.lengths[at]!) / index.bm25.averageLength));
    let score = 0;
    for (const t of weights) if (stems.has(t.term)) score += t.weight * t.idf * norm;
    if (score > 0) scores.set(at, score);
  }
  return scores;
}

/** The year of the inspection each document reports on, where its facts carry one: the latest they name (earlier ones are background). */
const inspectionYears = perIndex(function* (index) {
  const map = new Map<string, string>();
  for (let i = 0; i < index.facts.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    const f = index.facts[i]!;
    const year = f.inspectionDate?.slice(0, 4);
    if (year && year > (map.get(f.docId) ?? "")) map.set(f.docId, year);
  }
  return map;
});

/**
 * The year of the inspection a document reports on, only where it is sure: the latest inspection its ratings
 * name when every rating it states is dated (an article that rates a unit "for the second time" without a year
 * is about a later inspection than the one it dates), else the year it was published, else none.
 */
export function inspectionYearOfDoc(index: CorpusIndex, docId: string): string | undefined {
  let years = docYearCache.get(index);
  if (!years) docYearCache.set(index, (years = new Map()));
  if (!years.has(docId)) {
    const ratings = (index.factsByDoc.get(docId) ?? []).filter((f) => f.type === "rating");
    const sure = ratings.length > 0 && ratings.every((f) => f.inspectionDate);
    years.set(docId, sure ? inspectionYears(index).get(docId) : index.docsById.get(docId)?.meta.date?.slice(0, 4));
  }
  return years.get(docId);
}
const docYearCache = new WeakMap<CorpusIndex, Map<string, string | undefined>>();

/**
 * Whether a document may report on an inspection of the given year: its year when known; a later year than
 * the ones it dates when it also rates without a date (an article on a new inspection, recalling an old one);
 * any year when it dates nothing (it is then ranked below those known to be of that year, not left out).
 */
function docMayBeOfYear(index: CorpusIndex, docId: string, year: string): boolean {
  const known = inspectionYearOfDoc(index, docId);
  if (known) return known === year;
  let dated = ratedYearsCache.get(index)?.get(docId);
  if (!dated) {
    dated = (index.factsByDoc.get(docId) ?? []).flatMap((f) =>
      f.type === "rating" && f.inspectionDate ? [f.inspectionDate.slice(0, 4)] : [],
    );
    if (!ratedYearsCache.has(index)) ratedYearsCache.set(index, new Map());
    ratedYearsCache.get(index)!.set(docId, dated);
  }
  return dated.length === 0 || dated.every((d) => d < year);
}
/** The years of a document's dated ratings, by document (asked for each of its passages). */
const ratedYearsCache = new WeakMap<CorpusIndex, Map<string, string[]>>();

/** What a query's period allows: the year asked ("in 2022", or the year "at the time" points to), else the documents "then" points to. */
export interface PeriodAsked {
  year?: string;
  period?: { kind: string; docs?: string[] };
  unitKeys?: string[];
}

/**
 * Whether a passage or fact may belong to the period the query asks about: one of that year's inspection (its own
 * date, else its document's, see docMayBeOfYear; a sentence that merely names the year, "since the 2022
 * inspection", is not of it); for "then" with no year known, one of the documents
 * the thread quoted. Undefined when the query asks about no period: everything belongs.
 */
export function periodFilter(
  index: CorpusIndex,
  query: PeriodAsked,
): ((item: { docId: string; text: string; inspectionDate?: string }) => boolean) | undefined {
  const ofDoc = periodDocFilter(index, query);
  const year = query.year;
  if (!ofDoc) return undefined;
  return year
    ? (item) => (item.inspectionDate ? item.inspectionDate.startsWith(year) : ofDoc(item.docId))
    : (item) => ofDoc(item.docId);
}

/**
 * periodFilter for what carries no date of its own, a passage: whether its document may be of the period asked
 * (a search asks it once per document). Undefined when the query asks about no period.
 */
export function periodDocFilter(index: CorpusIndex, query: PeriodAsked): ((docId: string) => boolean) | undefined {
  const year = query.year;
  if (year) return (docId) => docMayBeOfYear(index, docId, year);
  // "The previous inspection" of a unit that has none known: nothing is of it.
  if (query.period?.kind === "previous" && query.unitKeys?.length) return () => false;
  const docs = query.period?.kind === "then" && query.period.docs?.length ? new Set(query.period.docs) : undefined;
  return docs && ((docId) => docs.has(docId));
}

/**
 * A passage's word stems (with its section heading's) and its words as written, lower case, as one list of numbers
 * of the string table: [number of stems, stems ascending…, words ascending…] (about 0.2 KB a passage, where two
 * sets took 1.8 KB). Remembered for the passages met most recently: a search across a region meets thousands, and
 * a bot that remembered every passage it ever met would come to hold them all.
 */
const passageTokens = new Map<object, Int32Array>();
/** Passages whose tokens are remembered at most, the least recently met forgotten first. */
const TOKENS_REMEMBERED = 60_000;
/** A section heading's word stems, by heading (the passages under one heading share it). */
const sectionStems = new Map<string, string[]>();
function tokensOf(index: CorpusIndex, at: number): Int32Array {
  const p = index.passages[at]!;
  let tokens = passageTokens.get(p);
  if (!tokens) {
    const written = words(p.text);
    const section = p.section ?? "";
    let heading = sectionStems.get(section);
    if (!heading) {
      if (sectionStems.size >= 10_000) sectionStems.clear();
      sectionStems.set(section, (heading = words(section).map(stem)));
    }
    const ids = (list: string[]) => Int32Array.from(new Set(list.map(idOf))).sort();
    const stems = ids([...written.map(stem), ...heading]);
    const asWritten = ids(written);
    tokens = new Int32Array(1 + stems.length + asWritten.length);
    tokens[0] = stems.length;
    tokens.set(stems, 1);
    tokens.set(asWritten, 1 + stems.length);
    if (passageTokens.size >= TOKENS_REMEMBERED) passageTokens.delete(passageTokens.keys().next().value!);
  } else passageTokens.delete(p); // met again: to the back of the line
  passageTokens.set(p, tokens);
  return tokens;
}

/** Whether the sorted numbers `list[from..to)` hold the number of `text`. */
function holds(list: Int32Array, from: number, to: number, text: string): boolean {
  const id = knownIdOf(text);
  if (id === undefined) return false;
  let lo = from;
  let hi = to - 1;
  while (lo <= hi) {
    const mid = (lo + hi) >> 1;
    const at = list[mid]!;
    if (at === id) return true;
    if (at < id) lo = mid + 1;
    else hi = mid - 1;
  }
  return false;
}

/** A passage's word stems, with its section heading's. */
function passageStems(index: CorpusIndex, at: number): { has(stem: string): boolean } {
  const tokens = tokensOf(index, at);
  return { has: (text) => holds(tokens, 1, 1 + tokens[0]!, text) };
}

export function coverageOf(index: CorpusIndex, at: number, terms: QueryTerm[]): number {
  const groups = new Set(terms.filter((t) => t.group >= 0).map((t) => t.group));
  if (groups.size === 0) return 0;
  const stems = passageStems(index, at);
  // A group counts fully when its own word is there, partly when only a synonym is.
  const own = new Map<number, number>();
  const viaSynonyms = new Map<number, number>();
  for (const t of terms) {
    if (t.group < 0 || !stems.has(t.term)) continue;
    if (t.cover >= 1) own.set(t.group, 1);
    else
      viaSynonyms.set(t.group, Math.min(TUNING.retrieval.synonymCoverMax, (viaSynonyms.get(t.group) ?? 0) + t.cover));
  }
  let sum = 0;
  for (const g of groups) sum += own.get(g) ?? viaSynonyms.get(g) ?? 0;
  return sum / groups.size;
}

/** A passage's words, lower case, as written. */
function passageWords(index: CorpusIndex, at: number): { has(word: string): boolean } {
  const tokens = tokensOf(index, at);
  return { has: (text) => holds(tokens, 1 + tokens[0]!, tokens.length, text) };
}

export function searchPassages(index: CorpusIndex, terms: QueryTerm[], options: SearchOptions = {}): Hit[] {
  if (terms.length === 0) return [];
  const units = options.unitKeys?.length ? new Set(options.unitKeys) : undefined;
  const { doc: docOf, docIds, flags } = passageTable(index);
  const { withFigures, filter, docFilter } = options;
  const inDocs = options.docIds;
  /** Per document, whether its passages may be found: 0 not asked yet, 1 yes, 2 no. */
  const docAllowed = inDocs || docFilter ? new Uint8Array(docIds.length) : undefined;
  // Typed arrays first: a search of common words meets most passages, and most are left out by these.
  const allowed = (i: number) => {
    if (withFigures && (flags[i]! & FIGURES) === 0) return false;
    if (docAllowed) {
      const d = docOf[i]!;
      if (docAllowed[d] === 0) {
        const id = docIds[d]!;
        docAllowed[d] = (!inDocs || inDocs.has(id)) && (!docFilter || docFilter(id)) ? 1 : 2;
      }
      if (docAllowed[d] === 2) return false;
    }
    return (!units || index.passages[i]!.unitKeys.some((k) => units.has(k))) && (!filter || filter(i));
  };
  // A question about one unit scores that unit's few hundred passages directly, not every posting of every term.
  // Coverage and the year are weighed for the best few hundred by BM25 alone: enough, and cheap.
  const candidates = units
    ? [...scoreWithin(index, terms, passagesOf(index, [...units]).filter(allowed))]
        .sort((a, b) => b[1] - a[1])
        .slice(0, TUNING.retrieval.candidates)
    : topBm25(index.bm25, terms, TUNING.retrieval.candidates, allowed);
  const asked = terms.filter((t) => t.word);
  const hits: Hit[] = [];
  for (const [passage, raw] of candidates) {
    const coverage = coverageOf(index, passage, terms);
    const p = index.passages[passage]!;
    const doc = index.docsById.get(p.docId)!;
    let score = raw * (TUNING.retrieval.coverageBase + coverage);
    if (asked.length) {
      const written = passageWords(index, passage);
      score *= 1 + (TUNING.retrieval.exactWordBonus * asked.filter((t) => written.has(t.word!)).length) / asked.length;
    }
    if (options.year) {
      const year = inspectionYears(index).get(p.docId) ?? doc.meta.date?.slice(0, 4);
      if (year === options.year || p.text.includes(options.year)) score *= TUNING.retrieval.yearBoost;
    }
    hits.push({ passage, score, coverage });
  }
  hits.sort((a, b) => b.score - a.score || a.passage - b.passage);
  return hits.slice(0, options.limit ?? 10);
}

/** True when the best hit speaks to the topic: most of its words, or all but one of a long topic. */
export function isRelevant(hit: Hit | undefined, terms: QueryTerm[], lenient = false): boolean {
  if (!hit) return false;
  const groups = new Set(terms.filter((t) => t.group >= 0).map((t) => t.group)).size;
  if (groups === 0) return false;
  if (groups <= TUNING.retrieval.shortTopicWords) return hit.coverage >= TUNING.retrieval.shortTopicCoverage;
  // A long question about a figure names more than the sentence does ("… posts were filled"): half will do.
  const { lenientTopicWords, lenientCoverage, longTopicCoverage } = TUNING.retrieval;
  return hit.coverage >= (lenient && groups >= lenientTopicWords ? lenientCoverage : longTopicCoverage);
}

/** Up to `max` hits from different passages, skipping near-repeats of a passage already chosen. */
export function diverse(
  index: CorpusIndex,
  hits: Hit[],
  max: number,
  minRatio = TUNING.retrieval.minScoreBesideBest,
): Hit[] {
  const out: Hit[] = [];
  for (const h of hits) {
    if (out.length >= max) break;
    if (out.length && h.score < out[0]!.score * minRatio) break;
    const text = index.passages[h.passage]!.text.toLowerCase();
    if (out.some((o) => similar(index.passages[o.passage]!.text.toLowerCase(), text))) continue;
    out.push(h);
  }
  return out;
}

function similar(a: string, b: string): boolean {
  const wa = new Set(a.split(/\W+/));
  const wb = b.split(/\W+/);
  const shared = wb.filter((w) => wa.has(w)).length;
  return shared / Math.max(wa.size, wb.length) > TUNING.retrieval.nearRepeat;
}
