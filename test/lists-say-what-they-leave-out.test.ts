// A list cut short says how many items it leaves out, and a follow-up that asks for all of them gets them all.
import { describe, expect, it } from "vitest";
import type { ProgressFact } from "../src/types.js";
import { TUNING } from "../src/tuning.js";
import { converse, seeds } from "./support/engine.js";
import { loadCorpus } from "../src/engine.js";
import { writeGeneratedCorpus } from "../bench/generated-corpus.js";
import { tempDir } from "./support/temp.js";

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

describe("a rating overview of more units than it shows", () => {
  // 40 documents: 30 copies of the seed report (each unit rated Inadequate, as the seed's is) and 10 articles.
  const dir = tempDir("overview-");
  const names = writeGeneratedCorpus(dir, 40);
  const index = loadCorpus(dir);
  const shown = TUNING.answers.listShown.units;
  const [first, all] = converse(index, "which units were rated inadequate", "all of them?");
  const bullets = (text: string) => text.split("\n").filter((l) => l.startsWith("• "));

  it("lists the first units, cites only those, and says how many it leaves out", () => {
    const rated = index.units.filter((u) => index.factsByUnit.get(u.key)?.some((f) => f.type === "rating"));
    expect(rated.length).toBeGreaterThan(shown);
    expect(first!.answered).toBe(true);
    const lines = bullets(first!.text);
    expect(lines).toHaveLength(shown);
    for (const line of lines) expect(line).toMatch(/Inadequate/);
    expect(names.filter((n) => lines.some((l) => l.includes(n))).length).toBe(shown);
    expect(first!.citations.length).toBeLessThanOrEqual(shown);
    expect(first!.more).toBe(`${rated.length - shown} more units not shown: ask for all of them.`);
  });

  it('"all of them?" shows as many as a whole list may, and says what is still left out', () => {
    const whole = Math.max(shown, TUNING.answers.wholeList);
    expect(bullets(all!.text).length).toBe(
      Math.min(whole, bullets(first!.text).length + Number(first!.more!.split(" ")[0])),
    );
    expect(all!.more ?? "").not.toContain("ask for all of them");
  });
});
