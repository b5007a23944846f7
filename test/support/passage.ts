// A passage as the reader would annotate one sentence of an invented document, for the engine's own functions.
import { quantitiesIn } from "../../src/corpus/quantities.js";
import type { Passage } from "../../src/types.js";

export const passage = (text: string, speaker?: string): Passage => ({
  docId: "d",
  text,
  order: 0,
  unitKeys: [],
  named: [],
  period: { relation: "current" },
  quantities: quantitiesIn(text),
  dates: [],
  hasFigures: quantitiesIn(text).length > 0,
  ...(speaker ? { speaker } : {}),
});
