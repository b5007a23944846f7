// npm run bench: the engine at scale, side by side with a plain BM25 index (MiniSearch) of the same passages.
// On the seeds, then on a generated corpus of BENCH_DOCS documents (default 1,000): the seed report and a seed
// article, each under many other unit names. Reports: cold build, warm start from the parse cache, adding one
// document (time until it is answered, longest event-loop stall meanwhile, timed by a 1 ms interval), question latency p50/p99/max over
// varied questions, resident memory of a process serving the corpus.
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { loadavg } from "node:os";
import { monitorEventLoopDelay, performance } from "node:perf_hooks";
import MiniSearch from "minisearch";
import { BENCH_TEMPLATES, benchUnits, generatedReport, unitNameOf, writeGeneratedCorpus } from "./generated-corpus.js";
import {
  answerQuestion,
  loadCorpus,
  loadCorpusOnThreads,
  reloadCorpus,
  stopParsingThreads,
  type CorpusIndex,
} from "../src/engine.js";

const SEEDS = "seeds";
const DOCS = Number(process.env.BENCH_DOCS ?? 1000);
/** One document in this many is an article; the rest are reports. */

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;
const ms = (n: number) => (n >= 100 ? `${(n / 1000).toFixed(1)} s` : `${n.toFixed(n < 1 ? 2 : 1)} ms`);

interface Latency {
  p50: number;
  p99: number;
  max: number;
  count: number;
}

function latency(run: (q: string) => void, questions: string[], rounds: number): Latency {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = performance.now();
      run(q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), max: times.at(-1)!, count: times.length };
}

interface Serving {
  rss: number;
  heapUsed: number;
  external: number;
  loadMs: number;
  loadCpuMs: number;
}

