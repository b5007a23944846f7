// Kind, title, publisher and date of a document, read from its text (and its link, when sources.json gives one);
// a sources.json entry gives or corrects any of them.
import type { DocumentKind, DocumentMeta, SourceEntry } from "../types.js";
import { datingOf } from "./dates.js";
import { hasReportSection, headLines, headlineOf, reportTitleOf } from "./headline.js";
import { pageVocabulary } from "./page-vocabulary.js";
import { isInspectorateName, namesInspectorate, publisherOf, PUBLISHER_UNKNOWN } from "./publisher.js";

/**
 * An inspection report: its title is a report's ("An inspection of …") and its cover names the inspectorate, or the
 * page speaks as the inspectorate, or a report's section heading ("Foreword") follows.
 */
export function isInspectionReport(text: string, publisherIsInspectorate = false): boolean {
  if (!reportTitleOf(text)) return false;
  return namesInspectorate(headLines(text)) || publisherIsInspectorate || hasReportSection(text);
}

export function inferMeta(id: string, text: string, source: SourceEntry, mtime: Date): DocumentMeta {
  // A report's cover says what it is; only other pages need the (slower) look for their publisher.
  const coverSaysReport = isInspectionReport(text);
  const found = coverSaysReport ? undefined : publisherOf(text, source.url);
  const report = coverSaysReport || isInspectionReport(text, found?.inspectorate);
  const publisher = source.publisher ?? (report ? pageVocabulary.inspectorate.name : found?.name) ?? PUBLISHER_UNKNOWN;
  const byInspectorate = isInspectorateName(publisher);
  const kind: DocumentKind =
    source.kind ?? (report ? "inspection report" : byInspectorate ? "inspectorate press release" : "news article");
  const title = source.title ?? (report ? reportTitleOf(text) : undefined) ?? headlineOf(text) ?? "Untitled";
  return {
    id,
    title,
    publisher,
    ...datingOf(text, source, kind === "inspection report"),
    kind,
    url: source.url,
    addedAt: addedAtOf(source, mtime),
  };
}

/** When a document was added: as sources.json says, else the time of its file. */
export const addedAtOf = (source: SourceEntry, mtime: Date): string => source.added ?? mtime.toISOString();

/**
 * "undated, later than 2022" for a document without a date (or "undated; its inspection 2022" where other documents
 * place it: see search/recency.ts); undefined when it has a date.
 */
export function undatedLabel(
  meta: DocumentMeta,
  placed?: { date?: string; after?: string; before?: string },
): string | undefined {
  if (meta.date) return undefined;
  if (placed?.date) return `undated; its inspection ${placed.date}`;
  const after = placed?.after ?? meta.after;
  const before = placed?.before ?? meta.before;
  return ["undated", after && `later than ${after}`, before && `earlier than ${before}`].filter(Boolean).join(", ");
}

/** Where the date comes from, for the ingest summary: "2025 (from its text: from October 2025)". */
export function datingSummary(meta: DocumentMeta): string {
  const evidence = meta.dateEvidence && meta.dateBasis !== "given" ? `: ${meta.dateEvidence}` : "";
  if (meta.date) return `${meta.date} (${meta.dateBasis === "given" ? "given" : `${meta.dateBasis}${evidence}`})`;
  const bounds = [
    meta.after && `later than ${meta.after} (${meta.afterEvidence ?? "from its text"})`,
    meta.before && `earlier than ${meta.before} (${meta.beforeEvidence ?? "from its text"})`,
  ].filter(Boolean);
  return ["undated", ...bounds].join(", ");
}
