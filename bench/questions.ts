// Question latency alone, question by question, on a generated corpus kept between runs (so that the parse cache
// makes a rerun quick): the slowest questions with their times, p50/p99/max, and optionally every answer as JSON
// lines (to check that a change to the engine leaves the answers as they were).
//   node --import tsx bench/questions.ts [--docs N] [--dir FOLDER] [--answers FILE] [--rounds R] [--top K]
import { existsSync, mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { performance } from "node:perf_hooks";
import { answerQuestion, type CorpusIndex, loadCorpus } from "../src/engine.js";
import type { ThreadContext } from "../src/types.js";
import { BENCH_TEMPLATES, benchUnits, unitNameOf, writeGeneratedCorpus } from "./generated-corpus.js";

const arg = (name: string, fallback: string) => {
  const at = process.argv.indexOf(`--${name}`);
  return at >= 0 ? process.argv[at + 1]! : fallback;
};
const DOCS = Number(arg("docs", "300"));
const ROOT = arg("dir", join(process.env.TMPDIR ?? "/tmp", `bench-questions-${DOCS}`));
const ROUNDS = Number(arg("rounds", "1"));
const TOP = Number(arg("top", "15"));
const ANSWERS = arg("answers", "");
/** Only the threads one of whose questions this matches (a regular expression), e.g. to profile them. */
const ONLY = new RegExp(arg("only", ""), "i");
/**
 * --warm: first ask, untimed, every thread template about two units no timed question names, as a bot that has
 * answered for a while has: what is worked out once per index (a unit's passages, the quotations by speaker…) is
 * then built, and the timings are of questions alone.
 */
const WARM = process.argv.includes("--warm");

const corpus = join(ROOT, "corpus");
const cacheDir = join(ROOT, "cache");
const units = Array.from({ length: DOCS }, (_, i) => unitNameOf(i));
if (!existsSync(corpus)) {
  mkdirSync(corpus, { recursive: true });
  writeGeneratedCorpus(corpus, DOCS);
}

const t0 = performance.now();
const index: CorpusIndex = loadCorpus(corpus, { cacheDir });
console.log(
  `${DOCS} documents, ${index.passages.length} passages: loaded in ${(performance.now() - t0).toFixed(0)} ms`,
);

// Threads of questions: each thread's turns are asked in order, carrying the context.
const evalThreads = ["visible", "paraphrased", "documents"].flatMap((set) =>
  readFileSync(`../shared/eval/${set}.jsonl`, "utf8")
    .split("\n")
    .filter(Boolean)
    .map((l) => (JSON.parse(l) as { turns: string[] }).turns),
);
const templates = [
  (n: string) => [`${n} rating`],
  (n: string) => [`${n} planning rating`, "and reviewing?", "source?"],
  (n: string) => [`how many people on licence does ${n} supervise`],
  (n: string) => [`${n} recommendations`, "why?"],
  (n: string) => [`what did inspectors find about staffing in ${n}`, "any figures?"],
  (n: string) => [`what did the chief inspector say about ${n}`],
  (n: string) => [`when was ${n} inspected`],
  (n: string) => [`${n} score`, "has that improved?"],
  (n: string) => [`which key question scored lowest in ${n}`],
  (n: string) => [`${n} strengths`],
];
const picked = Array.from({ length: 40 }, (_, k) => units[(k * 37) % units.length]!);
const threads: string[][] = [
  ...picked.flatMap((n, k) => [templates[k % templates.length]!(n), templates[(k + 3) % templates.length]!(n)]),
  ["sources"],
  ["help"],
  ["what did inspectors find about staffing"],
  ["how many cases were inspected"],
  ["compare the units"],
  ["Nowhere PDU rating", "and reviewing?"],
  ["which units were rated inadequate"],
  ["which key question scored highest"],
  ["what did the BBC report"],
  ["Ashby rating"],
  ...evalThreads,
];

// Wall time, and the process's CPU time (steadier when other work shares the cores).
// --set bench: the questions of `npm run bench` instead (60 units, five questions each, then the generic and eval ones).
if (arg("set", "") === "bench") {
  const generic = ["sources", "help", "what did inspectors find about staffing", "how many cases were inspected"];
  const visible = readFileSync("../shared/eval/visible.jsonl", "utf8")
    .split("\n")
    .filter(Boolean)
    .flatMap((l) => (JSON.parse(l) as { turns: string[] }).turns)
    .slice(0, 14);
  threads.splice(
    0,
    threads.length,
    ...[
      ...benchUnits(units).flatMap((n) => BENCH_TEMPLATES.map((t) => t(n))),
      ...generic,
      "compare the units",
      "Nowhere PDU rating",
      ...visible,
    ].map((q) => [q]),
  );
}

if (WARM) {
  // Units 1 and 2: the timed questions name units (k × 37) mod N, never these (for N of 300 and 1,000).
  for (const n of [units[1]!, units[2]!]) {
    for (const template of templates) {
      let context: ThreadContext = {};
      for (const question of template(n)) context = answerQuestion(index, question, context).context;
    }
  }
}

const timings: { question: string; ms: number; cpu: number; round: number }[] = [];
const answers: string[] = [];
for (let round = 0; round < ROUNDS; round++) {
  for (const turns of threads.filter((t) => t.some((q) => ONLY.test(q)))) {
    let context: ThreadContext = {};
    for (const question of turns) {
      const start = performance.now();
      const cpu = process.cpuUsage();
      const turn = answerQuestion(index, question, context);
      const used = process.cpuUsage(cpu);
      timings.push({ question, ms: performance.now() - start, cpu: (used.user + used.system) / 1000, round });
      context = turn.context;
      if (round === 0) answers.push(JSON.stringify({ question, answer: turn.answer }));
    }
  }
}
if (ANSWERS) writeFileSync(ANSWERS, `${answers.join("\n")}\n`);
const summary = (key: "ms" | "cpu", of = timings) => {
  const sorted = of.map((t) => t[key]).sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))]!.toFixed(1);
  return `p50 ${at(50)} ms, p99 ${at(99)} ms, max ${sorted.at(-1)!.toFixed(1)} ms`;
};
console.log(`${timings.length} questions: wall ${summary("ms")}; CPU ${summary("cpu")}`);
if (ROUNDS > 1) {
  // The first round also builds what is worked out on first use; the later ones are the steady state.
  const first = timings.filter((t) => t.round === 0);
  const later = timings.filter((t) => t.round > 0);
  console.log(`  first round: wall ${summary("ms", first)}; CPU ${summary("cpu", first)}`);
  console.log(`  later rounds: wall ${summary("ms", later)}; CPU ${summary("cpu", later)}`);
}
for (const t of [...timings].sort((a, b) => b.cpu - a.cpu).slice(0, TOP))
  console.log(
    `  ${t.cpu.toFixed(1).padStart(7)} ms CPU ${t.ms.toFixed(1).padStart(7)} ms wall  round ${t.round + 1}  ${t.question}`,
  );
