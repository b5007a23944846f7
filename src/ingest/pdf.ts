// Text from a PDF with pdfjs-dist. Items are grouped into lines by their baseline and ordered left to right;
// a gap wider than a few spaces between two items on a line becomes a tab, so that a table row stays one line with its cells.
// Then the layout's line wrapping is undone, so that a paragraph or a table row is one line again, as the
// parser reads them: a line that runs to the right margin continues on the next one, a question that wraps
// inside its table cell continues in that cell, and a value set beside a wrapped cell joins its row.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

/** A line of one page, with the geometry needed to tell wrapped lines from separate ones. */
interface Line {
  text: string;
  /** Baseline of its first and of its last physical line (they differ once wrapped lines are joined). */
  firstY: number;
  y: number;
  size: number;
  left: number;
  right: number;
  /** Where each tab-separated cell starts. */
  cellStarts: number[];
  /** Right edge of the first cell. */
  firstCellRight: number;
}

export async function pdfToText(data: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: Line[][] = [];
  try {
    for (let n = 1; n <= pdf.numPages; n++) {
      const page = await pdf.getPage(n);
      const content = await page.getTextContent();
      const items: Item[] = [];
      for (const raw of content.items) {
        if (!("str" in raw) || raw.str.trim() === "") continue;
        const [a, , , d, x, y] = raw.transform as number[];
        items.push({ str: raw.str, x: x!, y: y!, width: raw.width, size: Math.abs(d! || a!) || 10 });
      }
      pages.push(linesOf(items));
    }
  } finally {
    await pdf.destroy();
  }
  const layout = measureLayout(pages.flat(), pages);
  return pages
    .map((lines) =>
      unwrap(lines, layout)
        .map((l) => l.text)
        .join("\n"),
    )
    .join("\n\n")
    .replace(/[ \t]+\n/g, "\n")
    .trim();
}

/** Items on the same baseline (within a third of the font size) form a line; lines run top to bottom. */
function linesOf(items: Item[]): Line[] {
  const rows: Item[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) <= r[0]!.size / 3);
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    const sorted = row.sort((a, b) => a.x - b.x);
    let text = "";
    let end = -Infinity;
    const cellStarts = [sorted[0]!.x];
    let firstCellRight = -Infinity;
    for (const item of sorted) {
      const gap = item.x - end;
      if (text && gap > item.size) {
        text += "\t";
        cellStarts.push(item.x);
      } else if (text && gap > item.size * 0.15 && !text.endsWith(" ") && !item.str.startsWith(" ")) text += " ";
      text += item.str;
      end = item.x + item.width;
      if (cellStarts.length === 1) firstCellRight = end;
    }
    const size = Math.max(...sorted.map((i) => i.size));
    return {
      text: text.trim(),
      firstY: sorted[0]!.y,
      y: sorted[0]!.y,
      size,
      left: sorted[0]!.x,
      right: end,
      cellStarts,
      firstCellRight,
    };
  });
}

interface Layout {
  /** The usual distance between the baselines of a paragraph's lines. */
  leading: number;
  /** Where the text body's lines end when they wrap. */
  rightMargin: number;
}

/**
 * Reads the document's line spacing and right margin. The leading is the smallest gap that recurs between lines
 * of the body's font size (the most common one) that start in the same column: the gap between paragraphs is larger,
 * however often it occurs, and a value set beside a wrapped cell does not count.
 */
function measureLayout(all: Line[], pages: Line[][]): Layout {
  const sizes = new Map<number, number>();
  for (const l of all) sizes.set(l.size, (sizes.get(l.size) ?? 0) + 1);
  const bodySize = [...sizes].sort((a, b) => b[1] - a[1])[0]?.[0] ?? 0;
  const gaps = new Map<number, number>();
  let counted = 0;
  for (const lines of pages) {
    for (let i = 1; i < lines.length; i++) {
      const [a, b] = [lines[i - 1]!, lines[i]!];
      if (a.size !== bodySize || b.size !== bodySize || Math.abs(a.left - b.left) > 2 * bodySize) continue; // same column
      const gap = Math.round((a.y - b.y) * 2) / 2;
      if (gap <= 0 || gap > bodySize * 3) continue;
      gaps.set(gap, (gaps.get(gap) ?? 0) + 1);
      counted++;
    }
  }
  const recurring = [...gaps].filter(([, n]) => n >= Math.max(2, counted * 0.05)).map(([gap]) => gap);
  const leading = recurring.length ? Math.min(...recurring) : 0;
  const rights = all
    .filter((l) => !l.text.includes("\t"))
    .map((l) => l.right)
    .sort((a, b) => a - b);
  const usual = rights[Math.floor(rights.length * 0.9)] ?? 0;
  const tables = Math.max(0, ...all.filter((l) => l.text.includes("\t")).map((l) => l.right));
  return { leading, rightMargin: Math.max(usual, tables) };
}

const STARTS_ITEM = /^(?:[•·▪◦‣–-]|\d+[.)])\s/;

function joinWords(a: string, b: string): string {
  return /\p{L}-$/u.test(a) ? a + b : `${a} ${b}`;
}

