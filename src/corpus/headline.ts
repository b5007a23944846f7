// The top of a page: which lines are page furniture (cookie banners, navigation, licence text, addresses)
// and which line is the headline.
import { stripMarkup } from "../text/normalize.js";
import { pageVocabulary, phraseSource, phrasesRegExp } from "./page-vocabulary.js";
import { MONTH_NAMES } from "../text/calendar.js";

/** How many lines from the top the headline is looked for in. */
const HEAD_LINES = 40;
/** A headline has at least this many words; shorter lines at the top are labels and navigation. */
const MIN_HEADLINE_WORDS = 3;
/** Longer than this, a first line is a paragraph: its first sentence is the title. */
const MAX_TITLE_CHARS = 120;
/** Address lines and labels are short. */
const MAX_ADDRESS_WORDS = 5;

const CHROME_PHRASE = phrasesRegExp(pageVocabulary.pageChrome.phrases);
const CHROME_LINES = new Set(pageVocabulary.pageChrome.lines.map((l) => l.toLowerCase()));
/** Bylines are short: "By Priya Nand, Local Democracy Reporter". */
const MAX_BYLINE_WORDS = 8;
const BYLINE = new RegExp(`^(?:${pageVocabulary.pageChrome.bylines.map(phraseSource).join("|")})\\s+(\\p{L})`, "iu");
const isByline = (line: string) => {
  const name = line.match(BYLINE)?.[1];
  return !!name && name === name.toUpperCase() && wordCount(line) <= MAX_BYLINE_WORDS;
};
/** A site's own name as a line of its own is its header, not a headline. */
const SITE_NAMES = new Set(
  [...pageVocabulary.inspectorate.names, ...pageVocabulary.outlets.flatMap((o) => [o.name, ...o.masthead])].map((n) =>
    n.toLowerCase().replace(/[’]/g, "'"),
  ),
);
const URL_OR_EMAIL = /\bhttps?:\/\/\S+|\bwww\.\S+|\S+@\S+\.\w+/i;
/** A UK postcode ("TW9 4DU"): a line with one is an address. */
const POSTCODE = /\b[A-Z]{1,2}\d[A-Z\d]?\s*\d[A-Z]{2}\b/;
const MONTH_ALTERNATIVES = MONTH_NAMES.join("|").toLowerCase();
/** A line that is only a date ("Thursday 12 June 2025", "date 2023-02-09", "12/06/2025"). */
const DATE_ONLY = new RegExp(
  `^(?:date\\s+)?(?:(?:mon|tues|wednes|thurs|fri|satur|sun)day,?\\s+)?(?:\\d{1,2}(?:st|nd|rd|th)?\\s+(?:${MONTH_ALTERNATIVES})(?:\\s+\\d{4})?|(?:${MONTH_ALTERNATIVES})\\s+\\d{1,2},?\\s+\\d{4}|(?:${MONTH_ALTERNATIVES})\\s+\\d{4}|\\d{4}-\\d{2}-\\d{2}|\\d{1,2}/\\d{1,2}/\\d{4})$`,
  "i",
);

const wordCount = (line: string) => line.split(/\s+/).filter(Boolean).length;

/** The first `count` non-empty lines, markup removed. */
export function headLines(text: string, count = HEAD_LINES): string[] {
  if (last.text === text && last.count >= count) return last.lines.slice(0, count);
  // Line by line from the top: splitting a long report whole would be slow.
  const lines: string[] = [];
  for (let start = 0; start < text.length && lines.length < count; ) {
    const end = text.indexOf("\n", start);
    const line = stripMarkup(text.slice(start, end < 0 ? text.length : end));
    if (line) lines.push(line);
    start = end < 0 ? text.length : end + 1;
  }
  last = { text, count, lines };
  return lines.slice(0, count);
}
/** The last document's head: metadata reads it several times. */
let last: { text: string; count: number; lines: string[] } = { text: "", count: 0, lines: [] };

