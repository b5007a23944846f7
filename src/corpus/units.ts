// The units a document is about (PDUs, regions, services), their aliases, and where they are mentioned.
import type { Unit } from "../types.js";
import { vocabulary } from "../vocabulary.js";
import { stripMarkup } from "../text/normalize.js";
import { readingWords } from "./reading-words.js";

const NAME_WORD = "[A-Z][\\p{L}'’-]*";
/** A proper name, possibly a list: "Leicester, Leicestershire and Rutland", "Derby City". */
const PROPER_NAME = `${NAME_WORD}(?:(?:,\\s+|\\s+and\\s+|\\s+)${NAME_WORD})*`;
const LEADING_FILLER =
  /^(?:(?:The|This|That|These|Each|Every|In|At|For|Of|Within|Across|Its|Their|All|Both|Our|Whole|Local|Regional|Probation|Services?)\s+)+/;
const NOT_NAME_WORDS = new Set([
  "The",
  "Probation",
  "Service",
  "Services",
  "HM",
  "His",
  "Her",
  "Majesty's",
  "Inspectorate",
  "Ministry",
  "Justice",
]);
const GENERIC_WORDS = new Set([
  "East",
  "West",
  "North",
  "South",
  "Central",
  "City",
  "County",
  "Greater",
  "Upper",
  "Lower",
  "And",
  "Of",
  "The",
]);

const NATIONAL_NAMES = new Set(readingWords.nationalNames.map((n) => n.toLowerCase()));

