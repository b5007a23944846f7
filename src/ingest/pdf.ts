// Text from a PDF with pdfjs-dist: items grouped into lines by their baseline, ordered left to right;
// a wide gap between two items on a line becomes a tab, so that a table row stays one line with its cells.
import { getDocument } from "pdfjs-dist/legacy/build/pdf.mjs";

interface Item {
  str: string;
  x: number;
  y: number;
  width: number;
  size: number;
}

export async function pdfToText(data: Uint8Array): Promise<string> {
  const pdf = await getDocument({ data, isEvalSupported: false, useSystemFonts: false, verbosity: 0 }).promise;
  const pages: string[] = [];
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
      pages.push(linesOf(items).join("\n"));
    }
  } finally {
    await pdf.destroy();
  }
  return pages.join("\n\n").replace(/[ \t]+\n/g, "\n").trim();
}

/** Items on the same baseline (within a third of the font size) form a line; lines run top to bottom. */
function linesOf(items: Item[]): string[] {
  const rows: Item[][] = [];
  for (const item of [...items].sort((a, b) => b.y - a.y || a.x - b.x)) {
    const row = rows.find((r) => Math.abs(r[0]!.y - item.y) <= r[0]!.size / 3);
    if (row) row.push(item);
    else rows.push([item]);
  }
  return rows.map((row) => {
    const sorted = row.sort((a, b) => a.x - b.x);
    let line = "";
    let end = -Infinity;
    for (const item of sorted) {
      const gap = item.x - end;
      if (line) line += gap > item.size * 1.5 ? "\t" : gap > item.size * 0.15 && !line.endsWith(" ") && !item.str.startsWith(" ") ? " " : "";
      line += item.str;
      end = item.x + item.width;
    }
    return line.trim();
  });
}
