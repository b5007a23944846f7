// A list cut short says how many items it leaves out, and a follow-up that asks for all of them gets them all.
import { describe, expect, it } from "vitest";
import type { ProgressFact } from "../src/types.js";
import { TUNING } from "../src/tuning.js";
import { converse, seeds } from "./support/engine.js";

const rowsOf = (unitKey: string) =>
  ((seeds.factsByType.get("progress") ?? []) as ProgressFact[]).filter((f) => f.unitKey === unitKey);

describe("lists", () => {
  const [first, all] = converse(seeds, "LLR progress on previous recommendations", "all of them?");
  const unitKey = seeds.findUnits("LLR", () => false)[0]!.unitKey;
  const rows = rowsOf(unitKey);
  const shown = TUNING.answers.listShown.progress;

  it("cut short, the answer says how many it leaves out (a part of its own, beside the lead)", () => {
    expect(rows.length).toBeGreaterThan(shown);
    expect(first!.lead.filter((s) => s.text.startsWith("• ") || s.text.includes("\n• ")).length).toBeGreaterThan(0);
    expect(first!.citations).toHaveLength(shown);
    expect(first!.more).toBe(`${rows.length - shown} more rows of the progress table not shown: ask for all of them.`);
    expect(first!.text).toContain(first!.more);
  });

  it('"all of them?" in the thread lists every row, each with its quote, and leaves nothing out', () => {
    expect(all!.intent).toBe("progress");
    expect(all!.more).toBeUndefined();
    expect(all!.citations).toHaveLength(rows.length);
    for (const r of rows) expect(all!.text).toContain(r.categorisation);
  });

  it("a list that fits is not said to be cut", () => {
    const [recs] = converse(seeds, "LLR recommendations");
    expect(recs!.answered).toBe(true);
    expect(recs!.more).toBeUndefined();
  });
});
