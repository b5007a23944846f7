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
  minorHeadings: z.array(z.string()),
  /** Lines that are headings even without Markdown marks (text extracted from PDFs and web pages). */
  sectionHeadings: z.array(z.string()),
  unitSuffixes: z.object({ pdu: z.array(z.string()), region: z.array(z.string()) }),
  inspectorate: z.string(),
  speakerRoles: z.array(z.string()),
  /** Words too common in this domain to carry a topic: they weigh little and don't count towards coverage. */
  weakTerms: z.array(z.string()),
  boilerplate: z.object({ sections: z.array(z.string()), lines: z.array(z.string()) }),
});
export type Vocabulary = z.infer<typeof VocabularySchema>;

const file = fileURLToPath(new URL("../intents/vocabulary.json", import.meta.url));
export const vocabulary: Vocabulary = VocabularySchema.parse(JSON.parse(readFileSync(file, "utf8")));

/** One case-insensitive, word-bounded regular expression matching any of the patterns. */
export function anyOf(patterns: string[], flags = "i"): RegExp {
  return new RegExp(`(?<![\\p{L}])(?:${patterns.join("|")})(?![\\p{L}])`, flags.includes("u") ? flags : `${flags}u`);
}
