// Whether a quote stands verbatim in a document, without folding the whole document for every quote: the piece is
// looked for in the folded text of a stretch around where its longest words occur. foldForMatch works on each run of
// non-space characters alone but for markup (a tag, a link), which is found once per document; a stretch begins
// and ends at a space outside any markup, so its folded text is a part of the whole document's. A piece found there
// is in the folded document; one not found there is looked for in the whole folded document, as before.
import { foldForMatch } from "./normalize.js";

const TAG = /<[^>\s][^>]*>/g;
const LINK = /\[([^\]]*)\]\([^)]*\)/g;
/** How far before and after where the piece would run a stretch reaches, beyond twice the piece's own length. */
const STRETCH_SLACK = 40;
/** Places of a piece's anchor tried before the whole document is folded instead. */
const MAX_PLACES = 16;

/** Where a document's markup is: [start, end, start, end, …] of every tag and link as foldForMatch removes them. */
export function markupSpans(text: string): Int32Array {
  const spans: number[] = [];
  const tags = text.includes("<") ? [...text.matchAll(TAG)] : [];
  for (const m of tags) spans.push(m.index, m.index + m[0].length);
  if (text.includes("[")) {
    // Links are removed after tags: look for them where every tag is blanked out, each place kept.
    const untagged = tags.length ? text.replace(TAG, (m) => " ".repeat(m.length)) : text;
    for (const m of untagged.matchAll(LINK)) spans.push(m.index, m.index + m[0].length);
  }
  return Int32Array.from(spans);
}

const isSpace = (c: string | undefined) => c !== undefined && /\s/.test(c);

/**
 * What to look for in the document for a piece of a quote as the quote writes it (a quote keeps its document's
 * words and case): its longest two words in a row, then its longest word; each with where it starts in the piece.
 */
function anchorsOf(piece: string): { words: string; at: number }[] {
  let pair: { words: string; at: number } | undefined;
  let word: { words: string; at: number } | undefined;
  let last: RegExpMatchArray | undefined;
  for (const m of piece.matchAll(/[\p{L}\p{N}]+/gu)) {
    if (last && last.index! + last[0].length + 1 === m.index && piece[m.index - 1] === " ") {
      const words = `${last[0]} ${m[0]}`;
      if (!pair || words.length > pair.words.length) pair = { words, at: last.index! };
    }
    if (!word || m[0].length > word.words.length) word = { words: m[0], at: m.index };
    last = m;
  }
  return [pair, word].filter((a): a is { words: string; at: number } => !!a && a.words.length >= 4);
}

/**
 * True when the piece of a quote (as written, and `folded`) is found in the folded text of a stretch around one of
 * the places where its anchor (see anchorsOf) occurs in `text` (see the file's head). False says only that it was not
 * found so: the caller then looks in the whole folded document.
 */
export function foundNearby(text: string, piece: string, folded: string, markup: Int32Array): boolean {
  for (const anchor of anchorsOf(piece)) {
    const first = text.indexOf(anchor.words);
    if (first >= 0) return foundAround(text, first, anchor, piece, folded, markup);
  }
  return false;
}

function foundAround(
  text: string,
  first: number,
  anchor: { words: string; at: number },
  piece: string,
  folded: string,
  markup: Int32Array,
): boolean {
  let tried = 0;
  for (let place = first; place >= 0; place = text.indexOf(anchor.words, place + 1)) {
    if (++tried > MAX_PLACES) return false;
    // From a space to a space, never inside markup.
    let start = Math.max(0, place - 2 * anchor.at - STRETCH_SLACK);
    let end = Math.min(text.length, place + 2 * (piece.length - anchor.at) + STRETCH_SLACK);
    for (let moved = true; moved; ) {
      moved = false;
      while (start > 0 && !isSpace(text[start - 1])) start--;
      while (end < text.length && !isSpace(text[end])) end++;
      for (let i = 0; i < markup.length; i += 2) {
        const from = markup[i]!;
        const to = markup[i + 1]!;
        if (from < start && to > start) {
          start = from;
          moved = true;
        }
        if (from < end && to > end) {
          end = to;
          moved = true;
        }
      }
    }
    if (foldForMatch(text.slice(start, end)).includes(folded)) return true;
  }
  return false;
}
