// A digest (digest/compose.ts, data) as a Slack message, and the digest sub-command's replies as Slack replies.
import type { KnownBlock } from "@slack/types";
import type { DigestCommand } from "../digest/command.js";
import { bar, type Digest, type DigestUnit } from "../digest/compose.js";
import { citationBlock } from "./blocks.js";
import type { SubCommand } from "./listeners/commands/probation.js";
import { escapeText, linkTo } from "./mrkdwn.js";

/** Slack's section text limit is 3,000 characters. */
const MAX_SECTION = 2900;

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function unitText(u: DigestUnit): string {
  const head = `*${escapeText(u.name)}* — ${u.rating}${u.score ? ` (${u.score})` : ""}${u.inspectionDate ? `, inspected ${u.inspectionDate}` : ""}`;
  const bars = u.keyQuestions.map(
    (k) => `\`${capitalise(k.standard)}${k.theme ? ` · ${k.theme}` : ""}\` ${bar(k.percentYes)}`,
  );
  return [head, ...bars].join("\n");
}

export function digestMessage(digest: Digest): { text: string; blocks: KnownBlock[] } {
  const title = `Probation briefing — ${digest.date}`;
  const units = digest.units.map(unitText);
  if (digest.ratedUnits > digest.units.length)
    units.push(`…and ${digest.ratedUnits - digest.units.length} more: ask \`/probation <unit> rating\`.`);
  const moreNew = digest.newCount - digest.newDocuments.length;
  const newText = digest.newCount
    ? digest.newDocuments
        .map((d) => `• ${linkTo(d.url, d.title)} — ${escapeText(d.publisher)}${d.date ? `, ${d.date}` : ""}`)
        .join("\n") + (moreNew > 0 ? `\n…and ${moreNew} more (\`/probation sources\`)` : "")
    : "Nothing new since the last digest.";
  const blocks: KnownBlock[] = [
    { type: "header", text: { type: "plain_text", text: title } },
    {
      type: "section",
      text: { type: "mrkdwn", text: (units.join("\n\n") || "No ratings in the documents yet.").slice(0, MAX_SECTION) },
    },
    { type: "section", text: { type: "mrkdwn", text: `*New since ${digest.newSince}*\n${newText}` } },
  ];
  if (digest.finding) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: "*Finding of the day*" } });
    blocks.push(citationBlock(digest.finding.citation));
  }
  blocks.push({
    type: "context",
    elements: [
      {
        type: "mrkdwn",
        text: "Ask on in this thread, e.g. “and planning?” or “source?”. `/probation digest off` to stop.",
      },
    ],
  });
  const text = `${title}: ${digest.ratedUnits} units rated; ${digest.newCount} new document${digest.newCount === 1 ? "" : "s"}.`;
  return { text, blocks };
}

/** `/probation digest …` for the Slack layer: the command's replies, a previewed digest rendered as blocks. */
export function digestSubCommand(command: DigestCommand): SubCommand {
  return async (args, where) => {
    const reply = await command(args, where);
    return reply.digest ? digestMessage(reply.digest) : { text: reply.text };
  };
}
