// firstBy keeps the first few items in an order without sorting the whole list: exactly what a stable sort and a
// slice would keep, ties in the list's order.
import { describe, expect, it } from "vitest";
import { firstBy } from "../src/answer/first-by.js";

describe("the first few items in an order", () => {
  it("are those of a stable sort of the whole list, equal items in the list's order", () => {
    let seed = 7;
    const next = () => (seed = (seed * 1103515245 + 12345) % 2147483648) / 2147483648;
    for (let round = 0; round < 300; round++) {
      const items = Array.from({ length: Math.floor(next() * 60) }, (_, at) => ({
        at,
        a: Math.floor(next() * 4),
        b: Math.floor(next() * 3),
      }));
      const compare = (x: (typeof items)[number], y: (typeof items)[number]) => y.a - x.a || x.b - y.b;
      const count = Math.floor(next() * 10);
      expect(firstBy(items, compare, count)).toEqual([...items].sort(compare).slice(0, count));
    }
  });
});
