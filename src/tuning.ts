// The engine's weights and thresholds (the query, the ranking, the figures), each with what it does and its default, in one place.
// (Values that shape how a document is read, such as how many words a counted phrase may have, stay beside the
// reader that uses them.)

export interface Tuning {
  query: {
    /** Share of a question's words that must be capitalised for it to count as title case or capitals, where a capital says nothing about a name. */
    titleCaseShare: number;
    /** Passages of a speaker's words quoted at most, when they are read from the passages that name the speaker. */
    maxSpokenPassages: number;
    /** Inspection dates listed at most for "when was X inspected?" (one per inspection, latest first). */
    maxInspectionDates: number;
    /** Key questions sharing the highest (or lowest) score listed at most. */
    maxTiedKeyQuestions: number;
  };
  bm25: {
    /** Term-frequency saturation: how much a second occurrence of a word in a passage adds. */
    k1: number;
    /** Length normalisation: 0 ignores a passage's length, 1 divides fully by it. */
    b: number;
  };
  retrieval: {
    /** How much more a passage weighs when it has every word of the topic as asked, not only their stems (at most). */
    exactWordBonus: number;
    /** Weight of a synonym of a topic word (the word itself weighs 1). */
    synonymWeight: number;
    /** Weight of a word too common in the domain to carry a topic ("inspection", "report"). */
    weakTermWeight: number;
    /** Most a topic word's group counts as covered when only synonyms of it are found. */
    synonymCoverMax: number;
    /** How many of the best BM25 hits are weighed further (coverage, year). */
    candidates: number;
    /** A passage's score is its BM25 score times (this + the share of the topic it covers). */
    coverageBase: number;
    /** Passages of the inspection year asked weigh this much more. */
    yearBoost: number;
    /** A topic of at most this many words needs `shortTopicCoverage` of them; a longer one `longTopicCoverage`. */
    shortTopicWords: number;
    shortTopicCoverage: number;
    longTopicCoverage: number;
    /** For figures, a topic of at least `lenientTopicWords` words needs only `lenientCoverage` (the sentence names less). */
    lenientTopicWords: number;
    lenientCoverage: number;
    /** Hits kept beside the best: those covering at least this share of what the best covers. */
    keepBesideBest: number;
    /** Two passages sharing more than this share of their words are one passage said twice. */
    nearRepeat: number;
    /** Quotes shown beside the best: those scoring at least this share of its score (unless a handler says otherwise). */
    minScoreBesideBest: number;
  };
  answers: {
    /** Quotes shown under an answer at most. */
    quotes: number;
    /** Passages a search returns for each kind of answer. */
    searchLimit: { findings: number; figures: number; recommendations: number; sources: number };
    /** Quotes shown beside the best: those scoring at least this share of its score, per kind of answer. */
    besideBest: { findings: number; figures: number; recommendations: number; sources: number };
    /** Recommendations (or progress rows) listed beside the best on the topic: those scoring at least this share of it. */
    recommendationsBesideBest: number;
    progressBesideBest: number;
    /** A unit's sentence that counts what a measure counts, without the question's words, starts at this share of the best hit's score. */
    measureHitShare: number;
    /** A finding quoted on its own (a unit's key finding, a digest's finding of the day) is at least/at most this many characters. */
    findingMinChars: number;
    findingMaxChars: number;
    digestFindingMinChars: number;
    /** A passage is quoted with the rest of its paragraph or list item when that is at most this many characters. */
    paragraphMaxChars: number;
    /** Names stated first for a "which …"/"where …" question: read from this many of the best quotes, at most this many. */
    namesFromQuotes: number;
    namesStated: number;
    /** A name or date answers a "who"/"when" question when the question's words stand within this many words of it. */
    nameWindow: number;
    /** Why a rating was given: weights of the standard asked, the rating's own name, words that give a cause, and words of strength (a good rating) or weakness (a poor one). */
    reasonWeights: { topic: number; rating: number; cause: number; tone: number };
    /** Units answered at most when a question names several ("compare the caseloads of X and Y"). */
    unitsPerAnswer: number;
    /** Quotes under an answer about several units or standards at most. */
    combinedQuotes: number;
    /** Standards answered at most when a question names several ("compare planning and reviewing"). */
    standardsPerAnswer: number;
    /** Items of a list shown when the question does not ask for all of them; the answer says how many it leaves out. */
    listShown: { keyQuestions: number; recommendations: number; progress: number; units: number };
    /** Items of a list shown at most when the question asks for all of them ("all the recommendations", "the rest"). */
    wholeList: number;
  };
  units: {
    /** fuse.js threshold for a misspelt unit name, and the best score accepted (lower is closer). */
    fuzzyThreshold: number;
    fuzzyAccept: number;
    /** A misspelt name may differ in length from the name by at most this many characters. */
    fuzzyLengthSlack: number;
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
    /** The words after a quantity, up to the next quantity, that count as its own clause for breaking ties, at most. */
    clauseWords: number;
  };
}

export const TUNING: Tuning = {
  query: { titleCaseShare: 0.6, maxSpokenPassages: 3, maxInspectionDates: 3, maxTiedKeyQuestions: 3 },
  bm25: { k1: 1.2, b: 0.75 },
  retrieval: {
    exactWordBonus: 0.3,
    synonymWeight: 0.6,
    weakTermWeight: 0.3,
    synonymCoverMax: 0.6,
    candidates: 300,
    coverageBase: 0.5,
    yearBoost: 1.5,
    shortTopicWords: 2,
    shortTopicCoverage: 0.5,
    longTopicCoverage: 0.6,
    lenientTopicWords: 4,
    lenientCoverage: 0.5,
    keepBesideBest: 0.75,
    nearRepeat: 0.7,
    minScoreBesideBest: 0.5,
  },
  answers: {
    quotes: 3,
    searchLimit: { findings: 15, figures: 12, recommendations: 10, sources: 20 },
    besideBest: { findings: 0.5, figures: 0.6, recommendations: 0.3, sources: 0.2 },
    recommendationsBesideBest: 0.75,
    progressBesideBest: 0.8,
    measureHitShare: 0.5,
    findingMinChars: 60,
    findingMaxChars: 400,
    digestFindingMinChars: 80,
    paragraphMaxChars: 450,
    standardsPerAnswer: 4,
    combinedQuotes: 4,
    unitsPerAnswer: 3,
    reasonWeights: { topic: 3, rating: 1, cause: 1.5, tone: 1 },
    namesFromQuotes: 3,
    namesStated: 8,
    nameWindow: 3,
    // units: the units a rating overview lists ("which units are inadequate?"), each with its quote; a thousand
    // documents rate hundreds alike, and listing them all took 0.1 s and a reply of 0.6 MB.
    listShown: { keyQuestions: 3, recommendations: 6, progress: 3, units: 10 },
    wholeList: 25,
  },
  units: { fuzzyThreshold: 0.3, fuzzyAccept: 0.25, fuzzyLengthSlack: 3 },
  figures: {
    ownWord: 1,
    ownWordNear: 0.9,
    measure: 0.8,
    synonym: 0.6,
    nearWords: 4,
    tieBreakPerWord: 0.01,
    clauseWords: 12,
  },
};
