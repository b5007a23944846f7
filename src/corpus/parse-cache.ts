// Parsed documents kept on disk, so that a start reads each document's parse instead of parsing it again.
// An entry is keyed by what the parse depends on: the document's text and metadata, and the reader itself (its code
// and word lists, hashed at start, so that any change to them invalidates every entry). What the parse took from
// the rest of the corpus is kept in the entry and checked on use. A missing, stale or corrupt entry is never served:
// the document is parsed again and the entry rewritten.
import { createHash } from "node:crypto";
import { crc32 } from "node:zlib";
import { mkdirSync, readdirSync, readFileSync, renameSync, statSync, writeFileSync } from "node:fs";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";
import type { ParsedDocument, RawDocument, SourceEntry } from "../types.js";
import type { DocumentTerms } from "./passage-terms.js";
import { decodeEntry, encodeEntry, type DecodedEntry, type EntryBody } from "./cache-entry.js";
import { textBytes, withFields } from "./held-text.js";

/** Bumped by hand when the entry layout changes (the reader's own changes are caught by its hash). */
const ENTRY_FORMAT = 5;

const here = dirname(fileURLToPath(import.meta.url));
/** The code and data the parse depends on: this folder, the text helpers, the word lists. */
const READER_SOURCES = [here, join(here, "../text"), join(here, "../../intents")];

function readerVersion(): string {
  const hash = createHash("sha256").update(String(ENTRY_FORMAT));
  for (const dir of READER_SOURCES) {
    for (const file of readdirSync(dir).sort()) {
      const path = join(dir, file);
      if (/\.(?:ts|js|json)$/.test(file) && statSync(path).isFile()) hash.update(file).update(readFileSync(path));
    }
  }
  const vocabulary = [join(here, "../vocabulary.ts"), join(here, "../vocabulary.js")].find((p) =>
    statSync(p, { throwIfNoEntry: false }),
  );
  if (vocabulary) hash.update(readFileSync(vocabulary));
  return hash.digest("hex").slice(0, 16);
}

let version: string | undefined;

/** The key of a document's parse: the reader's version, the metadata the parse reads, and the text. */
export function parseKey(raw: RawDocument): string {
  version ??= readerVersion();
  const { addedAt: _addedAt, ...meta } = raw.meta;
  return createHash("sha256")
    .update(version)
    .update(JSON.stringify(meta))
    .update("\u0000")
    .update(textBytes(raw) ?? raw.text)
    .digest("hex");
}

/**
 * The key of a document read from a file, known before its metadata is worked out: the reader's version, the file
 * name, its sources.json entry and its bytes (its metadata is worked out from these alone, and kept in the entry).
 */
export function sourceKey(id: string, source: SourceEntry, bytes: Buffer): string {
  version ??= readerVersion();
  return createHash("sha256")
    .update(version)
    .update("\u0001")
    .update(JSON.stringify([id, source]))
    .update("\u0000")
    .update(bytes)
    .digest("hex");
}

const KEY = Symbol("parse-cache key");
const ENTRY = Symbol("parse-cache entry read ahead");
type Keyed = { [KEY]?: string; [ENTRY]?: DecodedEntry };

/** The document with the key its entry is kept under, and the entry when it was read ahead (see `lookup`). */
export function withKey<T extends RawDocument>(raw: T, key: string, entry?: DecodedEntry): T {
  Object.defineProperty(raw, KEY, { value: key, enumerable: false, configurable: true });
  if (entry) Object.defineProperty(raw, ENTRY, { value: entry, enumerable: false, configurable: true, writable: true });
  return raw;
}

/** The key of a document's entry: the one it was read with, else one of its metadata and text. */
export const keyOf = (raw: RawDocument): string => (raw as Keyed)[KEY] ?? parseKey(raw);

/** A document's parse and its part of the index. */
export interface CachedParse {
  parsed: ParsedDocument;
  terms: DocumentTerms;
}

export interface ParseCache {
  /** The entry of a key, with the document's metadata: read before the metadata is worked out. */
  lookup(key: string, id: string): DecodedEntry | undefined;
  get(raw: RawDocument): CachedParse | undefined;
  /** Keeps a parse; `body`, when given, is its entry body already encoded (as a parsing thread sends it). */
  set(key: string, parsed: ParsedDocument, terms: DocumentTerms, body?: string): void;
}

/** The checksum of an entry's body: CRC-32, enough to tell a damaged file, and quick over a thousand entries. */
const checksum = (text: string) => crc32(text).toString(16);

/**
 * A cache in a folder: one file per document, a header line (format, key, checksum of the body) then the body.
 * `onWarning` hears of an entry that could not be written (a full disk loses only the speed-up).
 */
export function folderCache(dir: string, onWarning?: (message: string) => void): ParseCache {
  const pathOf = (key: string) => join(dir, `${key}.json`);
  const lookup = (key: string, id: string): DecodedEntry | undefined => {
    let content: string;
    try {
      content = readFileSync(pathOf(key), "utf8");
    } catch {
      return undefined;
    }
    const newline = content.indexOf("\n");
    try {
      const header = JSON.parse(content.slice(0, newline)) as { format?: number; key?: string; sum?: string };
      const body = content.slice(newline + 1);
      if (header.format !== ENTRY_FORMAT || header.key !== key || header.sum !== checksum(body)) return undefined;
      return decodeEntry(JSON.parse(body) as EntryBody, id);
    } catch {
      return undefined;
    }
  };
  return {
    lookup,
    get(raw) {
      const ahead = (raw as Keyed)[ENTRY];
      if (ahead) (raw as Keyed)[ENTRY] = undefined;
      const decoded = ahead ?? lookup(keyOf(raw), raw.meta.id);
      if (!decoded) return undefined;
      const parsed = withFields(raw as ParsedDocument, { ...decoded.parsed, meta: raw.meta });
      return { parsed, terms: decoded.terms };
    },
    set(key, parsed, terms, encoded) {
      const body = encoded ?? JSON.stringify(encodeEntry(parsed, terms));
      const content = `${JSON.stringify({ format: ENTRY_FORMAT, key, sum: checksum(body) })}\n${body}`;
      const tmp = `${pathOf(key)}.${process.pid}.${Math.random().toString(36).slice(2)}.tmp`;
      try {
        mkdirSync(dir, { recursive: true });
        writeFileSync(tmp, content);
        renameSync(tmp, pathOf(key));
      } catch (error) {
        onWarning?.(`could not keep the parse of ${parsed.meta.id} in ${dir}: ${(error as Error).message}`);
      }
    },
  };
}