/** Joins the lines that the layout wrapped. Lines on the same page only. */
function unwrap(lines: Line[], { leading, rightMargin }: Layout): Line[] {
  const out: Line[] = [];
  for (const line of lines) {
    const prev = out.at(-1);
    const joined = prev && leading > 0 ? join(prev, line, leading, rightMargin) : undefined;
    if (joined) out[out.length - 1] = joined;
    else out.push({ ...line });
  }
  return out;
}

function join(prev: Line, line: Line, leading: number, rightMargin: number): Line | undefined {
  const gap = prev.y - line.y;
  if (gap <= 0 || gap > leading * 1.15 || Math.abs(prev.size - line.size) > prev.size * 0.1) return undefined;
  const size = prev.size;
  const prevIsRow = prev.text.includes("\t");
  // A cell or line that ends a sentence is complete: what follows it is not its continuation.
  const prevOpen = !/[.?!:;]$/.test(prev.text.split("\t")[0]!);
  const lineIsRow = line.text.includes("\t");
  // `right` is where the last physical line ends: a paragraph's short last line ends it.
  const merged = (text: string, extra: Partial<Line> = {}): Line => ({
    ...prev,
    text,
    y: line.y,
    right: line.right,
    ...extra,
  });

  // A paragraph's line that reached the margin goes on in the next line, which starts no new item.
  if (
    !prevIsRow &&
    !lineIsRow &&
    wrapped(prev.right, line.text, rightMargin, size) &&
    !STARTS_ITEM.test(line.text) &&
    line.left >= prev.left - size &&
    line.left <= prev.left + 3 * size
  ) {
    return merged(joinWords(prev.text, line.text));
  }
  // A table cell that filled its column goes on in the next line, in that column and before the next one.
  if (
    prevIsRow &&
    !lineIsRow &&
    prevOpen &&
    Math.abs(line.left - prev.left) <= size &&
    line.right < prev.cellStarts[1]! &&
    cellWrapped(prev.left, prev.firstCellRight, line.text, prev.cellStarts[1]!, size)
  ) {
    const [first, ...rest] = prev.text.split("\t");
    return merged([joinWords(first!, line.text), ...rest].join("\t"), {
      right: prev.right,
      firstCellRight: line.right,
    });
  }
  // Cells of a wider table wrapped in their own columns: a line whose cells all sit in the row's columns, that leaves
  // a column empty or goes on in lower case, continues the cells above it (each of which must not have ended).
  if (prevIsRow && (lineIsRow || line.left > prev.cellStarts[1]! - size)) {
    const continued = continueCells(prev, line);
    if (continued) return merged(continued, { right: prev.right });
  }
  // A value set beside a wrapped cell (centred on its lines) sits between them: it joins the row as its next cell.
  if (!prevIsRow && !lineIsRow && prevOpen && line.left > prev.right + 1.5 * size && line.firstY < prev.firstY) {
    return merged(`${prev.text}\t${line.text}`, { cellStarts: [prev.left, line.left], firstCellRight: prev.right });
  }
  // A cell's first line, then its next one with the value beside it.
  if (
    !prevIsRow &&
    lineIsRow &&
    prevOpen &&
    Math.abs(line.left - prev.left) <= size &&
    prev.right < line.cellStarts[1]! &&
    cellWrapped(prev.left, prev.right, line.text, line.cellStarts[1]!, size)
  ) {
    return merged(joinWords(prev.text, line.text), {
      cellStarts: line.cellStarts,
      firstCellRight: line.firstCellRight,
    });
  }
  return undefined;
}

function continueCells(prev: Line, line: Line): string | undefined {
  const size = prev.size;
  const cells = prev.text.split("\t");
  const parts = line.text.split("\t");
  if (cells.length !== prev.cellStarts.length) return undefined;
  const columns = line.cellStarts.map((x) => prev.cellStarts.findIndex((start) => Math.abs(start - x) <= size));
  if (columns.length !== parts.length || columns.some((c, i) => c < 0 || (i > 0 && c <= columns[i - 1]!)))
    return undefined;
  if (parts.length === cells.length && !/^\p{Ll}/u.test(parts[0]!)) return undefined; // a full row: a new one
  if (columns.some((c) => /[.?!:;]$/.test(cells[c]!))) return undefined;
  columns.forEach((c, i) => (cells[c] = joinWords(cells[c]!, parts[i]!)));
  return cells.join("\t");
}

/**
 * True when a line ending at `right` was wrapped: the first word of the next line would not have fitted before
 * `limit` (the margin, or the next column). Words are measured at half the font size a character, a fair average.
 */
function wrapped(right: number, next: string, limit: number, size: number): boolean {
  const word = next.split(/\s/)[0] ?? "";
  return right + (word.length + 1) * 0.5 * size >= limit - size;
}

/** A cell's line was wrapped when it fills most of its column (whose padding is unknown) or the next word would not fit. */
function cellWrapped(left: number, right: number, next: string, nextColumn: number, size: number): boolean {
  return right - left >= (nextColumn - left) * 0.6 || wrapped(right, next, nextColumn - size, size);
}
