// Ingests at the same time keep every document's entry; a run killed between writing a document and its
// metadata is repaired by running it again; links are checked before they are kept.
import { execFile } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { IngestError, ingestFiles } from "../src/ingest/ingest.js";
import { ROOT } from "./support/bot-process.js";
import { tempDir } from "./support/temp.js";

const run = promisify(execFile);
const FIXTURES = join(import.meta.dirname, "fixtures");
const FILES = [
  "ingest/harrowden-report.txt",
  "second-corpus/ashcombe-report.md",
  "third-corpus/report.md",
  "second-corpus/ashcombe-article.txt",
].map((f) => join(FIXTURES, f));
const sources = (dir: string) =>
  JSON.parse(readFileSync(join(dir, "sources.json"), "utf8")) as Record<string, { added?: string; url?: string }>;

describe("npm run ingest", () => {
  it("two runs at once keep all four documents and their entries", async () => {
    const corpus = tempDir("ingest-runs-");
    const runs = [FILES.slice(0, 2), FILES.slice(2)];
    await Promise.all(
      runs.map((files) =>
        run(process.execPath, ["--import", "tsx", "src/cli/ingest.ts", ...files, "--corpus", corpus], { cwd: ROOT }),
      ),
    );
    const entries = sources(corpus);
    expect(Object.keys(entries)).toHaveLength(4);
    expect(Object.values(entries).every((e) => e.added)).toBe(true);
  }, 30_000);

  it("a document whose entry was never written (a run killed midway) gets it when the run is repeated", async () => {
    const corpus = tempDir("ingest-repair-");
    const [first] = await ingestFiles([FILES[0]!], { corpusDir: corpus });
    writeFileSync(join(corpus, "sources.json"), "{}\n"); // the state a kill between the two writes leaves
    const [again] = await ingestFiles([FILES[0]!], { corpusDir: corpus });
    expect(again!.duplicateOf).toBe(first!.storedAs);
    expect(sources(corpus)[first!.storedAs!]).toMatchObject({ added: expect.any(String) });
  });

  it.each([
    "javascript:alert(1)",
    "https://news.example/a> <!channel> <",
    "https://news.example/a b",
    "https://news.example/a|b",
  ])("refuses the link %s", async (url) => {
    const corpus = tempDir("ingest-url-");
    await expect(ingestFiles([FILES[0]!], { corpusDir: corpus, overrides: { url } })).rejects.toThrow(IngestError);
  });

  it("keeps an article's link only when it is a plain http(s) link", async () => {
    const dir = tempDir("ingest-html-");
    const page = (href: string) =>
      `<html><head><title>Kestrel probation service praised</title><link rel="canonical" href="${href}"></head><body><article><h1>Kestrel probation service praised</h1>${"<p>Inspectors rated the Kestrel probation service good, with strong work on keeping people safe and on planning.</p>".repeat(5)}</article></body></html>`;
    writeFileSync(join(dir, "bad.html"), page("https://news.example/x&gt; &lt;!channel&gt; &lt;"));
    writeFileSync(join(dir, "good.html"), page("https://news.example/kestrel"));
    const [bad] = await ingestFiles([join(dir, "bad.html")], { corpusDir: tempDir("ingest-html-bad-") });
    const goodCorpus = tempDir("ingest-html-good-");
    const [good] = await ingestFiles([join(dir, "good.html")], { corpusDir: goodCorpus });
    expect(bad!.document.meta.url).toBeUndefined();
    expect(sources(goodCorpus)[good!.storedAs!]?.url).toBe("https://news.example/kestrel");
  });
});
