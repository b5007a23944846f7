// The shapes that cross a boundary: documents → facts and passages → index → answer.
// Data that comes from outside (sources.json, the database, JSON lines) is validated with zod
// where it is read; these are the types the rest of the code works with.
import { z } from "zod";

export type DocumentKind = "inspection report" | "news article";

/** Metadata of one document, inferred from its text and corrected by sources.json. */
export interface DocumentMeta {
  /** File name inside the corpus folder, e.g. "002_7aafd76bf86d53ea.txt". The document's id. */
  id: string;
  title: string;
  publisher: string;
  /** ISO date (YYYY-MM-DD or YYYY-MM) of publication, when known. */
  date?: string;
  kind: DocumentKind;
  url?: string;
  /** When the document entered the corpus (ISO timestamp): sources.json `added`, else the file's mtime. */
  addedAt: string;
}

/** One entry of the optional `sources.json` in a corpus folder, keyed by file name. */
export const SourceEntrySchema = z.object({
  title: z.string().min(1).optional(),
  publisher: z.string().min(1).optional(),
  date: z.string().regex(/^\d{4}-\d{2}(-\d{2})?$/, "date must be YYYY-MM-DD or YYYY-MM").optional(),
  kind: z.enum(["inspection report", "news article"]).optional(),
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

export interface StatementFact extends FactBase {
  type: "statement";
  /** The figures the statement holds, as written: "45", "18 out of 26", "28 per cent", "£700m". */
  figures: string[];
}

export interface QuotationFact extends FactBase {
  type: "quotation";
  /** "Martin Jones, chief inspector of probation", "A Ministry of Justice spokesperson", … */
  speaker: string;
  /** The words in quotation marks. */
  words: string;
}

export type Fact =
  | RatingFact
  | KeyQuestionFact
  | RecommendationFact
  | ProgressFact
  | StatementFact
  | QuotationFact;

/** Everything extracted from one document. */
export interface ParsedDocument {
  meta: DocumentMeta;
  text: string;
  units: Unit[];
  facts: Fact[];
  passages: Passage[];
  /** Things the parser looked for and did not find, for ingest warnings. */
  warnings: string[];
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

export interface Answer {
  /** Slack mrkdwn. Any user text in it is escaped so that it never becomes a live mention. */
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
  lastQuestion: z.string().optional(),
  lastAnswer: z
    .object({
      text: z.string(),
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
