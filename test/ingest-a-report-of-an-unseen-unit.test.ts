import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { answerQuestion, loadCorpus } from "../src/engine.js";
import { ingestFiles } from "../src/ingest/ingest.js";
import { pdfToText } from "../src/ingest/pdf.js";
import { watchCorpus } from "../src/search/watch.js";
import type { CorpusIndex } from "../src/search/index.js";
import { SEEDS } from "./support/engine.js";
import { layOutAsPdf } from "./support/pdf.js";
import { tempDir } from "./support/temp.js";

const ROOT = join(import.meta.dirname, "..");
/** An HMIP PDU report, in the seeds' layout, of a unit no seed names. */
const REPORT = join(import.meta.dirname, "fixtures/ingest/harrowden-report.txt");
const reportText = readFileSync(REPORT, "utf8");
const run = promisify(execFile);

function freshCorpus(): string {
  const dir = tempDir("corpus-");
  cpSync(SEEDS, dir, { recursive: true });
  return dir;
}

async function reportAsPdf(layout: { centreValues: boolean }): Promise<string> {
  const file = join(tempDir("in-"), "harrowden.pdf");
  writeFileSync(file, await layOutAsPdf(reportText, layout));
  return file;
}

/** What the report's lines are without markup: what a PDF of it should give back, line for line. */
const plainLines = reportText
  .split("\n")
  .map((l) =>
    l
      .replace(/<\/?[a-z]+>|\*\*|^#+\s*/gi, "")
      .replace(/^- /, "• ")
      .trim(),
  )
  .filter(Boolean);

function expectTheUnitAnswered(index: CorpusIndex, storedAs: string) {
  const rating = answerQuestion(index, "Harrowden and Sallow Fen rating").answer;
  expect(rating.answered).toBe(true);
  expect(rating.text).toMatch(/Requires improvement/i);
  expect(rating.text).toContain("9/21");
  expect(rating.text).not.toContain("3/21"); // the seed unit's score is not borrowed
  expect(rating.citations.map((c) => c.doc)).toContain(storedAs);
  expect(rating.citations.every((c) => c.doc === storedAs)).toBe(true);

  expect(answerQuestion(index, "HSF planning rating").answer.text).toMatch(/Inadequate/);
  expect(answerQuestion(index, "HSF reviewing rating").answer.text).toMatch(/Good/);
  expect(answerQuestion(index, "HSF planning keeping other people safe").answer.text).toContain("41%");
  const recommendations = answerQuestion(index, "HSF recommendations").answer.text;
  expect(recommendations).toContain(
    "make sure that home visits are carried out in all cases where domestic abuse is a concern",
  );
  // The seeds are still served as before.
  expect(answerQuestion(index, "LLR rating").answer.text).toContain("3/21");
}

describe("a report laid out as a PDF", () => {
  it.each([{ centreValues: false }, { centreValues: true }])(
    "comes back as the text it was set from: wrapped paragraphs and table cells rejoined (%o)",
    async (layout) => {
      const text = await pdfToText(new Uint8Array(readFileSync(await reportAsPdf(layout))));
      const lines = text.split("\n").filter(Boolean);
      expect(lines).toEqual(plainLines);
      expect(lines).toContain(
        "Does planning focus sufficiently on reducing reoffending and supporting desistance?\t66%",
      );
    },
  );
});

describe("a report of a unit the seeds do not have", () => {
  it("is answered after ingesting it as text: its rating and score, cited from the new document", async () => {
    const corpus = freshCorpus();
    const [result] = await ingestFiles([REPORT], { corpusDir: corpus });
    expect(result!.storedAs).toMatch(/^[a-z0-9-]+\.txt$/);
    expect(readFileSync(join(corpus, result!.storedAs!), "utf8")).toBe(reportText);
    expectTheUnitAnswered(loadCorpus(corpus), result!.storedAs!);
  });

  it("is answered after ingesting it as a PDF, quotes verbatim against the stored text", async () => {
    const corpus = freshCorpus();
    const [result] = await ingestFiles([await reportAsPdf({ centreValues: true })], { corpusDir: corpus });
    const index = loadCorpus(corpus);
    expectTheUnitAnswered(index, result!.storedAs!);
    // A sentence the layout wrapped over three lines is quoted whole.
    expect(answerQuestion(index, "HSF caseload").answer.text).toContain(
      "Harrowden and Sallow Fen PDU had a caseload of 1,118 people on probation who were subject to community sentences and 702 people who were being supervised on licence from prison.",
    );
    const stored = readFileSync(join(corpus, result!.storedAs!), "utf8").replace(/\s+/g, " ");
    for (const c of answerQuestion(index, "HSF rating").answer.citations) {
      for (const part of c.quote.split(" … ")) expect(stored).toContain(part.replace(/\s+/g, " "));
    }
  });

  it("is kept once, added twice in one run, again later, and as a PDF of the same text", async () => {
    const corpus = freshCorpus();
    const first = await ingestFiles([REPORT, REPORT], { corpusDir: corpus });
    expect(first[1]!.duplicateOf).toBe(first[0]!.storedAs);
    const [later] = await ingestFiles([REPORT], { corpusDir: corpus });
    const [asPdf] = await ingestFiles([await reportAsPdf({ centreValues: false })], { corpusDir: corpus });
    expect(later!.duplicateOf).toBe(first[0]!.storedAs);
    expect(asPdf!.duplicateOf).toBe(first[0]!.storedAs);
    expect(readdirSync(corpus).filter((f) => /\.(txt|md)$/.test(f))).toHaveLength(6);
    expect(Object.keys(JSON.parse(readFileSync(join(corpus, "sources.json"), "utf8")))).toHaveLength(6);
  });

  it("is picked up by a watched corpus folder, which reindexes and answers for it", async () => {
    const corpus = freshCorpus();
    const indexes: CorpusIndex[] = [];
    const watcher = watchCorpus(corpus, { onReindex: (i) => indexes.push(i), onError: () => {}, debounceMs: 100 });
    try {
      const [result] = await ingestFiles([REPORT], { corpusDir: corpus });
      for (let i = 0; i < 200 && indexes.length === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(indexes.length).toBeGreaterThan(0);
      expectTheUnitAnswered(indexes.at(-1)!, result!.storedAs!);
    } finally {
      watcher.close();
    }
  });
});

describe("npm run ingest, on what it extracted", () => {
  const ingest = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "src/cli/ingest.ts", ...args], { cwd: ROOT });

  it("lists the unit, its ratings, figures and recommendations", async () => {
    const { stdout } = await ingest([REPORT, "--corpus", freshCorpus()]);
    expect(stdout).toMatch(/units: Harrowden and Sallow Fen PDU \(HSF/);
    expect(stdout).toMatch(/overall: Requires improvement 9\/21/);
    expect(stdout).toMatch(/key questions: 12/);
    expect(stdout).toMatch(/recommendations: 5/);
    expect(stdout).toMatch(/with figures: [1-9]\d* \([1-9]\d* numbers\)/);
    expect(stdout).not.toMatch(/warning/);
  });

  it("warns about what a document lacks", async () => {
    const dir = tempDir("in-");
    const note = join(dir, "note.md");
    writeFileSync(note, "# Staff news\n\nThe office in Harrowden moves to a new building in the spring.\n");
    const { stdout } = await ingest([note, "--corpus", freshCorpus()]);
    expect(stdout).toMatch(/warning: no rating found/);
    expect(stdout).toMatch(/1 added/);
  });
});
