// Adding a document to a running bot's corpus: the new document is parsed on another thread, and the answers'
// lookups of the new index are built in steps before it is handed over, so the event loop is never held long.
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerQuestion, loadCorpus, loadCorpusOnThreads, readDocuments, reloadCorpus } from "../src/engine.js";
import { parseDocument } from "../src/corpus/parse.js";
import {
  parseElsewhere,
  parsesInProgress,
  ParsingThreadFailed,
  stopParsingThreads,
} from "../src/corpus/parse-elsewhere.js";
import { lookupsBuilt } from "../src/answer/per-index.js";
import { runInSlices, runToEnd, type Offload, type Steps } from "../src/steps.js";
import { tempDir } from "./support/temp.js";

const SECOND_CORPUS = join(import.meta.dirname, "fixtures/second-corpus");

describe("work handed over by a step", () => {
  function* askTwice(): Steps<number[]> {
    const first = (yield { here: () => 1, elsewhere: async () => 2 } satisfies Offload<number>) as number;
    const second = (yield { here: () => 3 } satisfies Offload<number>) as number;
    return [first, second];
  }

  it("is done here when run at once, elsewhere when run in slices where it can be; its result is the yield's value", async () => {
    expect(runToEnd(askTwice())).toEqual([1, 3]);
    expect(await runInSlices(askTwice())).toEqual([2, 3]);
  });
});

describe("parsing on another thread", () => {
  const raws = readDocuments(SECOND_CORPUS);

  it("gives the same parse as parsing here", async () => {
    for (const raw of raws) {
      const here = parseDocument(raw, { knownUnitNames: [] });
      const { decoded } = await parseElsewhere(raw, []);
      expect(decoded.meta).toEqual((({ addedAt: _, ...meta }) => meta)(here.meta));
      expect(decoded.parsed.passages).toEqual(here.passages);
      expect(decoded.parsed.facts).toEqual(here.facts);
      expect(decoded.parsed.units).toEqual(here.units);
    }
  });

  it("fails a document the reader cannot read, and goes on with the next", async () => {
    const broken = { ...raws[0]!, meta: { ...raws[0]!.meta, kind: "inspection report", title: undefined } };
    await expect(parseElsewhere(broken as never, [])).rejects.toThrow(/title|undefined/);
    const { decoded } = await parseElsewhere(raws[0]!, []);
    expect(decoded.parsed.passages.length).toBeGreaterThan(0);
  });
});

describe("a parsing thread that stops", () => {
  const raws = readDocuments(SECOND_CORPUS);
  const whenParsing = async () => {
    for (let waited = 0; parsesInProgress() === 0 && waited < 5_000; waited += 5)
      await new Promise((resolve) => setTimeout(resolve, 5));
    expect(parsesInProgress()).toBeGreaterThan(0);
  };

  it("fails what it was asked as a failure of the thread, and the next parse starts a new one", async () => {
    await stopParsingThreads(); // the thread asked below is still starting when it is stopped
    const asked = parseElsewhere(raws[0]!, []);
    await stopParsingThreads();
    await expect(asked).rejects.toBeInstanceOf(ParsingThreadFailed);
    const { decoded } = await parseElsewhere(raws[0]!, []);
    expect(decoded.parsed.passages.length).toBeGreaterThan(0);
  });

  it("loses no document: a reload parses it here instead", async () => {
    const dir = tempDir("reload-thread-stops-");
    cpSync(SECOND_CORPUS, dir, { recursive: true });
    const before = loadCorpus(dir);
    const [first] = before.documents.map((d) => d.meta.id);
    writeFileSync(
      join(dir, "added.txt"),
      readFileSync(join(dir, first!), "utf8").replace(/\n/, "\nInspectors met 8,642 people on licence.\n"),
    );
    const warnings: string[] = [];
    await stopParsingThreads(); // so that the reload's thread is still starting when it is stopped
    const reloading = reloadCorpus(dir, before, { onWarning: (w) => warnings.push(w) });
    await whenParsing();
    await stopParsingThreads();
    const after = await reloading;
    expect(warnings).toEqual([]);
    expect(after.passages.some((p) => p.text.includes("8,642 people"))).toBe(true);
  });
});

describe("a reloaded index", () => {
  it("has the answers' lookups built before it is handed over; a loaded one builds them on first use", async () => {
    const dir = tempDir("reload-lookups-");
    cpSync(SECOND_CORPUS, dir, { recursive: true });
    const before = loadCorpus(dir);
    expect(lookupsBuilt(before).built).toBe(0);
    answerQuestion(before, "ashcombe rating");
    expect(lookupsBuilt(before).built).toBeGreaterThan(0);

    const [first] = before.documents.map((d) => d.meta.id);
    writeFileSync(
      join(dir, "added.txt"),
      readFileSync(join(dir, first!), "utf8").replace(/\n/, "\nInspectors met 3,579 people on licence.\n"),
    );
    const warnings: string[] = [];
    const after = await reloadCorpus(dir, before, { onWarning: (w) => warnings.push(w) });
    expect(warnings).toEqual([]);
    const { built, total } = lookupsBuilt(after);
    expect(total).toBeGreaterThan(5);
    expect(built).toBe(total);
    expect(after.passages.some((p) => p.text.includes("3,579 people"))).toBe(true);
  });
});

describe("a cold load on threads", () => {
  it("gives the same index as a load at once, ready to answer, and keeps every parse in the cache", async () => {
    const cacheDir = tempDir("threads-cache-");
    const onThreads = await loadCorpusOnThreads(SECOND_CORPUS, { cacheDir });
    const atOnce = loadCorpus(SECOND_CORPUS);
    expect(onThreads.passages).toEqual(atOnce.passages);
    expect(onThreads.facts).toEqual(atOnce.facts);
    expect(onThreads.units).toEqual(atOnce.units);
    expect(readdirSync(cacheDir).filter((f) => f.endsWith(".json"))).toHaveLength(atOnce.documents.length);
    expect(lookupsBuilt(onThreads).built).toBe(lookupsBuilt(onThreads).total);
  });
});