/** "England and Wales", "Scotland": a nation or jurisdiction (each part of a list one), which is no probation unit. */
function isNationalName(name: string): boolean {
  return name.split(/,\s+|\s+and\s+/).every((part) =>
    NATIONAL_NAMES.has(
      part
        .replace(/[’']s$/, "")
        .trim()
        .toLowerCase(),
    ),
  );
}

export function unitKey(name: string): string {
  return name
    .toLowerCase()
    .replace(/[’']s$/, "")
    .replace(/\s+/g, " ")
    .trim();
}

function cleanName(raw: string): string | undefined {
  const name = raw
    .replace(LEADING_FILLER, "")
    .replace(/[’']s$/, "")
    .trim();
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
  if (capitals.length >= 2) out.add(capitals.map((w) => w[0]).join(""));
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
  if (parts.length > 2)
    aliases.add(
      parts
        .slice(1)
        .join(" and ")
        .replace(/ and (?=.* and )/g, ", "),
    );
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

const PDU_SUFFIX = new RegExp(`(?<=\\s)(?:${suffixPattern(vocabulary.unitSuffixes.pdu)})(?![\\p{L}])`, "gu");
const REGION_SUFFIX = new RegExp(`(?<=\\s)(?:${suffixPattern(vocabulary.unitSuffixes.region)})(?![\\p{L}])`, "gu");
const NAME_TOKEN = /^[A-Z][\p{L}'’-]*$/u;

/** The proper name that ends just before `end` ("Leicester, Leicestershire and Rutland" before " PDU"), read backwards. */
function nameBefore(line: string, end: number): string | undefined {
  const tokens = line
    .slice(Math.max(0, end - 120), end)
    .trimEnd()
    .split(/(\s+)/);
  const kept: string[] = [];
  for (let i = tokens.length - 1; i >= 0; i--) {
    const t = tokens[i]!;
    if (/^\s+$/.test(t)) continue;
    const word = t.replace(/,$/, "");
    if (NAME_TOKEN.test(word) && (t === word || kept.length > 0)) kept.unshift(t);
    else if (t === "and" && kept.length > 0) kept.unshift(t);
    else break;
  }
  while (kept.length && (kept[0] === "and" || kept[0]!.endsWith(","))) {
    if (kept[0] === "and") kept.shift();
    else break;
  }
  return kept.length ? kept.join(" ") : undefined;
}
const WEAK_PATTERNS = [
  new RegExp(`probation (?:services?|delivery) (?:for|in|across) (?:the )?(${PROPER_NAME})`, "gu"),
  new RegExp(`(${PROPER_NAME})(?:[’']s)? (?:probation )?services?\\b`, "gu"),
  new RegExp(`\\b[Ss]ervices in (?:the )?(${PROPER_NAME})`, "gu"),
];

/** Words that the document also uses in lower case are ordinary words, not names ("Regular", "Some"). Computed once, when first needed. */
function ordinaryWords(text: string): () => Set<string> {
  let words: Set<string> | undefined;
  return () => (words ??= new Set(text.match(/\b[a-z][\w'’-]*/g) ?? []));
}

function candidatesIn(lines: string[], ordinary: () => Set<string>, strong: boolean): Candidate[] {
  const out: Candidate[] = [];
  const add = (raw: string | undefined, kind: Unit["kind"], isStrong: boolean) => {
    if (!raw) return;
    const trimmed = raw.split(/\s+/);
    while (
      trimmed.length &&
      (ordinary().has(trimmed[0]!.toLowerCase().replace(/['’]s$/, "")) || /^(?:and|,)$/.test(trimmed[0]!))
    )
      trimmed.shift();
    const name = cleanName(trimmed.join(" ").replace(/,$/, ""));
    if (name) out.push({ name, kind, strong: isStrong });
  };
  for (const line of lines) {
    const lower = line.toLowerCase();
    if (
      strong
        ? !(lower.includes("pdu") || lower.includes("delivery unit") || lower.includes("region"))
        : !lower.includes("service")
    )
      continue;
    if (strong) {
      for (const m of line.matchAll(PDU_SUFFIX)) add(nameBefore(line, m.index!), "pdu", true);
      for (const m of line.matchAll(REGION_SUFFIX)) add(nameBefore(line, m.index!), "region", true);
    } else {
      for (const re of WEAK_PATTERNS) for (const m of line.matchAll(re)) add(m[1], "service", false);
    }
  }
  return out;
}

// The first pass over a corpus and the parse of each document both need a document's strong names.
const strongCache = new Map<string, Candidate[]>();
function strongCandidates(text: string, lines: string[], ordinary: () => Set<string>): Candidate[] {
  let found = strongCache.get(text);
  if (!found) {
    found = candidatesIn(lines, ordinary, true);
    if (strongCache.size > 1000) strongCache.clear();
    strongCache.set(text, found);
  }
  return found;
}

/** Strong unit names (with a PDU or region suffix) in a text: the first pass over a corpus. */
export function strongUnitNames(text: string): string[] {
  return strongCandidates(text, text.split("\n").map(stripSuffixLine), ordinaryWords(text)).map((c) => c.name);
}

/** Weak unit names of a document ("probation services in Derby City and Leicester"), before any list is split. */
export function weakUnitNames(text: string, strippedLines: string[]): string[] {
  return candidatesIn(strippedLines, ordinaryWords(text), false).map((c) => c.name);
}

/** The corpus's strong names that can split one of a document's weak names: all that its parse depends on. */
export function namesUsedBy(weak: string[], knownNames: Iterable<string>): string[] {
  const used: string[] = [];
  for (const name of knownNames) if (weak.some((w) => w.includes(name))) used.push(name);
  return used.sort();
}

/** stripMarkup, but only for the lines that can hold a strong name (the rest are left out as ""). */
function stripSuffixLine(line: string): string {
  const lower = line.toLowerCase();
  return lower.includes("pdu") || lower.includes("delivery unit") || lower.includes("region") ? stripMarkup(line) : "";
}

/** Splits a weak candidate that is really a list of known units ("Derby City and Leicester, …"). */
function splitByKnown(name: string, known: string[]): string[] {
  if (!/,|\sand\s/.test(name)) return [name];
  let rest = name;
  const found: string[] = [];
  for (const k of known.filter((k) => name.includes(k)).sort((a, b) => b.length - a.length)) {
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

/**
 * Two names of one unit: the same words; or one's distinctive words all within the other's ("Derby" and "Derby City"),
 * when the kinds allow it: a PDU and a region are never one unit, and `strict` (names from different documents)
 * merges a shorter name only when it came without a suffix ("Lincolnshire's probation services").
 */
export function sameUnit(a: Pick<Unit, "key" | "kind">, b: Pick<Unit, "key" | "kind">, strict = false): boolean {
  const wa = wordsOf(a.key);
  const wb = wordsOf(b.key);
  const [small, large] = wa.length <= wb.length ? [wa, wb] : [wb, wa];
  if (!small.some((w) => !GENERIC_WORDS.has(w[0]!.toUpperCase() + w.slice(1)))) return false;
  if (!small.every((w) => large.includes(w))) return false;
  if (small.length === large.length) return true;
  if (a.kind !== "service" && b.kind !== "service" && a.kind !== b.kind) return false;
  const shorter = wa.length <= wb.length ? a : b;
  return !strict || shorter.kind === "service";
}

/**
 * The units a document names, with aliases. `primaryName` (a report's title unit) comes first;
 * `knownNames` (strong names from the whole corpus) help split lists such as "Derby City and Leicester, …".
 */
export function extractUnits(
  text: string,
  primaryName?: string,
  knownNames: string[] = [],
  strippedLines?: string[],
): Unit[] {
  const lines = strippedLines ?? text.split("\n").map(stripMarkup);
  const ordinary = ordinaryWords(text);
  const candidates = [
    ...(primaryName ? candidatesIn([primaryName], ordinary, true) : []),
    ...strongCandidates(text, lines, ordinary),
  ];
  const units: Unit[] = [];
  const upsert = (name: string, kind: Unit["kind"]) => {
    const key = unitKey(name);
    const existing = units.find(
      (u) => u.key === key || u.aliases.some((a) => unitKey(a) === key) || sameUnit({ key, kind }, u),
    );
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
  const weak = candidatesIn(lines, ordinary, false);
  const knownOf = () => [...new Set([...knownNames, ...units.flatMap((u) => [baseName(u), ...u.aliases])])];
  let known = knownOf();
  for (const c of weak) {
    const before = units.length;
    // Without a unit's suffix, a nation's name is where probation works, not a unit ("services in England and Wales").
    if (isNationalName(c.name)) continue;
    for (const part of splitByKnown(c.name, known)) {
      const name = cleanName(part);
      if (name && !isNationalName(name)) upsert(name, c.kind);
    }
    if (units.length !== before) known = knownOf();
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
  const keyOf = new Map<string, string>();
  const names: string[] = [];
  const initials: string[] = [];
  for (const u of units) {
    for (const alias of [baseName(u), u.name, ...u.aliases]) {
      const isInitials = /^[A-Z][A-Za-z]{1,5}$/.test(alias) && alias.slice(1) !== alias.slice(1).toLowerCase();
      const folded = isInitials ? alias : alias.toLowerCase().replace(/\s+/g, " ");
      if (keyOf.has(folded)) continue;
      keyOf.set(folded, u.key);
      (isInitials ? initials : names).push(alias);
    }
  }
  // One alternation per case rule, longest names first so that "Derby City" wins over "Derby".
  const pattern = (list: string[], flags: string) =>
    list.length === 0
      ? undefined
      : new RegExp(
          `(?<![\\p{L}])(?:${list
            .sort((a, b) => b.length - a.length)
            .map((a) => a.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+"))
            .join("|")})(?![\\p{L}])`,
          flags,
        );
  const byName = pattern(names, "giu");
  const byInitials = pattern(initials, "gu");
  const lowerNames = names.map((n) => n.toLowerCase().split(/\s+/)[0]!);
  // A unit's suffix after its name ("… Probation Delivery Unit (PDU)") belongs to the mention, not to the sentence:
  // its words are not a standard ("Delivery") or another name.
  const suffix = new RegExp(
    `^(?:\\s+(?:${suffixPattern([...vocabulary.unitSuffixes.pdu, ...vocabulary.unitSuffixes.region])}))+(?:\\s*\\((?:${suffixPattern(vocabulary.unitSuffixes.pdu)})\\))?`,
    "iu",
  );
  return (text: string) => {
    const found: Mention[] = [];
    // Most sentences name no unit: a plain substring test spares them the regular expressions.
    const lower = text.toLowerCase();
    if (!lowerNames.some((n) => lower.includes(n)) && !initials.some((i) => text.includes(i))) return found;
    for (const [re, fold] of [
      [byName, true],
      [byInitials, false],
    ] as const) {
      if (!re) continue;
      for (const m of text.matchAll(re)) {
        const start = m.index!;
        const end = start + m[0].length + (text.slice(start + m[0].length).match(suffix)?.[0].length ?? 0);
        const key = keyOf.get(fold ? m[0].toLowerCase().replace(/\s+/g, " ") : m[0]);
        if (key && !found.some((t) => start < t.end && end > t.start)) found.push({ unitKey: key, start, end });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
}