/** True when a line at the top of a page is furniture, not content: never a headline. */
export function isPageChrome(line: string): boolean {
  const bare = line.trim().replace(/[:.\s]+$/, "");
  const lower = bare.toLowerCase().replace(/[’]/g, "'");
  if (!bare || CHROME_LINES.has(lower) || SITE_NAMES.has(lower)) return true;
  if (CHROME_PHRASE.test(bare)) return true;
  if (isByline(bare)) return true;
  // A breadcrumb: "Home > News > Press releases".
  if (/^home\s*[>›»|/]/i.test(bare)) return true;
  if (DATE_ONLY.test(bare) || /^published\b[\s:]*\S*\s*\S*\s*\d{0,4}$/i.test(bare)) return true;
  // Labels ("To view this licence, visit:"), links, e-mail addresses, postal addresses.
  if (/:$/.test(line.trim())) return true;
  if (URL_OR_EMAIL.test(bare) && wordCount(bare) <= 8) return true;
  if (wordCount(bare) <= MAX_ADDRESS_WORDS && (/,$/.test(line.trim()) || POSTCODE.test(bare))) return true;
  return false;
}

const SITE_SUFFIX = new RegExp(`\\s+[|\\-–—]\\s+(?:${[...SITE_NAMES, "gov.uk"].map(phraseSource).join("|")})$`, "iu");
/** "Probation service rated inadequate - BBC News" → the headline without the site's name after it (or `siteName`'s). */
export function withoutSiteName(line: string, siteName?: string): string {
  const own = siteName ? new RegExp(`\\s+[|\\-–—]\\s+${phraseSource(siteName)}$`, "iu") : undefined;
  return (own ? line.replace(own, "") : line).replace(SITE_SUFFIX, "").trim();
}

/** "date 2023-02-09 Leicester … 'inadequate'" → the headline without its date. */
const withoutDatePrefix = (line: string) => line.replace(/^\s*date\s+\d{4}-\d{2}-\d{2}\s*/i, "").trim();

/** The page's headline: its first line that is not furniture; a long first line (a paragraph) gives its first sentence. */
export function headlineOf(text: string): string | undefined {
  const lines = headLines(text).map(withoutDatePrefix);
  const line =
    lines.find((l) => !isPageChrome(l) && wordCount(l) >= MIN_HEADLINE_WORDS) ?? lines.find((l) => !isPageChrome(l));
  if (!line) return undefined;
  const title = withoutSiteName(line);
  const sentence = title.match(/^.{20,}?[.!?](?=\s|$)/)?.[0] ?? title;
  if (sentence.length <= MAX_TITLE_CHARS) return sentence;
  return `${sentence.slice(0, MAX_TITLE_CHARS - 3).replace(/\s+\S*$/, "")}…`;
}

const REPORT_TITLE = new RegExp(`^(?:${pageVocabulary.inspectorate.reportTitles.map(phraseSource).join("|")})\\b`, "i");
/** "An inspection of X has found …" is a headline about a report, not a report's title. */
const TITLE_VERB = phrasesRegExp(pageVocabulary.inspectorate.reportTitleVerbs);
const isReportTitle = (line: string) => REPORT_TITLE.test(line) && !TITLE_VERB.test(line) && !/[.!?]$/.test(line);

/** "An inspection of probation services in: X PDU": the report's title line, with the name line after a colon. */
export function reportTitleOf(text: string): string | undefined {
  const lines = headLines(text);
  const i = lines.findIndex(isReportTitle);
  if (i < 0) return undefined;
  const first = lines[i]!;
  if (!first.endsWith(":")) return first;
  const name = lines[i + 1];
  return name ? `${first} ${name}` : first;
}

const REPORT_SECTION = new RegExp(
  `^(?:${pageVocabulary.inspectorate.reportSections.map(phraseSource).join("|")})\\b`,
  "i",
);
/** A report's section heading at the top of a page ("Foreword (Back to top)", "Contents"): short, and nothing else. */
export function hasReportSection(text: string): boolean {
  return headLines(text).some((l) => REPORT_SECTION.test(l) && wordCount(l) <= 4);
}
