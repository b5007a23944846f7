// The quotable spans of a document: sentences of paragraphs and whole table rows.
import type { Passage } from "../types.js";
import { splitSentences } from "../text/sentences.js";
import { rowQuote, type Block } from "./blocks.js";
import { vocabulary } from "../vocabulary.js";

const BOILERPLATE_SECTION = new RegExp(vocabulary.boilerplate.sections.join("|"), "i");
const BOILERPLATE_LINE = new RegExp(vocabulary.boilerplate.lines.join("|"), "i");

/** Contents pages, copyright notices, "follow us" lines: text no one asks about. */
export function isBoilerplate(block: Block): boolean {
  return (!!block.section && BOILERPLATE_SECTION.test(block.section)) || BOILERPLATE_LINE.test(block.text);
}

export interface SentencePassage extends Pick<Passage, "docId" | "text" | "section" | "order"> {
  /** Index of the block (paragraph or row) the passage comes from. */
  block: number;
}

export function toPassages(docId: string, blocks: Block[]): SentencePassage[] {
  const out: SentencePassage[] = [];
  blocks.forEach((b, block) => {
    if (b.kind === "heading" || isBoilerplate(b)) return;
    const section = [b.section, b.subsection].filter(Boolean).join(" › ") || undefined;
    const pieces = b.kind === "row" ? [rowQuote(b)] : splitSentences(b.text);
    // A line of a few words with no full stop is a crosshead, not a statement.
    if (b.kind === "paragraph" && block > 0 && b.text.split(/\s+/).length <= 5 && !/[.!?"”]$/.test(b.text) && !/\d/.test(b.text)) return;
    for (const text of pieces) if (/\p{L}/u.test(text)) out.push({ docId, text, section, order: out.length, block });
  });
  return out;
}
