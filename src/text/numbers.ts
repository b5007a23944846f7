// Numbers as people write them: digits with thousands separators, and number words ("thirty-eight", "two").

export const NUMBER_WORDS: Record<string, number> = {
  zero: 0,
  one: 1,
  two: 2,
  three: 3,
  four: 4,
  five: 5,
  six: 6,
  seven: 7,
  eight: 8,
  nine: 9,
  ten: 10,
  eleven: 11,
  twelve: 12,
  thirteen: 13,
  fourteen: 14,
  fifteen: 15,
  sixteen: 16,
  seventeen: 17,
  eighteen: 18,
  nineteen: 19,
  twenty: 20,
  thirty: 30,
  forty: 40,
  fifty: 50,
  sixty: 60,
  seventy: 70,
  eighty: 80,
  ninety: 90,
  hundred: 100,
};

/** The value of one written number: "1,852" → 1852, "43.5" → 43.5, "thirty-eight" → 38, "Five" → 5. */
export function numberValue(word: string): number | undefined {
  const w = word.toLowerCase();
  if (/^\d{1,3}(?:,\d{3})+(?:\.\d+)?$|^\d+(?:\.\d+)?$/.test(w)) return Number(w.replace(/,/g, ""));
  if (w in NUMBER_WORDS) return NUMBER_WORDS[w];
  const [tens, unit] = w.split("-");
  if (
    tens &&
    unit &&
    tens in NUMBER_WORDS &&
    unit in NUMBER_WORDS &&
    NUMBER_WORDS[tens]! >= 20 &&
    NUMBER_WORDS[unit]! < 10
  ) {
    return NUMBER_WORDS[tens]! + NUMBER_WORDS[unit]!;
  }
  return undefined;
}

/** A small whole number in words ("four"), as a sentence states a count it has worked out; larger ones in digits. */
export function numberInWords(n: number): string {
  return Object.entries(NUMBER_WORDS).find(([, v]) => v === n)?.[0] ?? String(n);
}
