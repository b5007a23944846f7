// Plain word lists (intents/query.json) compiled into matchers, in one place: every phrase is escaped,
// matched without regard to case, with any run of spaces for a space and ’ for an apostrophe, and only
// as whole words.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

export interface Span {
  start: number;
  end: number;
  /** The phrase of the list that matched, as the list writes it. */
  phrase: string;
}

export type PhraseMatcher = (text: string) => Span[];

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, "\\$&");
const phraseSource = (phrase: string) =>
  phrase
    .trim()
    .split(/\s+/)
    .map((word) => escapeRegExp(word).replace(/'/g, "['’]"))
    .join("\\s+");

/** Every whole-word occurrence of any of the phrases, longest phrase first where two overlap. */
export function phraseMatcher(phrases: string[]): PhraseMatcher {
  const sorted = [...new Set(phrases.map((p) => p.trim()).filter(Boolean))].sort((a, b) => b.length - a.length);
  if (sorted.length === 0) return () => [];
  const re = new RegExp(`(?<![\\p{L}\\p{N}])(?:${sorted.map(phraseSource).join("|")})(?![\\p{L}\\p{N}])`, "giu");
  const byFolded = new Map(sorted.map((p) => [fold(p), p]));
  return (text) =>
    [...text.matchAll(re)].map((m) => ({
      start: m.index!,
      end: m.index! + m[0].length,
      phrase: byFolded.get(fold(m[0])) ?? m[0],
    }));
}

const fold = (s: string) => s.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");

const words = z.array(z.string().min(1));
const BodySchema = z.object({ before: words, after: words, notBefore: words });
const QueryWordsSchema = z.object({
  uncoveredBodies: z.record(z.string(), z.union([BodySchema, z.string()])),
  periods: z.object({ then: words, latest: words, previous: words, future: words, since: words }).passthrough(),
  answerTypes: z.record(z.string(), z.union([words, z.string()])),
  figureKindCues: z.object({ phrases: words }),
  acrossUnits: z.object({ phrases: words }),
  backReferences: z.object({ phrases: words }),
  notNames: z.object({ words, unitWords: words }),
  domainTopics: z.object({ words }),
  partnerMarkers: z.object({ words }),
  notTopics: z.object({ words }),
  followUpOpeners: z.object({ phrases: words }),
  regionWords: z.object({ words }),
  visitWords: z.object({ words }),
  visitSentences: z.object({ phrases: words }),
  extremes: z.object({ high: words, low: words, keyQuestionWords: words }),
  forecastWords: z.object({ phrases: words }),
  wholeList: z.object({ phrases: words }),
  money: z.object({ phrases: words }),
  publication: z.object({ asking: words, kinds: z.record(z.string(), words) }),
  perUnit: z.object({ phrases: words }),
  reasons: z.object({
    praising: words,
    causes: words,
    strength: words,
    weakness: words,
    pointBack: words,
    causeMarkers: words,
  }),
});

const file = fileURLToPath(new URL("../../intents/query.json", import.meta.url));
const raw = QueryWordsSchema.parse(JSON.parse(readFileSync(file, "utf8")));
const lists = <T>(record: Record<string, T | string>) =>
  Object.entries(record).filter((e): e is [string, T] => !e[0].startsWith("$"));

/** The word lists of intents/query.json, validated, without their comments. */
export const queryWords = {
  uncoveredBodies: lists(raw.uncoveredBodies).map(([kind, b]) => ({ kind, ...b })),
  periods: {
    then: raw.periods.then,
    latest: raw.periods.latest,
    previous: raw.periods.previous,
    future: raw.periods.future,
    since: raw.periods.since,
  },
  /** In order of precedence. */
  answerTypes: lists(raw.answerTypes),
  figureKindCues: raw.figureKindCues.phrases,
  acrossUnits: raw.acrossUnits.phrases,
  backReferences: raw.backReferences.phrases,
  notNames: new Set(raw.notNames.words.map((w) => w.toLowerCase())),
  unitWords: new Set(raw.notNames.unitWords.map((w) => w.toLowerCase())),
  domainTopics: new Set(raw.domainTopics.words.map((w) => w.toLowerCase())),
  partnerMarkers: new Set(raw.partnerMarkers.words.map((w) => w.toLowerCase())),
  notTopics: new Set(raw.notTopics.words.map((w) => w.toLowerCase())),
  followUpOpeners: raw.followUpOpeners.phrases,
  regionWords: raw.regionWords.words,
  visitWords: raw.visitWords.words,
  visitSentences: raw.visitSentences.phrases,
  extremes: raw.extremes,
  forecastWords: raw.forecastWords.phrases,
  wholeList: raw.wholeList.phrases,
  reasons: raw.reasons,
  money: raw.money.phrases,
  publication: { asking: raw.publication.asking, kinds: lists(raw.publication.kinds) },
  perUnit: raw.perUnit.phrases,
};

/** Every word of every list above: words a question may use to ask, which spelling correction leaves alone. */
export const queryVocabulary: Set<string> = (() => {
  const out = new Set<string>();
  const visit = (value: unknown): void => {
    if (typeof value === "string") for (const w of value.toLowerCase().match(/[\p{L}]+/gu) ?? []) out.add(w);
    else if (Array.isArray(value)) value.forEach(visit);
    else if (value && typeof value === "object")
      for (const [k, v] of Object.entries(value)) if (!k.startsWith("$")) visit(v);
  };
  visit(raw);
  return out;
})();
