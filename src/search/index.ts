// The corpus index: units merged across documents, facts re-keyed to them, and a BM25 index of passages.
import type { Fact, ParsedDocument, Passage, Unit } from "../types.js";
import { foldForMatch } from "../text/normalize.js";
import { isStopword, stem, terms } from "../text/tokens.js";
import { sameUnit, unitKey } from "../corpus/units.js";
import { bm25Steps, type Bm25Index } from "./bm25.js";
import { sharedNameFinder, unitFinder, type SharedNameFinder, type UnitFinder } from "./units.js";
import { placeUndatedDocuments, type Placement } from "./recency.js";
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
  /** A document's text folded for verbatim checks of quotes (worked out on first use). */
  folded(docId: string): string | undefined;
  /** Every word of the corpus, lower case: for spelling and for telling unknown names. */
  words: Set<string>;
  /** Words the corpus only ever writes capitalised (place and person names), lower case. */
  properNouns: Set<string>;
  findUnits: UnitFinder;
  /** Names that several units share ("KR" for two units with those initials), with the units each may mean. */
  findSharedNames: SharedNameFinder;
  /** Where the documents without a date stand in time (see recency.ts), by document id. */
  placements: Map<string, Placement>;
}

const nameWords = (key: string) => key.split(/[\s,]+/).filter((w) => w && w !== "and");

/** Units of all documents merged into one list; returns the list and a map from each document's keys to it. */
function mergeUnits(documents: ParsedDocument[]): {
  units: Unit[];
  keyMap: Map<string, string>;
  shared: Map<string, string[]>;
} {
  const units: Unit[] = [];
  const keyMap = new Map<string, string>();
  /** Merged units by their key, and by the keys of their aliases. */
  const byKey = new Map<string, Unit>();
  const byAlias = new Map<string, Unit>();
  /** Merged units by each word of their key: two names of one unit share a word, so only those are compared. */
  const byWord = new Map<string, Unit[]>();
  const order = new Map<Unit, number>();
  const unitsSharingAWord = (key: string) =>
    [...new Set(nameWords(key).flatMap((w) => byWord.get(w) ?? []))].sort((a, b) => order.get(a)! - order.get(b)!);
  const remember = (u: Unit, aliases: string[]) =>
    aliases.forEach((a) => byAlias.has(unitKey(a)) || byAlias.set(unitKey(a), u));
  const ordered = [...documents].sort(
    (a, b) => Number(b.meta.kind === "inspection report") - Number(a.meta.kind === "inspection report"),
  );
  for (const doc of ordered) {
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
        for (const w of nameWords(added.key)) byWord.set(w, [...(byWord.get(w) ?? []), added]);
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
  for (const u of units)
    u.aliases = u.aliases.filter(
      (a) => owners.get(a.toLowerCase())!.keys.length === 1 && !units.some((o) => o !== u && o.key === unitKey(a)),
    );
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
function matchArticlesToInspections(facts: Fact[]): void {
  const inspections = new Map<string, string[]>();
  for (const f of facts) {
    if (f.type !== "rating" || !f.score || !f.inspectionDate || f.dateFromPublication) continue;
    inspections.set(f.unitKey, [...(inspections.get(f.unitKey) ?? []), f.inspectionDate]);
  }
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

/** The steps of building an index; each `yield` is a point where the builder may pause. */
export function* indexSteps(documents: ParsedDocument[]): Generator<void, CorpusIndex> {
  const { units, keyMap, shared } = mergeUnits(documents);
  yield;
  const remap = (key: string) => keyMap.get(key) ?? key;
  const facts: Fact[] = documents.flatMap((d) => d.facts.map((f) => ({ ...f, unitKey: remap(f.unitKey) })));
  matchArticlesToInspections(facts);
  yield;
  const placements = placeUndatedDocuments(documents, facts);
  yield;
  const passages: Passage[] = documents.flatMap((d) => d.passages);
  for (const p of passages)
    if (p.unitKeys.some((k) => remap(k) !== k)) p.unitKeys = [...new Set(p.unitKeys.map(remap))];
  const unitNamesOf = new Map(
    units.map((u) => [u.key, terms(`${u.name} ${u.kind === "region" ? "region regional" : ""}`)]),
  );
  // One pass over the passages: BM25 terms, the corpus vocabulary, and which words are only ever capitalised.
  const allWords = new Set<string>();
  const lowerSeen = new Set<string>();
  const capitalSeen = new Set<string>();
  const sectionTerms = new Map<string, string[]>();
  const passageTerms = (at: number) => {
    const p = passages[at]!;
    const raw = p.text.replace(/[\u2018\u2019]/g, "'").match(/£?\d[\d,.]*%?m?|[\p{L}][\p{L}'-]*/gu) ?? [];
    const out: string[] = [];
    for (const r of raw) {
      let lower = r.toLowerCase();
      const last = lower[lower.length - 1];
      if (last === "'" || last === "." || last === "," || lower.endsWith("'s"))
        lower = lower.replace(/'s$|'$/, "").replace(/[.,]+$/, "");
      allWords.add(lower);
      const first = r[0]!;
      if (first !== "£" && (first < "0" || first > "9")) (first !== lower[0] ? capitalSeen : lowerSeen).add(lower);
      if (!isStopword(lower)) out.push(stem(lower));
    }
    const section = p.section ?? "";
    let st = sectionTerms.get(section);
    if (!st) sectionTerms.set(section, (st = terms(section)));
    for (const k of p.unitKeys) out.push(...(unitNamesOf.get(k) ?? []));
    return out.concat(st);
  };
  const bm25 = yield* bm25Steps(passages.length, passageTerms);
  const properNouns = new Set([...capitalSeen].filter((w) => !lowerSeen.has(w)));
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
  return {
    documents,
    docsById: new Map(documents.map((d) => [d.meta.id, d])),
    units,
    facts,
    factsByUnit: group((f) => f.unitKey),
    factsByType: group((f) => f.type),
    factsByDoc: group((f) => f.docId),
    passages,
    bm25,
    folded: foldedTexts(documents),
    words: allWords,
    properNouns,
    findUnits: unitFinder(units, allWords),
    findSharedNames: sharedNameFinder(shared),
    placements,
  };
}
