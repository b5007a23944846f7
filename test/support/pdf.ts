// Makes a PDF in the test: lines of text at positions, as a report's layout would put them.
import { PDFDocument, StandardFonts } from "pdf-lib";

export type PdfLine = string | readonly [string, string]; // a line, or a table row of two cells

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
