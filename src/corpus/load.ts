import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { SourcesFileSchema, type ParsedDocument, type RawDocument, type SourceEntry } from "../types.js";
import { inferMeta } from "./metadata.js";
import { parseDocument } from "./parse.js";
import { folderCache } from "./parse-cache.js";
import { namesUsedBy, strongUnitNames } from "./units.js";
import { buildIndex, type CorpusIndex } from "../search/index.js";

/** A corpus folder that cannot be used. Its message is one line, fit to print as it is. */
export class CorpusError extends Error {}

export const DOCUMENT_EXTENSIONS = [".txt", ".md"];

export interface LoadOptions {
  /** A folder to keep each document's parse in, so that the next load reads it instead of parsing again. */
  cacheDir?: string;
  /** Told about each document that could not be read or parsed; the rest are still served. */
  onWarning?: (message: string) => void;
}

/** Reads every .txt/.md document of a folder with its metadata (sources.json overrides inference). */
export function readDocuments(dir: string, options: LoadOptions = {}): RawDocument[] {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CorpusError(`corpus folder not found: ${dir}`);
  const sources = readSources(dir, options);
  const files = readdirSync(dir)
    .filter((f) => !f.startsWith(".") && DOCUMENT_EXTENSIONS.some((ext) => f.toLowerCase().endsWith(ext)))
    .sort();
  const docs: RawDocument[] = [];
  for (const file of files) {
    try {
      const path = join(dir, file);
      const text = readFileSync(path, "utf8");
      if (!text.trim()) {
        options.onWarning?.(`skipped ${file}: it is empty`);
        continue;
      }
      docs.push({ meta: inferMeta(file, text, sources[file] ?? {}, statSync(path).mtime), text });
    } catch (error) {
      options.onWarning?.(`skipped ${file}: ${(error as Error).message}`);
    }
  }
  if (docs.length === 0) throw new CorpusError(`corpus folder has no .txt or .md documents: ${dir}`);
  return docs;
}

function readSources(dir: string, options: LoadOptions): Record<string, SourceEntry> {
  const path = join(dir, "sources.json");
  if (!existsSync(path)) return {};
  try {
    const parsed = SourcesFileSchema.safeParse(JSON.parse(readFileSync(path, "utf8")));
    if (parsed.success) return parsed.data;
    const issue = parsed.error.issues[0];
    options.onWarning?.(`ignored ${path}: ${issue?.path.join(".")} ${issue?.message}`);
  } catch (error) {
    options.onWarning?.(`ignored ${path}: ${(error as Error).message}`);
  }
  return {};
}

/** Reads, parses and indexes a corpus folder. Throws CorpusError when there is nothing to serve. */
export function loadCorpus(dir: string, options: LoadOptions = {}): CorpusIndex {
  const raws = readDocuments(dir, options);
  return indexDocuments(raws, options, dir);
}

/** Parses and indexes documents already read; a document that fails to parse is skipped with a warning. */
export function indexDocuments(raws: RawDocument[], options: LoadOptions = {}, dir = "the corpus"): CorpusIndex {
  const cache = options.cacheDir ? folderCache(options.cacheDir, options.onWarning) : undefined;
  const cached = raws.map((raw) => cache?.get(raw));
  // The corpus-wide pass: names that come with a PDU or region suffix anywhere split lists of names in prose.
  const knownUnitNames = new Set(raws.flatMap((raw, i) => cached[i]?.corpusNames.strong ?? strongUnitNames(raw.text)));
  const parsed: ParsedDocument[] = [];
  raws.forEach((raw, i) => {
    const hit = cached[i];
    // A cached parse serves only while the corpus gives it the same names to split its lists with.
    if (hit && sameNames(hit.corpusNames.used, namesUsedBy(hit.corpusNames.weak, knownUnitNames))) {
      parsed.push(hit);
      return;
    }
    try {
      const doc = parseDocument(raw, { knownUnitNames: [...knownUnitNames] });
      cache?.set(doc);
      parsed.push(doc);
    } catch (error) {
      options.onWarning?.(`skipped ${raw.meta.id}: could not parse it (${(error as Error).message})`);
    }
  });
  if (parsed.length === 0) throw new CorpusError(`no document in ${dir} could be parsed`);
  return buildIndex(parsed);
}

const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
