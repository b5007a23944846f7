import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { foldForMatch, quotePieces } from "../src/text/normalize.js";
import { foundNearby, markupSpans } from "../src/text/verbatim.js";

const nearby = (text: string, quote: string) =>
  quotePieces(quote).every((p) => foundNearby(text, p.text, p.folded, markupSpans(text)));

/** foldForMatch as it was first written, as a chain of replacements: the one-pass version must agree with it. */
const foldByReplacing = (text: string) =>
  text
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

const seedTexts = () => {
  const dir = join(import.meta.dirname, "../seeds");
  return readdirSync(dir)
    .filter((f) => f.endsWith(".txt"))
    .map((f) => readFileSync(join(dir, f), "utf8"));
};

describe("folding text for verbatim checks", () => {
  it("folds every line of the seeds, and random text of the characters it treats, as the chain of replacements does", () => {
    for (const text of seedTexts()) {
      expect(foldForMatch(text)).toBe(foldByReplacing(text));
      for (const line of text.split("\n")) expect(foldForMatch(line)).toBe(foldByReplacing(line));
    }
    const alphabet = [
      "a",
      "B",
      " ",
      "  ",
      "\n",
      "\t",
      "\u00a0",
      "*",
      "_",
      "`",
      "#",
      "]",
      "’",
      "‘",
      "“",
      "”",
      "–",
      "—",
      "x1",
      "é",
      "İ",
      "Σ",
    ];
    let seed = 7;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 3000; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 30) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      expect(foldForMatch(text), JSON.stringify(text)).toBe(foldByReplacing(text));
    }
  });
});

/** Markup as foldForMatch's regular expressions find it: tags, then links where the tags are blanked out. */
function markupByRegExp(text: string): number[] {
  const tag = /<[^>\s][^>]*>/g;
  const spans: number[] = [];
  for (const m of text.matchAll(tag)) spans.push(m.index, m.index + m[0].length);
  const untagged = text.replace(tag, (m) => " ".repeat(m.length));
  for (const m of untagged.matchAll(/\[([^\]]*)\]\([^)]*\)/g)) spans.push(m.index, m.index + m[0].length);
  return spans;
}

describe("markup of a document", () => {
  it("is found where foldForMatch's regular expressions find it, in the seeds and in random markup", () => {
    for (const text of seedTexts()) expect([...markupSpans(text)]).toEqual(markupByRegExp(text));
    const alphabet = ["<", ">", "[", "]", "(", ")", "a", "b", " ", "\n", "<b>", "[x](y)", "](", "<[", "]>"];
    let seed = 3;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 5000; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 25) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      expect([...markupSpans(text)], JSON.stringify(text)).toEqual(markupByRegExp(text));
    }
  });
});

describe("a quote checked in the lines around it", () => {
  it("finds a sentence of a document, whatever its case, markup and line breaks", () => {
    const text =
      "# Title\n\nThe **unit** supervises\n1,940 people on licence.\n\nAnother   *paragraph* here, [with](http://x.org) a link.\n";
    expect(nearby(text, "The unit supervises 1,940 people on licence.")).toBe(true);
    expect(nearby(text, "Another paragraph here, with a link.")).toBe(true);
    expect(nearby(text, "The unit supervises 1,941 people")).toBe(false);
  });

  it("never finds text that markup (even running over lines) hides from the whole document", () => {
    // Folded whole, the tag and the link target go: "alpha beta" and "see the report now".
    const tag = "alpha <span\nhidden words here> beta\n";
    const link = "see [the\nreport](http://example.org/secretpath) now\n";
    const inline = "gamma <span class=hidden words> delta\n";
    expect(foldForMatch(tag)).not.toContain("hidden words");
    expect(nearby(tag, "hidden words here")).toBe(false);
    expect(foldForMatch(link)).not.toContain("secretpath");
    expect(nearby(link, "example.org/secretpath")).toBe(false);
    expect(nearby(link, "see the report now")).toBe(true);
    expect(nearby(inline, "hidden words")).toBe(false);
    expect(nearby(inline, "gamma delta")).toBe(true);
  });

  it("agrees with the whole folded document on every sentence and every changed sentence of the seeds", () => {
    for (const text of seedTexts()) {
      const folded = foldForMatch(text);
      const markup = markupSpans(text);
      const sentences = text.split(/(?<=[.!?])\s+|\n+/).filter((s) => s.trim().length > 20);
      for (const s of sentences) {
        for (const quote of [s, s.replace(/\b(\w)(\w+)/, "$2$1"), `${s} extra`]) {
          for (const p of quotePieces(quote))
            if (foundNearby(text, p.text, p.folded, markup)) expect(folded, p.text).toContain(p.folded);
        }
        // A sentence without markup is found near where it stands, without folding the whole document.
        const piece = quotePieces(s)[0];
        if (piece && !/[<[*]/.test(s)) expect(foundNearby(text, piece.text, piece.folded, markup), s).toBe(true);
      }
    }
  });
});
