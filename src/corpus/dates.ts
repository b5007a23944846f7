// When a document was published and when its inspection took place, as the document tells it.
// What is not known stays unknown: an undated document keeps only the bound its words give ("later than 2022").
import type { DocumentMeta, SourceEntry } from "../types.js";
import { splitSentences } from "../text/sentences.js";
import { MONTH_NAMES, monthNumber } from "../text/calendar.js";
import { headLines } from "./headline.js";
import { pageVocabulary, phraseSource, phrasesRegExp } from "./page-vocabulary.js";
import { outsideQuotes } from "./publisher.js";

const MONTH = `(${MONTH_NAMES.map((m) => m.toLowerCase()).join("|")}|jan|feb|mar|apr|jun|jul|aug|sep|sept|oct|nov|dec)`;
const FULL_MONTH = `(${MONTH_NAMES.join("|")})`;

const pad = (n: number) => String(n).padStart(2, "0");
const yearMonth = (year: string, month: string) => `${year}-${pad(monthNumber(month)!)}`;

/** How many lines from the top a printed publication date is looked for in (a report's cover is longer). */
const ARTICLE_HEAD_LINES = 30;
const REPORT_HEAD_LINES = 60;

/** The dating fields of a document's metadata, as read from its text. */
export type DocumentDating = Pick<
  DocumentMeta,
  "date" | "dateBasis" | "dateEvidence" | "after" | "afterEvidence" | "recalls" | "before" | "beforeEvidence"
>;

const INSPECTORATE_NAMES = phrasesRegExp(pageVocabulary.inspectorate.names).source;
/** "HM Inspectorate of Probation, May 2025" on a report's cover. */
const COVER_DATE = new RegExp(`(?:${INSPECTORATE_NAMES}),?\\s+${MONTH}\\s+(\\d{4})`, "iu");
const PUBLISHED = phrasesRegExp(pageVocabulary.dating.published).source;
/** "Published: 12 June 2025", "published on 3 March 2024", "Published June 2025". */
const PUBLISHED_DATE = new RegExp(
  `(?:${PUBLISHED})\\s*:?\\s*(?:on\\s+)?(?:(\\d{1,2})(?:st|nd|rd|th)?\\s+)?${MONTH}\\s*,?\\s*(\\d{4})`,
  "iu",
);
/** "12 June 2025", "12th Jun 2025", "June 12, 2025". */
const DAY_MONTH_YEAR = new RegExp(`\\b(\\d{1,2})(?:st|nd|rd|th)?\\s+${MONTH}\\.?,?\\s+(\\d{4})\\b`, "i");
const MONTH_DAY_YEAR = new RegExp(`\\b${MONTH}\\.?\\s+(\\d{1,2})(?:st|nd|rd|th)?,?\\s+(\\d{4})\\b`, "i");
/** A dateline is short ("Thursday 12 June 2025", "10:30, 12 JUN 2025", "Updated June 12, 2025 5:04pm"); a sentence with a date is not one. */
const MAX_DATELINE_WORDS = 8;

function fullDateIn(line: string): { date: string; evidence: string } | undefined {
  const dmy = line.match(DAY_MONTH_YEAR);
  if (dmy) return { date: `${yearMonth(dmy[3]!, dmy[2]!)}-${pad(Number(dmy[1]))}`, evidence: dmy[0] };
  const mdy = line.match(MONTH_DAY_YEAR);
  return mdy ? { date: `${yearMonth(mdy[3]!, mdy[1]!)}-${pad(Number(mdy[2]))}`, evidence: mdy[0] } : undefined;
}
const ISO_DATE_LINE = /^\s*date\s+(\d{4}-\d{2}-\d{2})\b/i;

function printedDate(text: string, isReport: boolean): { date: string; evidence: string } | undefined {
  const lines = headLines(text, isReport ? REPORT_HEAD_LINES : ARTICLE_HEAD_LINES);
  for (const line of lines) {
    const cover = isReport ? line.match(COVER_DATE) : undefined;
    if (cover) return { date: yearMonth(cover[2]!, cover[1]!), evidence: cover[0] };
    const iso = line.match(ISO_DATE_LINE);
    if (iso) return { date: iso[1]!, evidence: iso[0].trim() };
    const published = line.match(PUBLISHED_DATE);
    if (published)
      return {
        date: `${yearMonth(published[3]!, published[2]!)}${published[1] ? `-${pad(Number(published[1]))}` : ""}`,
        evidence: published[0],
      };
    const dateline = line.split(/\s+/).length <= MAX_DATELINE_WORDS ? fullDateIn(line) : undefined;
    if (dateline) return dateline;
  }
  if (!isReport) return undefined;
  const copyright = text.match(/©\s*Crown copyright\s+(\d{4})/i);
  return copyright ? { date: copyright[1]!, evidence: copyright[0] } : undefined;
}

