// The corpus index: units merged across documents, facts re-keyed to them, and a BM25 index of passages.
import type { Fact, ParsedDocument, Passage, Unit } from "../types.js";
import { foldForMatch } from "../text/normalize.js";
import { terms } from "../text/tokens.js";
import { sameUnit, unitKey } from "../corpus/units.js";
import { joinSteps, partCursors, partPostings, type Bm25Index, type PartCursors, type PostingsPart } from "./bm25.js";
import {
  CAPITALISED,
  documentTerms,
  idCount,
  idOf,
  LOWER_CASE,
  textOf,
  type DocumentTerms,
} from "../corpus/passage-terms.js";
import { sharedNameFinder, unitFinder, type SharedNameFinder, type UnitFinder } from "./units.js";
import { placeUndatedSteps, type Placement } from "./recency.js";
import { runToEnd } from "../steps.js";

export interface CorpusIndex {
  documents: ParsedDocument[];
  docsById: Map<string, ParsedDocument>;
  units: Unit[];
  facts: Fact[];
  /** Facts grouped by unit and by type, so that handlers need not scan them all. */
  factsByUnit: Map<string, Fact[]>;
  factsByType: Map<Fact["type"], Fact[]>;
  factsByDoc: Map<string, Fact[]>;
  passages: Passage[];
  bm25: Bm25Index;
  /**
   * A document's part of the index (by id), so that a reload joins it again instead of tokenising: its postings read
   * back from `bm25` (they are not kept twice), the rest kept as it came.
   */
  partOf(docId: string): DocumentTerms | undefined;
  /** A document's text folded for verbatim checks of quotes (worked out on first use). */
  folded(docId: string): string | undefined;
  /** Every word of the corpus, lower case: for spelling and for telling unknown names. */
  words: Set<string>;
  /** Words the corpus only ever writes capitalised (place and person names), lower case. */
  properNouns: Set<string>;
  findUnits: UnitFinder;
  /** Names that several units share ("KR" for two units with those initials), with the units each may mean. */
  findSharedNames: SharedNameFinder;
  /** How each document's file stood when the folder was read (see load.ts), by document id: a reload reads only changed files. */
  stamps?: Map<string, string>;
  /** The unit names the corpus gives with a PDU or region suffix (see load.ts), that split lists of names in prose. */
  knownUnitNames?: Set<string>;
  /** Where the documents without a date stand in time (see recency.ts), by document id. */
  placements: Map<string, Placement>;
}

const nameWords = (key: string) => [...new Set(key.split(/[\s,]+/).filter((w) => w && w !== "and"))];

/** Units of all documents merged into one list; returns the list and a map from each document's keys to it. */
function* mergeUnits(documents: ParsedDocument[]): Generator<
  void,
  {
    units: Unit[];
    keyMap: Map<string, string>;
    shared: Map<string, string[]>;
  }
