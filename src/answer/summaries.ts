// Headlines per unit (App Home, digest) and the findings a digest can rotate through.
import { TUNING } from "../tuning.js";
import type { Citation, KeyQuestionFact, RatingFact, UnitSummary } from "../types.js";
import type { CorpusIndex } from "../search/index.js";
import { cite } from "./cite.js";
import { byRecency } from "./reply.js";

/** A finding worth a "finding of the day": a verbatim quote with its source. `id` is stable across restarts. */
export interface Finding {
  id: string;
  unitKey?: string;
  citation: Citation;
}

/** Every unit the documents rate, with its latest overall rating, its standards and key questions. */
export function summarizeUnits(index: CorpusIndex): UnitSummary[] {
  const out: UnitSummary[] = [];
  for (const unit of index.units) {
    const facts = index.factsByUnit.get(unit.key) ?? [];
    const ratings = facts.filter((f): f is RatingFact => f.type === "rating").sort(byRecency(index));
    if (ratings.length === 0) continue;
    const overall = ratings.find((r) => r.standard === "overall");
    const latestDoc = (overall ?? ratings[0]!).docId;
    const standards = ratings.filter((r) => r.standard !== "overall" && r.docId === latestDoc);
    const keyQuestions = facts.filter((f): f is KeyQuestionFact => f.type === "key-question" && f.docId === latestDoc);
    out.push({ unit, overall, standards, keyQuestions, inspectionDate: (overall ?? ratings[0]!).inspectionDate });
  }
  return out;
}

/**
 * Findings a digest can show: sentences of the reports' strengths and areas for improvement; where the corpus
 * has no report, the articles' sentences about what inspectors found.
 */
export function listFindings(index: CorpusIndex): Finding[] {
  const findings: Finding[] = [];
  const haveReports = index.documents.some((d) => d.meta.kind === "inspection report");
  for (const p of index.passages) {
    const doc = index.docsById.get(p.docId)!;
    const inFindings =
      doc.meta.kind === "inspection report"
        ? /strength|improvement/i.test(p.section ?? "")
        : !haveReports && /(?:found|inspectors?|report)/i.test(p.text) && !/^["“]/.test(p.text);
    if (
      !inFindings ||
      p.text.length < TUNING.answers.digestFindingMinChars ||
      p.text.length > TUNING.answers.findingMaxChars ||
      /\t/.test(p.text)
    )
      continue;
    const citation = cite(index, p.docId, p.text, p.section);
    if (!citation) continue;
    findings.push({ id: `${p.docId}#${p.order}`, unitKey: p.unitKeys[0], citation });
  }
  return findings;
}
