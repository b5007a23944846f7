// npm run bench: index build time, per-question latency (p50, p99) and memory, on the seeds
// and on a generated corpus of 200 reports (the seed report under other unit names).
import { execFileSync } from "node:child_process";
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { answerQuestion, loadCorpus, readDocuments } from "../src/engine.js";
import { parseDocument } from "../src/corpus/parse.js";
import type { CorpusIndex } from "../src/search/index.js";

const SEEDS = "seeds";
const REPORTS = Number(process.env.BENCH_REPORTS ?? 200);

const percentile = (sorted: number[], p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!;
const mb = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(0)} MB`;

function timeBuild(dir: string): { index: CorpusIndex; ms: number } {
  const t0 = performance.now();
  const index = loadCorpus(dir);
  return { index, ms: performance.now() - t0 };
}

function timeQuestions(index: CorpusIndex, questions: string[], rounds: number): { p50: number; p99: number; count: number } {
  const times: number[] = [];
  for (let r = 0; r < rounds; r++) {
    for (const q of questions) {
      const t0 = performance.now();
      answerQuestion(index, q);
      times.push(performance.now() - t0);
    }
  }
  times.sort((a, b) => a - b);
  return { p50: percentile(times, 50), p99: percentile(times, 99), count: times.length };
}

const evalQuestions = readFileSync("../shared/eval/visible.jsonl", "utf8")
  .split("\n")
  .filter(Boolean)
  .flatMap((l) => (JSON.parse(l) as { turns: string[] }).turns);
const generic = ["sources", "help", "what did inspectors find about staffing", "how many cases were inspected", "compare the units", "Nowhere PDU rating"];

// Seeds.
timeQuestions(loadCorpus(SEEDS), evalQuestions, 1); // warm up the JIT and caches
const seeds = timeBuild(SEEDS);
const seedLatency = timeQuestions(seeds.index, [...evalQuestions, ...generic], 20);

// 200 reports: the seed report with its unit renamed.
const report = readDocuments(SEEDS).find((d) => d.meta.kind === "inspection report")!;
const unit = parseDocument(report).units[0]!;
const names = [unit.name.replace(/ PDU$/, ""), ...unit.aliases].sort((a, b) => b.length - a.length);
const FIRST = ["Ashby", "Brackley", "Corfe", "Dunmore", "Eskdale", "Fenwick", "Glaston", "Hartwell", "Ivybridge", "Kelso"];
const SECOND = ["Lydford", "Marden", "Norbury", "Oakham", "Penrith", "Quarley", "Rydal", "Selby", "Tarrant", "Upton"];
const THIRD = ["Alnmouth", "Bampton", "Chard", "Dulverton", "Eyam", "Frome", "Garstang", "Helston", "Ilminster", "Keswick"];
const dir = mkdtempSync(join(tmpdir(), "bench-corpus-"));
const generated: string[] = [];
for (let i = 0; i < REPORTS; i++) {
  // Three names from three lists: every unit's name is its own.
  const name = `${FIRST[i % 10]}, ${SECOND[Math.floor(i / 10) % 10]} and ${THIRD[Math.floor(i / 100) % 10]}`;
  generated.push(name);
  let text = report.text;
  for (const n of names) text = text.split(n).join(name);
  writeFileSync(join(dir, `report-${String(i).padStart(3, "0")}.md`), text);
}
const serving = JSON.parse(
  execFileSync(process.execPath, ["--expose-gc", "--max-semi-space-size=4", "--import", "tsx", "bench/memory.ts", dir], { encoding: "utf8" }),
) as { rss: number; heapUsed: number };
const big = timeBuild(dir);
const bigQuestions = generated.slice(0, 50).flatMap((n) => [`${n} rating`, `${n} planning rating`, `how many people on licence does ${n} supervise`, `${n} recommendations`]);
const bigLatency = timeQuestions(big.index, [...bigQuestions, ...generic], 2);
// Memory the indexes hold: measured after a full collection when node runs with --expose-gc.
(globalThis as { gc?: () => void }).gc?.();
const { rss, heapUsed } = process.memoryUsage();
rmSync(dir, { recursive: true, force: true });

console.log(`seeds (${seeds.index.documents.length} documents, ${seeds.index.passages.length} passages): build ${seeds.ms.toFixed(0)} ms; ${seedLatency.count} questions: p50 ${seedLatency.p50.toFixed(2)} ms, p99 ${seedLatency.p99.toFixed(2)} ms`);
console.log(`${REPORTS} reports (${big.index.passages.length} passages, ${big.index.units.length} units): build ${big.ms.toFixed(0)} ms; ${bigLatency.count} questions: p50 ${bigLatency.p50.toFixed(2)} ms, p99 ${bigLatency.p99.toFixed(2)} ms`);
console.log(`memory of a process serving the ${REPORTS} reports: ${mb(serving.rss)} resident, ${mb(serving.heapUsed)} heap`);
console.log(`memory of this benchmark with both indexes loaded: ${mb(rss)} resident, ${mb(heapUsed)} heap`);
