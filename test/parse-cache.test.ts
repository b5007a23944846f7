// Parsed documents kept on disk: a second load reads them; a corrupt, stale or no longer fitting entry is never
// served but parsed again and rewritten.
import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { crc32 } from "node:zlib";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/engine.js";
import { tempDir } from "./support/temp.js";

const SECOND = join(import.meta.dirname, "fixtures/second-corpus");

function setUp() {
  const corpus = tempDir("cache-corpus-");
  const cache = tempDir("cache-entries-");
  cpSync(SECOND, corpus, { recursive: true });
  return { corpus, cache };
}

/** Rewrites an entry's body through `change`, with a checksum that fits it (a well-formed entry with other content). */
function rewriteEntry(path: string, change: (body: string) => string, fixSum = true): void {
  const content = readFileSync(path, "utf8");
  const newline = content.indexOf("\n");
  const header = JSON.parse(content.slice(0, newline));
  const body = change(content.slice(newline + 1));
  if (fixSum) header.sum = crc32(body).toString(16);
  writeFileSync(path, `${JSON.stringify(header)}\n${body}`);
}

const passagesOf = (index: ReturnType<typeof loadCorpus>) => index.passages.map((p) => p.text);
const entries = (dir: string) => readdirSync(dir).filter((f) => f.endsWith(".json"));

describe("the parse cache", () => {
  it("keeps one entry per document and answers the same from it", () => {
    const { corpus, cache } = setUp();
    const fresh = loadCorpus(corpus);
    const first = loadCorpus(corpus, { cacheDir: cache });
    expect(entries(cache)).toHaveLength(fresh.documents.length);
    const warm = loadCorpus(corpus, { cacheDir: cache });
    expect(passagesOf(warm)).toEqual(passagesOf(fresh));
    expect(warm.facts).toEqual(first.facts);
    expect(warm.units).toEqual(fresh.units);
  });

  it("serves a well-formed entry: the second load reads it, not the document", () => {
    const { corpus, cache } = setUp();
    loadCorpus(corpus, { cacheDir: cache });
    for (const file of entries(cache))
      rewriteEntry(join(cache, file), (body) => body.replace(/"text":\["([^"]{20})/, '"text":["MARKED $1'));
    expect(passagesOf(loadCorpus(corpus, { cacheDir: cache })).some((t) => t.startsWith("MARKED"))).toBe(true);
  });

  it("never serves a corrupt entry: a wrong checksum, a truncated file, a header of another format", () => {
    const { corpus, cache } = setUp();
    const fresh = passagesOf(loadCorpus(corpus));
    loadCorpus(corpus, { cacheDir: cache });
    const [a, b, c] = entries(cache).map((f) => join(cache, f));
    rewriteEntry(a!, (body) => body.replace(/"text":\["/, '"text":["MARKED '), false);
    if (b) writeFileSync(b, readFileSync(b, "utf8").slice(0, 200));
    if (c) writeFileSync(c, `{"format":999}\n${readFileSync(c, "utf8").split("\n")[1]}`);
    const reloaded = loadCorpus(corpus, { cacheDir: cache });
    expect(passagesOf(reloaded)).toEqual(fresh);
    // Each bad entry was parsed again and rewritten whole.
    expect(passagesOf(loadCorpus(corpus, { cacheDir: cache }))).toEqual(fresh);
    expect(readFileSync(a!, "utf8")).not.toContain("MARKED");
  });

  it("never serves an entry whose parts do not fit together, even with a checksum that fits", () => {
    const { corpus, cache } = setUp();
    const fresh = loadCorpus(corpus);
    loadCorpus(corpus, { cacheDir: cache });
    const [a, b] = entries(cache).map((f) => join(cache, f));
    // One passage fewer than the index part counts; an index part that names a passage the document lacks.
    rewriteEntry(a!, (body) => body.replace(/"text":\["(?:[^"\\]|\\.)*",/, '"text":['));
    rewriteEntry(b!, (body) => body.replace(/"lengths":"[^"]*"/, '"lengths":"AAAA"'));
    const reloaded = loadCorpus(corpus, { cacheDir: cache });
    expect(passagesOf(reloaded)).toEqual(passagesOf(fresh));
    expect([...reloaded.bm25.lengths]).toEqual([...fresh.bm25.lengths]);
  });

  it("never serves the parse of an older text of a document", () => {
    const { corpus, cache } = setUp();
    loadCorpus(corpus, { cacheDir: cache });
    const file = readdirSync(corpus).find((f) => f.endsWith(".txt"))!;
    writeFileSync(
      join(corpus, file),
      `${readFileSync(join(corpus, file), "utf8")}\nInspectors counted 4,321 people on the waiting list.\n`,
    );
    const index = loadCorpus(corpus, { cacheDir: cache });
    expect(index.passages.some((p) => p.text.includes("4,321 people"))).toBe(true);
  });

  it("parses a document again when another document gives it a name to split its lists with", () => {
    const { corpus, cache } = setUp();
    writeFileSync(
      join(corpus, "lists.txt"),
      "Probation services in Kessington and Ashcombe were inspected in 2025 and rated 'Good'.\n",
    );
    const before = loadCorpus(corpus, { cacheDir: cache });
    writeFileSync(join(corpus, "kessington.txt"), "Kessington PDU was rated 'Good' overall by inspectors in 2025.\n");
    const after = loadCorpus(corpus, { cacheDir: cache });
    const fresh = loadCorpus(corpus);
    const unitsOfLists = (index: typeof before) =>
      index.documents.find((d) => d.meta.id === "lists.txt")!.units.map((u) => u.key);
    expect(unitsOfLists(after)).toEqual(unitsOfLists(fresh));
    expect(unitsOfLists(after)).not.toEqual(unitsOfLists(before));
  });
});
