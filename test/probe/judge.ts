// The probe's judge: runs question cases through the engine and says, case by case, what a strict reader would
// object to. Checks follow ../shared/eval/score.mjs (answered, every "all" group, no "none", a verbatim quote from
// one of "sources") and add what the eval does not check: the value stated in the lead (not only in a quote), the
// answer's status, and words the lead must not state (another unit's or another inspection's value).
import { readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { answerQuestion, type CorpusIndex } from "../../src/engine.js";
import type { Answer, ThreadContext } from "../../src/types.js";

export interface ProbeCase {
  id: string;
  persona: "journalist" | "pdu_head" | "policy" | "researcher";
  kind: string;
  turns: string[];
  /** Each group: at least one alternative in the reply (in a quote when the question itself holds it). */
  all?: string[][];
  /** Each group: at least one alternative in the lead, the answer stated first, not only quoted. */
  lead?: string[][];
  /** Nothing here anywhere in the reply. */
  none?: string[];
  /** Nothing here in the lead. */
  lead_none?: string[];
  /** Some citation quotes, verbatim, a document whose file name starts with one of these. */
  sources?: string[];
  answered?: boolean;
  status?: Answer["status"];
  known_failure?: boolean;
  mechanism?: string;
  note?: string;
}

export function readCases(file: string): ProbeCase[] {
  return readFileSync(file, "utf8")
    .split("\n")
    .filter((l) => l.trim())
    .map((l) => JSON.parse(l) as ProbeCase);
}

const SMALL = [
  "zero",
  "one",
  "two",
  "three",
  "four",
  "five",
  "six",
  "seven",
  "eight",
  "nine",
  "ten",
  "eleven",
  "twelve",
];

/** Folded as the eval folds text: lower case, plain quotes and dashes, no markup, "per cent" as %, no thousands commas. */
export function fold(s: string): string {
  return s
    .toLowerCase()
    .replace(/[\u2018\u2019\u201b\u2032]/g, "'")
    .replace(/[\u201c\u201d\u201f\u2033]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/<[^>\s][^>]*>/g, " ")
    .replace(/[*_`#[\]]/g, "")
    .replace(/&amp;/g, "&")
    .replace(/\bper ?cent\b/g, "%")
    .replace(/(\d)\s+%/g, "$1%")
    .replace(/(\d),(\d{3})\b/g, "$1$2")
    .replace(/\s+/g, " ")
    .trim();
}

/** The text folded, then again with small number words as digits, so "four" matches "4". */
function foldWithDigits(s: string): string {
  const f = fold(s);
  const digits = f.replace(new RegExp(`\\b(${SMALL.join("|")})\\b`, "g"), (w) => String(SMALL.indexOf(w)));
  return `${f} \u0000 ${digits}`;
}

export interface Documents {
  names: string[];
  texts: Map<string, string>;
}

export function readDocuments(...dirs: string[]): Documents {
  const texts = new Map<string, string>();
  for (const dir of dirs) {
    for (const name of readdirSync(dir)) {
      if (/\.(txt|md)$/.test(name)) texts.set(name, fold(readFileSync(join(dir, name), "utf8")));
    }
  }
  return { names: [...texts.keys()], texts };
}

function quoteSources(docs: Documents, quote: string): string[] {
  const q = fold(quote);
  if (!q) return [];
  let pieces = q.split(/\s*(?:\u2026|\.\.\.|\s-\s|\s\|\s)\s*/).filter((p) => p.length >= 15);
  if (pieces.length === 0) pieces = [q];
  return docs.names.filter((n) => pieces.every((p) => docs.texts.get(n)!.includes(p)));
}

export function leadText(answer: Answer): string {
  return answer.lead.map((s) => s.text).join("");
}

/** Asks the case's turns in one thread; the last answer. */
export function askCase(index: CorpusIndex, c: ProbeCase): Answer {
  let context: ThreadContext = {};
  let answer: Answer | undefined;
  for (const turn of c.turns) {
    const t = answerQuestion(index, turn, context);
    context = t.context;
    answer = t.answer;
  }
  return answer!;
}

/**
 * What a strict reader objects to in the answer; empty when it passes. Not strict: only what ../shared/eval checks
 * (no lead, lead_none or status), to compare with the eval's own figures.
 */
export function judge(c: ProbeCase, answer: Answer, docs: Documents, strict = true): string[] {
  const why: string[] = [];
  const text = foldWithDigits(answer.text);
  const lead = foldWithDigits(leadText(answer));
  const quoted = foldWithDigits(answer.citations.map((ci) => ci.quote).join(" \u0000 "));
  const question = fold(c.turns[c.turns.length - 1]!);
  const wantAnswered = c.answered ?? true;
  if (answer.answered !== wantAnswered) why.push(`answered=${answer.answered}, expected ${wantAnswered}`);
  if (strict && c.status && answer.status !== c.status) why.push(`status=${answer.status}, expected ${c.status}`);
  const found = (where: string) => (alt: string) => (question.includes(fold(alt)) ? quoted : where).includes(fold(alt));
  for (const group of c.all ?? []) {
    if (!group.some(found(text))) why.push(`missing one of ${JSON.stringify(group)}`);
  }
  for (const group of strict ? (c.lead ?? []) : []) {
    if (!group.some((alt) => lead.includes(fold(alt)))) why.push(`lead lacks one of ${JSON.stringify(group)}`);
  }
  for (const bad of c.none ?? []) {
    if (text.includes(fold(bad))) why.push(`must not say ${JSON.stringify(bad)}`);
  }
  for (const bad of strict ? (c.lead_none ?? []) : []) {
    if (lead.includes(fold(bad))) why.push(`lead must not say ${JSON.stringify(bad)}`);
  }
  if (c.sources?.length) {
    const cited = answer.citations.flatMap((ci) => quoteSources(docs, ci.quote));
    if (!cited.some((n) => c.sources!.some((s) => n.startsWith(s)))) {
      why.push(
        `no verbatim quote from ${c.sources.join("/")} (quotes from: ${[...new Set(cited)].join(", ") || "none"})`,
      );
    }
  }
  const bogus = answer.citations.filter((ci) => quoteSources(docs, ci.quote).length === 0);
  if (bogus.length) why.push(`${bogus.length} citation(s) whose quote is in no document`);
  return why;
}
