// The tuning values of the typed query and the answers built on it, in one place, each with its default and why.

export interface QueryTuning {
  /** Share of a question's words that must be capitalised for it to count as title case or capitals, where a capital says nothing about a name. */
  titleCaseShare: number;
  /** Passages of a speaker's words quoted at most, when they are read from the passages that name the speaker. */
  maxSpokenPassages: number;
  /** Inspection dates listed at most for "when was X inspected?" (one per inspection, latest first). */
  maxInspectionDates: number;
  /** Key questions sharing the highest (or lowest) score listed at most. */
  maxTiedKeyQuestions: number;
}

export const tuning: QueryTuning = {
  titleCaseShare: 0.6,
  maxSpokenPassages: 3,
  maxInspectionDates: 3,
  maxTiedKeyQuestions: 3,
};
