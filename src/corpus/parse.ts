// One document → its units, facts and quotable passages. Pure: the same text gives the same result.
import type { Fact, ParsedDocument, Passage, RawDocument, StatementFact } from "../types.js";
import { toBlocks } from "./blocks.js";
import { stripMarkup } from "../text/normalize.js";
import { inspectionDateOf } from "./dates.js";
import { keyQuestions } from "./key-questions.js";
import { toPassages, type SentencePassage } from "./passages.js";
import { quotations } from "./quotations.js";
import { attachScores, reportRatings, sentenceRatings } from "./ratings.js";
import { progressOnPrevious, recommendations } from "./recommendations.js";
import { figuresIn } from "./statements.js";
import { extractUnits, mentionMatcher } from "./units.js";

export interface ParseOptions {
  /** Unit names found across the whole corpus, to split lists like "Derby City and Leicester, …". */
  knownUnitNames?: string[];
}

export function parseDocument(raw: RawDocument, options: ParseOptions = {}): ParsedDocument {
  const { meta, text } = raw;
  const isReport = meta.kind === "inspection report";
  const lines = text.replace(/\r\n?/g, "\n").split("\n").map(stripMarkup);
  const blocks = toBlocks(text, lines, isReport);
  const sentences = toPassages(meta.id, blocks);
  const titleUnit = isReport ? meta.title.replace(/^[^:]*:\s*/, "") : undefined;
  const units = extractUnits(text, titleUnit, options.knownUnitNames, lines);
  const mentionsIn = mentionMatcher(units);
  const { date: inspectionDate, fromPublication } = inspectionDateOf(text, meta);
  const primary = units[0]?.key;

  // Which unit each sentence is about: a report is about its title unit; an article about the unit it last named.
  const firstNamed = sentences.map((s) => mentionsIn(s.text)[0]?.unitKey).find(Boolean);
  let current = firstNamed;
  const unitsOfSentence = new Map<SentencePassage, string[]>();
  for (const s of sentences) {
    const named = [...new Set(mentionsIn(s.text).map((m) => m.unitKey))];
    if (isReport) unitsOfSentence.set(s, [...new Set([primary!, ...named].filter(Boolean))]);
    else {
      unitsOfSentence.set(s, named.length ? named : current ? [current] : []);
      if (named.length) current = named.at(-1);
    }
  }
  const unitOf = (s: SentencePassage) => (isReport ? primary : unitsOfSentence.get(s)?.[0]);
  const unitOfBlock = (block: number) => {
    const s = sentences.find((p) => p.block === block);
    return s ? unitOf(s) : primary;
  };

  const facts: Fact[] = [];
  if (isReport && primary) {
    const tabled = reportRatings(blocks, { docId: meta.id, unitKey: primary, inspectionDate });
    facts.push(...tabled);
    const reportYear = Number(inspectionDate?.slice(0, 4) ?? meta.date?.slice(0, 4));
    // Prose repeats the ratings table, so only earlier inspections count; a report page without the table (a web
    // version of its foreword) states its own ratings in prose.
    const onlyBeforeYear = tabled.length ? reportYear || 1 : undefined;
    facts.push(...sentenceRatings(sentences, { docId: meta.id, inspectionDate, unitOf, mentionsIn, onlyBeforeYear }));
    facts.push(...keyQuestions(blocks, meta.id, primary, inspectionDate));
    facts.push(...recommendations(blocks, meta.id, primary, inspectionDate, (audience) => mentionsIn(audience)[0]?.unitKey));
    facts.push(...progressOnPrevious(blocks, meta.id, primary, inspectionDate));
  } else {
    const ratings = sentenceRatings(sentences, { docId: meta.id, inspectionDate, unitOf, mentionsIn });
    attachScores(ratings, sentences, unitOf, mentionsIn);
    facts.push(...ratings);
  }
  for (const s of sentences) {
    const figures = figuresIn(s.text);
    if (figures.length === 0) continue;
    const statement: StatementFact = {
      type: "statement",
      figures,
      unitKey: unitOf(s) ?? "",
      docId: meta.id,
      quote: s.text,
      section: s.section,
      inspectionDate,
    };
    facts.push(statement);
  }
  facts.push(...quotations(blocks, { docId: meta.id, text: blocks.map((b) => b.text).join("\n"), inspectionDate, unitOf: unitOfBlock }));

  const withFigures = new Set(facts.filter((f) => f.type === "statement").map((f) => f.quote));
  const passages: Passage[] = sentences.map(({ block: _block, ...p }, i) => ({
    ...p,
    unitKeys: unitsOfSentence.get(sentences[i]!) ?? [],
    hasFigures: withFigures.has(p.text),
  }));
  if (fromPublication) for (const f of facts) if (f.inspectionDate === inspectionDate) f.dateFromPublication = true;
  return { meta, text, units, facts, passages, warnings: warningsFor(isReport, units.length, facts) };
}

function warningsFor(isReport: boolean, unitCount: number, facts: Fact[]): string[] {
  const warnings: string[] = [];
  const has = (pred: (f: Fact) => boolean) => facts.some(pred);
  if (unitCount === 0) warnings.push("no probation unit (PDU, region or service) named");
  if (!has((f) => f.type === "rating")) warnings.push("no rating found");
  if (isReport) {
    if (!has((f) => f.type === "rating" && f.standard === "overall" && !!f.score)) warnings.push("no overall score (e.g. 3/21) found");
    if (!has((f) => f.type === "key-question")) warnings.push("no key-question table found");
    if (!has((f) => f.type === "recommendation")) warnings.push("no numbered recommendations found");
  }
  return warnings;
}
