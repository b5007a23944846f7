import { cpSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { answerQuestion, loadCorpus } from "../src/engine.js";
import { htmlToArticle } from "../src/ingest/html.js";
import { ingestFiles } from "../src/ingest/ingest.js";
import { pdfToText } from "../src/ingest/pdf.js";
import { composeDigest } from "../src/digest/compose.js";
import { digestMessage } from "../src/slack/digest-blocks.js";
import { SEEDS } from "./support/engine.js";
import { makePdf, type PdfLine } from "./support/pdf.js";
import { subscription } from "./support/subscription.js";
import { tempDir } from "./support/temp.js";

const run = promisify(execFile);
const ROOT = join(import.meta.dirname, "..");

/** A report of a unit the seeds do not have, laid out as HMIP lays out its PDFs. */
const KESTREL_REPORT: PdfLine[][] = [
  [
    "HM Inspectorate of Probation",
    "An inspection of probation services in:",
    "Kestrel Moor and Tarn PDU",
    "The Probation Service - North Fells Region",
    "HM Inspectorate of Probation, June 2024",
    "Ratings",
    "Fieldwork started April 2024",
    "Score 12/21",
    "Overall rating",
    "Requires improvement",
    "P 1.1 Leadership",
    "Good",
    "P 2.2 Planning",
    "Inadequate",
  ],
  [
    "Recommendations",
    "Kestrel Moor and Tarn PDU should:",
    "1. improve the quality of planning to keep other people safe",
    "Background",
    "We inspected 52 community orders and 31 releases on licence.",
    "P 2.2. Planning",
    ["Key question", "Percentage 'Yes'"],
    ["Does planning focus sufficiently on engaging the person on probation?", "71%"],
    ["Does planning focus sufficiently on keeping other people safe?", "27%"],
  ],
];

const HTML_PAGE = `<!doctype html><html><head><title>Probation in Kestrel Moor rated | The Fells Gazette</title>
<meta property="og:site_name" content="The Fells Gazette"><meta property="article:published_time" content="2024-06-20T09:00:00Z">
<link rel="canonical" href="https://gazette.example/news/kestrel-probation"></head><body>
<div id="cookie-banner">We use cookies to improve your experience. Accept all cookies</div>
<nav><a href="/">Home</a> | <a href="/news">News</a> | <a href="/sport">Sport</a></nav>
<article><h1>Probation in Kestrel Moor rated</h1>
<p>The probation service in Kestrel Moor and Tarn has been rated "requires improvement" by inspectors, who looked at 83 cases.</p>
<p>Inspectors said planning to keep other people safe was sufficient in only 27% of the cases they inspected, and that staff morale had improved since 2021.</p>
<p>A Ministry of Justice spokesperson said: "We are recruiting more probation officers across the North Fells."</p>
</article>
<footer>© The Fells Gazette 2024. All rights reserved. Privacy policy. Contact us.</footer></body></html>`;

function freshCorpus(): string {
  const dir = tempDir("corpus-");
  cpSync(SEEDS, dir, { recursive: true });
  return dir;
}

describe("text from a PDF", () => {
  it("keeps a table's rows together, cells separated by a tab", async () => {
    const text = await pdfToText(await makePdf(KESTREL_REPORT));
    expect(text).toContain("Does planning focus sufficiently on keeping other people safe?\t27%");
    expect(text).toContain("Key question\tPercentage 'Yes'");
    expect(text.split("\n")).toContain("Score 12/21");
  });
});

describe("text from a web page", () => {
  it("is the article, without navigation, cookie banner or footer", () => {
    const article = htmlToArticle(HTML_PAGE);
    expect(article.text).toContain('rated "requires improvement" by inspectors');
    expect(article.text).not.toMatch(/cookies|Home \| News|All rights reserved/);
    expect(article).toMatchObject({
      publisher: "The Fells Gazette",
      date: "2024-06-20",
      url: "https://gazette.example/news/kestrel-probation",
    });
    expect(article.text.split("\n")[0]).toBe("Probation in Kestrel Moor rated");
  });
});

describe("ingesting", () => {
  it("makes a unit the seeds do not have answerable, from its PDF report", async () => {
    const corpus = freshCorpus();
    const pdf = join(tempDir("in-"), "kestrel.pdf");
    writeFileSync(pdf, await makePdf(KESTREL_REPORT));
    const [result] = await ingestFiles([pdf], { corpusDir: corpus });
    expect(result!.document.meta.kind).toBe("inspection report");
    const index = loadCorpus(corpus);
    const rating = answerQuestion(index, "Kestrel Moor and Tarn rating").answer;
    expect(rating.text).toContain("Requires improvement");
    expect(rating.text).toContain("12/21");
    expect(rating.citations[0]!.doc).toBe(result!.storedAs);
    expect(answerQuestion(index, "KMT planning keeping other people safe").answer.text).toContain("27%");
    expect(answerQuestion(index, "KMT recommendations").answer.text).toContain("improve the quality of planning");
    expect(answerQuestion(index, "LLR rating").answer.text).toContain("3/21"); // the seeds are still served
  });

  it("takes an article's metadata from its web page, and a later digest lists it as new", async () => {
    const corpus = freshCorpus();
    const html = join(tempDir("in-"), "kestrel.html");
    writeFileSync(html, HTML_PAGE);
    const [result] = await ingestFiles([html], { corpusDir: corpus, now: () => new Date("2026-11-20T10:00:00Z") });
    const sources = JSON.parse(readFileSync(join(corpus, "sources.json"), "utf8"));
    expect(sources[result!.storedAs!]).toMatchObject({
      publisher: "The Fells Gazette",
      date: "2024-06-20",
      url: "https://gazette.example/news/kestrel-probation",
      added: "2026-11-20T10:00:00.000Z",
    });
    const index = loadCorpus(corpus);
    expect(answerQuestion(index, "kestrel moor rating").answer.text).toContain("Requires improvement");
    const sourcesAnswer = answerQuestion(index, "sources").answer.text;
    expect(sourcesAnswer).toContain("Probation in Kestrel Moor rated");
    const digest = digestMessage(
      composeDigest(
        index,
        subscription({ createdAt: "2026-11-01T00:00:00Z", lastPostedAt: "2026-11-19T08:00:00Z" }),
        "2026-11-21",
      ),
    );
    expect(JSON.stringify(digest.blocks)).toContain("Probation in Kestrel Moor rated");
  });

  it("keeps one copy of a document added twice, and applies the options given", async () => {
    const corpus = freshCorpus();
    const file = join(SEEDS, readdirSync(SEEDS).find((f) => f.startsWith("003"))!);
    const [again] = await ingestFiles([file], { corpusDir: corpus, overrides: { publisher: "BBC News" } });
    expect(again!.duplicateOf).toMatch(/^003_/);
    expect(readdirSync(corpus).filter((f) => f.endsWith(".txt"))).toHaveLength(5);
    expect(JSON.parse(readFileSync(join(corpus, "sources.json"), "utf8"))[again!.duplicateOf!].publisher).toBe(
      "BBC News",
    );
  });
});

describe("npm run ingest", () => {
  const ingest = (args: string[]) =>
    run(process.execPath, ["--import", "tsx", "src/cli/ingest.ts", ...args], { cwd: ROOT });
  const snapshot = (dir: string) =>
    readdirSync(dir)
      .sort()
      .map((f) => `${f}:${readFileSync(join(dir, f), "utf8").length}`);

  it("prints what it extracted and warns about what it could not find", async () => {
    const corpus = freshCorpus();
    const pdf = join(tempDir("in-"), "kestrel.pdf");
    writeFileSync(pdf, await makePdf(KESTREL_REPORT));
    const { stdout } = await ingest([pdf, "--corpus", corpus]);
    expect(stdout).toMatch(/units: Kestrel Moor and Tarn PDU/);
    expect(stdout).toMatch(/overall: Requires improvement 12\/21/);
    expect(stdout).toMatch(/recommendations: 1/);
    expect(stdout).toMatch(/1 added, 0 already there/);
  });

  it.each([
    ["an unsupported type", "notes.docx", "hello", /not a supported type/],
    ["an empty file", "empty.txt", "", /is empty/],
    ["a broken PDF", "broken.pdf", "%PDF-1.4 this is not really a pdf", /cannot be read as PDF/],
  ])("%s: one clear line, exit 1, the corpus untouched", async (_name, fileName, content, message) => {
    const corpus = freshCorpus();
    const before = snapshot(corpus);
    const dir = tempDir("in-");
    writeFileSync(join(dir, "good.txt"), "Probation in Kestrel Moor rated good by inspectors.\n");
    writeFileSync(join(dir, fileName), content);
    const failure = await ingest([join(dir, "good.txt"), join(dir, fileName), "--corpus", corpus]).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr.trim().split("\n")).toHaveLength(1);
    expect(failure.stderr).toMatch(message);
    expect(snapshot(corpus)).toEqual(before);
  });

  it("refuses a malformed --date", async () => {
    const failure = await ingest([
      join(SEEDS, readdirSync(SEEDS)[0]!),
      "--date",
      "20 May",
      "--corpus",
      freshCorpus(),
    ]).catch((e) => e);
    expect(failure.code).toBe(1);
    expect(failure.stderr).toMatch(/--date: date must be YYYY-MM-DD/);
  });
});
