// The shapes that cross a boundary: documents → facts and passages → index → answer.
// Data that comes from outside (sources.json, the database, JSON lines) is validated with zod
// where it is read; these are the types the rest of the code works with.
import { z } from "zod";

export const DOCUMENT_KINDS = ["inspection report", "inspectorate press release", "news article"] as const;
/** A press release reads like an article, but its publisher is the inspectorate. */
export type DocumentKind = (typeof DOCUMENT_KINDS)[number];

/**
 * Where a document's date comes from: sources.json or an ingest option ("given"), the page itself ("printed"),
 * its words ("text": "published on 12 June 2025", "from October 2025 … will"), its link ("url"), or nowhere ("none").
 */
export type DateBasis = "given" | "printed" | "text" | "url" | "none";

/** Metadata of one document, inferred from its text and corrected by sources.json. */
export interface DocumentMeta {
  /** File name inside the corpus folder, e.g. "002_7aafd76bf86d53ea.txt". The document's id. */
  id: string;
  /** The page's headline (never cookie, navigation or licence text). */
  title: string;
  /** Who published it; PUBLISHER_UNKNOWN when neither the page nor sources.json says. */
  publisher: string;
  /** ISO date (YYYY-MM-DD, YYYY-MM or YYYY, as precise as known) of publication, when known. */
  date?: string;
  dateBasis: DateBasis;
  /** The words or link the date was read from, e.g. "from October 2025". */
  dateEvidence?: string;
  /**
   * For a document without a date: it is later than this (YYYY or YYYY-MM), from its own words
   * ("previously rated 'inadequate' in 2022", the latest month it looks back on). Other documents can place it
   * further (see src/search/recency.ts).
   */
  after?: string;
  afterEvidence?: string;
  /** The latest earlier inspection it recalls ("previously rated … in 2022"): its own inspection is later, for certain. */
  recalls?: string;
  /** For a document without a date: it is earlier than this (YYYY-MM), e.g. from a name of the time it uses. */
  before?: string;
  beforeEvidence?: string;
  kind: DocumentKind;
  url?: string;
  /** When the document entered the corpus (ISO timestamp): sources.json `added`, else the file's mtime. */
  addedAt: string;
}

/** One entry of the optional `sources.json` in a corpus folder, keyed by file name. */
export const SourceEntrySchema = z.object({
  title: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  date: z
    .string()
    .regex(/^\d{4}-\d{2}(-\d{2})?$/, "date must be YYYY-MM-DD or YYYY-MM")
    .optional(),
  kind: z.enum(DOCUMENT_KINDS).optional(),
  url: z.string().url().optional(),
  added: z.string().optional(),
});
export const SourcesFileSchema = z.record(z.string(), SourceEntrySchema);
export type SourceEntry = z.infer<typeof SourceEntrySchema>;

/** A document as read from disk: its text and metadata. */
export interface RawDocument {
  meta: DocumentMeta;
  text: string;
}

/** A verbatim span of a document: the unit of quoting. */
export interface Passage {
  docId: string;
  /** The text exactly as in the document but for whitespace and markup (**, <b>, #) removed. */
  text: string;
  /** Heading the passage sits under, e.g. "P 2.2. Planning", when the document has one. */
  section?: string;
  /** Position in the document, for ordering. */
  order: number;
  /** The units the passage is about: those it names, else the one the document was last talking about. */
  unitKeys: string[];
  /** True when the passage states figures (counts, percentages, money). */
  hasFigures: boolean;
  /** The units the passage names itself (a subset of unitKeys; the rest come by coreference). */
  named: string[];
  /** The inspection the passage belongs to: the document's own, or an earlier one it places itself in. */
  period: Period;
  /** Who is speaking, for a quotation or reported speech ("Martin Jones, Chief Inspector of Probation"). */
  speaker?: string;
  /** Every number it states, with what it counts. */
  quantities: Quantity[];
  /** The dates it mentions: YYYY, YYYY-MM or YYYY-MM-DD. */
  dates: string[];
  /** Whether it reports a strength or a weakness, where its words lean one way. */
  tone?: "strength" | "weakness";
  /** True when it says what must be done ("managers must tighten oversight", "leaders need to prioritise …"). */
  directive?: boolean;
  /** True when it goes on with the passage before it, in the same paragraph or list item. */
  continues?: boolean;
}

