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

/**
 * Lower-case word tokens (letters, digits, % and £ kept with their numbers): the matches of
 * `/£?\d[\d,.]*%?m?|[\p{L}][\p{L}'-]*\/gu` in the lower-cased text (‘ and ’ read as '), less a final 's, ' or
 * full stops and commas. Read character by character, which is several times faster than the regular expression.
 */
export function words(text: string): string[] {
  const t = text.toLowerCase();
  const out: string[] = [];
  const n = t.length;
  let i = 0;
  while (i < n) {
    const c = t.charCodeAt(i);
    let end = -1;
    if (isDigit(c) || (c === 0xa3 && isDigit(t.charCodeAt(i + 1)))) {
      end = c === 0xa3 ? i + 2 : i + 1;
      while (end < n && (isDigit(t.charCodeAt(end)) || t.charCodeAt(end) === 0x2c || t.charCodeAt(end) === 0x2e)) end++;
      if (t.charCodeAt(end) === 0x25) end++;
      if (t.charCodeAt(end) === 0x6d) end++;
    } else {
      const first = letterLength(t, i);
      if (first > 0) {
        end = i + first;
        for (;;) {
          const d = t.charCodeAt(end);
          if (d === 0x27 || d === 0x2d || d === 0x2018 || d === 0x2019) end++;
          else {
            const more = letterLength(t, end);
            if (more === 0) break;
            end += more;
          }
        }
      }
    }
    if (end < 0) {
      i++;
      continue;
    }
    let w = t.slice(i, end);
    if (w.includes("\u2018") || w.includes("\u2019")) w = w.replace(/[\u2018\u2019]/g, "'");
    if (w.endsWith("'s")) w = w.slice(0, -2);
    else if (w.endsWith("'")) w = w.slice(0, -1);
    let keep = w.length;
    while (keep > 0 && (w.charCodeAt(keep - 1) === 0x2e || w.charCodeAt(keep - 1) === 0x2c)) keep--;
    out.push(keep === w.length ? w : w.slice(0, keep));
    i = end;
  }
  return out;
}

const isDigit = (c: number) => c >= 0x30 && c <= 0x39;
const LETTER = /^\p{L}$/u;
const nonAsciiLetters = new Map<number, boolean>();
/** How many UTF-16 units the letter at `at` takes (0 when there is no letter there). */
function letterLength(t: string, at: number): number {
  if (at >= t.length) return 0;
  const c = t.charCodeAt(at);
  if (c < 0x80) return c >= 0x61 && c <= 0x7a ? 1 : c >= 0x41 && c <= 0x5a ? 1 : 0;
  const code = t.codePointAt(at)!;
  let letter = nonAsciiLetters.get(code);
  if (letter === undefined) {
    letter = LETTER.test(String.fromCodePoint(code));
    if (nonAsciiLetters.size < 100_000) nonAsciiLetters.set(code, letter);
  }
  return letter ? (code > 0xffff ? 2 : 1) : 0;
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
