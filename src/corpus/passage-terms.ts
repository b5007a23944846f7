// A document's part of the search index, worked out once with its parse (and kept with it in the parse cache): the
// stemmed terms of each passage (its text and its section heading) as postings local to the document, and the words
// it uses with how they are written. The corpus index joins the parts of all documents instead of tokenising every
// passage again; what depends on the whole corpus (the names of merged units) is added when they are joined.
// Terms and words are held as numbers into one table of strings for the process, so that a thousand documents
// do not keep a thousand copies of "probation".
import type { ParsedDocument } from "../types.js";
import { isStopword, stem, terms } from "../text/tokens.js";

/** The process's strings (terms and words) by number, and their numbers. Only ever grows, by new words. */
const strings: string[] = [];
const numbers = new Map<string, number>();

/** The number of a term or word, given one on first sight. */
export function idOf(text: string): number {
  let id = numbers.get(text);
  if (id === undefined) {
    id = strings.length;
    strings.push(text);
    numbers.set(text, id);
  }
  return id;
}

/** The number of a term or word if the table holds it (a word no document uses has none: it is not added). */
export const knownIdOf = (text: string): number | undefined => numbers.get(text);

/** The term or word of a number. */
export const textOf = (id: number): string => strings[id]!;

/** How many strings the table holds: every number is below it. */
export const idCount = (): number => strings.length;

export interface DocumentTerms {
  /** Every term (a stem) of the document's passages, once, as its number in the table of strings. */
  terms: Int32Array;
  /**
   * Each term's postings, laid flat: [t, n, passage, tf, passage, tf, … (n pairs), t + 1, n, …], t counted in
   * `terms`, passages in the document, ascending. Two bytes a number where every number fits.
   */
  postings: Uint16Array | Int32Array;
  /** How many terms each passage has. */
  lengths: Int32Array;
  /** Every word of the document, lower case, once, in the order it first comes. */
  words: Int32Array;
  /** For each word: CAPITALISED when written so somewhere, LOWER_CASE when so somewhere (or both, or neither for numbers). */
  cases: Uint8Array;
}

export const CAPITALISED = 1;
export const LOWER_CASE = 2;

const TOKEN = /£?\d[\d,.]*%?m?|[\p{L}][\p{L}'-]*/gu;

/** The part of `doc` (of its passages as they are now: the terms depend on their text and section only). */
export function documentTerms(doc: Pick<ParsedDocument, "passages">): DocumentTerms {
  const lists = new Map<string, number[]>();
  const caseOf = new Map<string, number>();
  const sectionTerms = new Map<string, string[]>();
  const lengths = new Int32Array(doc.passages.length);
  doc.passages.forEach((p, at) => {
    const out: string[] = [];
    for (const r of p.text.replace(/[\u2018\u2019]/g, "'").match(TOKEN) ?? []) {
      let lower = r.toLowerCase();
      const last = lower[lower.length - 1];
      if (last === "'" || last === "." || last === "," || lower.endsWith("'s"))
        lower = lower.replace(/'s$|'$/, "").replace(/[.,]+$/, "");
      const first = r[0]!;
      const seen = first === "£" || (first >= "0" && first <= "9") ? 0 : first !== lower[0] ? CAPITALISED : LOWER_CASE;
      caseOf.set(lower, (caseOf.get(lower) ?? 0) | seen);
      if (!isStopword(lower)) out.push(stem(lower));
    }
    const section = p.section ?? "";
    let st = sectionTerms.get(section);
    if (!st) sectionTerms.set(section, (st = terms(section)));
    for (const t of st) out.push(t);
    lengths[at] = out.length;
    const counts = new Map<string, number>();
    for (const t of out) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      const list = lists.get(term);
      if (list) list.push(at, tf);
      else lists.set(term, [at, tf]);
    }
  });
  const flat: number[] = [];
  let t = 0;
  for (const list of lists.values()) flat.push(t++, list.length / 2, ...list);
  return {
    terms: Int32Array.from(lists.keys(), idOf),
    postings: compactInts(flat),
    lengths,
    words: Int32Array.from(caseOf.keys(), idOf),
    cases: Uint8Array.from(caseOf.values()),
  };
}

/** The part as it is kept in the parse cache: strings for the numbers of the table, the rest packed into base64. */
export interface PackedTerms {
  /** The terms, one a line (no term or word holds a line break). */
  terms: string;
  postings: string;
  lengths: string;
  /** The words, one a line. */
  words: string;
  cases: string;
}

/** The numbers in two bytes each where they all fit, else in four. */
function compactInts(numbers: number[]): Uint16Array | Int32Array {
  let max = 0;
  for (const n of numbers) if (n > max) max = n;
  return max <= 0xffff ? Uint16Array.from(numbers) : Int32Array.from(numbers);
}

/** The first letter of packed postings: their width. */
const NARROW = "n";
const WIDE = "w";

function narrowInts(text: string): Uint16Array | undefined {
  const bytes = Buffer.from(text, "base64");
  if (bytes.length % 2) return undefined;
  const out = new Uint16Array(bytes.length / 2);
  new Uint8Array(out.buffer).set(bytes);
  return out;
}

const base64 = (a: ArrayBufferView) => Buffer.from(a.buffer, a.byteOffset, a.byteLength).toString("base64");

export function packTerms(part: DocumentTerms): PackedTerms {
  return {
    terms: Array.from(part.terms, textOf).join("\n"),
    postings: `${part.postings instanceof Uint16Array ? NARROW : WIDE}${base64(part.postings)}`,
    lengths: base64(part.lengths),
    words: Array.from(part.words, textOf).join("\n"),
    cases: base64(part.cases),
  };
}

/** The part back from the cache; undefined when it does not hold together (the entry is then not served). */
export function unpackTerms(packed: PackedTerms | undefined, passageCount: number): DocumentTerms | undefined {
  if (!packed || typeof packed.terms !== "string" || typeof packed.words !== "string") return undefined;
  if (typeof packed.postings !== "string" || typeof packed.lengths !== "string" || typeof packed.cases !== "string")
    return undefined;
  const ints = (text: string) => {
    const bytes = Buffer.from(text, "base64");
    if (bytes.length % 4) return undefined;
    const out = new Int32Array(bytes.length / 4);
    new Uint8Array(out.buffer).set(bytes);
    return out;
  };
  const width = packed.postings[0];
  const body = packed.postings.slice(1);
  const postings = width === NARROW ? narrowInts(body) : width === WIDE ? ints(body) : undefined;
  const lengths = ints(packed.lengths);
  const cases = new Uint8Array(Buffer.from(packed.cases, "base64"));
  const terms = packed.terms ? packed.terms.split("\n") : [];
  const words = packed.words ? packed.words.split("\n") : [];
  if (!postings || !lengths || lengths.length !== passageCount || cases.length !== words.length) return undefined;
  let at = 0;
  let term = 0;
  while (at < postings.length) {
    const local = postings[at]!;
    const n = postings[at + 1] ?? 0;
    if (local !== term || n <= 0 || at + 2 + n * 2 > postings.length || term >= terms.length) return undefined;
    for (let i = at + 2; i < at + 2 + n * 2; i += 2)
      if (postings[i]! < 0 || postings[i]! >= passageCount) return undefined;
    at += 2 + n * 2;
    term++;
  }
  if (term !== terms.length) return undefined;
  return { terms: Int32Array.from(terms, idOf), postings, lengths, words: Int32Array.from(words, idOf), cases };
}
