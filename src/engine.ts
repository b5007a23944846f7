// The engine's front door: everything outside the engine (CLI, Slack, digest, ingest) uses these.
// The engine knows nothing of Slack.
export { loadCorpus, readDocuments, indexDocuments, CorpusError } from "./corpus/load.js";
export { parseDocument } from "./corpus/parse.js";
export { buildIndex, type CorpusIndex } from "./search/index.js";
export { answerQuestion, type Turn } from "./answer/answer.js";
export { summarizeUnits, listFindings, type Finding } from "./answer/summaries.js";
