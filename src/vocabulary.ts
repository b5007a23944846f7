// The domain vocabulary (intents/vocabulary.json), validated once at start.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const VocabularySchema = z.object({
  ratings: z.record(z.string(), z.array(z.string())),
  standards: z.record(z.string(), z.array(z.string())),
  reportStandards: z.array(z.string()),
  keyQuestionThemes: z.record(z.string(), z.array(z.string())),
  synonyms: z.array(z.array(z.string())),
  /** Where the Porter stemmer errs, each group's words share one stem, its first word: "officer" is not "office", "staffing" is "staff". */
  stems: z.array(z.array(z.string())).default([]),
  minorHeadings: z.array(z.string()),
  /** Lines that are headings even without Markdown marks (text extracted from PDFs and web pages). */
  sectionHeadings: z.array(z.string()),
  unitSuffixes: z.object({ pdu: z.array(z.string()), region: z.array(z.string()) }),
  inspectorate: z.string(),
  speakerRoles: z.array(z.string()),
  /** Words too common in this domain to carry a topic: they weigh little and don't count towards coverage. */
  weakTerms: z.array(z.string()),
  boilerplate: z.object({
    /** Sections no one asks about (contents, copyright): a section whose heading holds one of these. */
    sections: z.array(z.string()),
    lineStarts: z.array(z.string()),
    lineContains: z.array(z.string()),
    /** Lines of a few words that start so ("Published 3 days ago"). */
    shortLineStarts: z.array(z.string()),
  }),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

const file = fileURLToPath(new URL("../intents/vocabulary.json", import.meta.url));
export const vocabulary: Vocabulary = VocabularySchema.parse(JSON.parse(readFileSync(file, "utf8")));

/** Escapes a plain word or phrase for use inside a regular expression; spaces match any run of whitespace. */
export function escapePhrase(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}

/** One case-insensitive regular expression matching any of the plain phrases as whole words, longest first. */
export function phraseMatcher(phrases: string[], flags = "giu"): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(escapePhrase);
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`,
    flags.includes("u") ? flags : `${flags}u`,
  );
}

/** A matcher for lines that start with one of the phrases (case-insensitive). */
export function lineStartMatcher(phrases: string[]): RegExp {
  return new RegExp(
    `^(?:${[...phrases]
      .sort((a, b) => b.length - a.length)
      .map(escapePhrase)
      .join("|")})`,
    "iu",
  );
}
