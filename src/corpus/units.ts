// The units a document is about (PDUs, regions, services), their aliases, and where they are mentioned.
import type { Unit } from "../types.js";
import { vocabulary } from "../vocabulary.js";
import { stripMarkup } from "../text/normalize.js";

const NAME_WORD = "[A-Z][\\p{L}'’-]*";
/** A proper name, possibly a list: "Leicester, Leicestershire and Rutland", "Derby City". */
const PROPER_NAME = `${NAME_WORD}(?:(?:,\\s+|\\s+and\\s+|\\s+)${NAME_WORD})*`;
const LEADING_FILLER = /^(?:(?:The|This|That|These|Each|Every|In|At|For|Of|Within|Across|Its|Their|All|Both|Our|Whole|Local|Regional|Probation|Services?)\s+)+/;
const NOT_NAME_WORDS = new Set(["The", "Probation", "Service", "Services", "HM", "His", "Her", "Majesty's", "Inspectorate", "Ministry", "Justice"]);
const GENERIC_WORDS = new Set(["East", "West", "North", "South", "Central", "City", "County", "Greater", "Upper", "Lower", "And", "Of", "The"]);

export function unitKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function cleanName(raw: string): string | undefined {
  const name = raw.replace(LEADING_FILLER, "").replace(/[’']s$/, "").trim();
  if (!name || !/^[A-Z]/.test(name)) return undefined;
  const words = name.split(/[\s,]+/).filter((w) => w !== "and");
  if (words.every((w) => NOT_NAME_WORDS.has(w) || GENERIC_WORDS.has(w))) return undefined;
  return name;
}

/** Initials: "Leicester, Leicestershire and Rutland" → LLR; "Ministry of Justice" → MoJ. */
export function initialsOf(name: string): string[] {
  const words = name.split(/[\s,]+/).filter(Boolean);
  const capitals = words.filter((w) => /^[A-Z]/.test(w));
  const out = new Set<string>();
  if (capitals.length >= 3) out.add(capitals.map((w) => w[0]).join(""));
  if (capitals.length >= 2 && words.length > capitals.length) {
    const withSmall = words.map((w) => (/^[A-Z]/.test(w) ? w[0] : w === "and" ? "" : w[0])).join("");
    if (withSmall.length >= 3) out.add(withSmall);
  }
  return [...out];
}

/** Aliases derived from a name: its initials and its distinctive single words. */
export function deriveAliases(name: string): string[] {
  const aliases = new Set<string>(initialsOf(name));
  const words = name.split(/[\s,]+/).filter((w) => /^[A-Z]/.test(w));
  if (words.length > 1) for (const w of words) if (!GENERIC_WORDS.has(w) && w.length > 2) aliases.add(w);
  // "Derby City" is also called "Derby"; "Leicester, Leicestershire and Rutland" also "Leicestershire and Rutland".
  const parts = name.split(/,\s+|\s+and\s+/);
  if (parts.length > 2) aliases.add(parts.slice(1).join(" and ").replace(/ and (?=.* and )/g, ", "));
  return [...aliases].filter((a) => a !== name);
}

interface Candidate {
  name: string;
  kind: Unit["kind"];
  /** Strong candidates come with a suffix (PDU, region); weak ones from "probation service in X". */
  strong: boolean;
}

function suffixPattern(words: string[]): string {
  return words.map((w) => w.replace(/\s+/g, "\\s+")).join("|");
}

const PDU_NAME = new RegExp(`(${PROPER_NAME})\\s+(?:${suffixPattern(vocabulary.unitSuffixes.pdu)})(?![\\p{L}])`, "gu");
const REGION_NAME = new RegExp(`(${PROPER_NAME})\\s+(?:${suffixPattern(vocabulary.unitSuffixes.region)})(?![\\p{L}])`, "gu");
const WEAK_PATTERNS = [
  new RegExp(`probation (?:services?|delivery) (?:for|in|across) (?:the )?(${PROPER_NAME})`, "gu"),
  new RegExp(`(${PROPER_NAME})(?:[’']s)? (?:probation )?services?\\b`, "gu"),
  new RegExp(`\\b[Ss]ervices in (?:the )?(${PROPER_NAME})`, "gu"),
];

/** Words that the document also uses in lower case are ordinary words, not names ("Regular", "Some"). */
function ordinaryWords(text: string): Set<string> {
  return new Set(text.match(/(?<![\p{L}])\p{Ll}[\p{L}'’-]*/gu) ?? []);
}

function candidatesIn(lines: string[], ordinary: Set<string>, strong: boolean): Candidate[] {
  const out: Candidate[] = [];
  const add = (raw: string | undefined, kind: Unit["kind"], isStrong: boolean) => {
    if (!raw) return;
    const trimmed = raw.split(/\s+/);
    while (trimmed.length && (ordinary.has(trimmed[0]!.toLowerCase().replace(/['’]s$/, "")) || /^(?:and|,)$/.test(trimmed[0]!))) trimmed.shift();
    const name = cleanName(trimmed.join(" ").replace(/,$/, ""));
    if (name) out.push({ name, kind, strong: isStrong });
  };
  for (const line of lines) {
    if (strong) {
      for (const m of line.matchAll(PDU_NAME)) add(m[1], "pdu", true);
      for (const m of line.matchAll(REGION_NAME)) add(m[1], "region", true);
    } else {
      for (const re of WEAK_PATTERNS) for (const m of line.matchAll(re)) add(m[1], "service", false);
    }
  }
  return out;
}

/** Strong unit names (with a PDU or region suffix) in a text: the first pass over a corpus. */
export function strongUnitNames(text: string): string[] {
  const lines = text.split("\n").map(stripMarkup);
  return candidatesIn(lines, ordinaryWords(text), true).map((c) => c.name);
}

/** Splits a weak candidate that is really a list of known units ("Derby City and Leicester, …"). */
function splitByKnown(name: string, known: string[]): string[] {
  if (!/,|\sand\s/.test(name)) return [name];
  let rest = name;
  const found: string[] = [];
  for (const k of [...known].sort((a, b) => b.length - a.length)) {
    const re = new RegExp(`(?<![\\p{L}])${k.replace(/[.*+?^${}()|[\]\\]/g, "\\$&")}(?![\\p{L}])`, "u");
    if (re.test(rest)) {
      found.push(k);
      rest = rest.replace(re, "|");
    }
  }
  const leftovers = rest
    .split("|")
    .map((p) => p.replace(/^[\s,]*(?:and\s+)?|(?:\s+and)?[\s,]*$/g, ""))
    .filter((p) => /[A-Z]/.test(p));
  return [...found, ...leftovers];
}

function wordsOf(key: string): string[] {
  return key.split(/[\s,]+/).filter((w) => w && w !== "and");
}

/** Two names of one unit: the same words, or one's distinctive words all within the other's. */
export function sameUnit(a: string, b: string): boolean {
  const wa = wordsOf(a);
  const wb = wordsOf(b);
  const [small, large] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (!small.some((w) => !GENERIC_WORDS.has(w[0]!.toUpperCase() + w.slice(1)))) return false;
  return small.every((w) => large.includes(w));
}

/**
 * The units a document names, with aliases. `primaryName` (a report's title unit) comes first;
 * `knownNames` (strong names from the whole corpus) help split lists such as "Derby City and Leicester, …".
 */
export function extractUnits(text: string, primaryName?: string, knownNames: string[] = []): Unit[] {
  const lines = text.split("\n").map(stripMarkup);
  const ordinary = ordinaryWords(text);
  const candidates = [
    ...(primaryName ? candidatesIn([primaryName], ordinary, true) : []),
    ...candidatesIn(lines, ordinary, true),
  ];
  const units: Unit[] = [];
  const upsert = (name: string, kind: Unit["kind"]) => {
    const key = unitKey(name);
    const existing = units.find((u) => u.key === key || u.aliases.some((a) => unitKey(a) === key) || sameUnit(key, u.key));
    if (!existing) {
      units.push({ key, name: displayName(name, kind), kind, aliases: deriveAliases(name) });
      return;
    }
    if (existing.kind === "service" && kind !== "service") {
      existing.kind = kind;
      existing.name = displayName(baseName(existing), kind);
    }
    if (key === existing.key) return;
    if (wordsOf(key).length > wordsOf(existing.key).length && existing.kind === "service") {
      // The fuller name becomes the canonical one ("Derby" → "Derby City").
      existing.aliases = [...new Set([baseName(existing), ...existing.aliases, ...deriveAliases(name)])];
      existing.key = key;
      existing.name = displayName(name, existing.kind);
    } else if (!existing.aliases.includes(name)) existing.aliases.push(name);
  };
  for (const c of candidates) upsert(c.name, c.kind);
  for (const c of candidatesIn(lines, ordinary, false)) {
    const known = [...new Set([...knownNames, ...units.flatMap((u) => [baseName(u), ...u.aliases])])];
    for (const part of splitByKnown(c.name, known)) {
      const name = cleanName(part);
      if (name) upsert(name, c.kind);
    }
  }
  return units;
}

export function baseName(unit: Unit): string {
  return unit.name.replace(/\s+(?:PDU|region)$/i, "");
}

function displayName(name: string, kind: Unit["kind"]): string {
  if (kind === "pdu") return `${name} PDU`;
  if (kind === "region") return `${name} region`;
  return name;
}

export interface Mention {
  unitKey: string;
  start: number;
  end: number;
}

/** Compiles a matcher for every name and alias of the given units; initials match case-sensitively. */
export function mentionMatcher(units: Unit[]): (text: string) => Mention[] {
  const entries = units.flatMap((u) => [baseName(u), u.name, ...u.aliases].map((alias) => ({ alias, key: u.key })));
  const byLength = entries.sort((a, b) => b.alias.length - a.alias.length);
  return (text: string) => {
    const taken: Mention[] = [];
    for (const { alias, key } of byLength) {
      const isInitials = /^[A-Z][A-Za-z]{1,5}$/.test(alias) && alias.slice(1) !== alias.slice(1).toLowerCase();
      const escaped = alias.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
      const re = new RegExp(`(?<![\\p{L}])${escaped}(?![\\p{L}])`, isInitials ? "gu" : "giu");
      for (const m of text.matchAll(re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (taken.some((t) => start < t.end && end > t.start)) continue;
        taken.push({ unitKey: key, start, end });
      }
    }
    return taken.sort((a, b) => a.start - b.start);
  };
}