/** The newest modification time of the files under a folder. */
const newestUnder = (path: string): number =>
  readdirSync(path, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .reduce((newest, e) => Math.max(newest, statSync(join(e.parentPath, e.name)).mtimeMs), 0);

/** Builds dist/ (npm run build) when it is missing or older than the code and word lists it is built from. */
function buildIfStale(): void {
  const built = statSync("dist/engine.js", { throwIfNoEntry: false })?.mtimeMs ?? 0;
  if (built >= Math.max(newestUnder("src"), newestUnder("intents"))) return;
  console.log("  (building dist/ for the memory measure: npm run build)");
  execFileSync("npm", ["run", "--silent", "build"], { stdio: "inherit" });
}

const show = (l: Latency) => `p50 ${ms(l.p50)}, p99 ${ms(l.p99)}, max ${ms(l.max)} (${l.count} questions)`;

/**
 * Wall time and the process's CPU time (user + system, the process's threads included): on a shared machine the CPU
 * time is the steadier figure.
 */
async function timed<T>(work: () => T | Promise<T>): Promise<{ value: T; ms: number; cpuMs: number }> {
  const t0 = performance.now();
  const c0 = process.cpuUsage();
  const value = await work();
  const cpu = process.cpuUsage(c0);
  return { value, ms: performance.now() - t0, cpuMs: (cpu.user + cpu.system) / 1000 };
}
const load = () =>
  loadavg()
    .map((l) => l.toFixed(1))
    .join(" ");
const loadAtStart = load();

const evalQuestions = readFileSync("../shared/eval/visible.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .flatMap((l) => (JSON.parse(l) as { turns: string[] }).turns);
const generic = [
  "sources",
  "help",
  "what did inspectors find about staffing",
  "how many cases were inspected",
  "compare the units",
  "Nowhere PDU rating",
];

// Seeds.
latency((q) => answerQuestion(loadCorpus(SEEDS), q), evalQuestions.slice(0, 3), 1); // warm up the JIT
const seeds = await timed(() => loadCorpus(SEEDS));
const seedLatency = latency((q) => answerQuestion(seeds.value, q), [...evalQuestions, ...generic], 20);
console.log(
  `seeds (${seeds.value.documents.length} documents, ${seeds.value.passages.length} passages): build ${ms(seeds.ms)}; ${show(seedLatency)}`,
);

// The generated corpus: every unit's name its own, from three lists of ten.
const dir = mkdtempSync(join(tmpdir(), "bench-corpus-"));
const cacheDir = mkdtempSync(join(tmpdir(), "bench-cache-"));
const units = writeGeneratedCorpus(dir, DOCS, SEEDS);

// The cold index is not kept: the warm start below has the heap to itself, as a fresh process would.
// The bot's start (loadCorpusOnThreads): what the cache lacks parsed on one thread per core, the index made ready to
// answer; beside it, the same load on the main thread alone.
const coldCacheDir = mkdtempSync(join(tmpdir(), "bench-cache-"));
const cold = await timed(() => void loadCorpus(dir, { cacheDir: coldCacheDir }));
rmSync(coldCacheDir, { recursive: true, force: true });
const coldOnThreads = await timed(async () => void (await loadCorpusOnThreads(dir, { cacheDir })));
const warm = await timed(() => loadCorpusOnThreads(dir, { cacheDir }));
const index: CorpusIndex = warm.value;

// 320 varied questions: ratings, standards, figures, findings, recommendations, quotes of 60 units, and more.
const questions = [
  ...benchUnits(units).flatMap((n) => BENCH_TEMPLATES.map((t) => t(n))),
  ...generic,
  ...evalQuestions.slice(0, 14),
];
const ours = latency((q) => answerQuestion(index, q), questions, 1);

// Every generated unit answered with its own rating, from its own document alone (test/every-unit-answers-for-itself
// checks the same on 40 documents). The files sort in the order the names were made.
const files = readdirSync(dir).sort();
const notOwn = units.filter((name, i) => {
  const answer = answerQuestion(index, `${name} rating`).answer;
  return !(
    answer.answered &&
    answer.text.startsWith(`*${name} PDU* is rated`) &&
    answer.citations.length > 0 &&
    answer.citations.every((c) => c.doc === files[i])
  );
});

// Adding one document as the running bot does (src/search/watch.ts): a reload in slices that reuses every unchanged
// parse, while a 1 ms interval measures the longest time the event loop could not run anything else. As in a bot
// that has run a while, its parsing threads have stopped (they stop after 5 s idle) and start for this document.
await stopParsingThreads();
const added = unitNameOf(DOCS);
const addedText = generatedReport(added, SEEDS); // made before the clock starts: writing the test document is not the bot's work
let lastTick = performance.now();
let longestStall = 0;
const ticker = setInterval(() => {
  const now = performance.now();
  longestStall = Math.max(longestStall, now - lastTick);
  lastTick = now;
}, 1);
const delay = monitorEventLoopDelay({ resolution: 1 });
delay.enable();
writeFileSync(join(dir, "added-report.md"), addedText);
const t0 = performance.now();
const c0 = process.cpuUsage();
const next = await reloadCorpus(dir, index, { cacheDir });
const reloadMs = performance.now() - t0;
const addedAnswer = answerQuestion(next, `${added} rating`).answer;
const cpu = process.cpuUsage(c0);
const addition = {
  ms: performance.now() - t0,
  reloadMs,
  cpuMs: (cpu.user + cpu.system) / 1000,
  answered: addedAnswer.answered && addedAnswer.text.includes(added.split(",")[0]!),
};
await new Promise((r) => setTimeout(r, 20));
clearInterval(ticker);
delay.disable();

// Three more added in a row, each index handed over as the bot does: the heap after each (collected) shows whether
// the old indexes are released.
const gc = (globalThis as { gc?: () => void }).gc ?? (() => {});
const heapMb = () => {
  gc();
  return process.memoryUsage().heapUsed / 1024 / 1024;
};
let latest = next;
const heapAfterAdds = [heapMb()];
for (let k = 1; k <= 3; k++) {
  writeFileSync(join(dir, `added-report-${k}.md`), generatedReport(unitNameOf(DOCS + k), SEEDS));
  latest = await reloadCorpus(dir, latest, { cacheDir });
  heapAfterAdds.push(heapMb());
}

// The same passages in MiniSearch (BM25+), asked the same questions as text searches.
const mini = await timed(() => {
  const search = new MiniSearch<{ id: number; text: string }>({ fields: ["text"], storeFields: [] });
  search.addAll(index.passages.map((p, id) => ({ id, text: p.text })));
  return search;
});
const theirs = latency((q) => mini.value.search(q), questions, 1);

// Memory is read in fresh processes running the built engine, as `npm start` does (built first when dist/ is older
// than src/ or intents/).
buildIfStale();
const serving = (mode: "engine" | "minisearch") =>
  JSON.parse(
    execFileSync(
      process.execPath,
      ["--expose-gc", "--max-semi-space-size=4", "bench/memory.mjs", mode, dir, cacheDir],
      { encoding: "utf8" },
    ),
  ) as Serving;
// The built engine's parse cache is its own (the reader's version is a hash of its code, here dist/'s): a first
// process fills it, the second starts warm from it and is the one measured.
serving("engine");
const memory = serving("engine");
const miniMemory = serving("minisearch");
rmSync(dir, { recursive: true, force: true });
rmSync(cacheDir, { recursive: true, force: true });

const docs = `${DOCS} documents (${index.passages.length} passages, ${index.units.length} units)`;
console.log(`${docs}: (load average at start ${loadAtStart}, at end ${load()}; 2 cores)`);
console.log(
  `  cold build on the main thread ${ms(cold.ms)} (CPU ${ms(cold.cpuMs)}), on parsing threads as the bot starts ${ms(coldOnThreads.ms)} (CPU ${ms(coldOnThreads.cpuMs)}); warm start from the parse cache, ready to answer ${ms(warm.ms)} (CPU ${ms(warm.cpuMs)}); MiniSearch index of the same passages ${ms(mini.ms)}`,
);
console.log(`  questions: ${show(ours)}; MiniSearch: ${show(theirs)}`);
console.log(
  `  every unit's rating: ${units.length - notOwn.length} of ${units.length} answered with their own rating from their own document alone${notOwn.length ? ` (not: ${notOwn.slice(0, 5).join("; ")}${notOwn.length > 5 ? "…" : ""})` : ""}`,
);
console.log(
  `  one document added: reindexed after ${ms(addition.reloadMs)}, answered after ${ms(addition.ms)} (CPU ${ms(addition.cpuMs)}; ${addition.answered ? "with its own rating" : "NOT answered"}), longest event-loop stall ${ms(longestStall)} (monitorEventLoopDelay: max ${ms(delay.max / 1e6)}, p99 ${ms(delay.percentile(99) / 1e6)})`,
);
console.log(
  `  three more added in a row (${latest.documents.length} documents): heap ${heapAfterAdds.map((h) => `${h.toFixed(0)} MB`).join(" → ")} (collected after each)`,
);
console.log(
  `  a fresh process started from the parse cache: loaded in ${ms(memory.loadMs)} (CPU ${ms(memory.loadCpuMs)})`,
);
console.log(
  `  a process serving them (built engine, plain node, after a moment idle): ${mb(memory.rss)} resident (${mb(memory.heapUsed)} heap, ${mb(memory.external)} outside it); MiniSearch alone: ${mb(miniMemory.rss)} resident (${mb(miniMemory.heapUsed)} heap)`,
);
