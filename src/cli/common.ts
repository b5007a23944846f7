// What the terminal commands share: where the corpus is, and how an answer reads in a terminal.
import type { Answer } from "../types.js";
import { displayDate } from "../engine.js";

/** --corpus DIR, else CORPUS_DIR, else seeds/. */
export function corpusDirFrom(argv: string[]): string {
  const i = argv.indexOf("--corpus");
  if (i >= 0 && argv[i + 1]) return argv[i + 1]!;
  return process.env.CORPUS_DIR || "seeds";
}

/** Where parsed documents are kept between runs: PARSE_CACHE_DIR, else parse-cache/ under DATA_DIR (default data/). */
export function parseCacheDir(): string {
  return process.env.PARSE_CACHE_DIR || `${process.env.DATA_DIR || "data"}/parse-cache`;
}

/** Slack mrkdwn made plain for a terminal: entities decoded, links shown as "text (url)". */
export function plain(mrkdwn: string): string {
  return mrkdwn
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&")
    .replace(/^> /gm, "  │ ")
    .replace(/\*([^*\n]+)\*/g, "$1");
}

export function formatAnswer(answer: Answer): string {
  const lines = [plain(answer.text)];
  if (answer.citations.length) {
    lines.push("", "Sources:");
    answer.citations.forEach((c, i) => {
      lines.push(
        `  [${i + 1}] ${c.title} — ${c.publisher}${c.date ? `, ${displayDate(c.date)}` : ""}${c.url ? ` — ${c.url}` : ""}${c.section ? ` (${c.section})` : ""}`,
      );
    });
  }
  return lines.join("\n");
}

export function printAnswer(answer: Answer): void {
  process.stdout.write(`${formatAnswer(answer)}\n`);
}
