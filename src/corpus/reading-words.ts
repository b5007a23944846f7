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
  proportionWords: z.array(z.string()),
  countedPhraseStops: z.array(z.string()),
  approximators: z.array(z.string()),
  previousPeriodCues: z.array(z.string()),
  sincePeriodCues: z.array(z.string()),
  ordinaryCapitalisedWords: z.array(z.string()),
  strengthWords: z.array(z.string()),
  directiveWords: z.array(z.string()),
  directiveHeads: z.array(z.string()),
  comparatives: z.array(z.string()),
  weaknessWords: z.array(z.string()),
  unitReferences: z.object({ pdu: z.array(z.string()), region: z.array(z.string()) }),
  generalScopeCues: z.array(z.string()),
  jointReferenceCues: z.array(z.string()),
  settingPrepositions: z.array(z.string()),
  nationalNames: z.array(z.string()),
  measures: z.record(z.string(), z.object({ counts: z.array(z.string()), cues: z.array(z.string()) })),
});

const file = fileURLToPath(new URL("../../intents/reading.json", import.meta.url));
export const readingWords = ReadingWordsSchema.parse(JSON.parse(readFileSync(file, "utf8")));

export { escapePhrase, phraseMatcher } from "../vocabulary.js";

export const lowerSet = (list: string[]) => new Set(list.map((w) => w.toLowerCase()));
