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

/** The dates a sentence mentions, as YYYY, YYYY-MM or YYYY-MM-DD ("in March 2025" → "2025-03"); a month with no year is left out. */
export function datesIn(sentence: string): string[] {
  const out: string[] = [];
  for (const m of sentence.matchAll(DATE)) {
    const [, day, month, year, bareYear] = m;
    if (bareYear) out.push(bareYear);
    else if (month && year) out.push(`${year}-${pad(monthNumber(month)!)}${day ? `-${pad(Number(day))}` : ""}`);
  }
  return [...new Set(out)];
}
