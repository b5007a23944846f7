// Whether a quote stands verbatim in a document, without folding the whole document for every quote: the piece is
// looked for in the folded text of a stretch around where its longest words occur. foldForMatch works on each run of
// non-space characters alone but for markup (a tag, a link), which is found once per document; a stretch begins
// and ends at a space outside any markup, so its folded text is a part of the whole document's. A piece found there
// is in the folded document; one not found there is looked for in the whole folded document, as before.
import { foldForMatch } from "./normalize.js";

/** How far before and after where the piece would run a stretch reaches, beyond twice the piece's own length. */
const STRETCH_SLACK = 40;
/** Places of a piece's anchor tried before the whole document is folded instead. */
const MAX_PLACES = 16;

/**
 * Where a document's markup is: [start, end, start, end, …] of every tag and link as foldForMatch removes them (its
 * regular expressions `<[^>\s][^>]*>` and then `\[([^\]]*)\]\([^)]*\)`), found by looking for their characters.
 */
export function markupSpans(text: string): Int32Array {
  const tags: number[] = [];
  for (let from = 0; ; ) {
    const open = text.indexOf("<", from);
    if (open < 0) break;
    const next = text[open + 1];
    if (next === undefined || next === ">" || /\s/.test(next)) {
      from = open + 1;
      continue;
    }
    const close = text.indexOf(">", open + 2);
    if (close < 0) break;
    tags.push(open, close + 1);
    from = close + 1;
  }
  // Links are removed after tags: a bracket inside a tag is no bracket.
  const inTag = (at: number) => {
    let lo = 0;
    let hi = tags.length / 2;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (tags[2 * mid + 1]! <= at) lo = mid + 1;
      else hi = mid;
    }
    return lo < tags.length / 2 && tags[2 * lo]! <= at;
  };
  const find = (c: string, from: number) => {
    let at = text.indexOf(c, from);
    while (at >= 0 && inTag(at)) at = text.indexOf(c, at + 1);
    return at;
  };
  const links: number[] = [];
  for (let from = 0; ; ) {
    const open = find("[", from);
    if (open < 0) break;
    const close = find("]", open + 1);
    if (close < 0) break;
    // Every "[" before this "]" meets it first: none of them opens a link unless "(" follows it.
    if (text[close + 1] !== "(") {
      from = close + 1;
      continue;
    }
    const end = find(")", close + 2);
    if (end < 0) break;
    links.push(open, end + 1);
    from = end + 1;
  }
  return Int32Array.from([...tags, ...links]);
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
