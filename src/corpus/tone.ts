// Whether a sentence reports a strength or a weakness: the cue words of each side (intents/reading.json) counted;
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

function count(words: string[], joined: string, side: Cues): number {
  let n = 0;
  for (const w of words) if (side.words.has(w)) n++;
  for (const p of side.phrases) if (joined.includes(p)) n++;
  return n;
}

export function toneOf(sentence: string): "strength" | "weakness" | undefined {
  const words = sentence.toLowerCase().match(/[\p{L}][\p{L}'’-]*/gu) ?? [];
  const joined = ` ${words.join(" ")} `;
  const balance = count(words, joined, STRENGTH) - count(words, joined, WEAKNESS);
  if (balance >= TONE_MARGIN) return "strength";
  if (-balance >= TONE_MARGIN) return "weakness";
  return undefined;
}
