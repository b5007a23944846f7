// The engine's front door: everything outside the engine (CLI, Slack, digest, ingest, main, bench) comes in here,
// never into src/corpus, src/search or src/answer directly. The engine knows nothing of Slack.

import { loadCorpusOnThreads as loadOnThreads, reloadCorpus as reloadFolder, type LoadOptions } from "./search/load.js";
import { watchCorpus as watchFolder } from "./search/watch.js";
import { lookupSteps } from "./answer/per-index.js";
import type { CorpusIndex } from "./search/index.js";
import type { Steps } from "./steps.js";
import { analyseQuestion } from "./answer/question.js";
import { exampleQuestions } from "./answer/handlers/meta.js";

// Documents: reading a corpus folder, parsing, keeping it current.
export {
  loadCorpus,
  readDocuments,
  indexDocuments,
  CorpusError,
  DOCUMENT_EXTENSIONS,
} from "./search/load.js";
export { parseDocument } from "./corpus/parse.js";
export { stopParsingThreads } from "./corpus/parse-elsewhere.js";

/**
 * The bot's start: loads a corpus folder at once, the documents the parse cache lacks parsed on other threads (one
 * per core), and makes the index ready to answer (see prepareAnswers), so that its first questions are not slower.
 */
export const loadCorpusOnThreads = (dir: string, options: LoadOptions = {}) =>
  loadOnThreads(dir, { prepare: prepareAnswers, ...options });

/**
 * Reads the folder again and builds a new index in slices, reusing every unchanged document's parse (see
 * search/load.ts); the answers' lookups of the new index are built too, so that its first answers are not slower.
 */
export const reloadCorpus = (dir: string, previous: CorpusIndex | undefined, options: LoadOptions = {}) =>
  reloadFolder(dir, previous, { prepare: prepareAnswers, ...options });

/** Watches the corpus folder and reloads it on a change (see search/watch.ts), building the answers' lookups ahead. */
export const watchCorpus: typeof watchFolder = (dir, options) =>
  watchFolder(dir, { prepare: prepareAnswers, ...options });

/**
 * An index made ready to answer before it is served: the answers' lookups built, and the example questions of
 * `help` read, one a step, so that V8 has compiled the question reader's expressions (a first question would
 * otherwise compile them: about 30 ms; and a reload's garbage collections drop that compiled code).
 */
function* prepareAnswers(index: CorpusIndex): Steps<void> {
  yield* lookupSteps(index);
  for (const question of exampleQuestions(index)) {
    yield;
    analyseQuestion(index, question, {});
  }
}
export { inferMeta, datingSummary } from "./corpus/metadata.js";
export { withoutSiteName } from "./corpus/headline.js";
export { PUBLISHER_UNKNOWN } from "./corpus/publisher.js";
export { readSourcesFile } from "./corpus/sources.js";
export { findThemes } from "./corpus/vocab-match.js";

// The index.
export { buildIndex, type CorpusIndex } from "./search/index.js";
export type { Placement } from "./search/recency.js";

// Answers.
export { answerQuestion, type Turn } from "./answer/answer.js";
export type { Query } from "./answer/question.js";
export { summarizeUnits, listFindings, type Finding } from "./answer/summaries.js";
export { displayDate } from "./answer/reply.js";
export { shortQuote } from "./answer/cite.js";
export { exampleQuestions } from "./answer/handlers/meta.js";
