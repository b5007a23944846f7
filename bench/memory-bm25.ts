// The baseline's memory: a process holding only a MiniSearch (BM25+) index of the same passages.
// Run by bench/engine.ts: node --expose-gc --max-semi-space-size=4 --import tsx bench/memory-bm25.ts DIR CACHE_DIR
import MiniSearch from "minisearch";
import { loadCorpus } from "../src/engine.js";

let passages = loadCorpus(process.argv[2]!, { cacheDir: process.argv[3] }).passages.map((p, id) => ({
  id,
  text: p.text,
}));
const search = new MiniSearch<{ id: number; text: string }>({ fields: ["text"] });
search.addAll(passages);
passages = [];
(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed } = process.memoryUsage();
console.log(JSON.stringify({ rss, heapUsed, documents: search.documentCount }));
