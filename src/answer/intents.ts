// Intents as data (intents/intents.json): weighted keyword patterns first, a naive Bayes classifier
// trained on the examples when no keyword decides.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";
import type { Intent } from "../types.js";
import { BayesClassifier } from "../text/natural.js";

const IntentSpecSchema = z.object({
  weight: z.number().default(1),
  needsContext: z.boolean().default(false),
  keywords: z.array(z.string()),
  examples: z.array(z.string()),
});
const IntentsFileSchema = z.object({ intents: z.record(z.string(), IntentSpecSchema) });

const file = fileURLToPath(new URL("../../intents/intents.json", import.meta.url));
const spec = IntentsFileSchema.parse(JSON.parse(readFileSync(file, "utf8"))).intents;

const rules = Object.entries(spec).map(([intent, s]) => ({
  intent: intent as Intent,
  weight: s.weight,
  needsContext: s.needsContext,
  patterns: s.keywords.map((k) => new RegExp(k, "i")),
}));

const classifier = new BayesClassifier();
for (const [intent, s] of Object.entries(spec))
  if (!s.needsContext) for (const e of s.examples) classifier.addDocument(e, intent);
classifier.train();

/** Every word of the intents' examples, so that it is not taken for the name of a unit the corpus lacks. */
export const intentWords: Set<string> = new Set(
  Object.values(spec)
    .flatMap((s) => s.examples)
    .flatMap((t) => t.toLowerCase().split(/[^\p{L}']+/u))
    .filter((w) => w.length > 1),
);

/** Where the intents' keywords stand in a question: the words that ask, as opposed to the topic. */
export function keywordSpans(question: string, intent?: Intent): { start: number; end: number }[] {
  const spans: { start: number; end: number }[] = [];
  for (const r of rules) {
    if (intent && r.intent !== intent) continue;
    for (const p of r.patterns) {
      const global = new RegExp(p.source, "gi");
      for (const m of question.matchAll(global))
        if (m[0].length) spans.push({ start: m.index!, end: m.index! + m[0].length });
    }
  }
  return spans;
}

export interface IntentScores {
  /** Intents whose keywords matched, best first, with their summed weights. */
  matched: { intent: Intent; score: number }[];
}

export function scoreIntents(question: string, inConversation: boolean): IntentScores {
  const matched = rules
    .filter((r) => inConversation || !r.needsContext)
    .map((r) => ({ intent: r.intent, score: r.patterns.filter((p) => p.test(question)).length * r.weight }))
    .filter((r) => r.score > 0)
    .sort((a, b) => b.score - a.score);
  return { matched };
}

/** The classifier's guess among the given intents, for questions no keyword decides. */
export function classifyIntent(question: string, among: Intent[]): Intent {
  const ranked = classifier.getClassifications(question).filter((c) => among.includes(c.label as Intent));
  return (ranked[0]?.label as Intent) ?? among[0]!;
}
