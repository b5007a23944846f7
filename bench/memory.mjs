// A process that serves one corpus as the bot does, `npm start`: the built engine (dist/) in plain node, with no
// TypeScript loader in the process (tsx alone takes about 35 MB). How long its start took to load the corpus (from
// the parse cache when one is given: a warm start in a fresh process), and its resident memory once the index is
// built, used, and the process has sat idle for a moment, as a bot does between questions (V8 gives back the
// pages of the start's garbage a little after collecting it). With `minisearch`: the baseline, a process holding
// only a MiniSearch (BM25+) index of the same passages, measured alike.
// Plain JavaScript so that no loader is needed. Run by bench/engine.ts, after it has built dist/:
//   node --expose-gc --max-semi-space-size=4 bench/memory.mjs engine|minisearch DIR [CACHE_DIR]
import { setTimeout as sleep } from "node:timers/promises";
import { answerQuestion, loadCorpus, loadCorpusOnThreads } from "../dist/engine.js";

/** How long the process sits idle, after a full collection, before its memory is read. */
const SETTLE_MS = 2000;

const [mode, dir, cacheDir] = process.argv.slice(2);
const gc = /** @type {() => void} */ (globalThis.gc);
const t0 = performance.now();
const c0 = process.cpuUsage();
// As the bot starts (src/main.ts): ready to answer. The baseline needs only the passages.
let index = mode === "minisearch" ? loadCorpus(dir, { cacheDir }) : await loadCorpusOnThreads(dir, { cacheDir });
const cpu = process.cpuUsage(c0);
const loadMs = performance.now() - t0;
const passages = index.passages.length;
let search;
if (mode === "minisearch") {
  const { default: MiniSearch } = await import("minisearch"); // loaded only for the baseline
  search = new MiniSearch({ fields: ["text"] });
  search.addAll(index.passages.map((p, id) => ({ id, text: p.text })));
  index = undefined; // the process holds the MiniSearch index alone
} else {
  for (const q of ["rating", "what did inspectors find about staffing", "how many cases were inspected", "sources"])
    answerQuestion(index, q);
}
gc();
await sleep(SETTLE_MS);
gc();
const { rss, heapUsed, heapTotal, external, arrayBuffers } = process.memoryUsage();
console.log(
  JSON.stringify({
    rss,
    heapUsed,
    heapTotal,
    external,
    arrayBuffers,
    passages,
    loadMs,
    loadCpuMs: (cpu.user + cpu.system) / 1000,
    served: search ? search.documentCount : index.documents.length,
  }),
);
