// "When was the LLR report published?": the date a unit's document (of the kind the question names) came out.
import type { Citation } from "../../types.js";
import { cite, uniqueCitations } from "../cite.js";
import { phraseMatcher, queryWords } from "../phrases.js";
import { passagesOf } from "../retrieve.js";
import { bold, displayDate, unitName, type Handler } from "../reply.js";

const asksPublication = phraseMatcher(queryWords.publication.asking);
const kinds = queryWords.publication.kinds.map(([kind, names]) => ({ kind, names: phraseMatcher(names) }));

/** The question asks when something was published. */
export const asksWhenPublished = (question: string): boolean => asksPublication(question).length > 0;

export const answerPublication: Handler = (input) => {
  const { index, query, unitKeys } = input;
  if (unitKeys.length === 0) return undefined;
  const kind = kinds.find((k) => k.names(query.text).length > 0)?.kind;
  const docIds = [...new Set(passagesOf(index, unitKeys).map((i) => index.passages[i]!.docId))];
  const docs = docIds
    .map((id) => index.docsById.get(id)!)
    .filter((d) => d.meta.date && (!kind || d.meta.kind === kind))
    .sort((a, b) => b.meta.date!.localeCompare(a.meta.date!));
  const latest = docs[0];
  if (!latest) return undefined;
  const shown = displayDate(latest.meta.date)!;
  // The document's own words for the date, where it prints it ("Published: May 2025"); else its opening line.
  const printed = latest.passages.find((p) => p.text.includes(shown.replace(/^\d+ /, "")));
  const citation: Citation | undefined = cite(
    index,
    latest.meta.id,
    (printed ?? latest.passages[0]!).text,
    (printed ?? latest.passages[0]!).section,
  );
  return {
    lead: `${bold(shown)} — when the ${latest.meta.kind} "${latest.meta.title}" on ${bold(unitName(index, unitKeys[0]!))} was published.`,
    facts: [{ kind: "date", value: shown, unitKey: unitKeys[0]! }],
    answered: true,
    intent: "sources",
    citations: uniqueCitations([citation]),
    remember: { unitKey: unitKeys[0] },
  };
};
