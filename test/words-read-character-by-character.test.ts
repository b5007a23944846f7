import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { words } from "../src/text/tokens.js";

/** words() as first written, with one regular expression: the character-by-character reader must agree with it. */
const wordsByRegExp = (text: string) =>
  text
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .match(/£?\d[\d,.]*%?m?|[\p{L}][\p{L}'-]*/gu)
    ?.map((w) => w.replace(/'s$|'$/, "").replace(/[.,]+$/, "")) ?? [];

describe("words of a text", () => {
  it("are those the regular expression reads, in every document of the seeds and the eval's documents", () => {
    const dirs = [join(import.meta.dirname, "../seeds"), join(import.meta.dirname, "../../shared/eval/documents")];
    for (const dir of dirs) {
      for (const file of readdirSync(dir).filter((f) => f.endsWith(".txt"))) {
        const text = readFileSync(join(dir, file), "utf8");
        expect(words(text)).toEqual(wordsByRegExp(text));
      }
    }
  });

  it("are those the regular expression reads in random text of the characters it treats", () => {
    const alphabet = [
      ..."aZé1 9,.%m£'-‘’\n",
      "İ",
      "Σ",
      "ß",
      "ª",
      "𝐀",
      "😀",
      "\ud800",
      "\udc00",
      "x's",
      "1,000.",
      "£5m",
    ];
    let seed = 5;
    const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let n = 0; n < 20000; n++) {
      const text = Array.from(
        { length: 1 + Math.floor(random() * 20) },
        () => alphabet[Math.floor(random() * alphabet.length)],
      ).join("");
      expect(words(text), JSON.stringify(text)).toEqual(wordsByRegExp(text));
    }
  });
});
