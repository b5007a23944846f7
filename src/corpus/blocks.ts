// A document as a sequence of blocks (headings, paragraphs, table rows), markup stripped,
// each knowing the section it sits in.
import { QUOTE_GAP, squash, stripMarkup } from "../text/normalize.js";
import { escapePhrase, vocabulary } from "../vocabulary.js";

export interface Block {
  kind: "heading" | "paragraph" | "row";
  /** Markup stripped; table cells separated by tabs. */
  text: string;
  /** The major section (a standard such as "P 2.2. Planning", "Recommendations", "Foreword"). */
  section?: string;
  /** A minor heading inside it ("Strengths", "Areas for improvement"). */
  subsection?: string;
  /** True when the whole line was bold (<b>, **): the driving row of a key-question table. */
  emphasised: boolean;
  /** True when the cells of a table row were bold, per cell. */
  boldCells: boolean[];
  /** True when the line started with a bullet or a list number. */
  listItem: boolean;
  line: number;
  /** How the document separates a row's cells: a tab, or " | " in a Markdown pipe table. Quotes keep it. */
  cellSeparator: string;
}

/** A row's text as the document has it, for quoting: cells joined by the document's own separator. */
export function rowQuote(block: Block, cells = block.text.split("\t")): string {
  return squash(cells.map((c) => c.trim()).join(block.cellSeparator === "\t" ? " " : block.cellSeparator));
}

/** "| a | **b** |" → its cells; undefined for a line that is not a pipe-table row. */
function pipeCells(raw: string): string[] | undefined {
  const t = raw.trim();
  if (!/^\|.*\|$/.test(t)) return undefined;
  return t.slice(1, -1).split("|");
}

const MINOR_HEADING = new RegExp(`^(?:${vocabulary.minorHeadings.map(escapePhrase).join("|")})\\b`, "i");

function isBoldLine(raw: string): boolean {
  const t = raw.trim();
  return /^\*\*[^*].*\*\*:?$/.test(t) || /^<b>.*<\/b>$/i.test(t);
}

const PLAIN_HEADING = new RegExp(
  `^(?:\\d\\.\\s+)?(?:${vocabulary.sectionHeadings.map(escapePhrase).join("|")}):?$`,
  "i",
);
/** "P 2.2. Planning", "1.2. Staffing": a standard's own section (the ratings page writes "P 2.2 Planning", no dot). */
const STANDARD_HEADING = /^(?:P\s*)?\d\.\d\.\s+\p{Lu}[\p{Ll} ]+$/u;

function isHeading(raw: string, text: string, plainHeadings: boolean): boolean {
  return /^\s*#{1,6}\s/.test(raw) || (plainHeadings && (PLAIN_HEADING.test(text) || STANDARD_HEADING.test(text)));
}

