// The generated corpus of the benchmarks: the seed report and a seed article copied under other unit names, each
// name its own ("Ashby, Lydford and Alnmouth"), from three lists of ten; every fourth document an article.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { parseDocument, readDocuments } from "../src/engine.js";

const ARTICLE_EVERY = 4;
const FIRST = [
  "Ashby",
  "Brackley",
  "Corfe",
  "Dunmore",
  "Eskdale",
  "Fenwick",
  "Glaston",
  "Hartwell",
  "Ivybridge",
  "Kelso",
];
const SECOND = ["Lydford", "Marden", "Norbury", "Oakham", "Penrith", "Quarley", "Rydal", "Selby", "Tarrant", "Upton"];
const THIRD = [
  "Alnmouth",
  "Bampton",
  "Chard",
  "Dulverton",
  "Eyam",
  "Frome",
  "Garstang",
  "Helston",
  "Ilminster",
  "Keswick",
];

export const unitNameOf = (i: number): string =>
  `${FIRST[i % 10]}, ${SECOND[Math.floor(i / 10) % 10]} and ${THIRD[Math.floor(i / 100) % 10]}`;

/** The seed report and article, and a function that renames the report's unit in a text. */
function seedsOf(seedsDir: string) {
  const raws = readDocuments(seedsDir);
  const report = raws.find((d) => d.meta.kind === "inspection report")!;
  const article = raws.find((d) => d.meta.kind !== "inspection report" && d.text.includes("Leicester"))!;
  const unit = parseDocument(report).units[0]!;
  const names = [unit.name.replace(/ PDU$/, ""), ...unit.aliases].sort((a, b) => b.length - a.length);
  const renamed = (text: string, name: string) => names.reduce((t, n) => t.split(n).join(name), text);
  return { report: report.text, article: article.text, renamed };
}

/** The seed report with its unit renamed. */
export function generatedReport(name: string, seedsDir = "seeds"): string {
  const seeds = seedsOf(seedsDir);
  return seeds.renamed(seeds.report, name);
}

/** Writes `count` documents into `dir` from the seeds in `seedsDir`; returns the unit names, in file order. */
export function writeGeneratedCorpus(dir: string, count: number, seedsDir = "seeds"): string[] {
  const seeds = seedsOf(seedsDir);
  return Array.from({ length: count }, (_, i) => {
    const name = unitNameOf(i);
    const isArticle = i % ARTICLE_EVERY === ARTICLE_EVERY - 1;
    writeFileSync(
      join(dir, `${String(i).padStart(4, "0")}-${isArticle ? "article.txt" : "report.md"}`),
      seeds.renamed(isArticle ? seeds.article : seeds.report, name),
    );
    return name;
  });
}

/** The five questions `npm run bench` asks of each of its units (and `bench:questions --set bench` likewise). */
export const BENCH_TEMPLATES = [
  (n: string) => `${n} rating`,
  (n: string) => `${n} planning rating`,
  (n: string) => `how many people on licence does ${n} supervise`,
  (n: string) => `${n} recommendations`,
  (n: string) => `what did inspectors find about staffing in ${n}`,
];

/** The 60 units those questions are asked of, spread over the corpus. */
export const benchUnits = (units: string[]): string[] =>
  Array.from({ length: 60 }, (_, k) => units[(k * 37) % units.length]!);
