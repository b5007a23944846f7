// Every number a sentence states, with what it counts and its kind: "1,852 people" (count), "43%" (percentage),
// "13 out of 50 cases" (ratio), "£700m" (money), "under two years" (duration). Years, dates, section numbers,
// list numbers and phone numbers are not quantities.
import type { Quantity } from "../types.js";
import { NUMBER_WORDS, numberValue } from "../text/numbers.js";
import { isMonthName } from "../text/calendar.js";
import { lowerSet, readingWords } from "./reading-words.js";

interface Token {
  text: string;
  lower: string;
  start: number;
  end: number;
}

const TOKEN = /£?\d[\d,]*(?:\.\d+)?(?:%|bn|m|k)?(?![\p{L}\d])|[\p{L}][\p{L}'’-]*|[%/]|[^\s\p{L}\d]/gu;
const DURATION = lowerSet(readingWords.durationUnits);
const STOPS = lowerSet(readingWords.countedPhraseStops);
const PERCENT_PHRASES = readingWords.percentWords.map((p) => p.toLowerCase().split(/\s+/));
/** Longest first, so that "out of a possible" is tried before "of". */
const RATIO_PHRASES = [...readingWords.ratioWords]
  .sort((a, b) => b.length - a.length)
  .map((p) => p.toLowerCase().split(/\s+/));
/** "in", "in every": the words between the two numbers of a proportion ("one in three"), longest first. */
const PROPORTION_PHRASES = [...readingWords.proportionWords]
  .sort((a, b) => b.length - a.length)
  .map((p) => p.toLowerCase().split(/\s+/));
/** How many words may stand between a number and "out of" ("2 inspection points out of 27"). */
const MAX_WORDS_BEFORE_RATIO = 3;
/** How many words a counted phrase may have ("community and suspended sentence orders"). */
const MAX_COUNTED_WORDS = 5;

function tokenize(sentence: string): Token[] {
  return [...sentence.matchAll(TOKEN)].map((m) => ({
    text: m[0],
    lower: m[0].toLowerCase(),
    start: m.index!,
    end: m.index! + m[0].length,
  }));
}

interface Written {
  value: number;
  money: boolean;
  percent: boolean;
  scale: number;
}

/** A token that is a number: "1,852", "£700m", "43%", "thirty-eight", "five". "One" and "a" are left out: too often not a count. */
function written(token: Token): Written | undefined {
  const m = token.lower.match(/^(£?)(\d[\d,]*(?:\.\d+)?)(%|bn|m|k)?$/);
  if (m) {
    const value = numberValue(m[2]!);
    if (value === undefined) return undefined;
    const suffix = m[3];
    return {
      value,
      money: m[1] === "£",
      percent: suffix === "%",
      scale: suffix && suffix !== "%" ? readingWords.moneyScales[suffix]! : 1,
    };
  }
  if (token.lower === "one") return undefined;
  const value = numberValue(token.lower);
  return value === undefined ? undefined : { value, money: false, percent: false, scale: 1 };
}

const couldBeNumber = (t: Token) =>
  /^[£\d]/.test(t.text) || t.lower in NUMBER_WORDS || (t.lower.includes("-") && t.lower.split("-")[0]! in NUMBER_WORDS);

const startsWith = (tokens: Token[], at: number, phrase: string[]) =>
  phrase.every((w, k) => tokens[at + k]?.lower === w);

/**
 * "one in three", "1 in 5", "two in every five": a proportion, read as a ratio (one of three), never a count of the
 * second number. "One" counts here, though alone it is too often no number.
 */
function proportionAt(tokens: Token[], i: number): { value: number; total: number; last: number } | undefined {
  const first = tokens[i]!.lower === "one" ? 1 : written(tokens[i]!);
  const value = typeof first === "number" ? first : first && !first.money && !first.percent ? first.value : undefined;
  if (value === undefined) return undefined;
  for (const phrase of PROPORTION_PHRASES) {
    if (!startsWith(tokens, i + 1, phrase)) continue;
    const last = i + 1 + phrase.length;
    const whole = tokens[last] && written(tokens[last]!);
    // "one in 2024" is a year, "1 in 5%" no proportion, and a part is no larger than its whole.
    if (!whole || whole.money || whole.percent || /^(?:19|20)\d{2}$/.test(tokens[last]!.text)) continue;
    if (whole.value > value) return { value, total: whole.value, last };
  }
  return undefined;
}

/** Not a quantity: a year, a day of a month, a section number ("P 2.2", "1.3"), a list number or a code. */
function isNotQuantity(tokens: Token[], i: number, sentence: string): boolean {
  const t = tokens[i]!;
  const prev = tokens[i - 1];
  const next = tokens[i + 1];
  if (/^(?:19|20)\d{2}$/.test(t.text) && !/,/.test(t.text)) return true;
  if ((next && isMonthName(next.lower)) || (prev && isMonthName(prev.lower) && /^\d{1,2}$/.test(t.text))) return true;
  if (/^\d+\.\d/.test(t.text) && prev?.text === "P") return true;
  if (i === 0 && /^\d{1,2}$/.test(t.text) && /^\s*\d{1,2}[.)]\s/.test(sentence)) return true;
  if (/^0\d/.test(t.text) || sentence[t.start - 1] === "-" || sentence[t.end] === "-") return true;
  return false;
}

