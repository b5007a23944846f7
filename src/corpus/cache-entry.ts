// The body of a parse-cache entry, compact: a thousand documents' entries are read at every start. Passages are
// stored by column (texts, section and unit-list numbers into small tables) with only the annotations that differ
// from an empty passage's; the document's own id, which every passage carries, is stored once (by the caller's
// metadata). Decoding gives back the same passages.
import type { DocumentMeta, Fact, ParsedDocument, Passage } from "../types.js";
import { packTerms, unpackTerms, type DocumentTerms, type PackedTerms } from "./passage-terms.js";

interface PackedPassages {
  text: string[];
  /** Distinct section names; `section` gives each passage's number in it plus one (0: none). */
  sections: string[];
  section: number[];
  /** Distinct lists of unit keys; `unitKeys` gives each passage's number in it. */
  keyLists: string[][];
  unitKeys: number[];
  /** By passage number: what differs from an empty passage of the document (its own id, its number as order). */
  rest: Record<number, Partial<Passage>>;
}

export interface EntryBody {
  /** The metadata worked out from the document (all but when it was added, which its file's time gives). */
  meta: Omit<DocumentMeta, "addedAt">;
  units: ParsedDocument["units"];
  facts: Fact[];
  passages: PackedPassages;
  warnings: string[];
  corpusNames: ParsedDocument["corpusNames"];
  terms: PackedTerms;
}

const NONE: never[] = [];
const OWN_INSPECTION: Passage["period"] = { relation: "current" };

/** Whether a passage's field holds what an empty passage holds, so that it need not be stored. */
function isDefault(key: string, value: unknown, docId: string, at: number): boolean {
  switch (key) {
    case "docId":
      return value === docId;
    case "order":
      return value === at;
    case "named":
    case "quantities":
    case "dates":
      return Array.isArray(value) && value.length === 0;
    case "period": {
      const period = value as Passage["period"];
      return Object.keys(period).length === 1 && period.relation === "current";
    }
    case "hasFigures":
      return value === false;
    default:
      return value === undefined;
  }
}

const COLUMNS = new Set(["text", "section", "unitKeys"]);

export function encodeEntry(parsed: ParsedDocument, terms: DocumentTerms): EntryBody {
  const docId = parsed.meta.id;
  const table = <T>(key: (x: T) => string) => {
    const numbers = new Map<string, number>();
    const items: T[] = [];
    return {
      items,
      numberOf(x: T) {
        const k = key(x);
        let n = numbers.get(k);
        if (n === undefined) numbers.set(k, (n = items.push(x) - 1));
        return n;
      },
    };
  };
  const sections = table<string>((s) => s);
  const keyLists = table<string[]>((l) => JSON.stringify(l));
  const passages: PackedPassages = {
    text: [],
    sections: sections.items,
    section: [],
    keyLists: keyLists.items,
    unitKeys: [],
    rest: {},
  };
  parsed.passages.forEach((p, at) => {
    passages.text.push(p.text);
    passages.section.push(p.section === undefined ? 0 : sections.numberOf(p.section) + 1);
    passages.unitKeys.push(keyLists.numberOf(p.unitKeys));
    const rest: Partial<Passage> = {};
    let any = false;
    for (const [key, value] of Object.entries(p)) {
      if (COLUMNS.has(key) || isDefault(key, value, docId, at)) continue;
      (rest as Record<string, unknown>)[key] = value;
      any = true;
    }
    if (any) passages.rest[at] = rest;
  });
  const { addedAt: _addedAt, ...meta } = parsed.meta;
  return {
    meta,
    units: parsed.units,
    facts: parsed.facts,
    passages,
    warnings: parsed.warnings,
    corpusNames: parsed.corpusNames,
    terms: packTerms(terms),
  };
}

export interface DecodedEntry {
  meta: Omit<DocumentMeta, "addedAt">;
  parsed: Omit<ParsedDocument, "meta" | "text">;
  terms: DocumentTerms;
}

/** The parse and its index part back; undefined when the body does not hold together. */
export function decodeEntry(body: EntryBody, docId: string): DecodedEntry | undefined {
  const { passages: packed } = body;
  if (!body.meta || body.meta.id !== docId) return undefined;
  if (!Array.isArray(body.units) || !Array.isArray(body.facts) || !body.corpusNames || !packed) return undefined;
  const { text, sections, section, keyLists, unitKeys, rest } = packed;
  const count = Array.isArray(text) ? text.length : -1;
  if (
    count < 0 ||
    !Array.isArray(section) ||
    section.length !== count ||
    !Array.isArray(unitKeys) ||
    unitKeys.length !== count ||
    !Array.isArray(sections) ||
    !Array.isArray(keyLists) ||
    typeof rest !== "object"
  )
    return undefined;
  const passages: Passage[] = [];
  for (let at = 0; at < count; at++) {
    const s = section[at]!;
    const keys = keyLists[unitKeys[at]!];
    if (typeof text[at] !== "string" || !Array.isArray(keys) || (s > 0 && typeof sections[s - 1] !== "string"))
      return undefined;
    const p: Passage = {
      docId,
      text: text[at]!,
      ...(s > 0 ? { section: sections[s - 1] } : {}),
      order: at,
      unitKeys: keys,
      named: NONE,
      period: OWN_INSPECTION,
      quantities: NONE,
      dates: NONE,
      hasFigures: false,
    };
    passages.push(rest[at] ? Object.assign(p, rest[at]) : p);
  }
  const terms = unpackTerms(body.terms, count);
  if (!terms) return undefined;
  const facts = body.facts;
  return {
    meta: body.meta,
    parsed: { units: body.units, facts, passages, warnings: body.warnings ?? [], corpusNames: body.corpusNames },
    terms,
  };
}
