// Shared set-up for engine tests: the seed corpus and the second corpus, indexed once per file.
import { readFileSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { answerQuestion, loadCorpus } from "../../src/engine.js";
import type { Answer, ThreadContext } from "../../src/types.js";

export const SEEDS = join(import.meta.dirname, "../../seeds");
export const SECOND = join(import.meta.dirname, "../fixtures/second-corpus");

export const seeds = loadCorpus(SEEDS);
export const second = loadCorpus(SECOND);

/** Asks the questions in one thread; returns every answer. */
export function converse(index: typeof seeds, ...questions: string[]): Answer[] {
  let context: ThreadContext = {};
  return questions.map((q) => {
    const turn = answerQuestion(index, q, context);
    context = turn.context;
    return turn.answer;
  });
}

export const ask = (index: typeof seeds, question: string): Answer => converse(index, question)[0]!;

/** The file's text folded the way the scorer folds it: lower case, no markup, single spaces. */
export function foldedFile(dir: string, name: string): string {
  return readFileSync(join(dir, name), "utf8")
    .toLowerCase()
    .replace(/[\u2018\u2019]/g, "'")
    .replace(/[\u201c\u201d]/g, '"')
    .replace(/[\u2013\u2014]/g, "-")
    .replace(/<[^>\s][^>]*>/g, " ")
    .replace(/[*_`#[\]]/g, "")
    .replace(/\s+/g, " ");
}

export const seedFile = (prefix: string) => readdirSync(SEEDS).find((f) => f.startsWith(prefix))!;