/** A number a sentence states: "1,852 people", "43%", "13 out of 50 cases", "£700m", "two years". */
export interface Quantity {
  /** As written, from the number to what it counts: "13 out of 50 cases". */
  text: string;
  value: number;
  kind: "count" | "percent" | "ratio" | "money" | "duration";
  /** The whole of a ratio: 50 in "13 out of 50 cases". */
  total?: number;
  /** What is counted, lower case: "people", "cases", "community and suspended sentence orders". */
  counts?: string;
}

/**
 * Which inspection a sentence is about. "current": the document's own inspection; "previous": an earlier one
 * ("was previously rated", "at the last inspection", "in 2022" before the document's year), with its year when named.
 */
export interface Period {
  relation: "current" | "previous";
  year?: string;
}

/** A probation delivery unit, region or service named in the documents. */
export interface Unit {
  /** Stable key: lower-case canonical name, e.g. "leicester, leicestershire and rutland". */
  key: string;
  /** Display name, e.g. "Leicester, Leicestershire and Rutland PDU". */
  name: string;
  kind: "pdu" | "region" | "service";
  /** Other ways to refer to it: initials (LLR), the place name alone, names of its parts. */
  aliases: string[];
}

export type RatingValue = "Outstanding" | "Good" | "Requires improvement" | "Inadequate";

/** The standards of a PDU inspection; "overall" for the headline rating. */
export type Standard =
  | "overall"
  | "leadership"
  | "staffing"
  | "services"
  | "assessment"
  | "planning"
  | "implementation and delivery"
  | "reviewing"
  | string; // other standards a report or article names (court work, unpaid work, …)

interface FactBase {
  unitKey: string;
  docId: string;
  /** The verbatim passage the fact was read from. */
  quote: string;
  section?: string;
  /** Date (YYYY, YYYY-MM or YYYY-MM-DD) of the inspection the fact belongs to, when known. */
  inspectionDate?: string;
  /** True when that date is only the article's publication month (the index matches it to the report's inspection). */
  dateFromPublication?: boolean;
  /** True when the fact belongs to an inspection before the document's own ("was previously rated … in 2022"). */
  earlier?: boolean;
  /**
   * For a fact of the document's own inspection when its date is unknown: the latest year (or month) it is known to
   * be later than: an earlier inspection the document names ("previously rated … in 2022"), or what other documents
   * and its metadata say of it (search/recency.ts).
   */
  inspectionAfter?: string;
}

export interface RatingFact extends FactBase {
  type: "rating";
  standard: Standard;
  rating: RatingValue;
  /** "3/21" for an overall rating with a score in a report, "2/27" from "2 inspection points out of 27". */
  score?: string;
  /** The score as the quote words it, when the quote does not write it as N/M ("two inspection points out a possible 27"). */
  scoreText?: string;
}

export interface KeyQuestionFact extends FactBase {
  type: "key-question";
  standard: Standard;
  question: string;
  percentYes: number;
  /** True when this is the question that drives the standard's rating (the bold row). */
  drivesRating: boolean;
}

export interface RecommendationFact extends FactBase {
  type: "recommendation";
  number?: number;
  /** Whom it is for: "Leicester, Leicestershire and Rutland PDU", "HMPPS", … */
  audience: string;
  text: string;
}

export interface ProgressFact extends FactBase {
  type: "progress";
  recommendation: string;
  action: string;
  /** "No progress", "Some progress", "Sufficient progress", "Not known", "N/A". */
  categorisation: string;
}

export interface QuotationFact extends FactBase {
  type: "quotation";
  /** "Martin Jones, chief inspector of probation", "A Ministry of Justice spokesperson", … */
  speaker: string;
  /** The words in quotation marks. */
  words: string;
  /** The document's blocks (paragraphs) the quotation spans: the speaker's line and the quoted words. */
  blocks?: number[];
  /** Reported speech ("the ministry said it was on track …"), not the speaker's own words in quotation marks. */
  reported?: boolean;
  /** Words the speaker wrote and signed (a report's foreword), not words they said. */
  written?: true;
}

export type Fact = RatingFact | KeyQuestionFact | RecommendationFact | ProgressFact | QuotationFact;

/** Everything extracted from one document. */
export interface ParsedDocument {
  meta: DocumentMeta;
  text: string;
  units: Unit[];
  facts: Fact[];
  passages: Passage[];
  /** Things the parser looked for and did not find, for ingest warnings. */
  warnings: string[];
  /** What the parse took from the rest of the corpus, so that a cached parse can be checked against it. */
  corpusNames: CorpusNames;
}

/**
 * A document's part in the corpus-wide name pass: the unit names it gives other documents (`strong`, with a PDU or
 * region suffix), the names of its own that other documents' names may split (`weak`, "Derby City and Leicester"),
 * and the other documents' names it used to split them (`used`). The parse depends on the corpus through `used` only.
 */
