// The App Home tab: every unit at a glance, and how to ask.
import type { KnownBlock } from "@slack/types";
import { exampleQuestions, summarizeUnits, type CorpusIndex } from "../engine.js";
import { escapeText } from "./mrkdwn.js";

const shortMonth = new Intl.DateTimeFormat("en-GB", { month: "short", timeZone: "UTC" });
const shortDate = (d?: string) => {
  const m = d?.match(/^(\d{4})(?:-(\d{2}))?/);
  return m ? `${m[2] ? `${shortMonth.format(Date.UTC(2000, Number(m[2]) - 1))} ` : ""}${m[1]}` : "date not given";
};

export function homeView(index: CorpusIndex): { type: "home"; blocks: KnownBlock[] } {
  const units = summarizeUnits(index).filter((s) => s.overall);
  const lines = units.map(
    (s) =>
      `• *${escapeText(s.unit.name)}* — ${s.overall!.rating}${s.overall!.score ? ` (${s.overall!.score})` : ""}, inspection ${shortDate(s.inspectionDate)}`,
  );
  const examples = exampleQuestions(index).map((q) => `\`${escapeText(q)}\``);
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: "Probation inspections at a glance" } },
    {
      type: "section",
      text: { type: "mrkdwn", text: (lines.join("\n") || "No ratings in the documents yet.").slice(0, 2900) },
    },
    {
      type: "context",
      elements: [
        {
          type: "mrkdwn",
          text: `From ${index.documents.length} documents. Every answer quotes them and names its source.`,
        },
      ],
    },
    { type: "divider" },
    {
      type: "section",
      text: {
        type: "mrkdwn",
        text: "*How to ask*\nType `/probation <question>` in a channel (the answer starts a thread: ask on in it, no @ needed), `/probation private <question>` for an answer only you see, mention me, or send me a direct message.",
      },
    },
    { type: "section", text: { type: "mrkdwn", text: `Try: ${examples.join(" · ") || "`help`"}` } },
  ];
  return { type: "home", blocks };
}
