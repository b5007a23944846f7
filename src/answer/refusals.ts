// Questions the documents cannot answer, decided from the typed query before any handler runs:
// a unit or body they do not cover, the future, a topic outside probation.
import type { Intent } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import type { Query } from "./question.js";
import { bold, unitName, type Reply } from "./reply.js";
import { exampleQuestions, knownUnits, noSuchUnit, notAnswered } from "./handlers/meta.js";
import { asksAboutVisit, asksForecast, isUnitWord, opensAsFollowUp } from "./slots.js";

/** Intents whose answer is about a unit: a name the documents lack makes them unanswerable. */
const UNIT_CENTRIC = new Set<Intent>(["rating", "score", "compare"]);
const META = new Set<Intent>(["followup-source", "followup-why", "help", "sources"]);

/** Words that look like the name of a unit the documents do not cover: unknown words, or names the corpus holds that are no unit. */
export function unitNamesNotCovered(query: Query, intent: Intent): string[] {
  const asksAboutName = opensAsFollowUp(query.text);
  const tokens = query.text.split(/\s+/);
  const nextWord = (name: string) => {
    const at = tokens.findIndex((t) => t.replace(/[^\p{L}'’-]/gu, "") === name);
    return tokens[at + 1]?.replace(/[^\p{L}]/gu, "") ?? "";
  };
  const knownButNoUnit = query.otherNames.filter(
    (name) => !isUnitWord(name) && (isUnitWord(nextWord(name)) || UNIT_CENTRIC.has(intent) || asksAboutName),
  );
  const unknown = query.unknownNames.filter((name) => {
    const capitalised = /^\p{Lu}/u.test(name) && !query.text.startsWith(name) && !query.caseSaysNothing;
    return isUnitWord(nextWord(name)) || (capitalised && name.length > 2) || UNIT_CENTRIC.has(intent) || asksAboutName;
  });
  return [...knownButNoUnit, ...unknown];
}

/** Answer types that, asked of the future, ask what an inspection would find ("when" asks so only of a visit: "when will they next be inspected?", not "by when will the money be spent?"). */
const INSPECTION_OUTCOMES = new Set(["rating", "score", "comparison", "extreme", "person"]);

/**
 * A question about the future that asks for a forecast or what an inspection would find ("what will they be rated
 * next time?", "will it improve?"); not one about what is planned, which the documents may say ("how many officers
 * will be recruited?").
 */
function predictsInspection(query: Query): boolean {
  return asksForecast(query.text) || INSPECTION_OUTCOMES.has(query.answerType) || asksAboutVisit(query.text);
}

/**
 * "What will caseloads be in 2030?": a year after every document, which none of them mentions, has not happened
 * yet. (A plan the documents state for such a year, "by 2028", is answered.)
 */
function asksOfYearToCome(index: CorpusIndex, query: Query): boolean {
  const year = query.year;
  const latest = index.documents.reduce((max, d) => (d.meta.date && d.meta.date > max ? d.meta.date : max), "");
  if (!year || !latest || year <= latest.slice(0, 4)) return false;
  return !index.passages.some((p) => p.dates.some((d) => d.startsWith(year)));
}

/** The refusal a merged query calls for, if any. */
export function refusalOf(
  index: CorpusIndex,
  query: Query,
  intent: Intent,
  uncoveredNames: string[],
): Reply | undefined {
  // A name several units share, and no unit named otherwise (or only the thread's): ask which one is meant.
  if (query.sharedNames.length && (query.unitKeys.length === 0 || query.fromThread.includes("units"))) {
    const { text, unitKeys } = query.sharedNames[0]!;
    const names = unitKeys.map((k) => unitName(index, k));
    return {
      lead: `${bold(text)} names more than one unit in the documents: ${names.map((n) => bold(n)).join(", ")}. Which one do you mean?`,
      suggestions: names.slice(0, 3).map((n) => `${n} rating`),
      answered: false,
      intent: "unknown",
      citations: [],
    };
  }
  if (!query.body.covered) {
    return {
      lead: `The documents are probation inspections, so I have nothing on ${bold(query.body.name)} (a ${query.body.kind}). I hold inspections of: ${knownUnits(index)}.`,
      suggestions: exampleQuestions(index).slice(0, 3),
      answered: false,
      intent: "unknown",
      citations: [],
    };
  }
  if (uncoveredNames.length) return noSuchUnit(index, uncoveredNames);
  if (META.has(intent)) return undefined;
  if ((query.period?.kind === "future" && predictsInspection(query)) || asksOfYearToCome(index, query)) {
    const about = query.unitKeys.length ? ` about ${bold(unitName(index, query.unitKeys[0]!))}` : "";
    return {
      lead: `The documents report inspections that have happened; they can't tell what comes next${about}.`,
      suggestions: exampleQuestions(index).slice(0, 3),
      answered: false,
      intent: "unknown",
      citations: [],
    };
  }
  if (query.offTopic) return notAnswered(index);
  return undefined;
}
