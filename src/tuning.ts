// The engine's ranking weights and thresholds, each with what it does and its default, in one place.
// (Values that shape how a document is read, such as how many words a counted phrase may have, stay beside the
// reader that uses them.)

export interface Tuning {
  bm25: {
    /** Term-frequency saturation: how much a second occurrence of a word in a passage adds. */
    k1: number;
    /** Length normalisation: 0 ignores a passage's length, 1 divides fully by it. */
    b: number;
  };
  retrieval: {
    /** How much more a passage weighs when it has every word of the topic as asked, not only their stems (at most). */
    exactWordBonus: number;
  };
  figures: {
    /** Fit of a quantity that counts the topic's own word ("how many cases" → "50 cases"). */
    ownWord: number;
    /** Fit of a quantity followed closely by the topic's own word ("417 people in prison" for "… in prison"). */
    ownWordNear: number;
    /** Fit of a quantity that counts what a measure asked about counts ("caseload" → "monitors 1,852 people"). */
    measure: number;
    /** Fit of a quantity that counts a synonym of the topic's word. */
    synonym: number;
    /** How many words after a quantity may still say what it is about. */
    nearWords: number;
    /** Breaks ties between quantities of one fit: each more word of the topic around a quantity adds this much. */
    tieBreakPerWord: number;
  };
}

export const TUNING: Tuning = {
  bm25: { k1: 1.2, b: 0.75 },
  retrieval: { exactWordBonus: 0.3 },
  figures: { ownWord: 1, ownWordNear: 0.9, measure: 0.8, synonym: 0.6, nearWords: 4, tieBreakPerWord: 0.01 },
};
