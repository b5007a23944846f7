// natural's top-level module loads dotenv (and prints to stdout) for its storage back ends,
// which would corrupt `ask --jsonl`. We load only the parts we use, straight from their files.
import { createRequire } from "node:module";

const require = createRequire(import.meta.url);

export const PorterStemmer: { stem(word: string): string } = require("natural/lib/natural/stemmers/porter_stemmer");

export const { DamerauLevenshteinDistance } = require("natural/lib/natural/distance/levenshtein_distance") as {
  DamerauLevenshteinDistance(a: string, b: string, options?: { transposition_cost?: number }): number;
};

export interface BayesClassifierLike {
  addDocument(text: string | string[], label: string): void;
  train(): void;
  getClassifications(observation: string | string[]): { label: string; value: number }[];
}
export const BayesClassifier: new () => BayesClassifierLike = require("natural/lib/natural/classifiers/bayes_classifier");

export const stopwords: string[] = require("natural/lib/natural/util/stopwords").words;
