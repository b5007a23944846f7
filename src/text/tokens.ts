// Words for matching: lower-cased, stop words dropped, stemmed with natural's Porter stemmer.
import { PorterStemmer, stopwords } from "./natural.js";

const STOP = new Set([...stopwords, "s", "t", "per", "any", "tell", "me", "please", "does", "did", "there"]);

/** Lower-case word tokens (letters, digits, % and £ kept with their numbers). */
export function words(text: string): string[] {
  return (
    text
      .toLowerCase()
      .replace(/[\u2018\u2019]/g, "'")
      .match(/£?\d[\d,.]*%?m?|[\p{L}][\p{L}'-]*/gu)
      ?.map((w) => w.replace(/'s$|'$/, "").replace(/[.,]+$/, "")) ?? []
  );
}

export function isStopword(word: string): boolean {
  return STOP.has(word);
}

const stemCache = new Map<string, string>();
export function stem(word: string): string {
  let s = stemCache.get(word);
  if (s === undefined) {
    s = /\d/.test(word) ? word : PorterStemmer.stem(word);
    if (stemCache.size < 200_000) stemCache.set(word, s);
  }
  return s;
}

/** Content terms of a text: words minus stop words, stemmed. */
export function terms(text: string): string[] {
  return words(text)
    .filter((w) => !isStopword(w))
    .map(stem);
}

/** What the index takes from a text: its stemmed terms, and its words as written (for spelling and proper nouns). */
export interface IndexWords {
  stems: string[];
  /** Every word, lower case. */
  words: string[];
  /** Words written with a capital here, and words written in lower case here (lower case). */
  capitalised: string[];
  lower: string[];
}

export function indexWords(text: string): IndexWords {
  const raw = text.replace(/[\u2018\u2019]/g, "'").match(/£?\d[\d,.]*%?m?|[\p{L}][\p{L}'-]*/gu) ?? [];
  const out: IndexWords = { stems: [], words: [], capitalised: [], lower: [] };
  for (const r of raw) {
    let lower = r.toLowerCase();
    const last = lower[lower.length - 1];
    if (last === "'" || last === "." || last === "," || lower.endsWith("'s"))
      lower = lower.replace(/'s$|'$/, "").replace(/[.,]+$/, "");
    out.words.push(lower);
    const first = r[0]!;
    if (first !== "£" && (first < "0" || first > "9")) (first !== lower[0] ? out.capitalised : out.lower).push(lower);
    if (!isStopword(lower)) out.stems.push(stem(lower));
  }
  return out;
}