export interface CorpusNames {
  strong: string[];
  weak: string[];
  used: string[];
}

/** A source of an answer: a verbatim quote and where it comes from. */
export interface Citation {
  quote: string;
  doc: string;
  title: string;
  publisher: string;
  date?: string;
  url?: string;
  section?: string;
}

export type Intent =
  | "rating"
  | "score"
  | "statistic"
  | "finding"
  | "quotation"
  | "recommendation"
  | "progress"
  | "compare"
  | "sources"
  | "help"
  | "followup-source"
  | "followup-why"
  | "unknown";

/**
 * One run of an answer's lead: plain text (never mrkdwn, never escaped), its emphasis marked here and not by
 * characters in `text`. A "\n" in `text` ends a line. Renderers (src/slack, src/cli) decide how each mark looks.
 */
export interface Span {
  text: string;
  strong?: boolean;
  em?: boolean;
  code?: boolean;
  /** The run is the title of this link. */
  url?: string;
}

export const SpanSchema = z.object({
  text: z.string(),
  strong: z.boolean().optional(),
  em: z.boolean().optional(),
  code: z.boolean().optional(),
  url: z.string().optional(),
});

/** Answered; the unit is known but the documents lack what was asked; or nothing in the documents bears on it. */
export type AnswerStatus = "answered" | "lacking" | "refused";

/**
 * An answer as parts: the engine says what, the renderers (src/slack, src/cli) say how.
 * `text`, `answered`, `intent` and `citations` are the JSON lines interface (../shared/eval reads them).
 */
/** A value an answer states, as its quote gives it: a rating, a score, a figure, a date, a person. */
export interface StatedFact {
  /** "name": a place or an organisation the answer names ("Hinckley", "NACRO"); "cause": what the documents give as the cause. */
  kind: "rating" | "score" | "figure" | "date" | "person" | "name" | "cause";
  value: string;
  /** The unit it is about, when the answer is about one. */
  unitKey?: string;
  /** The inspection it belongs to (YYYY or YYYY-MM), when known. */
  inspection?: string;
}

export interface Answer {
  status: AnswerStatus;
  /** The fact first, as spans. */
  lead: Span[];
  /** The values the lead states, for a reader that wants them without the words. */
  facts: StatedFact[];
  /** Example questions the reply offers ("Try: …"), if any. */
  suggestions: string[];
  /** What a list leaves out, in plain words ("9 more rows not shown: ask for all of them."), if it is cut. */
  more?: string;
  /** Plain text rendered from the parts (markdown-ish: *strong*, `code`, "> " quote lines), unescaped. */
  text: string;
  /** False only when nothing in the documents bears on the question. */
  answered: boolean;
  intent: Intent;
  citations: Citation[];
}

/** What a conversation (a Slack thread, a CLI session) remembers between questions. */
export const ThreadContextSchema = z.object({
  unitKey: z.string().optional(),
  /** The standard or topic last asked about ("planning", "domestic abuse"). */
  topic: z.string().optional(),
  intent: z.string().optional(),
  /** The year the conversation asked about ("LLR rating in 2022"): follow-ups that name no period keep it. */
  period: z.string().optional(),
  /** The year of the inspection the last answer was about: what "then" and "at the time" point back to. */
  answerYear: z.string().optional(),
  /** The documents the last answer quoted: what "then" points back to when no year is known. */
  answerDocs: z.array(z.string()).optional(),
  /** The kind of answer last asked for (rating, quantity, …): a follow-up that asks for none keeps it. */
  answerType: z.string().optional(),
  /** Written by src/answer/answer.ts, read nowhere: to go when the answer module is rewritten. */
  lastQuestion: z.string().optional(),
  lastAnswer: z
    .object({
      text: z.string(),
      lead: z.array(SpanSchema).optional(),
      answered: z.boolean(),
      intent: z.string(),
      citations: z.array(
        z.object({
          quote: z.string(),
          doc: z.string(),
          title: z.string(),
          publisher: z.string(),
          date: z.string().optional(),
          url: z.string().optional(),
          section: z.string().optional(),
        }),
      ),
    })
    .optional(),
});
export type ThreadContext = z.infer<typeof ThreadContextSchema>;

/** The headline of one unit, for the App Home tab and the digest. */
export interface UnitSummary {
  unit: Unit;
  overall?: RatingFact;
  standards: RatingFact[];
  keyQuestions: KeyQuestionFact[];
  /** Date of the latest inspection the headline rating belongs to. */
  inspectionDate?: string;
}
