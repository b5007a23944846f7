// A live reindex reuses the parse of every document that did not change and gives the event loop back while it works.
import { cpSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/engine.js";
import { reloadCorpus } from "../src/search/load.js";
import { runInSlices, runToEnd } from "../src/steps.js";
import { documentTerms } from "../src/corpus/passage-terms.js";
import { answerQuestion } from "../src/engine.js";
import { tempDir } from "./support/temp.js";

describe("work in slices", () => {
  function* busySteps(steps: number, msEach: number): Generator<void, number> {
    for (let i = 0; i < steps; i++) {
      const until = performance.now() + msEach;
      while (performance.now() < until);
      yield;
    }
    return steps;
  }

  it("gives the event loop back between slices, and gives the same result as running at once", async () => {
    let ran = 0;
    const other = setInterval(() => ran++, 0);
    const result = await runInSlices(busySteps(10, 5), 10);
    clearInterval(other);
    expect(result).toBe(10);
    expect(ran).toBeGreaterThan(0);
    expect(runToEnd(busySteps(3, 0))).toBe(3);
  });
});

describe("reloading the corpus", () => {
  it("keeps the parse of unchanged documents, parses a changed one, and answers from the new index", async () => {
    const dir = tempDir("reload-");
    cpSync(join(import.meta.dirname, "fixtures/second-corpus"), dir, { recursive: true });
    const before = loadCorpus(dir);
    const [kept, changed] = before.documents.map((d) => d.meta.id);
    writeFileSync(
      join(dir, changed!),
      readFileSync(join(dir, changed!), "utf8").replace(/\n/, "\nInspectors met 7,654 people on licence.\n"),
    );
    const after = await reloadCorpus(dir, before);
    expect(after.docsById.get(kept!)!.passages).toBe(before.docsById.get(kept!)!.passages);
    expect(after.docsById.get(changed!)!.passages).not.toBe(before.docsById.get(changed!)!.passages);
    expect(after.passages.some((p) => p.text.includes("7,654 people"))).toBe(true);
    expect(answerQuestion(after, "ashcombe rating").answer.text).toEqual(
      answerQuestion(before, "ashcombe rating").answer.text,
    );
  });

  it("joins the kept documents' index parts into the same index as a fresh load", async () => {
    const dir = tempDir("reload-parts-");
    cpSync(join(import.meta.dirname, "fixtures/second-corpus"), dir, { recursive: true });
    const before = loadCorpus(dir);
    const [first] = before.documents.map((d) => d.meta.id);
    writeFileSync(
      join(dir, "added.txt"),
      readFileSync(join(dir, first!), "utf8").replace(/\n/, "\nInspectors met 2,468 people on licence.\n"),
    );
    const after = await reloadCorpus(dir, before);
    const fresh = loadCorpus(dir);
    const postings = (index: typeof fresh) =>
      [...index.bm25.postings].map(([term, list]) => [term, [...list]]).sort((a, b) => (a[0]! < b[0]! ? -1 : 1));
    // The kept document's part, read back from the joined index, is the part its passages give.
    const part = after.partOf(first!)!;
    const own = documentTerms(after.docsById.get(first!)!);
    expect([...part.postings]).toEqual([...own.postings]);
    expect(part.postings.constructor).toBe(own.postings.constructor);
    expect([...part.terms]).toEqual([...own.terms]);
    expect([...part.lengths]).toEqual([...own.lengths]);
    expect(postings(after)).toEqual(postings(fresh));
    const names = (index: typeof fresh) =>
      [...index.bm25.unitNames].map(([term, { list, only }]) => [term, [...list], only]).sort();
    expect(names(after)).toEqual(names(fresh));
    expect([...after.bm25.lengths]).toEqual([...fresh.bm25.lengths]);
    expect([...after.words]).toEqual([...fresh.words]);
    expect(postings(after)).not.toEqual(postings(before));
  });

  it("reads again a document whose sources.json entry changed, though its file did not", async () => {
    const dir = tempDir("reload-sources-");
    cpSync(join(import.meta.dirname, "fixtures/second-corpus"), dir, { recursive: true });
    const before = loadCorpus(dir);
    const [id] = before.documents.map((d) => d.meta.id);
    writeFileSync(join(dir, "sources.json"), JSON.stringify({ [id!]: { title: "A title given by sources.json" } }));
    const after = await reloadCorpus(dir, before);
    expect(after.docsById.get(id!)!.meta.title).toBe("A title given by sources.json");
    expect(before.docsById.get(id!)!.meta.title).not.toBe("A title given by sources.json");
  });

  it("parses a kept document again when a new document gives it a name to split its lists with, or takes it away", async () => {
    const dir = tempDir("reload-names-");
    cpSync(join(import.meta.dirname, "fixtures/second-corpus"), dir, { recursive: true });
    writeFileSync(
      join(dir, "lists.txt"),
      "Probation services in Kessington and Ashcombe were inspected in 2025 and rated 'Good'.\n",
    );
    const unitsOfLists = (index: ReturnType<typeof loadCorpus>) =>
      index.documents.find((d) => d.meta.id === "lists.txt")!.units.map((u) => u.key);
    const before = loadCorpus(dir);
    writeFileSync(join(dir, "kessington.txt"), "Kessington PDU was rated 'Good' overall by inspectors in 2025.\n");
    const added = await reloadCorpus(dir, before);
    expect(unitsOfLists(added)).toEqual(unitsOfLists(loadCorpus(dir)));
    expect(unitsOfLists(added)).not.toEqual(unitsOfLists(before));
    rmSync(join(dir, "kessington.txt"));
    const removed = await reloadCorpus(dir, added);
    expect(unitsOfLists(removed)).toEqual(unitsOfLists(before));
  });

  it("parses a new document again when another new one gives it a name to split its lists with", async () => {
    const dir = tempDir("reload-names-both-");
    cpSync(join(import.meta.dirname, "fixtures/second-corpus"), dir, { recursive: true });
    const before = loadCorpus(dir);
    writeFileSync(
      join(dir, "lists.txt"),
      "Probation services in Kessington and Ashcombe were inspected in 2025 and rated 'Good'.\n",
    );
    writeFileSync(join(dir, "kessington.txt"), "Kessington PDU was rated 'Good' overall by inspectors in 2025.\n");
    const after = await reloadCorpus(dir, before);
    const unitsOfLists = (index: ReturnType<typeof loadCorpus>) =>
      index.documents.find((d) => d.meta.id === "lists.txt")!.units.map((u) => u.key);
    expect(unitsOfLists(after)).toEqual(unitsOfLists(loadCorpus(dir)));
    expect(unitsOfLists(after)).toContain("kessington");
  });
});
