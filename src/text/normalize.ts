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
  return text
    .toLowerCase()
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

/** The separator used when a quote joins two passages that are not next to each other. */
export const QUOTE_GAP = " … ";

/** True when every piece of `quote` (pieces joined by QUOTE_GAP, or table cells by " | ") stands in the folded document text. */
export function isVerbatim(quote: string, foldedDocument: string): boolean {
  const pieces = quote
    .split(/ … | \| /)
    .map(foldForMatch)
    .filter(Boolean);
  return pieces.length > 0 && pieces.every((p) => foldedDocument.includes(p));
}
