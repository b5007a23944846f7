// One document → annotated sentences (units, period, speaker, quantities) → the facts answers use.
// Pure: the same text gives the same result.
import type { Fact, ParsedDocument, Passage, RawDocument } from "../types.js";
import { toBlocks } from "./blocks.js";
import { stripMarkup } from "../text/normalize.js";
import { inspectionDateOf } from "./dates.js";
import { keyQuestions } from "./key-questions.js";
import { toPassages } from "./passages.js";
import { periodOf } from "./periods.js";
import { quantitiesIn } from "./quantities.js";
import { quotations } from "./quotations.js";
import { toneOf } from "./tone.js";
import { datesIn } from "../text/calendar.js";
import { attachScores, reportRatings, sentenceRatings } from "./ratings.js";
import { progressOnPrevious, recommendations } from "./recommendations.js";
import { coreference } from "./coreference.js";
import { pageVocabulary, phrasesRegExp } from "./page-vocabulary.js";
import { extractUnits, mentionMatcher, namesUsedBy, strongUnitNames, weakUnitNames } from "./units.js";

/** A sentence that tells what is still to come ("will", "plans to"): a month it names without a year lies ahead. */
const FUTURE = phrasesRegExp(pageVocabulary.dating.future);

export interface ParseOptions {
  /** Unit names found across the whole corpus, to split lists like "Derby City and Leicester, …". */
  knownUnitNames?: string[];
}

export type { AnnotatedSentence } from "./passages.js";
import type { AnnotatedSentence } from "./passages.js";

export function parseDocument(raw: RawDocument, options: ParseOptions = {}): ParsedDocument {
  const { meta, text } = raw;
  const isReport = meta.kind === "inspection report";
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map(stripMarkup);
  const blocks = toBlocks(text, lines, isReport);
  const titleUnit = isReport ? meta.title.replace(/^[^:]*:\s*/, "") : undefined;
  const weak = weakUnitNames(text, lines);
  const used = namesUsedBy(weak, options.knownUnitNames ?? []);
  const units = extractUnits(text, titleUnit, used, lines);
  const mentionsIn = mentionMatcher(units);
  const { date: inspectionDate, fromPublication } = inspectionDateOf(text, meta);
  const documentYear = Number((inspectionDate ?? meta.date)?.slice(0, 4)) || undefined;
  const primary = units[0]?.key;

  // Which units each sentence is about: those it names; else, in a report, its title unit, and in an article
  // or press release, the unit it last named (coreference: "the PDU", "it", "the service").
  const about = coreference(units);
  const sentences: AnnotatedSentence[] = toPassages(meta.id, blocks).map((s) => {
    const mentions = mentionsIn(s.text);
    const named = [...new Set(mentions.map((m) => m.unitKey))];
    const resolved = about.resolve(s.text, mentions);
    const unitKeys = isReport ? [...new Set([primary!, ...named].filter(Boolean))] : resolved;
    const quantities = quantitiesIn(s.text);
    const dates = datesIn(s.text, { reference: meta.date ?? inspectionDate, ahead: FUTURE.test(s.text) });
    return {
      ...s,
      unitKeys,
      named,
      period: periodOf(s.text, documentYear),
      quantities,
      dates,
      hasFigures: quantities.length > 0,
      ...toneOf(s.text),
    };
  });
  // An article's opening sentences, before it names a unit, are about the first unit it names.
  const firstNamed = sentences.find((s) => s.named.length)?.named[0];
  if (!isReport && firstNamed) {
    for (const s of sentences) {
      if (s.named.length) break;
      if (s.unitKeys.length === 0) s.unitKeys = [firstNamed];
    }
  }
  const unitOf = (s: AnnotatedSentence) => (isReport ? primary : s.unitKeys[0]);
  // Words said about an inspection are about the unit in view, even where they speak of probation in general.
  const unitOfBlock = unitInView(sentences, firstNamed ?? primary);
  const quotes = quotations(blocks, {
    docId: meta.id,
    text: blocks.map((b) => b.text).join("\n"),
    inspectionDate,
    unitOf: unitOfBlock,
  });
  const speakerOfBlock = new Map<number, string>();
  for (const q of quotes) for (const b of q.blocks ?? []) speakerOfBlock.set(b, q.speaker);
  for (const s of sentences) {
    const speaker = speakerOfBlock.get(s.block);
    if (speaker) s.speaker = speaker;
  }

  const facts: Fact[] = [];
  if (isReport && primary) {
    const tabled = reportRatings(blocks, { docId: meta.id, unitKey: primary, inspectionDate });
    facts.push(...tabled);
    // Prose repeats the ratings table, so only earlier inspections count; a report page without the table (a web
    // version of its foreword) states its own ratings in prose.
    facts.push(
      ...sentenceRatings(sentences, {
        docId: meta.id,
        inspectionDate,
        unitOf,
        mentionsIn,
        onlyEarlierInspections: tabled.length > 0,
      }),
    );
    facts.push(...keyQuestions(blocks, meta.id, primary, inspectionDate));
    facts.push(
      ...recommendations(blocks, meta.id, primary, inspectionDate, (audience) => mentionsIn(audience)[0]?.unitKey),
    );
    facts.push(...progressOnPrevious(blocks, meta.id, primary, inspectionDate));
  } else {
    const ratings = sentenceRatings(sentences, { docId: meta.id, inspectionDate, unitOf, mentionsIn });
    attachScores(ratings, sentences, unitOf, mentionsIn);
    facts.push(...ratings);
  }
  facts.push(...quotes);

  placeUndatedInspection(facts, sentences);
  // A sentence of the same paragraph or list item as the one before it goes on with it.
  const passages: Passage[] = sentences.map(({ block, ...p }, i) =>
    i > 0 && sentences[i - 1]!.block === block ? { ...p, continues: true } : p,
  );
  if (fromPublication) for (const f of facts) if (f.inspectionDate === inspectionDate) f.dateFromPublication = true;
  const corpusNames = { strong: strongUnitNames(text), weak, used };
  return { meta, text, units, facts, passages, warnings: warningsFor(isReport, units.length, facts), corpusNames };
}

