// The reader's word lists (intents/reading.json), validated once and compiled into matchers here, in one place.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const ReadingWordsSchema = z.object({
  speechVerbs: z.array(z.string()),
  speakerPronouns: z.array(z.string()),
  personTitles: z.array(z.string()),
  durationUnits: z.array(z.string()),
  moneyScales: z.record(z.string(), z.number()),
  percentWords: z.array(z.string()),
  ratioWords: z.array(z.string()),
  countedPhraseStops: z.array(z.string()),
  approximators: z.array(z.string()),
  previousPeriodCues: z.array(z.string()),
  sincePeriodCues: z.array(z.string()),
  ordinaryCapitalisedWords: z.array(z.string()),
  strengthWords: z.array(z.string()),
  weaknessWords: z.array(z.string()),
  measures: z.record(z.string(), z.object({ counts: z.array(z.string()), cues: z.array(z.string()) })),
});

const file = fileURLToPath(new URL("../../intents/reading.json", import.meta.url));
export const readingWords = ReadingWordsSchema.parse(JSON.parse(readFileSync(file, "utf8")));

/** Escapes a plain word or phrase for use inside a regular expression; spaces match any run of whitespace. */
export function escapePhrase(phrase: string): string {
  return phrase.replace(/[.*+?^${}()|[\]\\]/g, "\\$&").replace(/\s+/g, "\\s+");
}

/** One case-insensitive, word-bounded regular expression for any of the phrases (longest first). */
export function phraseMatcher(phrases: string[], flags = "giu"): RegExp {
  const alternatives = [...phrases].sort((a, b) => b.length - a.length).map(escapePhrase);
  return new RegExp(`(?<![\\p{L}\\p{N}])(?:${alternatives.join("|")})(?![\\p{L}\\p{N}])`, flags);
}

export const lowerSet = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
