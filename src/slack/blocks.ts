// Answer → Block Kit. The only place where answers become Slack messages.
import type { ActionsBlock, ContextBlock, KnownBlock, SectionBlock } from "@slack/types";
import type { Answer, Citation } from "../types.js";
import { displayDate } from "../engine.js";
import { escapeText, linkTo, mrkdwnOf, suggestionsLine } from "./mrkdwn.js";

/** Slack allows 3,000 characters in a section; we stay well under and cut at a sentence. */
const MAX_SECTION = 2800;
const MAX_QUOTE = 600;
/** The notification text (what a phone shows, and clients without blocks): cut well under Slack's limit too. */
const MAX_NOTIFICATION = 3000;

export const ACTIONS = {
  feedbackUp: "feedback_up",
  feedbackDown: "feedback_down",
  share: "share_answer",
} as const;

/** Cuts text at the last sentence end before `max`, saying that there is more. */
export function cutAtSentence(text: string, max: number, more = "… more in the thread"): string {
  if (text.length <= max) return text;
  const head = text.slice(0, max);
  const end = Math.max(head.lastIndexOf(". "), head.lastIndexOf(".\n"), head.lastIndexOf("\n"));
  return `${(end > max / 2 ? head.slice(0, end + 1) : head.replace(/\s+\S*$/, "")).trimEnd()} ${more}`;
}

/** The answer's lead and suggestions in mrkdwn, without its quotes (they become context blocks). */
function leadOf(answer: Answer): string {
  const lines = [mrkdwnOf(answer.lead)];
  if (answer.more) lines.push(`_${escapeText(answer.more)}_`);
  if (answer.suggestions.length) lines.push(suggestionsLine(answer.suggestions));
  return lines.join("\n").trim();
}

function sourceLine(c: Citation): string {
  return [
    linkTo(c.url, c.title),
    escapeText(c.publisher),
    displayDate(c.date),
    c.section && `§ ${escapeText(c.section)}`,
  ]
    .filter(Boolean)
    .join(" · ");
}

export function citationBlock(c: Citation): ContextBlock {
  const quote = c.quote.length > MAX_QUOTE ? `${c.quote.slice(0, MAX_QUOTE).replace(/\s+\S*$/, "")} …` : c.quote;
  return {
    type: "context",
    elements: [{ type: "mrkdwn", text: `“${escapeText(quote)}”\n${sourceLine(c)}` }],
  };
}

export interface MessageOptions {
  /** "<@U…> asked: …" above the answer. */
  askedBy?: { user: string; question: string; verb?: "asked" | "shared" };
  feedback?: boolean;
  /** A private answer carries a "Share in channel" button that re-asks this question in public. */
  shareQuestion?: string;
}

export interface SlackMessage {
  text: string;
  blocks: KnownBlock[];
  /** What did not fit, to post in the thread under the message, in parts that each fit. */
  more?: string[];
}

/** Splits text into parts of at most `max` characters, at line ends where it can. */
export function chunks(text: string, max: number): string[] {
  const out: string[] = [];
  let rest = text.trim();
  while (rest.length > max) {
    const cut = rest.lastIndexOf("\n", max);
    const at = cut > max / 2 ? cut : rest.lastIndexOf(" ", max);
    out.push(rest.slice(0, at > 0 ? at : max).trim());
    rest = rest.slice(at > 0 ? at : max).trim();
  }
  if (rest) out.push(rest);
  return out;
}

export function answerMessage(answer: Answer, options: MessageOptions = {}): SlackMessage {
  const blocks: KnownBlock[] = [];
  let header = "";
  if (options.askedBy) {
    const question = cutAtSentence(options.askedBy.question, 300, "…");
    header = `<@${options.askedBy.user}> ${options.askedBy.verb ?? "asked"}: ${escapeText(question)}`;
    blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: header }] });
  }
  const fullLead = leadOf(answer);
  const lead = cutAtSentence(fullLead, MAX_SECTION);
  const shown = lead.replace(/\s*… more in the thread$/, "");
  const more = lead === fullLead ? undefined : chunks(fullLead.slice(shown.length), MAX_SECTION);
  const section: SectionBlock = { type: "section", text: { type: "mrkdwn", text: lead || "…" } };
  blocks.push(section);
  for (const c of answer.citations.slice(0, 6)) blocks.push(citationBlock(c));
  const buttons: ActionsBlock["elements"] = [];
  if (options.feedback) {
    buttons.push(
      {
        type: "button",
        action_id: ACTIONS.feedbackUp,
        text: { type: "plain_text", text: "👍", emoji: true },
        value: "up",
      },
      {
        type: "button",
        action_id: ACTIONS.feedbackDown,
        text: { type: "plain_text", text: "👎", emoji: true },
        value: "down",
      },
    );
  }
  if (options.shareQuestion) {
    buttons.push({
      type: "button",
      action_id: ACTIONS.share,
      text: { type: "plain_text", text: "Share in channel" },
      value: options.shareQuestion.slice(0, 1900),
    });
  }
  if (buttons.length) blocks.push({ type: "actions", elements: buttons });
  // The notification text: the lead's words with no marks (a link shows its title), escaped all the same.
  const plainLead = escapeText(answer.lead.map((s) => s.text).join("")).trim();
  return {
    text: cutAtSentence(header ? `${header}\n${plainLead}` : plainLead, MAX_NOTIFICATION),
    blocks,
    ...(more ? { more } : {}),
  };
}

/** A short message with no answer (an apology, a hint). */
export function noticeMessage(text: string): SlackMessage {
  return { text, blocks: [{ type: "section", text: { type: "mrkdwn", text } }] };
}

/** The message for an ephemeral reply, which has no thread for the rest: text and blocks only. */
export function ephemeral(message: SlackMessage): { text: string; blocks: KnownBlock[] } {
  return { text: message.text, blocks: message.blocks };
}
