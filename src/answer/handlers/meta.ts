// Help, the list of sources, follow-ups on the last answer, and honest "I don't have that" replies.
import type { Citation, RatingFact } from "../../types.js";
import type { CorpusIndex } from "../../search/index.js";
import { link, markedOf } from "../spans.js";
import { bold, displayDate, unitName, unitOf, type Handler, type Reply } from "../reply.js";
import { ratingsOf } from "../facts.js";
import { undatedLabel } from "../../corpus/metadata.js";
import { DOCUMENTS_PER_STEP, ITEMS_PER_STEP, perIndex } from "../per-index.js";

const examplesOf = perIndex(function* (index) {
  yield;
  return examplesFrom(index);
});
/** Example questions drawn from what the corpus holds (worked out once per index). */
export function exampleQuestions(index: CorpusIndex): string[] {
  return [...examplesOf(index)];
}

function examplesFrom(index: CorpusIndex): string[] {
  const rated = index.units.filter((u) => index.factsByUnit.get(u.key)?.some((f) => f.type === "rating"));
  const shortName = (key: string) => {
    const u = unitOf(index, key)!;
    return u.aliases.find((a) => /^[A-Z]{2,5}$/.test(a)) ?? u.name;
  };
  const first = rated[0]?.key;
  const second = rated[1]?.key;
  const examples = [
    first && `${shortName(first)} rating`,
    first && `${shortName(first)} planning rating`,
    first && `${shortName(first)} recommendations`,
    second && `compare ${shortName(first!)} and ${shortName(second)}`,
    "what did inspectors find about domestic abuse",
    "sources",
  ];
  return examples.filter((e): e is string => !!e);
}

/** The names of the units the corpus rates, as one list. */
export const knownUnits = perIndex(function* (index) {
  const rated: string[] = [];
  for (let i = 0; i < index.units.length; i++) {
    if (i % ITEMS_PER_STEP === 0) yield;
    if (ratingsOf(index, index.units[i]!.key).length > 0) rated.push(index.units[i]!.name);
  }
  return rated.join(", ");
});

export const answerHelp = ({ index }: { index: CorpusIndex }): Reply => ({
  lead:
    `I brief you on HM Inspectorate of Probation inspections, quoting the reports and articles I hold (${index.documents.length} documents).\n` +
    `Units covered: ${knownUnits(index)}.\n` +
    `Ask about a rating or score, a standard (leadership, staffing, services, assessment, planning, implementation and delivery, reviewing), figures, findings on a topic, who said what, recommendations, progress on previous recommendations, or compare units and inspections. Then ask on in the thread: "and planning?", "what about another unit?", "source?", "why?".`,
  suggestions: exampleQuestions(index),
  answered: true,
  intent: "help",
  citations: [],
});

function contributes(index: CorpusIndex, docId: string): string {
  const facts = index.factsByDoc.get(docId) ?? [];
  const ratings = facts.filter((f): f is RatingFact => f.type === "rating");
  const parts: string[] = [];
  const units = [...new Set(ratings.map((r) => unitName(index, r.unitKey)))];
  if (ratings.length) parts.push(`ratings of ${units.join(", ")}`);
  const figures = index.docsById.get(docId)?.passages.filter((p) => p.hasFigures).length ?? 0;
  const plural = (n: number, word: string) => `${n} ${word}${n === 1 ? "" : "s"}`;
  if (figures) parts.push(`${plural(figures, "statement")} with figures`);
  const recs = facts.filter((f) => f.type === "recommendation").length;
  if (recs) parts.push(plural(recs, "recommendation"));
  const quotes = facts.filter((f) => f.type === "quotation").length;
  if (quotes) parts.push(plural(quotes, "quotation"));
  return parts.join("; ") || "background text";
}

/** The list of the documents, latest first, with what each contributes (worked out once per index, not per asking). */
const sourceList = perIndex(function* (index) {
  const docs = [...index.documents].sort((a, b) => (b.meta.date ?? "").localeCompare(a.meta.date ?? ""));
  const lines: string[] = [];
  for (const d of docs) {
    if (lines.length % DOCUMENTS_PER_STEP === 0) yield;
    const title = link(d.meta.url, d.meta.title);
    const date = displayDate(d.meta.date) ?? undatedLabel(d.meta, index.placements.get(d.meta.id));
    lines.push(
      `• ${title} — ${d.meta.publisher}${date ? `, ${date}` : ""} (${d.meta.kind}): ${contributes(index, d.meta.id)}`,
    );
  }
  return `I hold ${docs.length} document${docs.length === 1 ? "" : "s"}:\n${lines.join("\n")}`;
});

export const answerSources: Handler = ({ index }) => {
  return {
    lead: sourceList(index),
    answered: true,
    intent: "sources",
    citations: [],
    quotesInLead: true,
  };
};

export const answerSourceFollowUp: Handler = ({ context }) => {
  const last = context.lastAnswer;
  // No answer before it in the thread: "source?" is a question of its own.
  if (!last) return undefined;
  if (last.citations.length === 0) {
    return {
      lead: "The last answer quoted no document, so there is no source to give.",
      answered: last.answered,
      intent: "followup-source",
      citations: [],
    };
  }
  // The first line of the last lead; an answer remembered before leads were kept gives its text, marks dropped.
  const factLine = (last.lead ? markedOf(last.lead) : last.text.replace(/[*_`]/g, "")).split("\n")[0] ?? "";
  // One line per document, with the sections quoted.
  const byDoc = new Map<string, Citation[]>();
  for (const c of last.citations) byDoc.set(c.doc, [...(byDoc.get(c.doc) ?? []), c]);
  const lines = [...byDoc.values()].map((group) => {
    const c = group[0]!;
    const sections = [...new Set(group.map((g) => g.section).filter(Boolean))];
    const date = displayDate(c.date);
    const title = link(c.url, c.title);
    return `• ${title} — ${c.publisher}${date ? `, ${date}` : ""}${sections.length ? `, ${sections.map((s) => `“${s!}”`).join(", ")}` : ""}`;
  });
  return {
    lead: `${factLine}\nSources:\n${lines.join("\n")}`,
    answered: true,
    intent: "followup-source",
    citations: last.citations as Citation[],
  };
};

export function noSuchUnit(index: CorpusIndex, names: string[]): Reply {
  return {
    lead: `I have no inspection of ${bold(names.join(" "))} in the documents, so I can't give its rating or figures. I hold inspections of: ${knownUnits(index)}.`,
    suggestions: exampleQuestions(index).slice(0, 3),
    answered: false,
    intent: "unknown",
    citations: [],
  };
}

export function notAnswered(index: CorpusIndex): Reply {
  return {
    lead: `I can't answer that from the inspection documents I hold. I know about the inspections of ${knownUnits(index)}: ratings and scores, standards, key questions, figures, findings, recommendations and who said what.`,
    suggestions: exampleQuestions(index),
    answered: false,
    intent: "unknown",
    citations: [],
  };
}
