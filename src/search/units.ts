// Which units a question names: exact names and aliases, then fuse.js for misspelt ones ("leicestr").
import Fuse from "fuse.js";
import { TUNING } from "../tuning.js";
import type { Unit } from "../types.js";
import { baseName } from "../corpus/units.js";

export interface UnitMatch {
  unitKey: string;
  /** The words of the question that named it. */
  text: string;
  start: number;
  end: number;
  fuzzy: boolean;
}

export type UnitFinder = (question: string, knownWord: (w: string) => boolean) => UnitMatch[];

/** A unit name as a pattern: escaped, any run of spaces, a comma optional ("Leicester Leicestershire and Rutland"). */
const namePattern = (s: string) =>
  s
    .replace(/[.*+?^${}()|[\]\\]/g, "\\$&")
    .replace(/\s+/g, "\\s+")
    .replace(/,/g, ",?");

export function unitFinder(units: Unit[], corpusWords: Set<string>): UnitFinder {
  const names = units
    .flatMap((u) => [...new Set([u.name, baseName(u), ...u.aliases])].map((alias) => ({ alias, key: u.key })))
    .sort((a, b) => b.alias.length - a.alias.length)
    // Initials ("LLR", "EM") match as written in capitals, or in lower case when three letters or more. A name's
    // pattern is made when a question first needs it: a thousand units' patterns take 0.2 s to make at once.
    .map((n) => {
      let re: RegExp | undefined;
      return {
        ...n,
        probe: n.alias.toLowerCase().split(/[\s,]+/)[0]!,
        get re(): RegExp {
          return (re ??= new RegExp(
            `(?<![\\p{L}])${namePattern(n.alias)}(?![\\p{L}])`,
            /^[A-Z]{2}$/.test(n.alias) ? "gu" : "giu",
          ));
        },
      };
    });
  // A name typed in another order ("Rutland, Leicestershire and Leicester") still names the unit: all its words are there.
  const wordSets = units
    .map((u) => ({
      key: u.key,
      words: [
        ...new Set(
          baseName(u)
            .toLowerCase()
            .split(/[^\p{L}'’-]+/u)
            .filter((w) => w.length > 2 && w !== "and"),
        ),
      ],
    }))
    .filter((u) => u.words.length >= 2);
  const byProbe = new Map<string, number[]>();
  names.forEach((n, at) => {
    const list = byProbe.get(n.probe);
    if (list) list.push(at);
    else byProbe.set(n.probe, [at]);
  });
  const fuzzyBest = fuzzyFinder(names);
  // The words of each name after its first (the first is its probe), to skip names the question cannot hold.
  const otherWords = names.map((n) => wordsOfName(n.alias).slice(1));

  return (question, knownWord) => {
    const found: UnitMatch[] = [];
    const free = (start: number, end: number) => !found.some((f) => start < f.end && end > f.start);
    // Only the names whose first word the question holds are tried: a question's cost does not grow with the corpus.
    const candidates = new Set<number>();
    for (const word of question.toLowerCase().match(/[\p{L}\p{N}][\p{L}\p{N}'’-]*/gu) ?? []) {
      // "LLR's", "Derby-based": the word, and the word without what may follow a name.
      for (const w of new Set([word, word.replace(/['’]s?$/, ""), word.split("-")[0]!])) {
        for (const at of byProbe.get(w) ?? []) candidates.add(at);
      }
    }
    // A name matches only where the question holds each of its words (see caseFolded).
    const lower = caseFolded(question);
    for (const at of [...candidates].sort((a, b) => a - b)) {
      if (!otherWords[at]!.every((w) => lower.includes(w))) continue;
      const n = names[at]!;
      for (const m of question.matchAll(n.re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (free(start, end)) found.push({ unitKey: n.key, text: m[0], start, end, fuzzy: false });
      }
    }
    if (found.length === 0) {
      const asked = new Map([...question.matchAll(/[\p{L}][\p{L}'’-]*/gu)].map((m) => [m[0].toLowerCase(), m.index!]));
      for (const u of wordSets) {
        if (!u.words.every((w) => asked.has(w))) continue;
        const positions = u.words.map((w) => asked.get(w)!);
        const start = Math.min(...positions);
        const last = Math.max(...positions);
        const end = last + (question.slice(last).match(/^[\p{L}'’-]+/u)?.[0].length ?? 0);
        found.push({ unitKey: u.key, text: question.slice(start, end), start, end, fuzzy: true });
        break;
      }
    }
    // Words the corpus does not know may be misspelt names: try them, alone and in pairs, against fuse.js.
    const tokens = [...question.matchAll(/[\p{L}][\p{L}'’-]*/gu)].map((m) => ({
      w: m[0],
      start: m.index!,
      end: m.index! + m[0].length,
    }));
    tokens.forEach((t, i) => {
      if (t.w.length < 5 || knownWord(t.w.toLowerCase()) || corpusWords.has(t.w.toLowerCase()) || !free(t.start, t.end))
        return;
      const pair = tokens[i + 1];
      const candidates = [
        pair ? { text: `${t.w} ${pair.w}`, end: pair.end } : undefined,
        { text: t.w, end: t.end },
      ].filter(Boolean) as { text: string; end: number }[];
      for (const c of candidates) {
        const best = fuzzyBest(c.text);
        if (
          best &&
          (best.score ?? 1) <= TUNING.units.fuzzyAccept &&
          Math.abs(best.item.alias.length - c.text.length) <= TUNING.units.fuzzyLengthSlack
        ) {
          found.push({ unitKey: best.item.key, text: c.text, start: t.start, end: c.end, fuzzy: true });
          return;
        }
      }
    });
    return found.sort((a, b) => a.start - b.start);
  };
}

interface Named {
  alias: string;
  key: string;
}

const FUSE_OPTIONS = {
  keys: ["alias"],
  includeScore: true,
  threshold: TUNING.units.fuzzyThreshold,
  ignoreLocation: true,
  minMatchCharLength: 4,
};

const pairsOf = (text: string) => Array.from({ length: Math.max(0, text.length - 1) }, (_, i) => text.slice(i, i + 2));

/**
 * fuse.js's best match for a text among the names, as `new Fuse(names).search(text)[0]` gives it when its score is
 * within `TUNING.units.fuzzyAccept` (a worse best is not taken anyway), but searching only the names that share
 * enough pairs of letters with the text. Fuse's score is at least the share of the text's letters that must change to
 * match part of a name; each change spoils at most two of the text's letter pairs, so a name that keeps fewer of them
 * than that allows cannot score within the limit. (Fuse splits a text of more than 32 letters: those search all.)
 */
export function fuzzyFinder<T extends Named>(
  names: T[],
): (text: string) => ReturnType<Fuse<T>["search"]>[number] | undefined {
  let all: Fuse<T> | undefined;
  let byPair: Map<string, number[]> | undefined;
  /** Per name, how many of the text's letter pairs it has (reused: zero between searches). */
  let shared: Uint8Array | undefined;
  return (text) => {
    const pattern = text.toLowerCase();
    const changes = Math.floor(TUNING.units.fuzzyAccept * pattern.length);
    const needed = pattern.length - 1 - 2 * changes;
    if (pattern.length > 32 || needed < 1) return (all ??= new Fuse(names, FUSE_OPTIONS)).search(text)[0];
    if (!byPair) {
      byPair = new Map();
      for (const [at, n] of names.entries()) {
        for (const pair of new Set(pairsOf(n.alias.toLowerCase()))) {
          const list = byPair.get(pair);
          if (list) list.push(at);
          else byPair.set(pair, [at]);
        }
      }
    }
    // Counted in a typed array: the pairs common in names ("er", "on") list thousands of them.
    shared ??= new Uint8Array(names.length);
    const touched: number[] = [];
    for (const pair of pairsOf(pattern)) {
      for (const at of byPair.get(pair) ?? []) if (shared[at]!++ === 0) touched.push(at);
    }
    const candidates = touched.filter((at) => shared![at]! >= needed);
    for (const at of touched) shared[at] = 0;
    if (candidates.length === 0) return undefined;
    return new Fuse(
      candidates.sort((a, b) => a - b).map((at) => names[at]!),
      FUSE_OPTIONS,
    ).search(text)[0];
  };
}

export interface SharedName {
  /** The words of the question that used the name. */
  text: string;
  start: number;
  end: number;
  /** Every unit the name may mean. */
  unitKeys: string[];
}

export type SharedNameFinder = (question: string) => SharedName[];

/** Finds names that several units share ("KR"): initials as written in capitals, other names in any case. */
export function sharedNameFinder(shared: Map<string, string[]>): SharedNameFinder {
  const names = [...shared].map(([alias, unitKeys]) => ({
    unitKeys,
    words: wordsOfName(alias),
    re: new RegExp(`(?<![\\p{L}])${namePattern(alias)}(?![\\p{L}])`, /^[A-Z]{2,5}$/.test(alias) ? "gu" : "giu"),
  }));
  return (question) => {
    // Only the names whose every word the question holds can match: the others' expressions are not run.
    const lower = caseFolded(question);
    return names
      .filter((n) => n.words.every((w) => lower.includes(w)))
      .flatMap(({ unitKeys, re }) =>
        [...question.matchAll(re)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length, unitKeys })),
      );
  };
}

/**
 * Text in lower case for telling whether a name's words are in it: a case-insensitive pattern also matches "ſ" to
 * "s" and "ς" to "σ", which lower-casing does not do.
 */
const caseFolded = (text: string) => text.toLowerCase().replace(/ſ/g, "s").replace(/ς/g, "σ");

/** The words of a name, as caseFolded gives them (a name's pattern takes any spaces, and a comma or none, between them). */
const wordsOfName = (alias: string) =>
  caseFolded(alias)
    .split(/[\s,]+/)
    .filter(Boolean);
