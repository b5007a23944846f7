// The quotable spans of a document: sentences of paragraphs and whole table rows.
import type { Passage } from "../types.js";
import { splitSentences } from "../text/sentences.js";
import { rowQuote, type Block } from "./blocks.js";
import { lineStartMatcher, phraseMatcher, vocabulary } from "../vocabulary.js";

const { boilerplate } = vocabulary;
const BOILERPLATE_SECTION = phraseMatcher(boilerplate.sections, "iu");
const BOILERPLATE_CONTAINS = phraseMatcher(boilerplate.lineContains, "iu");
const BOILERPLATE_START = lineStartMatcher(boilerplate.lineStarts);
const SHORT_LINE_START = lineStartMatcher(boilerplate.shortLineStarts);
/** A line of at most this many words that starts with a short-line phrase is boilerplate ("Published 3 days ago"). */
const SHORT_LINE_WORDS = 4;
/** A heading's own numbering: "P 1.2 ", "2.3. ", "A 4 ". */
const HEADING_NUMBER = /^(?:[A-Z]{1,2}\s*)?\d+(?:\.\d+)*\.?\s/;
/** A contents page's dot leaders ("Foreword ........ 4"). */
const DOT_LEADER = /\.{4,}/;

/** Contents pages, copyright notices, "follow us" lines: text no one asks about. */
export function isBoilerplate(block: Block): boolean {
  const text = block.text;
  if (block.section && BOILERPLATE_SECTION.test(block.section)) return true;
  if (BOILERPLATE_CONTAINS.test(text) || BOILERPLATE_START.test(text) || DOT_LEADER.test(text)) return true;
  return SHORT_LINE_START.test(text) && text.split(/\s+/).length <= SHORT_LINE_WORDS;
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
    // A line of a few words with no full stop is a crosshead, not a statement; its only number may be its own
    // numbering ("P 1.2 Staffing"), but a number beyond that makes it a figure ("Score 3/21").
    if (
      b.kind === "paragraph" &&
      block > 0 &&
      b.text.split(/\s+/).length <= 5 &&
      !/[.!?"”]$/.test(b.text) &&
      !/\d/.test(b.text.replace(HEADING_NUMBER, ""))
    )
      return;
    for (const text of pieces) if (/\p{L}/u.test(text)) out.push({ docId, text, section, order: out.length, block });
  });
  return out;
}