/** The words after a number that say what it counts, up to a stop word or punctuation: "people", "community and suspended sentence orders". */
function countedPhrase(tokens: Token[], from: number): { words: string[]; end: number } {
  const words: string[] = [];
  let end = from;
  for (let k = from; k < tokens.length && words.length < MAX_COUNTED_WORDS; k++) {
    const t = tokens[k]!;
    if (!/^\p{L}/u.test(t.text)) break;
    if (STOPS.has(t.lower) && !(t.lower === "and" && words.length > 0)) break;
    words.push(t.lower.replace(/['’]s$/, ""));
    end = k + 1;
  }
  // A phrase ends on what is counted, not on a verb after it ("6 out of 21 and rated …", "50 cases reviewed").
  while (
    words.length &&
    (words.at(-1) === "and" || words.at(-1) === "or" || (words.length > 0 && /ed$/.test(words.at(-1)!)))
  ) {
    words.pop();
    end--;
  }
  return { words, end };
}

/** "two-hour" (one token) or "12" + "-month": a number joined by a hyphen to a unit of time. */
function joinedDuration(t: Token, sentence: string, value: number | undefined): Quantity | undefined {
  const [first, unit] = t.text.includes("-") ? t.text.toLowerCase().split("-") : [t.text, undefined];
  const after =
    unit ??
    sentence
      .slice(t.end)
      .match(/^-(\p{L}+)/u)?.[1]
      ?.toLowerCase();
  const n = unit ? numberValue(first!) : value;
  if (n === undefined || !after || !DURATION.has(after)) return undefined;
  const end = unit ? t.end : t.end + after.length + 1;
  return { text: sentence.slice(t.start, end), value: n, kind: "duration", counts: after };
}

/** A cheap first look: most sentences hold no digit and no number word, and need no tokenising. */
const MAY_HOLD_NUMBER = new RegExp(`\\d|\\b(?:${Object.keys(NUMBER_WORDS).join("|")})\\b`, "i");

export function quantitiesIn(sentence: string): Quantity[] {
  if (!MAY_HOLD_NUMBER.test(sentence)) return [];
  const tokens = tokenize(sentence);
  const out: Quantity[] = [];
  const used = new Set<number>();
  for (let i = 0; i < tokens.length; i++) {
    if (used.has(i) || !couldBeNumber(tokens[i]!)) continue;
    const proportion = proportionAt(tokens, i);
    if (proportion) {
      const { words } = countedPhrase(tokens, proportion.last + 1);
      const counted = words.length
        ? tokens.findIndex((t, k) => k > proportion.last && t.lower.replace(/['’]s$/, "") === words.at(-1))
        : -1;
      out.push({
        text: sentence.slice(tokens[i]!.start, tokens[counted > 0 ? counted : proportion.last]!.end),
        value: proportion.value,
        kind: "ratio",
        total: proportion.total,
        ...(words.length ? { counts: words.join(" ") } : {}),
      });
      for (let k = i; k <= proportion.last; k++) used.add(k);
      continue;
    }
    const number = written(tokens[i]!);
    // "A two-hour bus journey", "a 12-month order": a number joined to a unit of time is a duration.
    const joined = joinedDuration(tokens[i]!, sentence, number?.value);
    if (joined) {
      out.push(joined);
      used.add(i);
      continue;
    }
    if (!number || isNotQuantity(tokens, i, sentence)) continue;
    let last = i;
    let kind: Quantity["kind"] = number.money ? "money" : number.percent ? "percent" : "count";
    let value = number.value * number.scale;
    let total: number | undefined;
    let counts: string[] = [];
    // A scale word ("£2.5 million") or a percent phrase ("41 per cent").
    const scaleWord = tokens[i + 1]?.lower;
    if (number.money && scaleWord && scaleWord in readingWords.moneyScales) {
      value = number.value * readingWords.moneyScales[scaleWord]!;
      last = i + 1;
    }
    const percentPhrase =
      PERCENT_PHRASES.find((p) => startsWith(tokens, i + 1, p)) ?? (tokens[i + 1]?.text === "%" ? ["%"] : undefined);
    if (percentPhrase) {
      kind = "percent";
      last = i + percentPhrase.length;
    }
    // "N/M", "N out of M", "N of M", "N inspection points out of a possible M".
    if (kind === "count") {
      if (tokens[i + 1]?.text === "/" && tokens[i + 2] && written(tokens[i + 2]!)) {
        kind = "ratio";
        total = written(tokens[i + 2]!)!.value;
        last = i + 2;
      } else {
        const before = countedPhrase(tokens, i + 1);
        for (let gap = 0; gap <= Math.min(MAX_WORDS_BEFORE_RATIO, before.words.length); gap++) {
          const at = i + 1 + gap;
          const phrase = RATIO_PHRASES.find(
            (p) =>
              startsWith(tokens, at, p) &&
              (gap === 0 || p[0] === "out") &&
              tokens[at + p.length] &&
              written(tokens[at + p.length]!),
          );
          if (!phrase) continue;
          kind = "ratio";
          total = written(tokens[at + phrase.length]!)!.value;
          counts = before.words.slice(0, gap);
          last = at + phrase.length;
          used.add(last);
          break;
        }
      }
    }
    // What it counts: the words after it ("1,852 people", "50 cases looked at"), or after "of" for a percentage.
    if (counts.length === 0) {
      const after = tokens[last + 1]?.lower === "of" && (kind === "percent" || kind === "ratio") ? last + 2 : last + 1;
      const skipThe =
        tokens[after] && /^(?:the|all)$/.test(tokens[after]!.lower) && kind !== "count" ? after + 1 : after;
      const phrase = countedPhrase(tokens, skipThe);
      counts = phrase.words;
      if (kind === "count" && counts.length === 0 && !number.money) {
        // A bare number with nothing counted ("rose to 38.") is still a figure, but says less.
      }
      if (kind === "count" && counts[0] && DURATION.has(counts[0])) kind = "duration";
    }
    const startToken = tokens[i]!;
    const endToken = tokens[Math.max(last, i)]!;
    const countedEnd = counts.length
      ? tokens.findIndex((t, k) => k > last && t.lower.replace(/['’]s$/, "") === counts.at(-1))
      : -1;
    const textEnd =
      countedEnd > 0 && countedEnd - last <= MAX_COUNTED_WORDS + 2 ? tokens[countedEnd]!.end : endToken.end;
    out.push({
      text: sentence.slice(startToken.start, Math.max(textEnd, endToken.end)),
      value,
      kind,
      ...(total !== undefined ? { total } : {}),
      ...(counts.length ? { counts: counts.join(" ") } : {}),
    });
    for (let k = i; k <= last; k++) used.add(k);
  }
  return out;
}
