import { cpSync, writeFileSync, rmSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { answerQuestion, loadCorpus } from "../src/engine.js";
import { watchCorpus } from "../src/search/watch.js";
import type { CorpusIndex } from "../src/search/index.js";
import { SECOND, SEEDS } from "./support/engine.js";
import { tempDir } from "./support/temp.js";

let close: (() => void) | undefined;
afterEach(() => close?.());

function watched(dir: string) {
  const indexes: CorpusIndex[] = [];
  const errors: string[] = [];
  const w = watchCorpus(dir, { onReindex: (i) => indexes.push(i), onError: (e) => errors.push(e), debounceMs: 100 });
  close = w.close;
  const next = async (count: number) => {
    for (let i = 0; i < 100 && indexes.length < count; i++) await new Promise((r) => setTimeout(r, 50));
    return indexes[count - 1];
  };
  return { indexes, errors, next };
}

describe("the corpus folder, watched", () => {
  it("reindexes when a document is added, and the new unit is answered", async () => {
    const dir = tempDir("live-");
    cpSync(SEEDS, dir, { recursive: true });
    const before = loadCorpus(dir);
    const { next } = watched(dir);
    cpSync(join(SECOND, "ashcombe-report.md"), join(dir, "ashcombe-report.md"));
    const after = await next(1);
    expect(after?.documents).toHaveLength(6);
    expect(answerQuestion(after!, "AWV rating").answer.text).toContain("15/21");
    // An answer that started on the old index keeps it.
    expect(answerQuestion(before, "AWV rating").answer.answered).toBe(false);
  });

  it("skips a document that cannot be parsed, with a log line, and serves the rest", async () => {
    const dir = tempDir("live-");
    cpSync(SEEDS, dir, { recursive: true });
    const { next, errors } = watched(dir);
    writeFileSync(join(dir, "blank.txt"), "   \n");
    const after = await next(1);
    expect(after?.documents).toHaveLength(5);
    expect(errors.join("\n")).toMatch(/skipped blank\.txt/);
  });

  it("keeps the previous index when the folder can no longer be loaded", async () => {
    const dir = tempDir("live-");
    cpSync(join(SECOND, "ashcombe-report.md"), join(dir, "a.md"));
    const { indexes, errors } = watched(dir);
    for (const f of readdirSync(dir)) rmSync(join(dir, f));
    for (let i = 0; i < 60 && errors.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
    expect(indexes).toHaveLength(0);
    expect(errors.join("\n")).toMatch(/kept the previous index/);
  });
});
