// Adding documents to a corpus folder: extract the text once (PDF, HTML, Markdown, text), store it there so that
// quotes stay verbatim against it, and record its metadata in the folder's sources.json.
// Every file is read and checked before anything is written: one bad file leaves the corpus untouched.
import { createHash, randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, writeFileSync } from "node:fs";
import { basename, extname, join } from "node:path";
import { DOCUMENT_EXTENSIONS, inferMeta, parseDocument, readSourcesFile, withoutSiteName } from "../engine.js";
import { foldForMatch, stripMarkup } from "../text/normalize.js";
import { SourceEntrySchema, type ParsedDocument, type SourceEntry } from "../types.js";
import { htmlToArticle } from "./html.js";
import { pdfToText } from "./pdf.js";
import { isSafeLink } from "../text/url.js";
import { withLock } from "../store/lock.js";

/** A file or option that cannot be ingested. Its message is one line. */
export class IngestError extends Error {}

export const SUPPORTED = [".pdf", ".html", ".htm", ".md", ".txt"];

export interface IngestOptions {
  corpusDir: string;
  /** Metadata to give every file ingested in this run. */
  overrides?: Pick<SourceEntry, "title" | "publisher" | "date" | "url">;
  now?: () => Date;
  onProgress?: (done: number, total: number, file: string) => void;
}

export interface IngestResult {
  file: string;
  /** The file name in the corpus folder; undefined for a duplicate. */
  storedAs?: string;
  /** The corpus file that already holds the same text. */
  duplicateOf?: string;
  document: ParsedDocument;
}

interface Extracted {
  file: string;
  text: string;
  extension: ".md" | ".txt";
  found: SourceEntry;
}

async function extract(file: string): Promise<Extracted> {
  const ext = extname(file).toLowerCase();
  if (!SUPPORTED.includes(ext)) throw new IngestError(`${file}: not a supported type (${SUPPORTED.join(", ")})`);
  let data: Buffer;
  try {
    data = readFileSync(file);
  } catch (error) {
    throw new IngestError(
      `${file}: cannot be read (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`,
    );
  }
  if (data.length === 0) throw new IngestError(`${file}: is empty`);
  let text: string;
  let found: SourceEntry = {};
  try {
    if (ext === ".pdf") text = await pdfToText(new Uint8Array(data));
    else if (ext === ".html" || ext === ".htm") {
      const article = htmlToArticle(data.toString("utf8"));
      text = article.text;
      found = SourceEntrySchema.parse({
        title: article.title ? withoutSiteName(article.title, article.publisher) || undefined : undefined,
        publisher: article.publisher || undefined,
        date: article.date || undefined,
        url: isSafeLink(article.url) ? article.url : undefined,
      });
    } else text = data.toString("utf8");
  } catch (error) {
    throw new IngestError(
      `${file}: cannot be read as ${ext.slice(1).toUpperCase()} (${(error as Error).message.split("\n")[0]})`,
    );
  }
  if (!text.trim())
    throw new IngestError(`${file}: has no text to extract${ext === ".pdf" ? " (a scanned PDF needs OCR first)" : ""}`);
  return { file, text: text.endsWith("\n") ? text : `${text}\n`, extension: ext === ".md" ? ".md" : ".txt", found };
}

/** The same document whatever its markup, bullets, quote marks, case or line breaks (a report as text and as PDF). */
const fingerprint = (text: string) =>
  createHash("sha256")
    .update(foldForMatch(text.split("\n").map(stripMarkup).join("\n")))
    .digest("hex");

function slug(title: string): string {
  return (
    title
      .toLowerCase()
      .normalize("NFKD")
      .replace(/[^a-z0-9]+/g, "-")
      .replace(/^-+|-+$/g, "")
      .slice(0, 60)
      .replace(/-+$/, "") || "document"
  );
}

/** Held while a run reads and changes the folder: two ingests at once each keep their entries. */
const LOCK_FILE = ".ingest.lock";