> {
  const units: Unit[] = [];
  const keyMap = new Map<string, string>();
  /** Merged units by their key, and by the keys of their aliases. */
  const byKey = new Map<string, Unit>();
  const byAlias = new Map<string, Unit>();
  /** Merged units by each word of their key: two names of one unit share a word, so only those are compared. */
  const byWord = new Map<string, Unit[]>();
  const order = new Map<Unit, number>();
  const wordCount = new Map<Unit, number>();
  /**
   * The units that may be one with a unit of this key: those whose words are all among its words, or that have all
   * of its words (sameUnit asks no less), in the order they were added.
   */
  const unitsSharingAWord = (key: string) => {
    const words = nameWords(key);
    const shared = new Map<Unit, number>();
    for (const w of words) for (const m of byWord.get(w) ?? []) shared.set(m, (shared.get(m) ?? 0) + 1);
    return [...shared]
      .filter(([m, n]) => n === words.length || n === wordCount.get(m))
      .map(([m]) => m)
      .sort((a, b) => order.get(a)! - order.get(b)!);
  };
  const remember = (u: Unit, aliases: string[]) =>
    aliases.forEach((a) => byAlias.has(unitKey(a)) || byAlias.set(unitKey(a), u));
  const ordered = [...documents].sort(
    (a, b) => Number(b.meta.kind === "inspection report") - Number(a.meta.kind === "inspection report"),
  );
  for (const doc of ordered) {
    yield;
    for (const u of doc.units) {
      // A PDU and a region are never one unit, whatever names they share ("Eastmere" PDU, "Wolds and Eastmere" region).
      const fits = (m: Unit | undefined) =>
        m && (m.kind === u.kind || m.kind === "service" || u.kind === "service") ? m : undefined;
      const match =
        fits(byKey.get(u.key)) ??
        fits(byAlias.get(u.key)) ??
        u.aliases.map((a) => fits(byKey.get(unitKey(a)))).find(Boolean) ??
        unitsSharingAWord(u.key).find((m) => sameUnit(m, u, true));
      if (!match) {
        const added = { ...u, aliases: [...u.aliases] };
        order.set(added, units.length);
        units.push(added);
        const words = nameWords(added.key);
        wordCount.set(added, words.length);
        for (const w of words) {
          const list = byWord.get(w);
          if (list) list.push(added);
          else byWord.set(w, [added]);
        }
        byKey.set(u.key, added);
        remember(added, u.aliases);
        keyMap.set(u.key, u.key);
        continue;
      }
      remember(match, [u.key, ...u.aliases]);
      keyMap.set(u.key, match.key);
      if (match.kind === "service" && u.kind !== "service") Object.assign(match, { kind: u.kind, name: u.name });
      for (const a of [u.name, ...u.aliases])
        if (!match.aliases.includes(a) && unitKey(a) !== match.key) match.aliases.push(a);
    }
  }
  // An alias two units share ("Midlands", "KR") names neither: a question that uses it is asked which unit it means.
  const owners = new Map<string, { alias: string; keys: string[] }>();
  for (const u of units) {
    for (const a of new Set(u.aliases)) {
      const entry = owners.get(a.toLowerCase()) ?? { alias: a, keys: [] };
      if (!entry.keys.includes(u.key)) entry.keys.push(u.key);
      owners.set(a.toLowerCase(), entry);
    }
  }
  yield;
  const unitsWithKey = new Map<string, number>();
  for (const u of units) unitsWithKey.set(u.key, (unitsWithKey.get(u.key) ?? 0) + 1);
  for (const u of units)
    u.aliases = u.aliases.filter((a) => {
      const key = unitKey(a);
      const others = (unitsWithKey.get(key) ?? 0) - (key === u.key ? 1 : 0);
      return owners.get(a.toLowerCase())!.keys.length === 1 && others === 0;
    });
  const shared = new Map([...owners.values()].filter((o) => o.keys.length > 1).map((o) => [o.alias, o.keys]));
  return { units, keyMap, shared };
}

function foldedTexts(documents: ParsedDocument[]): (docId: string) => string | undefined {
  const byId = new Map(documents.map((d) => [d.meta.id, d]));
  const cache = new Map<string, string>();
  return (docId) => {
    let folded = cache.get(docId);
    if (folded === undefined) {
      const doc = byId.get(docId);
      if (!doc) return undefined;
      // Keep the most recently used few: a large corpus need not hold a second copy of every text.
      if (cache.size >= 32) cache.delete(cache.keys().next().value!);
      cache.set(docId, (folded = foldForMatch(doc.text)));
    }
    return folded;
  };
}

const monthsOf = (date: string) => Number(date.slice(0, 4)) * 12 + Number(date.slice(5, 7) || "6");

/**
 * An article that names no inspection date reports on the unit's latest inspection before it was published:
 * its facts take that inspection's date (when a report of it, at most 18 months earlier, is in the corpus).
 */
function* matchArticlesToInspections(facts: Fact[]): Generator<void, void> {
  const inspections = new Map<string, string[]>();
  for (const f of facts) {
    if (f.type !== "rating" || !f.score || !f.inspectionDate || f.dateFromPublication) continue;
    const dates = inspections.get(f.unitKey);
    if (dates) dates.push(f.inspectionDate);
    else inspections.set(f.unitKey, [f.inspectionDate]);
  }
  yield;
  for (const f of facts) {
    if (!f.dateFromPublication || !f.inspectionDate) continue;
    const published = monthsOf(f.inspectionDate);
    const match = (inspections.get(f.unitKey) ?? [])
      .filter((d) => monthsOf(d) <= published && published - monthsOf(d) <= 18)
      .sort()
      .at(-1);
    if (match) f.inspectionDate = match;
  }
}

/** Builds the index at once. */
export function buildIndex(documents: ParsedDocument[]): CorpusIndex {
  return runToEnd(indexSteps(documents));
}

/**
 * The steps of building an index; each `yield` is a point where the builder may pause. `parts` gives the part of
 * each document already worked out (by id); the others are worked out here.
 */
