// Makes a PDF in the test: lines of text at positions, as a report's layout would put them.
import { PDFDocument, StandardFonts, type PDFFont, type PDFPage } from "pdf-lib";

export type PdfLine = string | readonly [string, string]; // a line, or a table row of two cells

/** One line per entry, 16pt apart, no wrapping: every entry is its own line. */
export async function makePdf(pages: PdfLine[][]): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  for (const lines of pages) {
    const page = doc.addPage([595, 842]);
    let y = 800;
    for (const line of lines) {
      if (typeof line === "string") page.drawText(line, { x: 50, y, size: 10, font });
      else {
        page.drawText(line[0], { x: 50, y, size: 10, font });
        page.drawText(line[1], { x: 480, y, size: 10, font });
      }
      y -= 16;
    }
  }
  return doc.save();
}

const SIZE = 10;
const LEADING = 12; // baseline to baseline inside a paragraph
const PARAGRAPH_GAP = 8; // extra space between paragraphs
const LEFT = 50;
const RIGHT = 545;
const QUESTION_COLUMN = 300; // a table's first column, narrow enough that long questions wrap inside it
const VALUE_X = 420;

function wrap(text: string, font: PDFFont, width: number): string[] {
  const lines: string[] = [];
  let line = "";
  for (const word of text.split(" ")) {
    const next = line ? `${line} ${word}` : word;
    if (line && font.widthOfTextAtSize(next, SIZE) > width) {
      lines.push(line);
      line = word;
    } else line = next;
  }
  if (line) lines.push(line);
  return lines;
}

/**
 * Lays a document out as a report's PDF would: paragraphs wrapped at the margin with a gap between them,
 * a bullet's lines indented, table rows (cells split by a tab) with the first cell wrapped in its column,
 * new pages as they fill. Markup (**, <b>, #) is dropped, as a PDF has none. `centreValues`: a row's value sits
 * midway down its wrapped cell (as many reports set it), else beside the cell's first line.
 */
export async function layOutAsPdf(text: string, { centreValues = false } = {}): Promise<Uint8Array> {
  const doc = await PDFDocument.create();
  const font = await doc.embedFont(StandardFonts.Helvetica);
  let page: PDFPage = doc.addPage([595, 842]);
  let y = 800;
  const draw = (s: string, x: number) => page.drawText(s, { x, y, size: SIZE, font });
  const room = (lines: number) => {
    if (y - lines * LEADING < 50) {
      page = doc.addPage([595, 842]);
      y = 800;
    }
  };
  const paragraphs = text
    .split("\n")
    .map((l) => l.replace(/<\/?[a-z]+>|\*\*|^#+\s*/gi, "").trim())
    .filter(Boolean);
  for (const paragraph of paragraphs) {
    const cells = paragraph.split("\t");
    if (cells.length === 2) {
      const question = wrap(cells[0]!, font, QUESTION_COLUMN);
      room(question.length);
      const top = y;
      y = centreValues ? top - ((question.length - 1) * LEADING) / 2 : top;
      draw(cells[1]!, VALUE_X);
      y = top;
      for (const l of question) {
        draw(l, LEFT);
        y -= LEADING;
      }
    } else if (cells.length > 2) {
      // Wider tables: equal columns, every cell wrapped in its own.
      const width = (RIGHT - LEFT) / cells.length;
      const wrapped = cells.map((c) => wrap(c, font, width - 12));
      const height = Math.max(...wrapped.map((w) => w.length));
      room(height);
      for (let i = 0; i < height; i++) {
        wrapped.forEach((w, column) => w[i] && draw(w[i]!, LEFT + column * width));
        y -= LEADING;
      }
    } else {
      const bullet = /^- /.test(paragraph);
      const body = bullet ? paragraph.slice(2) : paragraph;
      const indent = bullet ? 12 : 0;
      const lines = wrap(body, font, RIGHT - LEFT - indent);
      room(lines.length);
      if (bullet) draw("•", LEFT);
      for (const l of lines) {
        draw(l, LEFT + indent);
        y -= LEADING;
      }
    }
    y -= PARAGRAPH_GAP;
  }
  return doc.save();
}
