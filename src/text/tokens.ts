// Words for matching: lower-cased, stop words dropped, stemmed with natural's Porter stemmer.
import { PorterStemmer, stopwords } from "./natural.js";
import { vocabulary } from "../vocabulary.js";

/** Where the Porter stemmer errs ("officer" and "office" both give "offic"; "staffing" gives "staf"): the stem the word list gives. */
const STEM_OF = new Map(vocabulary.stems.flatMap((group) => group.map((w) => [w, group[0]!] as const)));

const STOP = new Set([
  ...stopwords,
  "s",
  "t",
  "per",
  "any",
  "tell",
  "me",
  "please",
  "does",
  "did",
  "there",
  "will",
  "would",
  "could",
]);

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
    s = /\d/.test(word) ? word : (STEM_OF.get(word) ?? PorterStemmer.stem(word));
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