export function* indexSteps(
  documents: ParsedDocument[],
  parts: Map<string, DocumentTerms> = new Map(),
): Generator<void, CorpusIndex> {
  const ownParts = new Map<string, DocumentTerms>();
  for (const d of documents) {
    let part = parts.get(d.meta.id);
    if (!part) {
      yield;
      part = documentTerms(d);
    }
    ownParts.set(d.meta.id, part);
  }
  const { units, keyMap, shared } = yield* mergeUnits(documents);
  yield;
  const remap = (key: string) => keyMap.get(key) ?? key;
  const facts: Fact[] = [];
  for (const d of documents) {
    yield;
    for (const f of d.facts) {
      const unitKey = remap(f.unitKey);
      // Copied only where this index changes it (re-keyed to a merged unit, or dated below): the rest are shared.
      facts.push(unitKey !== f.unitKey || f.dateFromPublication || !f.inspectionDate ? { ...f, unitKey } : f);
    }
  }
  yield;
  yield* matchArticlesToInspections(facts);
  yield;
  const placements = yield* placeUndatedSteps(documents, facts);
  yield;
  const passages: Passage[] = [];
  for (const d of documents) {
    yield;
    for (const p of d.passages) passages.push(p);
  }
  yield;
  // The names of the units a passage is about are terms of it too: they depend on how units were merged.
  const unitTerms = new Map(
    units.map((u) => [u.key, terms(`${u.name} ${u.kind === "region" ? "region regional" : ""}`).map(idOf)]),
  );
  const postingsParts: PostingsPart[] = [];
  for (const d of documents) {
    yield;
    const extra = new Map<number, number[]>();
    d.passages.forEach((p, at) => {
      if (p.unitKeys.some((k) => remap(k) !== k)) p.unitKeys = [...new Set(p.unitKeys.map(remap))];
      for (const k of p.unitKeys) {
        for (const term of unitTerms.get(k) ?? []) {
          const list = extra.get(term);
          if (!list) extra.set(term, [at, 1]);
          else if (list[list.length - 2] === at) list[list.length - 1]!++;
          else list.push(at, 1);
        }
      }
    });
    const part = ownParts.get(d.meta.id)!;
    postingsParts.push({ terms: part.terms, postings: part.postings, lengths: part.lengths, extra });
  }
  const bm25 = yield* joinSteps(postingsParts);
  // What a part holds besides its postings is kept as it is; the postings are read back from the joined lists.
  const keptParts = new Map<string, Omit<DocumentTerms, "postings">>();
  const firstPassage = new Map<string, number>();
  let first = 0;
  for (const d of documents) {
    const { terms, lengths, words, cases } = ownParts.get(d.meta.id)!;
    keptParts.set(d.meta.id, { terms, lengths, words, cases });
    firstPassage.set(d.meta.id, first);
    first += d.passages.length;
  }
  /** Where reading documents back stands in each term's list: a reload reads them all, in order. */
  let cursors: PartCursors | undefined;
  const partOf = (docId: string): DocumentTerms | undefined => {
    const kept = keptParts.get(docId);
    if (!kept) return undefined;
    cursors ??= partCursors(bm25);
    const postings = partPostings(bm25, kept.terms, firstPassage.get(docId)!, kept.lengths.length, cursors);
    return { ...kept, postings };
  };
  // The corpus vocabulary, in the order words first come, and the words only ever written capitalised.
  const words = new Set<string>();
  const cases = new Uint8Array(idCount());
  for (const d of documents) {
    yield;
    const part = keptParts.get(d.meta.id)!;
    for (let i = 0; i < part.words.length; i++) {
      const id = part.words[i]!;
      if (cases[id] === 0) words.add(textOf(id));
      cases[id]! |= part.cases[i]! | SEEN;
    }
  }
  const properNouns = new Set<string>();
  for (let id = 0; id < cases.length; id++) {
    if (id % IDS_PER_STEP === 0) yield;
    if ((cases[id]! & (CAPITALISED | LOWER_CASE)) === CAPITALISED) properNouns.add(textOf(id));
  }
  yield;
  const group = <K>(key: (f: Fact) => K) => {
    const map = new Map<K, Fact[]>();
    for (const f of facts) {
      const k = key(f);
      const list = map.get(k);
      if (list) list.push(f);
      else map.set(k, [f]);
    }
    return map;
  };
  const factsByUnit = group((f) => f.unitKey);
  yield;
  const factsByType = group((f) => f.type);
  yield;
  const factsByDoc = group((f) => f.docId);
  yield;
  const docsById = new Map(documents.map((d) => [d.meta.id, d]));
  yield;
  const findUnits = unitFinder(units, words);
  yield;
  return {
    documents,
    docsById,
    partOf,
    units,
    facts,
    factsByUnit,
    factsByType,
    factsByDoc,
    passages,
    bm25,
    folded: foldedTexts(documents),
    words,
    properNouns,
    findUnits,
    findSharedNames: sharedNameFinder(shared),
    placements,
  };
}

/** How many strings of the table the builder looks at between two chances to yield. */
const IDS_PER_STEP = 20_000;

/** A mark of a word seen at all (numbers are written neither capitalised nor in lower case). */
const SEEN = 4;
