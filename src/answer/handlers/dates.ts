// "When was Derby inspected?": the inspection dates of a unit, each as a quote states it, latest first.
import type { Citation } from "../../types.js";
import type { CorpusIndex } from "../../search/index.js";
import { cite, uniqueCitations } from "../cite.js";
import { passagesOf } from "../retrieve.js";
import { bold, cutList, unitName, type HandlerInput, type Reply } from "../reply.js";
import { ratingsOf } from "../facts.js";
import { phraseMatcher, queryWords } from "../phrases.js";
import { TUNING } from "../../tuning.js";

const MONTH = "(?:January|February|March|April|May|June|July|August|September|October|November|December)";
/** A date as reports and articles write one: "17 March 2025", "November and December 2022", "March 2025", "November", "2022". */
const DATE_PHRASE = new RegExp(
  `(?:\\b\\d{1,2}\\s+)?${MONTH}(?:\\s+(?:and|to|-|–)\\s+${MONTH})?(?:\\s+\\d{4})?|\\b(?:19|20)\\d{2}\\b`,
);
/** A sentence about when inspectors were there. */
const aboutVisit = phraseMatcher(queryWords.visitSentences);

interface Dated {
  citation: Citation;
  phrase: string;
  /** YYYY or YYYY-MM of the date, for ordering and telling inspections apart. */
  key: string;
}

const MONTHS = [
  "january",
  "february",
  "march",
  "april",
  "may",
  "june",
  "july",
  "august",
  "september",
  "october",
  "november",
  "december",
];

/** "17 March 2025" → "2025-03"; "November" with the document's year when the phrase has none. */
function keyOf(phrase: string, fallbackYear: string | undefined): string {
  const year = phrase.match(/\d{4}/)?.[0] ?? fallbackYear ?? "";
  const month = MONTHS.findIndex((m) => phrase.toLowerCase().includes(m));
  return month >= 0 && year ? `${year}-${String(month + 1).padStart(2, "0")}` : year;
}

function datesOf(index: CorpusIndex, unitKey: string): Dated[] {
  const yearOfRatings = new Map(ratingsOf(index, unitKey).map((f) => [f.docId, f.inspectionDate?.slice(0, 4)]));
  const found: Dated[] = [];
  for (const i of passagesOf(index, [unitKey])) {
    const p = index.passages[i]!;
    if (!p.unitKeys.includes(unitKey) || aboutVisit(p.text).length === 0) continue;
    const phrase = p.text.match(DATE_PHRASE)?.[0];
    if (!phrase) continue;
    const citation = cite(index, p.docId, p.text, p.section);
    if (citation) found.push({ citation, phrase, key: keyOf(phrase, yearOfRatings.get(p.docId)) });
  }
  // One line per inspection: the most precise phrase of each month (or year), latest first.
  const byKey = new Map<string, Dated>();
  for (const d of found) {
    const had = byKey.get(d.key);
    if (!had || d.phrase.length > had.phrase.length) byKey.set(d.key, d);
  }
  // A month whose year neither the sentence nor its document gives cannot be placed among the others.
  const placed = [...byKey.values()].filter((d) => d.key);
  return (placed.length ? placed : [...byKey.values()]).sort((a, b) => b.key.localeCompare(a.key));
}

/** The inspection dates of the unit, or undefined when no sentence of its documents gives one. */
export function answerInspectionDate(input: HandlerInput): Reply | undefined {
  const { index, unitKeys, query } = input;
  const unitKey = unitKeys[0]!;
  const name = unitName(index, unitKey);
  // The sentence gives the date, whichever document it stands in: the period picks among the dates, not the documents.
  const all = datesOf(index, unitKey);
  // "When was it last inspected?": the latest only; "the previous inspection": the one before it; a year: that year's.
  const kind = query.period?.kind;
  const asked =
    kind === "latest"
      ? all.slice(0, 1)
      : kind === "previous"
        ? all.slice(1, 2)
        : query.year
          ? all.filter((d) => d.key.startsWith(query.year!))
          : all;
  if (asked.length === 0) return undefined;
  const { items: dates, more } = cutList(asked, query, TUNING.query.maxInspectionDates, [
    "earlier inspection date",
    "earlier inspection dates",
  ]);
  const [latest, ...earlier] = dates;
  const lines = earlier.map((d) => `Also: ${bold(d.phrase)}.`);
  return {
    lead: [
      `${bold(name)}: inspected ${bold(latest!.phrase)}${earlier.length ? " (the latest the documents give)" : ""}.`,
      ...lines,
    ].join("\n"),
    facts: dates.map((d) => ({
      kind: "date" as const,
      value: d.phrase,
      unitKey,
      ...(d.key ? { inspection: d.key } : {}),
    })),
    ...(more ? { more } : {}),
    answered: true,
    intent: "rating",
    citations: uniqueCitations(dates.map((d) => d.citation)),
    remember: { unitKey, answerYear: latest!.key.slice(0, 4) || undefined },
  };
}
