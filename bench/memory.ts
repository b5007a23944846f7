// A process that serves one corpus, as the bot does: its resident memory once the index is built and used.
// Run by bench/engine.ts: node --expose-gc --max-semi-space-size=4 --import tsx bench/memory.ts DIR [CACHE_DIR]
import { answerQuestion, loadCorpus } from "../src/engine.js";

const index = loadCorpus(process.argv[2]!, { cacheDir: process.argv[3] });
for (const q of ["rating", "what did inspectors find about staffing", "how many cases were inspected", "sources"])
  answerQuestion(index, q);
(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed } = process.memoryUsage();
console.log(JSON.stringify({ rss, heapUsed, passages: index.passages.length }));