function writeAtomically(path: string, content: string): void {
  const temp = join(path, "..", `.${basename(path)}.${process.pid}.${randomUUID()}.tmp`);
  writeFileSync(temp, content);
  renameSync(temp, path);
}

function readSources(corpusDir: string): Record<string, SourceEntry> {
  const read = readSourcesFile(corpusDir);
  if (!read.ok)
    throw new IngestError(`${read.path}: is not a valid sources file (${read.problem}); fix or remove it first`);
  return read.sources;
}

export async function ingestFiles(files: string[], options: IngestOptions): Promise<IngestResult[]> {
  if (files.length === 0)
    throw new IngestError(
      "no file given: npm run ingest -- FILE… [--title T] [--publisher P] [--date YYYY-MM-DD] [--url U]",
    );
  const overrides = SourceEntrySchema.safeParse(options.overrides ?? {});
  if (!overrides.success)
    throw new IngestError(`--${String(overrides.error.issues[0]!.path[0])}: ${overrides.error.issues[0]!.message}`);
  if (overrides.data.url !== undefined && !isSafeLink(overrides.data.url))
    throw new IngestError("--url: must be an http or https link with no spaces or <>|");
  const now = options.now ?? (() => new Date());
  const { corpusDir } = options;
  if (existsSync(corpusDir)) readSources(corpusDir); // a broken sources.json stops the run before any reading

  // 1. Read and check everything first.
  const extracted: Extracted[] = [];
  for (const [i, file] of files.entries()) {
    extracted.push(await extract(file));
    options.onProgress?.(i + 1, files.length, file);
  }

  // 2. Then write, one run at a time: new texts into the folder, metadata into sources.json.
  mkdirSync(corpusDir, { recursive: true });
  return withLock(join(corpusDir, LOCK_FILE), () => store(extracted, corpusDir, overrides.data, now));
}

function store(extracted: Extracted[], corpusDir: string, overrides: SourceEntry, now: () => Date): IngestResult[] {
  const sources = readSources(corpusDir);
  const existing = new Map<string, string>();
  for (const name of readdirSync(corpusDir)) {
    if (!DOCUMENT_EXTENSIONS.some((e) => name.toLowerCase().endsWith(e)) || name.startsWith(".")) continue;
    existing.set(fingerprint(readFileSync(join(corpusDir, name), "utf8")), name);
  }
  const results: IngestResult[] = [];
  for (const item of extracted) {
    const print = fingerprint(item.text);
    const duplicateOf = existing.get(print);
    const entry: SourceEntry = { ...item.found, ...dropUndefined(overrides) };
    const name =
      duplicateOf ??
      uniqueName(corpusDir, slug(entry.title ?? basename(item.file, extname(item.file))), item.extension);
    if (!duplicateOf) {
      writeAtomically(join(corpusDir, name), item.text);
      existing.set(print, name);
      sources[name] = { ...entry, added: now().toISOString() };
    } else if (!sources[name]) {
      // The text is there but its metadata is not (a run killed between the two): this run repairs it.
      sources[name] = { ...entry, added: now().toISOString() };
    } else if (Object.keys(dropUndefined(overrides)).length) {
      sources[name] = { ...sources[name], ...dropUndefined(overrides) };
    }
    const meta = inferMeta(name, item.text, sources[name] ?? entry, now());
    results.push({
      file: item.file,
      storedAs: duplicateOf ? undefined : name,
      duplicateOf,
      document: parseDocument({ meta, text: item.text }),
    });
  }
  writeAtomically(join(corpusDir, "sources.json"), `${JSON.stringify(sources, null, 2)}\n`);
  return results;
}

function uniqueName(dir: string, base: string, ext: string): string {
  let name = `${base}${ext}`;
  for (let i = 2; existsSync(join(dir, name)); i++) name = `${base}-${i}${ext}`;
  return name;
}

function dropUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
