// `npm run ingest` tells what it read about a new document (kind, publisher, title, date and where the date comes
// from) and warns where the document does not say its date, its publisher or its unit.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { describe, expect, it } from "vitest";
import { tempDir } from "./support/temp.js";

const ROOT = join(import.meta.dirname, "..");
const run = promisify(execFile);
const ingest = (args: string[]) =>
  run(process.execPath, ["--import", "tsx", "src/cli/ingest.ts", ...args], { cwd: ROOT, timeout: 60_000 });

function page(name: string, text: string): string {
  const file = join(tempDir("in-"), name);
  writeFileSync(file, text);
  return file;
}

describe("npm run ingest, on a document's metadata", () => {
  it("prints the kind, title, publisher and the date with its basis, and warns of what the page does not say", async () => {
    const pressRelease = page(
      "release.txt",
      "Skip to content\nAre you OK with cookies?\nKestrel Vale Probation Delivery Unit rated ‘Good’\nKestrel Vale PDU has received an overall rating of ‘Good’ following an inspection by HM Inspectorate of Probation.\nThe PDU was previously rated 'Inadequate' in 2021, and across our standards it has improved.\n",
    );
    const article = page("article.txt", "Weather turns cold\nSnow is expected on the hills this week.\n");
    const { stdout } = await ingest([pressRelease, article, "--corpus", tempDir("corpus-")]);
    const [first, second] = stdout.split("\n\n");
    expect(first).toMatch(
      /inspectorate press release: "Kestrel Vale Probation Delivery Unit rated ‘Good’" — HM Inspectorate of Probation/,
    );
    expect(first).toMatch(/date: undated, later than 2021/);
    expect(first).toMatch(/warning: no date found \(only that it is later than 2021\)/);
    expect(first).not.toMatch(/warning: no publisher/);
    expect(second).toMatch(/news article: "Weather turns cold" — Publisher not stated/);
    expect(second).toMatch(/warning: no publisher found on the page/);
    expect(second).toMatch(/warning: no date found \(undated\)/);
    expect(second).toMatch(/warning: no probation unit/);
  });

  it("says where the corpus places an undated document, from what the other documents say", async () => {
    const corpus = tempDir("corpus-");
    writeFileSync(
      join(corpus, "dated.txt"),
      "Kestrel Vale probation rated inadequate\ndate 2021-07-01\nKestrel Vale PDU has been rated 'Inadequate' overall by inspectors.\n",
    );
    writeFileSync(
      join(corpus, "later.txt"),
      "Kestrel Vale probation rated good\ndate 2024-05-02\nKestrel Vale PDU has been rated 'Good' overall by inspectors.\n",
    );
    const undated = page(
      "undated.txt",
      "Kestrel Vale probation judged inadequate\nKestrel Vale PDU was rated 'Inadequate' overall by inspectors.\n",
    );
    const { stdout } = await ingest([undated, "--corpus", corpus]);
    expect(stdout).toMatch(/date: undated/);
    expect(stdout).toMatch(
      /placed by the corpus: its inspection 2021-07 \(the only inspection of its unit rated Inadequate, in 2021-07 as dated\.txt says\)/,
    );
  });

  it("takes the date given as an option, and says so", async () => {
    const article = page(
      "dated.txt",
      "Kestrel Vale probation rated good\nKestrel Vale PDU has been rated 'Good' overall by inspectors.\n",
    );
    const { stdout } = await ingest([
      article,
      "--date",
      "2025-06-12",
      "--publisher",
      "The Wrenford Gazette",
      "--corpus",
      tempDir("corpus-"),
    ]);
    expect(stdout).toMatch(/— The Wrenford Gazette/);
    expect(stdout).toMatch(/date: 2025-06-12 \(given\)/);
    expect(stdout).not.toMatch(/warning: no (date|publisher)/);
  });
});
