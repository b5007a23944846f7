// "Who was the chief inspector at the time?": the person the documents quote in the role the question names,
// of the unit and the inspection asked (the thread's, with "at the time"), the latest where none is.
import type { QuotationFact } from "../../types.js";
import { vocabulary } from "../../vocabulary.js";
import { phraseMatcher } from "../../corpus/reading-words.js";
import { cite, uniqueCitations } from "../cite.js";
import { bold, inspectionKey, quotedDate, unitName, type HandlerInput, type Reply } from "../reply.js";
import { periodFilter } from "../retrieve.js";

const ROLE = phraseMatcher(vocabulary.speakerRoles, "giu");
/** "Martin Jones, chief inspector of probation": a person's name, then the role. */
const NAMED =
  /^(?:(?:Mr|Mrs|Ms|Dr|Sir|Dame)\.?\s+)?\p{Lu}[\p{L}'’-]+(?:\s+\p{Lu}[\p{L}'’-]+){1,2}(?:\s+(?:CBE|OBE|MBE))?,/u;

export function answerPerson(input: HandlerInput): Reply | undefined {
  const { index, query, unitKeys } = input;
  const roles = [...query.text.matchAll(ROLE)].map((m) => m[0].toLowerCase());
  if (roles.length === 0) return undefined;
  const inPeriod = periodFilter(index, query);
  const quotes = ((index.factsByType.get("quotation") ?? []) as QuotationFact[]).filter(
    (q) =>
      NAMED.test(q.speaker) &&
      roles.every((r) => q.speaker.toLowerCase().includes(r)) &&
      (unitKeys.length === 0 || unitKeys.includes(q.unitKey)) &&
      (!inPeriod || inPeriod({ ...q, text: q.quote })),
  );
  if (quotes.length === 0) return undefined;
  const latest = [...quotes].sort((a, b) => (inspectionKey(b) ?? "").localeCompare(inspectionKey(a) ?? ""))[0]!;
  const [name, ...role] = latest.speaker.split(",");
  const citations = uniqueCitations([cite(index, latest.docId, latest.quote, latest.section)]);
  const when = quotedDate(latest.inspectionDate, citations);
  const where = unitKeys.length ? ` of ${bold(unitName(index, unitKeys[0]!))}` : "";
  return {
    lead: `${bold(name!.trim())}, ${role.join(",").trim()}, speaking of the inspection${where}${when ? ` of ${when}` : ""}:`,
    facts: [
      {
        kind: "person",
        value: latest.speaker,
        unitKey: latest.unitKey,
        ...(latest.inspectionDate ? { inspection: latest.inspectionDate } : {}),
      },
    ],
    answered: true,
    intent: "quotation",
    citations,
    remember: { unitKey: unitKeys[0] ?? latest.unitKey },
  };
}
