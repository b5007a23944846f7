// A digest (digest/compose.ts) as plain text, for the terminal.
import { displayDate } from "../engine.js";
import { bar, type Digest } from "../digest/compose.js";

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

export function digestAsText(digest: Digest): string {
  const units = digest.units.map((u) =>
    [
      `${u.name} — ${u.rating}${u.score ? ` (${u.score})` : ""}${u.inspectionDate ? `, inspected ${u.inspectionDate}` : ""}`,
      ...u.keyQuestions.map(
        (k) => `  ${capitalise(k.standard)}${k.theme ? ` · ${k.theme}` : ""}  ${bar(k.percentYes)}`,
      ),
    ].join("\n"),
  );
  if (digest.ratedUnits > digest.units.length)
    units.push(`…and ${digest.ratedUnits - digest.units.length} more: ask "<unit> rating".`);
  const moreNew = digest.newCount - digest.newDocuments.length;
  const fresh = digest.newCount
    ? [
        ...digest.newDocuments.map(
          (d) => `• ${d.title}${d.url ? ` (${d.url})` : ""} — ${d.publisher}${d.date ? `, ${d.date}` : ""}`,
        ),
        ...(moreNew > 0 ? [`…and ${moreNew} more ("sources")`] : []),
      ]
    : ["Nothing new since the last digest."];
  const parts = [
    `== Probation briefing — ${digest.date} ==`,
    units.join("\n\n") || "No ratings in the documents yet.",
    `New since ${digest.newSince}\n${fresh.join("\n")}`,
  ];
  const c = digest.finding?.citation;
  if (c)
    parts.push(
      `Finding of the day\n“${c.quote}”\n${[c.url ? `${c.title} (${c.url})` : c.title, c.publisher, displayDate(c.date), c.section && `§ ${c.section}`].filter(Boolean).join(" · ")}`,
    );
  return parts.join("\n\n");
}
