// What the terminal commands share: where the corpus is, and how an answer reads in a terminal.
import type { Answer, Span } from "../types.js";
import { displayDate, shortQuote } from "../engine.js";

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

/** An answer's lead for a terminal: marks dropped, a link shown as "title (url)". */
export function leadText(spans: Span[]): string {
  return spans.map((s) => (s.url ? `${s.text} (${s.url})` : s.text)).join("");
}

export function formatAnswer(answer: Answer): string {
  const lines = [leadText(answer.lead)];
  if (answer.more) lines.push(`(${answer.more})`);
  if (answer.suggestions.length) lines.push(`Try: ${answer.suggestions.join(" · ")}`);
  if (answer.intent !== "sources") {
    for (const c of answer.citations) {
      lines.push(`  │ ${shortQuote(c)}`, `  │ — ${c.publisher}: ${c.title}`);
    }
  }
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
