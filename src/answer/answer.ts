import type { Answer, ThreadContext } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
export interface Turn {
  answer: Answer;
  context: ThreadContext;
}
// placeholder: replaced by the real answering
export function answerQuestion(index: CorpusIndex, text: string, context: ThreadContext = {}): Turn {
  return { answer: { text: "not yet", answered: false, intent: "unknown", citations: [] }, context };
}
