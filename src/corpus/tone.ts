// Whether a sentence reports a strength or a weakness: the cue words of each side (intents/reading.json) counted;
// the side with more wins, a tie is neither. Lets "weaknesses at X" be answered from prose with no such heading.
import { phraseMatcher, readingWords } from "./reading-words.js";

const STRENGTH = phraseMatcher(readingWords.strengthWords);
const WEAKNESS = phraseMatcher(readingWords.weaknessWords);
/** Cues one side needs beyond the other's before a sentence leans that way. */
const TONE_MARGIN = 1;

export function toneOf(sentence: string): "strength" | "weakness" | undefined {
  const strengths = sentence.match(STRENGTH)?.length ?? 0;
  const weaknesses = sentence.match(WEAKNESS)?.length ?? 0;
  if (strengths - weaknesses >= TONE_MARGIN) return "strength";
  if (weaknesses - strengths >= TONE_MARGIN) return "weakness";
  return undefined;
}
