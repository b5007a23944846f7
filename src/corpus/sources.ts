// A corpus folder's sources.json (optional): per document, the title, publisher, date, kind and link that override
// what is read from the text. The one reader of it; what to do with a broken file is the caller's choice.
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { SourcesFileSchema, type SourceEntry } from "../types.js";

export type SourcesRead =
  | { ok: true; sources: Record<string, SourceEntry> }
  | { ok: false; path: string; problem: string };

export function readSourcesFile(dir: string): SourcesRead {
  const path = join(dir, "sources.json");
  if (!existsSync(path)) return { ok: true, sources: {} };
  try {
    const parsed = SourcesFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (parsed.success) return { ok: true, sources: parsed.data };
    const issue = parsed.error.issues[0];
    return { ok: false, path, problem: `${issue?.path.join(".")} ${issue?.message}` };
  } catch (error) {
    return { ok: false, path, problem: (error as Error).message };
  }
}
