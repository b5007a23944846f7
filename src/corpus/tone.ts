// Whether a sentence reports a strength or a weakness, and whether it says what must be done: the cue words of each side (intents/reading.json) counted;
// the side with more wins, a tie is neither. Lets "weaknesses at X" be answered from prose with no such heading.
import { readingWords } from "./reading-words.js";

/** Cues one side needs beyond the other's before a sentence leans that way. */
const TONE_MARGIN = 1;

interface Cues {
  words: Set<string>;
  phrases: string[];
}
const cues = (list: string[]): Cues => ({
  words: new Set(list.filter((w) => !w.includes(" ")).map((w) => w.toLowerCase())),
  phrases: list.filter((w) => w.includes(" ")).map((w) => ` ${w.toLowerCase()} `),
});
const STRENGTH = cues(readingWords.strengthWords);
const WEAKNESS = cues(readingWords.weaknessWords);
const DIRECTIVE = cues(readingWords.directiveWords);
const DIRECTIVE_HEADS = new Set(readingWords.directiveHeads);
const COMPARATIVES = new Set(readingWords.comparatives);

/** "Practitioners need clearer guidance": a need of something more, said as what must be done. */
const asksForMore = (words: string[]) =>
  words.some((w, i) => DIRECTIVE_HEADS.has(w) && COMPARATIVES.has(words[i + 1] ?? ""));

function count(words: string[], joined: string, side: Cues): number {
  let n = 0;
  for (const w of words) if (side.words.has(w)) n++;
  for (const p of side.phrases) if (joined.includes(p)) n++;
  return n;
}

export interface Tone {
  tone?: "strength" | "weakness";
  /** The sentence says what must be done. */
  directive?: true;
}

export function toneOf(sentence: string): Tone {
  const words = sentence.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const joined = ` ${words.join(" ")} `;
  const balance = count(words, joined, STRENGTH) - count(words, joined, WEAKNESS);
  const tone = balance >= TONE_MARGIN ? "strength" : -balance >= TONE_MARGIN ? "weakness" : undefined;
  const directive = count(words, joined, DIRECTIVE) > 0 || asksForMore(words);
  return { ...(tone ? { tone } : {}), ...(directive ? { directive: true } : {}) };
}
