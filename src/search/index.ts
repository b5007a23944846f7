// The corpus index: units merged across documents, facts re-keyed to them, and a BM25 index of passages.
import type { Fact, ParsedDocument, Passage, Unit } from "../types.js";
import { foldForMatch } from "../text/normalize.js";
import { stem, terms, words } from "../text/tokens.js";
import { sameUnit, unitKey } from "../corpus/units.js";
import { buildBm25, type Bm25Index } from "./bm25.js";
import { unitFinder, type UnitFinder } from "./units.js";

export interface CorpusIndex {
  documents: ParsedDocument[];
  docsById: Map<string, ParsedDocument>;
  units: Unit[];
  facts: Fact[];
  passages: Passage[];
  bm25: Bm25Index;
  /** Passage number of a document's sentence, keyed by `${docId}\u0000${text}`. */
  passageAt: Map<string, number>;
  /** Each document's text folded for verbatim checks of quotes. */
  folded: Map<string, string>;
  /** Every word of the corpus, lower case: for spelling and for telling unknown names. */
  words: Set<string>;
  /** Words the corpus only ever writes capitalised (place and person names), lower case. */
  properNouns: Set<string>;
  findUnits: UnitFinder;
}

/** Units of all documents merged into one list; returns the list and a map from each document's keys to it. */
function mergeUnits(documents: ParsedDocument[]): { units: Unit[]; keyMap: Map<string, string> } {
  const units: Unit[] = [];
  const keyMap = new Map<string, string>();
  const ordered = [...documents].sort((a, b) => Number(b.meta.kind === "inspection report") - Number(a.meta.kind === "inspection report"));
  for (const doc of ordered) {
    for (const u of doc.units) {
      const match = units.find(
        (m) => m.key === u.key || m.aliases.some((a) => unitKey(a) === u.key) || u.aliases.some((a) => unitKey(a) === m.key) || sameUnit(m.key, u.key),
      );
      if (!match) {
        units.push({ ...u, aliases: [...u.aliases] });
        keyMap.set(u.key, u.key);
        continue;
      }
      keyMap.set(u.key, match.key);
      if (match.kind === "service" && u.kind !== "service") Object.assign(match, { kind: u.kind, name: u.name });
      for (const a of [u.name, ...u.aliases]) if (!match.aliases.includes(a) && unitKey(a) !== match.key) match.aliases.push(a);
    }
  }
  // An alias two units share ("Midlands") names neither.
  const owners = new Map<string, number>();
  for (const u of units) for (const a of new Set(u.aliases.map((x) => x.toLowerCase()))) owners.set(a, (owners.get(a) ?? 0) + 1);
  for (const u of units) u.aliases = u.aliases.filter((a) => owners.get(a.toLowerCase()) === 1 && !units.some((o) => o !== u && o.key === unitKey(a)));
  return { units, keyMap };
}

export function buildIndex(documents: ParsedDocument[]): CorpusIndex {
  const { units, keyMap } = mergeUnits(documents);
  const remap = (key: string) => keyMap.get(key) ?? key;
  const facts: Fact[] = documents.flatMap((d) => d.facts.map((f) => ({ ...f, unitKey: remap(f.unitKey) })));
  const passages: Passage[] = documents.flatMap((d) => d.passages.map((p) => ({ ...p, unitKeys: [...new Set(p.unitKeys.map(remap))] })));
  const passageAt = new Map(passages.map((p, i) => [`${p.docId}\u0000${p.text}`, i]));
  const unitNamesOf = new Map(units.map((u) => [u.key, terms(`${u.name} ${u.kind === "region" ? "region regional" : ""}`)]));
  const bm25 = buildBm25(
    passages.map((p) => [...terms(p.text), ...terms(p.section ?? ""), ...p.unitKeys.flatMap((k) => unitNamesOf.get(k) ?? [])]),
  );
  const allWords = new Set<string>();
  for (const d of documents) for (const w of words(d.text)) allWords.add(w);
  const lowerSeen = new Set<string>();
  const capitalSeen = new Set<string>();
  for (const d of documents) {
    for (const m of d.text.matchAll(/(?<![\p{L}])\p{L}[\p{L}'’-]*/gu)) {
      const w = m[0].replace(/['’]s$/, "");
      (/^\p{Lu}/u.test(w) ? capitalSeen : lowerSeen).add(w.toLowerCase());
    }
  }
  const properNouns = new Set([...capitalSeen].filter((w) => !lowerSeen.has(w)));
  return {
    documents,
    docsById: new Map(documents.map((d) => [d.meta.id, d])),
    units,
    facts,
    passages,
    bm25,
    passageAt,
    folded: new Map(documents.map((d) => [d.meta.id, foldForMatch(d.text)])),
    words: allWords,
    properNouns,
    findUnits: unitFinder(units, allWords),
  };
}

export { stem };
