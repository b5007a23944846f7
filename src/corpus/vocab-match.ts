// Finding the domain's words (ratings, standards, key-question themes) in a text.
import type { RatingValue } from "../types.js";
import { phraseMatcher, vocabulary } from "../vocabulary.js";

export interface Found<T> {
  value: T;
  start: number;
  end: number;
}

function finder<T extends string>(table: Record<string, string[]>): (text: string) => Found<T>[] {
  const res = Object.entries(table).map(([value, patterns]) => ({
    value: value as T,
    re: phraseMatcher(patterns, "gi"),
  }));
  return (text) => {
    const found: Found<T>[] = [];
    for (const { value, re } of res) {
      for (const m of text.matchAll(re)) {
        const start = m.index!;
        const end = start + m[0].length;
        if (!found.some((f) => start < f.end && end > f.start)) found.push({ value, start, end });
      }
    }
    return found.sort((a, b) => a.start - b.start);
  };
}

export const findRatings = finder<RatingValue>(vocabulary.ratings);
export const findStandards = finder<string>(vocabulary.standards);
export const findThemes = finder<string>(vocabulary.keyQuestionThemes);

/** The rating a whole short line states ("Requires Improvement"), if it is nothing but a rating. */
export function ratingOfLine(line: string): RatingValue | undefined {
  const found = findRatings(line.trim());
  return found.length === 1 && found[0]!.start === 0 && found[0]!.end === line.trim().length
    ? found[0]!.value
    : undefined;
}

/** The canonical standard a heading or label names ("P 2.3 Implementation and delivery" → that standard). */
export function standardOfLabel(label: string): string | undefined {
  const found = findStandards(label);
  return found[0]?.value;
}
