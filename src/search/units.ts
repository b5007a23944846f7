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
  const fuse = new Fuse(names, {
    keys: ["alias"],
    includeScore: true,
    threshold: TUNING.units.fuzzyThreshold,
    ignoreLocation: true,
    minMatchCharLength: 4,
  });

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
    for (const at of [...candidates].sort((a, b) => a - b)) {
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
        const best = fuse.search(c.text)[0];
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
    re: new RegExp(`(?<![\\p{L}])${namePattern(alias)}(?![\\p{L}])`, /^[A-Z]{2,5}$/.test(alias) ? "gu" : "giu"),
  }));
  return (question) =>
    names.flatMap(({ unitKeys, re }) =>
      [...question.matchAll(re)].map((m) => ({ text: m[0], start: m.index!, end: m.index! + m[0].length, unitKeys })),
    );
}
