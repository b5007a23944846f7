// A document as a sequence of blocks (headings, paragraphs, table rows), markup stripped,
// each knowing the section it sits in.
import { squash, stripMarkup } from "../text/normalize.js";
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

/**
 * `strippedLines`, when given, are the document's lines with stripMarkup already applied. `plainHeadings`: a report's
 * known section names are headings even without Markdown marks (an article's crossheads are not sections).
 */
export function toBlocks(documentText: string, strippedLines?: string[], plainHeadings = true): Block[] {
  const blocks: Block[] = [];
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
  });
  return blocks;
}