/** An ISO date or /YYYY/MM/ in a link; a year as a path segment or at the end of its slug ("…-pdu-2025"). */
export function dateOfUrl(url: string): string | undefined {
  let path: string;
  try {
    path = new URL(url).pathname;
  } catch {
    return undefined;
  }
  const iso = path.match(/(?<!\d)((?:19|20)\d{2})-(\d{2})-(\d{2})(?!\d)/);
  if (iso) return `${iso[1]}-${iso[2]}-${iso[3]}`;
  const segments = path.match(/\/((?:19|20)\d{2})\/(\d{2})(?:\/(\d{2}))?(?=\/|$)/);
  if (segments) return [segments[1], segments[2], segments[3]].filter(Boolean).join("-");
  const year = path.match(/[/-]((?:19|20)\d{2})(?=\/?$|\/)/);
  return year?.[1];
}

const FUTURE = phrasesRegExp(pageVocabulary.dating.future);
const EARLIER = phrasesRegExp(pageVocabulary.dating.earlier);
/** "from October 2025": the month a coming change starts (the evidence of a month starts with the word before it). */
const FUTURE_START = new RegExp(`^(?:${pageVocabulary.dating.futureStart.map(phraseSource).join("|")})\\s`, "i");
/** A sentence about an inspection or a rating: a year it looks back on is an earlier inspection's. */
const INSPECTION_WORD = /\b(?:inspect\w*|rated|rating)\b/i;
/** "from October 2025": a month and year, with the word before it as evidence. */
const MONTH_YEAR = new RegExp(`(?:[\\p{L}’']+\\s+)?\\b${FULL_MONTH}\\s+((?:19|20)\\d{2})\\b`, "gu");
const YEAR = /(?<![\d£$,.])((?:19|20)\d{2})(?!\d|,\d|\s*(?:%|per\s*cent))/g;

const sentencesOf = (text: string) =>
  text
    .split("\n")
    .map((l) => l.trim())
    .filter(Boolean)
    .flatMap(splitSentences);

/** The later of two dates at their own precision: "2022" is later than "2021-06"; a year covers its months. */
function later(a: string | undefined, b: string): boolean {
  if (!a) return true;
  return endOf(b) > endOf(a);
}

/** The last month a date (YYYY, YYYY-MM or YYYY-MM-DD) can mean, for comparing dates of different precision. */
export function endOf(date: string): string {
  return date.length === 4 ? `${date}-12` : date.slice(0, 7);
}

const NAMES_IN_USE = pageVocabulary.inspectorate.namesInUse.map((n) => ({ ...n, re: phrasesRegExp([n.name]) }));

/** The time a page was written in, from a name of the inspectorate that was in use only for a time. */
function nameInUse(text: string): { after?: string; before?: string; evidence?: string } {
  const own = outsideQuotes(text);
  const used = NAMES_IN_USE.filter((n) => n.re.test(own));
  // A page that uses two names of different times ("formerly Her Majesty's …") is dated by neither.
  if (used.length !== 1) return {};
  const [n] = used;
  return { after: n!.from, before: n!.until, evidence: n!.name };
}

/**
 * What a document's words say of when it was written, without a printed date:
 * - `date`: "published on 12 June 2025", else the year in which what it says is still to come starts ("from October
 *   2025, the Inspectorate will …"), as a year only;
 * - `after`: the latest month it looks back on ("asbestos … in April 2021"), the year of an earlier inspection it
 *   names ("previously rated 'inadequate' in 2022", also kept as `recalls`), or a name of the time it uses;
 * - `before`: the first month of what is still to come ("by March 2027"), or a name of the time it uses.
 */
