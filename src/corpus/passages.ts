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

/** A web or e-mail address: "https://…", "www.…", "psi@nationalarchives.gov.uk". */
const ADDRESS_ON_LINE = /\b(?:https?:\/\/|www\.)\S+|[\w.+-]+@[\w-]+(?:\.[\w-]+)+/giu;
/** A line holding a web or e-mail address and at most this many other words is a link, not a statement ("Visit: …"). */
const LINK_LINE_WORDS = 3;
/** A UK postcode: "TW9 4DU", "M3 3FX", "LE1 6BD", "EC1A 1BB". */
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/u;
/** A line of at most this many words that holds a postcode is a postal address ("London TW9 4DU"). */
const ADDRESS_LINE_WORDS = 12;

const wordCount = (text: string) => text.split(/\s+/).filter((w) => /[\p{L}\p{N}]/u.test(w)).length;

/** Contents pages, copyright and licence notices, "follow us" lines, postal addresses, bare links: text no one asks about. */
export function isBoilerplate(block: Block): boolean {
  const text = block.text;
  if (block.section && BOILERPLATE_SECTION.test(block.section)) return true;
  if (BOILERPLATE_CONTAINS.test(text) || BOILERPLATE_START.test(text) || DOT_LEADER.test(text)) return true;
  const words = wordCount(text);
  if (POSTCODE.test(text) && words <= ADDRESS_LINE_WORDS) return true;
  const withoutLinks = text.replace(ADDRESS_ON_LINE, " ");
  if (withoutLinks !== text && wordCount(withoutLinks) <= LINK_LINE_WORDS) return true;
  return SHORT_LINE_START.test(text) && words <= SHORT_LINE_WORDS;
}

/** A sentence (or table row) with its annotations, and the block it comes from. */
export type AnnotatedSentence = Passage & { block: number };

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
