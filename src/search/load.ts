import { existsSync, readdirSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import type { ParsedDocument, Passage, RawDocument, SourceEntry } from "../types.js";
import { readSourcesFile } from "../corpus/sources.js";
import { addedAtOf, inferMeta } from "../corpus/metadata.js";
import { parseDocument } from "../corpus/parse.js";
import { folderCache, keyOf, sourceKey, withKey, type CachedParse, type ParseCache } from "../corpus/parse-cache.js";
import { holdText, sameText, textBytes, withFields } from "../corpus/held-text.js";
import { documentTerms, type DocumentTerms } from "../corpus/passage-terms.js";
import { namesUsedBy, strongUnitNames } from "../corpus/units.js";
import { indexSteps, type CorpusIndex } from "./index.js";
import { DOCUMENTS_PER_STEP, runInSlices, runToEnd, type Offload, type Steps } from "../steps.js";
import { parseElsewhere, ParsingThreadFailed } from "../corpus/parse-elsewhere.js";
import type { DecodedEntry } from "../corpus/cache-entry.js";

/** A corpus folder that cannot be used. Its message is one line, fit to print as it is. */
export class CorpusError extends Error {}

export const DOCUMENT_EXTENSIONS = [".txt", ".md"];

export interface LoadOptions {
  /** A folder to keep each document's parse in, so that the next load reads it instead of parsing again. */
  cacheDir?: string;
  /** Told about each document that could not be read or parsed; the rest are still served. */
  onWarning?: (message: string) => void;
  /** More steps to take on the index before it is served (the answers' lookups, built ahead: see src/engine.ts). */
  prepare?: (index: CorpusIndex) => Steps<void>;
}

/** Reads every .txt/.md document of a folder with its metadata (sources.json overrides inference). */
export function readDocuments(dir: string, options: LoadOptions = {}): RawDocument[] {
  return runToEnd(readSteps(dir, options, new Map()));
}

/**
 * How a document's file stood when it was read: its time and size, and its sources.json entry. A file that still
 * stands so is not read again by a reload (its text and metadata are the previous index's).
 */
const stampOf = (stat: { mtimeMs: number; size: number }, source: SourceEntry) =>
  `${stat.mtimeMs}:${stat.size}:${JSON.stringify(source)}`;

function* readSteps(
  dir: string,
  options: LoadOptions,
  stamps: Map<string, string>,
  previous?: CorpusIndex,
): Steps<RawDocument[]> {
  if (!existsSync(dir) || !statSync(dir).isDirectory()) throw new CorpusError(`corpus folder not found: ${dir}`);
  const sources = readSources(dir, options);
  const cache = options.cacheDir ? folderCache(options.cacheDir, options.onWarning) : undefined;
  const files = readdirSync(dir)
    .filter((f) => !f.startsWith(".") && DOCUMENT_EXTENSIONS.some((ext) => f.toLowerCase().endsWith(ext)))
    .sort();
  const docs: RawDocument[] = [];
  for (const file of files) {
    yield;
    try {
      const path = join(dir, file);
      const stat = statSync(path);
      const stamp = stampOf(stat, sources[file] ?? {});
      const before = previous?.docsById.get(file);
      if (before && previous!.stamps?.get(file) === stamp) {
        stamps.set(file, stamp);
        docs.push(before); // the very document: its text is not read again, nor compared
        continue;
      }
      const bytes = readFileSync(path);
      const source = sources[file] ?? {};
      // With a cache, the entry of these very bytes holds the metadata too: it is not worked out again.
      const key = cache && sourceKey(file, source, bytes);
      const entry = key ? cache!.lookup(key, file) : undefined;
      if (entry) {
        stamps.set(file, stamp);
        const meta = { ...entry.meta, addedAt: addedAtOf(source, stat.mtime) };
        docs.push(withKey(holdText({ meta, text: "" }, bytes), key!, entry));
        continue;
      }
      const text = bytes.toString("utf8");
      if (!text.trim()) {
        options.onWarning?.(`skipped ${file}: it is empty`);
        continue;
      }
      stamps.set(file, stamp);
      const raw = holdText({ meta: inferMeta(file, text, source, stat.mtime), text }, bytes);
      docs.push(key ? withKey(raw, key) : raw);
      // This one is to be parsed: a reload asks for its parse now, so that a thread works while the rest is read
      // and sorted out, with the unit names the corpus had and its own (checked when the parse is used).
      if (previous) {
        const names = [...new Set([...(previous.knownUnitNames ?? []), ...strongUnitNames(text)])];
        yield {
          here: () => undefined,
          elsewhere: async () => void parsedAhead.set(raw, parseOnThread(raw, names)),
        } satisfies Offload<void>;
      }
    } catch (error) {
      options.onWarning?.(`skipped ${file}: ${(error as Error).message}`);
    }
  }
  if (docs.length === 0) throw new CorpusError(`corpus folder has no .txt or .md documents: ${dir}`);
  return docs;
}

function readSources(dir: string, options: LoadOptions): Record<string, SourceEntry> {
  const read = readSourcesFile(dir);
  if (read.ok) return read.sources;
  options.onWarning?.(`ignored ${read.path}: ${read.problem}`);
  return {};
}

/** Reads, parses and indexes a corpus folder. Throws CorpusError when there is nothing to serve. */
export function loadCorpus(dir: string, options: LoadOptions = {}): CorpusIndex {
  return runToEnd(loadSteps(dir, options));
}

/**
 * Reads, parses and indexes a corpus folder at once, as loadCorpus does, but for the documents the parse cache
 * lacks, which are parsed on other threads (one per core): a bot's cold start parses on every core.
 */
export function loadCorpusOnThreads(dir: string, options: LoadOptions = {}): Promise<CorpusIndex> {
  return runInSlices(loadSteps(dir, options), Number.POSITIVE_INFINITY);
}

/**
 * Reads the folder again and builds a new index in slices, without holding the event loop: a document whose text
 * and metadata have not changed keeps its parse from `previous`, the others are parsed (or read from the cache).
 */
export function reloadCorpus(
  dir: string,
  previous: CorpusIndex | undefined,
  options: LoadOptions = {},
): Promise<CorpusIndex> {
  return runInSlices(loadSteps(dir, options, previous));
}

function* loadSteps(dir: string, options: LoadOptions, previous?: CorpusIndex): Steps<CorpusIndex> {
  const stamps = new Map<string, string>();
  const raws = yield* readSteps(dir, options, stamps, previous);
  const index = { ...(yield* corpusSteps(raws, options, dir, previous)), stamps };
  if (options.prepare) yield* options.prepare(index);
  return index;
}

/** Parses and indexes documents already read; a document that fails to parse is skipped with a warning. */
export function indexDocuments(raws: RawDocument[], options: LoadOptions = {}, dir = "the corpus"): CorpusIndex {
  return runToEnd(corpusSteps(raws, options, dir));
}

function* corpusSteps(
  raws: RawDocument[],
  options: LoadOptions,
  dir: string,
  previous?: CorpusIndex,
): Steps<CorpusIndex> {
  const cache = options.cacheDir ? folderCache(options.cacheDir, options.onWarning) : undefined;
  const { kept, fromPrevious } = yield* keptSteps(raws, previous, cache);
  // The corpus-wide pass: names that come with a PDU or region suffix anywhere split lists of names in prose.
  const knownUnitNames = new Set<string>();
  for (const [i, raw] of raws.entries()) {
    const strong = kept[i]?.parsed.corpusNames.strong;
    if (!strong) yield;
    for (const name of strong ?? strongUnitNames(raw.text)) knownUnitNames.add(name);
  }
  // A parse of the previous index was checked against its names: only the names new since need checking.
  const newNames = previous?.knownUnitNames && [...knownUnitNames].filter((n) => !previous.knownUnitNames!.has(n));
  const toParse: number[] = [];
  for (let i = 0; i < raws.length; i++) {
    if (i % DOCUMENTS_PER_STEP === 0) yield;
    // A kept parse serves only while the corpus gives it the same names to split its lists with.
    const names = kept[i]?.parsed.corpusNames;
    const sameNamesStill =
      names &&
      (fromPrevious[i] && newNames
        ? names.used.every((n) => knownUnitNames.has(n)) && namesUsedBy(names.weak, newNames).length === 0
        : splitsAlike(names, knownUnitNames));
    if (!sameNamesStill) {
      kept[i] = undefined;
      toParse.push(i);
    }
  }
  const known = [...knownUnitNames];
  /** A parse asked for ahead serves when it split its lists with the names the corpus now gives. */
  const fits = (parse: Parse) => "error" in parse || splitsAlike(parse.parsed.corpusNames, knownUnitNames);
  // Parsed at once by a load; on other threads (one per core) by a load on threads or a reload, so that a running
  // bot keeps answering meanwhile.
  const done = (yield {
    here: () => toParse.map((i) => parseHere(raws[i]!, known)),
    elsewhere: () =>
      Promise.all(
        toParse.map((i) => {
          const ahead = parsedAhead.get(raws[i]!);
          if (!ahead) return parseOnThread(raws[i]!, known);
          return ahead.then((parse) => (fits(parse) ? parse : parseOnThread(raws[i]!, known)));
        }),
      ),
  } satisfies Offload<Parse[]>) as Parse[];
  const parses = new Map(toParse.map((i, k) => [i, done[k]!]));
  const parsed: ParsedDocument[] = [];
  const parts = new Map<string, DocumentTerms>();
  const shared = new Map<string, string>();
  for (const [i, raw] of raws.entries()) {
    const hit = kept[i];
    if (hit) {
      if (i % DOCUMENTS_PER_STEP === 0) yield;
      parsed.push(fromPrevious[i] ? hit.parsed : compact(hit.parsed, shared));
      parts.set(raw.meta.id, hit.terms);
      continue;
    }
    yield;
    const parse = parses.get(i)!;
    if ("error" in parse) {
      options.onWarning?.(`skipped ${raw.meta.id}: could not parse it (${parse.error.message})`);
      continue;
    }
    const doc = holdText(parse.parsed, textBytes(raw));
    cache?.set(keyOf(raw), doc, parse.terms, parse.body);
    parsed.push(compact(doc, shared));
    parts.set(raw.meta.id, parse.terms);
  }
  if (parsed.length === 0) throw new CorpusError(`no document in ${dir} could be parsed`);
  return { ...(yield* indexSteps(parsed, parts)), knownUnitNames };
}

/**
 * The parses a load need not make: a document unchanged since the previous index keeps its parse (and its part,
 * read back from that index), else the parse cache may hold it. `fromPrevious` tells which are the previous index's.
 */
function* keptSteps(
  raws: RawDocument[],
  previous: CorpusIndex | undefined,
  cache: ParseCache | undefined,
): Steps<{ kept: (CachedParse | undefined)[]; fromPrevious: boolean[] }> {
  const kept: (CachedParse | undefined)[] = [];
  const fromPrevious: boolean[] = [];
  for (const raw of raws) {
    yield;
    const before = previous?.docsById.get(raw.meta.id);
    const terms = before && sameSource(before, raw) ? previous!.partOf(raw.meta.id) : undefined;
    fromPrevious.push(!!terms);
    kept.push(
      terms ? { parsed: raw === before ? before! : withFields(before!, { meta: raw.meta }), terms } : cache?.get(raw),
    );
  }
  return { kept, fromPrevious };
}

/** Whether a parse split its lists of names as these known unit names would have it split them. */
const splitsAlike = (names: ParsedDocument["corpusNames"], known: Set<string>) =>
  sameNames(names.used, namesUsedBy(names.weak, known));

/** A document's parse with its part of the index (and its cache entry body, when a parsing thread made it), or why it failed. */
type Parse = (CachedParse & { body?: string }) | { error: Error };
const failed = (error: Error): Parse => ({ error });

/** Parses asked for ahead by a reload, as it reads the documents (see readSteps). */
const parsedAhead = new WeakMap<RawDocument, Promise<Parse>>();

/** A parse on a parsing thread. Should the thread itself fail, the document is parsed here: nothing is lost. */
const parseOnThread = (raw: RawDocument, knownUnitNames: string[]): Promise<Parse> =>
  parseElsewhere(raw, knownUnitNames).then(
    ({ decoded, body }): Parse => ({ ...fromEntry(raw, decoded), body }),
    (error: Error) => (error instanceof ParsingThreadFailed ? parseHere(raw, knownUnitNames) : failed(error)),
  );

function parseHere(raw: RawDocument, knownUnitNames: string[]): Parse {
  try {
    const parsed = parseDocument(raw, { knownUnitNames });
    return { parsed, terms: documentTerms(parsed) };
  } catch (error) {
    return failed(error as Error);
  }
}

/** The document parsed, from a decoded entry of its parse (as the parse cache gives it back). */
const fromEntry = (raw: RawDocument, entry: DecodedEntry): CachedParse => ({
  parsed: withFields(raw as ParsedDocument, { ...entry.parsed, meta: raw.meta }),
  terms: entry.terms,
});

const NONE: never[] = [];
const OWN_INSPECTION: Passage["period"] = { relation: "current" };

/**
 * A corpus holds hundreds of thousands of passages: most of their annotations are empty, and their section names
 * repeat. One empty list, one "own inspection" period and one copy of each section name serve them all. (Nothing
 * changes a passage's lists in place: a new list is assigned where one changes.)
 */
function compact(doc: ParsedDocument, strings: Map<string, string>): ParsedDocument {
  const intern = (text: string) => {
    const known = strings.get(text);
    if (known !== undefined) return known;
    strings.set(text, text);
    return text;
  };
  // Neighbouring passages mostly hold the very same section string: it is looked up once for them all.
  let section: string | undefined;
  let sectionKept: string | undefined;
  let docId: string | undefined;
  let docIdKept = "";
  for (const p of doc.passages) {
    if (p.quantities.length === 0) p.quantities = NONE;
    if (p.dates.length === 0) p.dates = NONE;
    if (p.named.length === 0) p.named = NONE;
    if (p.period.relation === "current" && !p.period.year) p.period = OWN_INSPECTION;
    if (p.section !== undefined) {
      if (p.section !== section) sectionKept = intern((section = p.section));
      p.section = sectionKept;
    }
    if (p.docId !== docId) docIdKept = intern((docId = p.docId));
    p.docId = docIdKept;
  }
  return doc;
}

/** The same text and metadata (but for when it was added), so the same parse. */
function sameSource(doc: ParsedDocument, raw: RawDocument): boolean {
  if (raw === doc) return true;
  if (!sameText(doc, raw)) return false;
  const { addedAt: _a, ...was } = doc.meta;
  const { addedAt: _b, ...is } = raw.meta;
  return JSON.stringify(was) === JSON.stringify(is);
}

const sameNames = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);
