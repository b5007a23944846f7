// Markup and whitespace: the only things a quote may differ from its document in.

const ENTITIES: Record<string, string> = {
  "&amp;": "&",
  "&lt;": "<",
  "&gt;": ">",
  "&nbsp;": " ",
  "&quot;": '"',
  "&#39;": "'",
};

/**
 * One line of a Markdown/HTML-ish document with its markup removed: tags become spaces,
 * emphasis marks, heading hashes, bullets and link targets go. Tabs (table cells) are kept.
 */
export function stripMarkup(line: string): string {
  return line
    .replace(/<[^>\s][^>]*>/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/&(?:amp|lt|gt|nbsp|quot|#39);/g, (e) => ENTITIES[e] ?? e)
    .replace(/[*`]|(?<![\p{L}\p{N}])_+|_+(?![\p{L}\p{N}])/gu, "")
    .replace(/^\s*#+\s*/, "")
    .replace(/^\s*(?:[-•·▪]|\d+\))\s+/, "")
    .replace(/^\s*>\s+/, "")
    .replace(/[ \u00a0\u2000-\u200b]+/g, " ")
    .replace(/ *\t[ \t]*/g, "\t")
    .trim();
}

/** Collapses all whitespace (tabs, newlines) to single spaces. */
export function squash(text: string): string {
  return text.replace(/\s+/g, " ").trim();
}

/** The form in which quotes are compared with documents: case, quote marks, dashes, markup and whitespace folded. */
export function foldForMatch(text: string): string {
  const lower = text.toLowerCase();
  return MARKUP_START.test(lower) ? foldWithMarkup(lower) : foldPlain(lower);
}

/** A tag, a link or an entity can only begin with one of these. */
const MARKUP_START = /[<[&]/;

function foldWithMarkup(lower: string): string {
  return lower
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/<[^>\s][^>]*>/g, " ")
    .replace(/\[([^\]]*)\]\([^)]*\)/g, "$1")
    .replace(/[*_`#[\]]/g, "")
    .replace(/&amp;/g, "&")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/\s+/g, " ")
    .trim();
}

/** Characters foldForMatch replaces, and with what (an empty string drops them). */
const FOLDED_CHARS = new Map<number, string>([
  ...[0x2018, 0x2019, 0x201b, 0x2032].map((c): [number, string] => [c, "'"]),
  ...[0x201c, 0x201d, 0x201f, 0x2033].map((c): [number, string] => [c, '"']),
  [0x2013, "-"],
  [0x2014, "-"],
  ..."*_`#]".split("").map((c): [number, string] => [c.charCodeAt(0), ""]),
]);
/** What `\s` matches. */
const isWhitespace = (c: number) =>
  (c >= 9 && c <= 13) ||
  c === 32 ||
  c === 0xa0 ||
  c === 0x1680 ||
  (c >= 0x2000 && c <= 0x200a) ||
  c === 0x2028 ||
  c === 0x2029 ||
  c === 0x202f ||
  c === 0x205f ||
  c === 0x3000 ||
  c === 0xfeff;

/** A character foldPlain keeps as it is (not whitespace, not replaced or dropped). */
const isKept = (c: number) =>
  c > 32 &&
  (c < 0xa0 ? c !== 42 && c !== 95 && c !== 96 && c !== 35 && c !== 93 : !isWhitespace(c) && !FOLDED_CHARS.has(c));

/** foldWithMarkup in one pass, for text with no tag, link or entity: the same result, several times faster. */
function foldPlain(lower: string): string {
  let out = "";
  /** Start of the run of characters kept as they are (single spaces between them included), -1 when none. */
  let run = -1;
  let space = false;
  const n = lower.length;
  for (let i = 0; i < n; i++) {
    const c = lower.charCodeAt(i);
    if (isKept(c)) {
      if (run < 0) {
        if (space && out) out += " ";
        space = false;
        run = i;
      }
      continue;
    }
    // One space between two kept characters stays in the run.
    if (c === 32 && run >= 0 && i + 1 < n && isKept(lower.charCodeAt(i + 1))) continue;
    if (run >= 0) {
      out += lower.slice(run, i);
      run = -1;
    }
    if (isWhitespace(c)) space = true;
    else {
      const replaced = FOLDED_CHARS.get(c)!;
      if (replaced) {
        if (space && out) out += " ";
        space = false;
        out += replaced;
      }
    }
  }
  if (run >= 0) out += lower.slice(run);
  return out;
}

/** The separator used when a quote joins two passages that are not next to each other. */
export const QUOTE_GAP = " … ";

/** True when every piece of `quote` (pieces joined by QUOTE_GAP, or table cells by " | ") stands in the folded document text. */
export function isVerbatim(quote: string, foldedDocument: string): boolean {
  const pieces = quotePieces(quote);
  return pieces.length > 0 && pieces.every((p) => foldedDocument.includes(p.folded));
}

/** The pieces of a quote that must each stand in its document (see isVerbatim), as written and folded. */
export function quotePieces(quote: string): { text: string; folded: string }[] {
  return quote
    .split(/ … | \| /)
    .map((text) => ({ text, folded: foldForMatch(text) }))
    .filter((p) => p.folded);
}
