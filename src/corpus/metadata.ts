// Title, publisher, date and kind of a document, read from its first lines;
// a sources.json entry gives or corrects any of them.
import type { DocumentMeta, SourceEntry } from "../types.js";
import { stripMarkup } from "../text/normalize.js";
import { vocabulary } from "../vocabulary.js";

const MONTHS = ["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"];
const MONTH = `(${MONTHS.join("|")}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)`;

export function monthNumber(name: string): number | undefined {
  const i = MONTHS.findIndex((m) => m.startsWith(name.toLowerCase().slice(0, 3)));
  return i >= 0 ? i + 1 : undefined;
}

const pad = (n: number) => String(n).padStart(2, "0");

function headLines(text: string, count: number): string[] {
  // Enough raw lines for `count` non-empty ones in all but odd documents; stripping them all would be slow.
  return text
    .split("\n", count * 4)
    .map(stripMarkup)
    .filter(Boolean)
    .slice(0, count);
}

export function isInspectionReport(text: string): boolean {
  const head = headLines(text, 40).join("\n");
  return head.includes(vocabulary.inspectorate) && /\ban inspection of\b/i.test(head);
}

/** "An inspection of probation services in: X PDU" — the line and the name lines after it. */
function reportTitle(text: string): string | undefined {
  const lines = headLines(text, 40);
  const i = lines.findIndex((l) => /^an inspection of\b/i.test(l));
  if (i < 0) return undefined;
  const first = lines[i]!;
  if (!first.endsWith(":")) return first;
  const name = lines[i + 1];
  return name ? `${first} ${name}` : first;
}

function reportDate(text: string): string | undefined {
  for (const line of headLines(text, 60)) {
    const m = line.match(new RegExp(`${vocabulary.inspectorate},?\\s+${MONTH}\\s+(\\d{4})`, "i"));
    if (m) return `${m[2]}-${pad(monthNumber(m[1]!)!)}`;
  }
  const copyright = text.match(/©\s*Crown copyright\s+(\d{4})/i);
  return copyright?.[1];
}

function articleDate(text: string): string | undefined {
  const head = headLines(text, 12);
  for (const line of head) {
    const iso = line.match(/\bdate\s+(\d{4}-\d{2}-\d{2})\b/i);
    if (iso) return iso[1];
    const published = line.match(new RegExp(`published\\s*(?:on\\s+)?(\\d{1,2})\\s+${MONTH}\\s*(\\d{4})?`, "i"));
    if (published) {
      const month = pad(monthNumber(published[2]!)!);
      return published[3] ? `${published[3]}-${month}-${pad(Number(published[1]))}` : `${Number(published[1])} ${published[2]}`;
    }
  }
  return undefined;
}

function articleTitle(text: string): string {
  const first = (headLines(text, 1)[0] ?? "").replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/i, "").trim();
  const sentence = first.match(/^.{20,}?[.!?](?=\s|$)/)?.[0] ?? first;
  if (sentence.length <= 120) return sentence || "Untitled";
  return `${sentence.slice(0, 117).replace(/\s+\S*$/, "")}…`;
}

function publisherOf(text: string): string | undefined {
  return vocabulary.publishers.find((p) => new RegExp(p.pattern).test(text))?.name;
}

export function inferMeta(id: string, text: string, source: SourceEntry, mtime: Date): DocumentMeta {
  const report = isInspectionReport(text);
  const kind = source.kind ?? (report ? "inspection report" : "news article");
  const inferred = report
    ? { title: reportTitle(text) ?? articleTitle(text), publisher: vocabulary.inspectorate, date: reportDate(text) }
    : { title: articleTitle(text), publisher: publisherOf(text) ?? "Publisher not stated", date: articleDate(text) };
  return {
    id,
    title: source.title ?? inferred.title,
    publisher: source.publisher ?? inferred.publisher,
    date: source.date ?? inferred.date,
    kind,
    url: source.url,
    addedAt: source.added ?? mtime.toISOString(),
  };
}
