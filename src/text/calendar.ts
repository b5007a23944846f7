// Months as documents write them: the one month table, and the dates a sentence mentions.

export const MONTH_NAMES = [
  "January",
  "February",
  "March",
  "April",
  "May",
  "June",
  "July",
  "August",
  "September",
  "October",
  "November",
  "December",
];
const LOWER = MONTH_NAMES.map((m) => m.toLowerCase());

/** 1–12 for a month's name or its abbreviation ("Sept", "oct"), else undefined. */
export function monthNumber(name: string): number | undefined {
  const prefix = name.toLowerCase().slice(0, 3);
  const i = LOWER.findIndex((m) => m.startsWith(prefix));
  return i >= 0 && LOWER[i]!.startsWith(name.toLowerCase().replace(/\.$/, "")) ? i + 1 : undefined;
}

export const isMonthName = (word: string) => LOWER.includes(word.toLowerCase());

const pad = (n: number) => String(n).padStart(2, "0");
const DATE = new RegExp(
  `\\b(?:(\\d{1,2})\\s+)?(${MONTH_NAMES.join("|")})(?:\\s+(\\d{4}))?\\b|(?<![\\d,.])((?:19|20)\\d{2})(?!\\d|,\\d)`,
  "g",
);

/** The rest of a range whose first month has no year of its own: "November [and December 2022]", "March [to June 2024]". */
const RANGE_END = new RegExp(
  `^\\s*(?:and|to|or|until|-|–|—)\\s+(?:\\d{1,2}\\s+)?(?:${MONTH_NAMES.join("|")})\\s+(\\d{4})\\b`,
);

/** What a month written without a year is read against. */
export interface DateContext {
  /** The document's own date (YYYY, YYYY-MM or YYYY-MM-DD): "in November" is the last November up to it. */
  reference?: string;
  /** The sentence tells what is still to come: "from October" is the next October from the reference on. */
  ahead?: boolean;
}

/** The year of a month written without one, from the context; undefined when the context gives no year. */
function yearOfBareMonth(month: number, context: DateContext): string | undefined {
  const ref = context.reference?.match(/^(\d{4})(?:-(\d{2}))?/);
  if (!ref) return undefined;
  const year = Number(ref[1]);
  if (!ref[2]) return String(year);
  const refMonth = Number(ref[2]);
  if (context.ahead) return String(month >= refMonth ? year : year + 1);
  return String(month <= refMonth ? year : year - 1);
}

/**
 * The dates a sentence mentions, as YYYY, YYYY-MM or YYYY-MM-DD ("in March 2025" → "2025-03"); a month with no year
 * takes its year from the context (the document's date), and is left out where there is none.
 */
export function datesIn(sentence: string, context: DateContext = {}): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(DATE)) {
    const [, day, month, written, bareYear] = m;
    if (bareYear) out.push(bareYear);
    else if (month) {
      const number = monthNumber(month)!;
      const year =
        written ?? sentence.slice(m.index + m[0].length).match(RANGE_END)?.[1] ?? yearOfBareMonth(number, context);
      if (year) out.push(`${year}-${pad(number)}${day ? `-${pad(Number(day))}` : ""}`);
    }
  }
  return [...new Set(out)];
}