function textDating(text: string): Omit<DocumentDating, "dateBasis"> {
  let date: string | undefined;
  let dateEvidence: string | undefined;
  let after: string | undefined;
  let afterEvidence: string | undefined;
  let recalls: string | undefined;
  let writtenBefore: string | undefined;
  let writtenBeforeEvidence: string | undefined;
  const published = text.match(PUBLISHED_DATE);
  if (published)
    return {
      date: `${yearMonth(published[3]!, published[2]!)}${published[1] ? `-${pad(Number(published[1]))}` : ""}`,
      dateEvidence: published[0],
    };
  for (const sentence of sentencesOf(text)) {
    const months = [...sentence.matchAll(MONTH_YEAR)];
    if (FUTURE.test(sentence)) {
      for (const m of months) {
        const month = yearMonth(m[2]!, m[1]!);
        if (!writtenBefore || month < writtenBefore) [writtenBefore, writtenBeforeEvidence] = [month, m[0]];
        if (FUTURE_START.test(m[0]) && (!date || m[2]! < date)) [date, dateEvidence] = [m[2]!, m[0]];
      }
      continue;
    }
    for (const m of months) {
      const month = yearMonth(m[2]!, m[1]!);
      if (later(after, month)) [after, afterEvidence] = [month, m[0]];
    }
    if (EARLIER.test(sentence)) {
      for (const m of sentence.matchAll(YEAR)) {
        if (later(after, m[1]!)) [after, afterEvidence] = [m[1]!, sentence];
        if (INSPECTION_WORD.test(sentence) && later(recalls, m[1]!)) recalls = m[1]!;
      }
    }
  }
  const named = nameInUse(text);
  if (named.after && later(after, named.after)) [after, afterEvidence] = [named.after, `it says ${named.evidence}`];
  const [before, beforeEvidence] =
    named.before && (!writtenBefore || named.before < writtenBefore)
      ? [named.before, `it says ${named.evidence}`]
      : [writtenBefore, writtenBeforeEvidence];
  return {
    date,
    dateEvidence,
    after,
    afterEvidence,
    ...(recalls ? { recalls } : {}),
    ...(before ? { before, beforeEvidence } : {}),
  };
}

/** The document's date and where it comes from: sources.json, the page, the link, the words; else a bound, or nothing. */
export function datingOf(text: string, source: SourceEntry, isReport: boolean): DocumentDating {
  if (source.date) return { date: source.date, dateBasis: "given", dateEvidence: "sources.json" };
  const printed = printedDate(text, isReport);
  if (printed) return { date: printed.date, dateBasis: "printed", dateEvidence: printed.evidence };
  const fromUrl = source.url ? dateOfUrl(source.url) : undefined;
  const words = textDating(text);
  const bound = {
    ...(words.after ? { after: words.after, afterEvidence: words.afterEvidence } : {}),
    ...(words.recalls ? { recalls: words.recalls } : {}),
    ...(words.before ? { before: words.before, beforeEvidence: words.beforeEvidence } : {}),
  };
  if (fromUrl) return { date: fromUrl, dateBasis: "url", dateEvidence: source.url };
  if (words.date) return { date: words.date, dateBasis: "text", dateEvidence: words.dateEvidence, ...bound };
  return { dateBasis: "none", ...bound };
}

/**
 * "2025-03" from "Fieldwork started March 2025"; for an article, the month it names with the year of publication,
 * else the month of publication (`fromPublication`).
 */
export function inspectionDateOf(text: string, meta: DocumentMeta): { date?: string; fromPublication?: boolean } {
  const date = explicitInspectionDate(text, meta);
  if (date || meta.kind === "inspection report") return { date: date ?? meta.date };
  const published = meta.date?.match(/^\d{4}(?:-\d{2})?/)?.[0];
  return published ? { date: published, fromPublication: true } : {};
}

function explicitInspectionDate(text: string, meta: DocumentMeta): string | undefined {
  const fieldwork = text.match(
    new RegExp(
      `(?:fieldwork started|beginning(?: \\d{1,2})?|inspected (?:in|during))\\s+${FULL_MONTH}\\s+(\\d{4})`,
      "i",
    ),
  );
  if (fieldwork) return yearMonth(fieldwork[2]!, fieldwork[1]!);
  const published = meta.date?.match(/^(\d{4})(?:-(\d{2}))?/);
  const inspected = text.match(new RegExp(`(?:inspect\\w*|fieldwork)\\b[^.]{0,80}?\\bin ${FULL_MONTH}(?: (\\d{4}))?`));
  if (inspected) {
    const month = monthNumber(inspected[1]!)!;
    if (inspected[2]) return `${inspected[2]}-${pad(month)}`;
    if (published) {
      const pubYear = Number(published[1]);
      const pubMonth = published[2] ? Number(published[2]) : 12;
      return `${month > pubMonth ? pubYear - 1 : pubYear}-${pad(month)}`;
    }
  }
  return undefined;
}

/** A year a sentence pins its fact to ("since the 2022 inspection"), when it differs from the document's. */
export function yearOfSentence(sentence: string): string | undefined {
  const years = sentence.match(/\b(?:19|20)\d{2}\b/g);
  return years && years.length === 1 ? years[0] : undefined;
}
