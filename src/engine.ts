// The engine's front door: everything outside the engine (CLI, Slack, digest, ingest, main, bench) comes in here,
// never into src/corpus, src/search or src/answer directly. The engine knows nothing of Slack.

// Documents: reading a corpus folder, parsing, keeping it current.
export {
  loadCorpus,
  reloadCorpus,
  readDocuments,
  indexDocuments,
  CorpusError,
  DOCUMENT_EXTENSIONS,
} from "./search/load.js";
export { parseDocument } from "./corpus/parse.js";
export { watchCorpus } from "./search/watch.js";
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
