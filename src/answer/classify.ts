// The answer type of a question, from a naive Bayes classifier (natural) trained on the example questions in
// intents/answer-types.json. Its features are the question's words (stemmed, question words kept), its first
// word, its word pairs, and which answer types' cue words (intents/query.json) it holds: keyword rules serve as
// features, not as decisions. Unit names and years become one placeholder word each.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import { BayesClassifier } from "../text/natural.js";
import { stem } from "../text/tokens.js";
import { phraseMatcher, queryWords } from "./phrases.js";
/** The kind of answer a question asks for. */
export type AnswerType =
  | "rating"
  | "score"
  | "quantity"
  | "date"
  | "person"
  | "list"
  | "reason"
  | "quotation"
  | "passage"
  | "extreme"
  | "comparison"
  | "meta";

const ExamplesSchema = z.object({ examples: z.record(z.string(), z.array(z.string().min(1))) });
const file = fileURLToPath(new URL("../../intents/answer-types.json", import.meta.url));
const examples = ExamplesSchema.parse(JSON.parse(readFileSync(file, "utf8"))).examples;

const UNIT = "unitname";
const YEAR = "yearnum";
const cueMatchers = queryWords.answerTypes
  .filter(([type]) => type !== "meta")
  .map(([type, cues]) => ({ type, match: phraseMatcher(cues) }));

/** The features of a question whose unit names are already replaced by the placeholder. */
export function featuresOf(text: string): string[] {
  const tokens = (
    text
      .toLowerCase()
      .replace(/[’]/g, "'")
      .match(/[\p{L}\p{N}]+(?:'[\p{L}]+)?/gu) ?? []
  ).map((w) => (/^(?:19|20)\d{2}$/.test(w) ? YEAR : w === UNIT ? UNIT : stem(w.replace(/'s$/, ""))));
  const features = [...tokens, `first:${tokens[0] ?? ""}`];
  for (let i = 0; i + 1 < tokens.length; i++) features.push(`${tokens[i]}_${tokens[i + 1]}`);
  for (const c of cueMatchers) if (c.match(text).length) features.push(`cue:${c.type}`);
  return features;
}

const classifier = new BayesClassifier();
for (const [type, questions] of Object.entries(examples)) {
  for (const q of questions)
    classifier.addDocument(featuresOf(q.replace(/\{unit\}/g, UNIT).replace(/\{year\}/g, "2024")), type);
}
classifier.train();

/** The answer types the classifier knows, as trained. */
export const trainedAnswerTypes = Object.keys(examples) as AnswerType[];

/** The most likely answer type of a question; `unitSpans` are where it names units. */
export function classifyAnswerType(text: string, unitSpans: { start: number; end: number }[]): AnswerType {
  let masked = text;
  for (const s of [...unitSpans].sort((a, b) => b.start - a.start))
    masked = `${masked.slice(0, s.start)}${UNIT}${masked.slice(s.end)}`;
  return classifier.getClassifications(featuresOf(masked))[0]!.label as AnswerType;
}
