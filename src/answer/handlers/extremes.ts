// "Which key question scored highest?": the highest or lowest key-question score of a unit's latest inspection,
// or of every unit's when none is named.
import type { Citation, KeyQuestionFact } from "../../types.js";
import { cite, uniqueCitations } from "../cite.js";
import type { Query } from "../question.js";
import { extremeAsked, namesKeyQuestion } from "../slots.js";
import { bold, cutList, standardLabel, unitName, type HandlerInput, type Reply } from "../reply.js";
import { periodFilter } from "../retrieve.js";
import { TUNING } from "../../tuning.js";

/** "Highest" or "lowest", when the question asks for an extreme of key-question scores. */
export function keyQuestionExtreme(q: Query): "high" | "low" | undefined {
  if (q.answerType !== "extreme" || !namesKeyQuestion(q.text)) return undefined;
  return extremeAsked(q.text);
}

/** Each unit's key questions of its latest inspection (of the period asked, if one is). */
function latestRows(input: HandlerInput): KeyQuestionFact[] {
  const { index, query, unitKeys } = input;
  const inPeriod = periodFilter(index, query);
  const rows = ((index.factsByType.get("key-question") ?? []) as KeyQuestionFact[]).filter(
    (f) =>
      (unitKeys.length === 0 || unitKeys.includes(f.unitKey)) &&
      (!query.standard || f.standard === query.standard) &&
      (!inPeriod || inPeriod({ ...f, text: f.quote })),
  );
  const latest = new Map<string, string>();
  for (const f of rows)
    if ((f.inspectionDate ?? "") > (latest.get(f.unitKey) ?? "")) latest.set(f.unitKey, f.inspectionDate ?? "");
  return rows.filter((f) => (f.inspectionDate ?? "") === (latest.get(f.unitKey) ?? ""));
}

export function answerKeyQuestionExtreme(input: HandlerInput, direction: "high" | "low"): Reply | undefined {
  const { index, unitKeys } = input;
  const rows = latestRows(input);
  if (rows.length === 0) return undefined;
  const sorted = [...rows].sort((a, b) =>
    direction === "high" ? b.percentYes - a.percentYes : a.percentYes - b.percentYes,
  );
  const extreme = sorted[0]!.percentYes;
  const { items: tied, more } = cutList(
    sorted.filter((r) => r.percentYes === extreme),
    input.query,
    TUNING.query.maxTiedKeyQuestions,
    ["key question with the same score", "key questions with the same score"],
  );
  const word = direction === "high" ? "highest" : "lowest";
  const where = unitKeys.length ? `${bold(unitName(index, unitKeys[0]!))}'s` : "The documents'";
  const lines = tied.map(
    (r) =>
      `• ${unitKeys.length ? "" : `${bold(unitName(index, r.unitKey))}: `}${r.question} (${standardLabel(r.standard)}) ${bold(`${r.percentYes}%`)}`,
  );
  const citations: (Citation | undefined)[] = tied.map((r) => cite(index, r.docId, r.quote, r.section));
  return {
    lead: `${where} ${word} key-question score${tied.length > 1 ? "s" : ""}${unitKeys.length ? "" : " across the units"}${input.query.standard ? ` in ${standardLabel(input.query.standard).toLowerCase()}` : ""}:\n${lines.join("\n")}`,
    ...(more ? { more } : {}),
    answered: true,
    intent: "statistic",
    citations: uniqueCitations(citations, tied.length),
    remember: { unitKey: unitKeys[0] ?? tied[0]!.unitKey },
  };
}