/** A paragraph broken at a page break has at least this many words before the break (a cover's "HM Inspectorate" has two). */
const MIN_BROKEN_PARAGRAPH_WORDS = 6;
/** At most this many lines (footnotes, page numbers, running heads) stand between the two halves of a paragraph. */
const MAX_INTERRUPTING_LINES = 3;
/** A running head or foot (a report's title and page number at a page break) has at most this many words. */
const RUNNING_HEAD_WORDS = 12;
/** A footnote starts with its marker: "<sup>3</sup> …", "[3] …", "^3 …", "³ …", or in plain text "3 The rating …". */
const FOOTNOTE = /^\s*(?:<sup>\s*\d+\s*<\/sup>|\[\d+\]|\^\d+|[\u00b9\u00b2\u00b3\u2070-\u2079]+)/i;
const PLAIN_FOOTNOTE = /^\s*\d{1,2}\s+\p{Lu}\p{Ll}/u;
/** "12", "- 12 -", "Page 12", "Page 12 of 40". */
const PAGE_NUMBER = /^[-–\s]*(?:page\s+)?\d{1,4}(?:\s+of\s+\d{1,4})?[-–\s]*$/i;
/** Text that ends a sentence, or a clause a list or a quote follows. */
const TERMINATED = /[.!?:;…]["'”’)\]]*$/u;

/** A line that can stand between the halves of a paragraph a page break cut: a footnote, a page number, a running head. */
function interrupts(raw: string, block: Block): boolean {
  if (block.kind !== "paragraph") return false;
  if (FOOTNOTE.test(raw) || PLAIN_FOOTNOTE.test(raw) || PAGE_NUMBER.test(block.text)) return true;
  return !TERMINATED.test(block.text) && block.text.split(/\s+/).length <= RUNNING_HEAD_WORDS;
}

/**
 * Joins again a paragraph that a page break, a footnote or a page number cut in two: the first half ends with no
 * full stop, and the next paragraph after what interrupts it starts in lower case ("… was an issue and" / "prevented
 * …"). Where lines were passed over, the halves are joined with the quote gap, so that a quote of the sentence still
 * stands piece by piece in the document; what interrupted stays, after the joined paragraph.
 */
function joinBrokenParagraphs(blocks: Block[], interrupting: boolean[]): Block[] {
  const out: Block[] = [];
  for (let i = 0; i < blocks.length; i++) {
    const block = { ...blocks[i]! };
    const passedOver: Block[] = [];
    while (block.kind === "paragraph" && !TERMINATED.test(block.text)) {
      if (block.text.split(/\s+/).length < MIN_BROKEN_PARAGRAPH_WORDS) break;
      let j = i + 1;
      while (j < blocks.length && j - i - 1 < MAX_INTERRUPTING_LINES && interrupting[j]) j++;
      const next = blocks[j];
      if (next?.kind !== "paragraph" || next.listItem || !/^\p{Ll}/u.test(next.text)) break;
      passedOver.push(...blocks.slice(i + 1, j));
      block.text = `${block.text}${j > i + 1 ? QUOTE_GAP : " "}${next.text}`;
      i = j;
    }
    out.push(block, ...passedOver);
  }
  return out;
}

/**
 * `strippedLines`, when given, are the document's lines with stripMarkup already applied. `plainHeadings`: a report's
 * known section names are headings even without Markdown marks (an article's crossheads are not sections).
 */
export function toBlocks(documentText: string, strippedLines?: string[], plainHeadings = true): Block[] {
  const blocks: Block[] = [];
  const interrupting: boolean[] = [];
  let section: string | undefined;
  let subsection: string | undefined;
  const lines = documentText.replace(/\r\n?/g, "\n").split("\n");
  lines.forEach((raw, line) => {
    const pipes = pipeCells(raw);
    if (pipes) {
      if (pipes.every((c) => /^\s*:?-{2,}:?\s*$/.test(c))) return; // the |---|---| line under a header
      const cells = pipes.map((c) => stripMarkup(c));
      blocks.push({
        kind: "row",
        text: cells.join("\t"),
        section,
        subsection,
        emphasised: false,
        boldCells: pipes.map((c) => /<b>|\*\*/i.test(c)),
        listItem: false,
        line,
        cellSeparator: " | ",
      });
      return;
    }
    // A "date 2023-02-09" stamp before an article's headline is metadata, not text.
    const text = (strippedLines?.[line] ?? stripMarkup(raw)).replace(/^date\s+\d{4}-\d{2}-\d{2}\s+/i, "");
    if (!text || /^[-=_—]{3,}$/.test(text)) return;
    if (isHeading(raw, text, plainHeadings)) {
      const heading = text.replace(/:$/, "");
      if (MINOR_HEADING.test(heading) || /:\s*$/.test(text)) subsection = heading;
      else {
        section = heading;
        subsection = undefined;
      }
      blocks.push({
        kind: "heading",
        text,
        section,
        subsection,
        emphasised: false,
        boldCells: [],
        listItem: false,
        line,
        cellSeparator: "\t",
      });
      return;
    }
    const cells = raw.split("\t");
    const isRow = cells.length > 1 && text.includes("\t");
    blocks.push({
      kind: isRow ? "row" : "paragraph",
      text,
      section,
      subsection,
      emphasised: isBoldLine(raw),
      boldCells: isRow ? cells.map((c) => /<b>|\*\*/i.test(c)) : [],
      listItem: /^\s*(?:[-•·▪]|\d+[.)])\s+/.test(raw),
      line,
      cellSeparator: "\t",
    });
    interrupting[blocks.length - 1] = interrupts(raw, blocks.at(-1)!);
  });
  return joinBrokenParagraphs(blocks, interrupting);
}