/** For each block, the unit its first sentence is about, else the last unit the document was about before it. */
function unitInView(sentences: AnnotatedSentence[], fallback?: string): (block: number) => string | undefined {
  const byBlock = new Map<number, string>();
  let last = fallback;
  for (const s of sentences) {
    if (s.unitKeys[0]) last = s.unitKeys[0];
    if (!byBlock.has(s.block) && last) byBlock.set(s.block, last);
  }
  return (block) => byBlock.get(block) ?? fallback;
}

/**
 * A document that does not date its own inspection but names an earlier one ("previously rated … in 2022") is about
 * an inspection later than that: its own facts say so (`inspectionAfter`), rather than sorting before the earlier one.
 */
function placeUndatedInspection(facts: Fact[], sentences: AnnotatedSentence[]): void {
  const earlierYears = [
    ...sentences.filter((s) => s.period.relation === "previous" && s.period.year).map((s) => s.period.year!),
    ...facts.filter((f) => f.earlier && f.inspectionDate).map((f) => f.inspectionDate!.slice(0, 4)),
  ].sort();
  const after = earlierYears.at(-1);
  if (!after) return;
  for (const f of facts) if (!f.inspectionDate && !f.earlier) f.inspectionAfter = after;
}

function warningsFor(isReport: boolean, unitCount: number, facts: Fact[]): string[] {
  const warnings: string[] = [];
  const has = (pred: (f: Fact) => boolean) => facts.some(pred);
  if (unitCount === 0) warnings.push("no probation unit (PDU, region or service) named");
  if (!has((f) => f.type === "rating")) warnings.push("no rating found");
  if (isReport) {
    if (!has((f) => f.type === "rating" && f.standard === "overall" && !!f.score))
      warnings.push("no overall score (e.g. 3/21) found");
    if (!has((f) => f.type === "key-question")) warnings.push("no key-question table found");
    if (!has((f) => f.type === "recommendation")) warnings.push("no numbered recommendations found");
  }
  return warnings;
}
