// A process that serves one corpus, as the bot does: how long its start took to load the corpus (from the parse
// cache when one is given: a warm start in a fresh process), and its resident memory once the index is built and used.
// Run by bench/engine.ts: node --expose-gc --max-semi-space-size=4 --import tsx bench/memory.ts DIR [CACHE_DIR]
import { answerQuestion, loadCorpus } from "../src/engine.js";

const t0 = performance.now();
const c0 = process.cpuUsage();
const index = loadCorpus(process.argv[2]!, { cacheDir: process.argv[3] });
const cpu = process.cpuUsage(c0);
const loadMs = performance.now() - t0;
for (const q of ["rating", "what did inspectors find about staffing", "how many cases were inspected", "sources"])
  answerQuestion(index, q);
(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed } = process.memoryUsage();
console.log(
  JSON.stringify({ rss, heapUsed, passages: index.passages.length, loadMs, loadCpuMs: (cpu.user + cpu.system) / 1000 }),
);
