// A misspelt unit name is matched with fuse.js among only the names that share enough letter pairs with it: the
// result must be the one fuse.js gives searching every name, whenever that one is good enough to be taken.
import Fuse from "fuse.js";
import { describe, expect, it } from "vitest";
import { fuzzyFinder } from "../src/search/units.js";
import { TUNING } from "../src/tuning.js";

const PLACES = ["Ashby", "Brackley", "Corfe", "Dunmore", "Eskdale", "Fenwick", "Glaston", "Hartwell", "Leicester"];
const MORE = ["Lydford", "Marden", "Norbury", "Oakham", "Rutland", "Derby", "Swansea", "Neath", "Port Talbot"];
const names = [
  ...PLACES.flatMap((a, i) =>
    MORE.map((b, j) => ({ alias: `${a}, ${b} and ${MORE[(i + j + 1) % MORE.length]}`, key: `${i}-${j}` })),
  ),
  ...[...PLACES, ...MORE].map((alias, i) => ({ alias, key: `p${i}` })),
  { alias: "LLR", key: "llr" },
  { alias: "East and West Lincolnshire", key: "ewl" },
];

let seed = 11;
const random = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
const pick = <T>(list: T[]) => list[Math.floor(random() * list.length)]!;
/** A word or two with one to three letters dropped, doubled, swapped or changed. */
function misspelt(): string {
  let text = random() < 0.5 ? pick([...PLACES, ...MORE]) : `${pick(PLACES)} ${pick(MORE)}`;
  for (let n = 1 + Math.floor(random() * 3); n > 0; n--) {
    const at = Math.floor(random() * text.length);
    const change = Math.floor(random() * 4);
    if (change === 0) text = text.slice(0, at) + text.slice(at + 1);
    else if (change === 1) text = text.slice(0, at) + text[at] + text.slice(at);
    else if (change === 2) text = text.slice(0, at) + (text[at + 1] ?? "") + text[at] + text.slice(at + 2);
    else text = text.slice(0, at) + pick([..."aeioulnrst"]) + text.slice(at + 1);
  }
  return text;
}

describe("a misspelt name among many", () => {
  it("gets the match fuse.js gives searching every name, wherever that match is close enough to be taken", () => {
    const everyName = new Fuse(names, {
      keys: ["alias"],
      includeScore: true,
      threshold: TUNING.units.fuzzyThreshold,
      ignoreLocation: true,
      minMatchCharLength: 4,
    });
    const best = fuzzyFinder(names);
    let taken = 0;
    for (let n = 0; n < 2000; n++) {
      const text = misspelt();
      const expected = everyName.search(text)[0];
      const found = best(text);
      if (expected && (expected.score ?? 1) <= TUNING.units.fuzzyAccept) {
        taken++;
        expect(found?.item, text).toBe(expected.item);
        expect(found?.score, text).toBe(expected.score);
      } else expect((found?.score ?? 1) > TUNING.units.fuzzyAccept, text).toBe(true);
    }
    // Most of the misspellings are close enough to be taken: the comparison is not empty.
    expect(taken).toBeGreaterThan(300);
  });
});
