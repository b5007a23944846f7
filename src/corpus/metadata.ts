import type { DocumentMeta, SourceEntry } from "../types.js";
// placeholder: replaced by the real inference
export function inferMeta(id: string, text: string, source: SourceEntry, mtime: Date): DocumentMeta {
  return {
    id,
    title: source.title ?? text.trim().split("\n")[0]!.slice(0, 120),
    publisher: source.publisher ?? "unknown",
    date: source.date,
    kind: source.kind ?? "news article",
    url: source.url,
    addedAt: source.added ?? mtime.toISOString(),
  };
}
