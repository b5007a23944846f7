// The digest post: every unit's headline with key-question bars, what is new since the channel's last digest,
// and a finding of the day that rotates per channel. Pure.
import { createHash } from "node:crypto";
import type { KnownBlock } from "@slack/types";
import { listFindings, summarizeUnits, type Finding } from "../engine.js";
import type { CorpusIndex } from "../search/index.js";
import type { Subscription } from "../store/schema.js";
import { escapeText, citationBlock } from "../slack/blocks.js";
import { findThemes } from "../corpus/vocab-match.js";

const MAX_UNITS = 8;
const MAX_NEW = 5;

export interface Digest {
  text: string;
  blocks: KnownBlock[];
  /** The finding shown, to remember for the rotation. */
  findingId?: string;
}

/** `Keeping people safe ███░░░░░░░ 32%` */
export function bar(percent: number, width = 10): string {
  const filled = Math.max(0, Math.min(width, Math.round((percent / 100) * width)));
  return `${"█".repeat(filled)}${"░".repeat(width - filled)} ${percent}%`;
}

const capitalise = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);

function unitLines(index: CorpusIndex): string[] {
  const summaries = summarizeUnits(index)
    .filter((s) => s.overall)
    .sort((a, b) => (b.inspectionDate ?? "").localeCompare(a.inspectionDate ?? ""));
  const lines = summaries.slice(0, MAX_UNITS).map((s) => {
    const head = `*${escapeText(s.unit.name)}* — ${s.overall!.rating}${s.overall!.score ? ` (${s.overall!.score})` : ""}${s.inspectionDate ? `, inspected ${s.inspectionDate}` : ""}`;
    const bars = s.keyQuestions
      .filter((k) => k.drivesRating)
      .map((k) => {
        const theme = findThemes(k.question)[0]?.value;
        return `\`${capitalise(k.standard)}${theme ? ` · ${theme}` : ""}\` ${bar(k.percentYes)}`;
      });
    return [head, ...bars].join("\n");
  });
  if (summaries.length > MAX_UNITS) lines.push(`…and ${summaries.length - MAX_UNITS} more: ask \`/probation <unit> rating\`.`);
  return lines;
}

/** The finding of the day: the first this channel has not seen, in an order of its own; all seen → start again. */
export function pickFinding(findings: Finding[], channel: string, shown: string[]): Finding | undefined {
  const order = [...findings].sort((a, b) => hash(channel + a.id).localeCompare(hash(channel + b.id)));
  const seen = new Set(shown);
  return order.find((f) => !seen.has(f.id)) ?? order[0];
}

const hash = (s: string) => createHash("sha1").update(s).digest("hex");

export function composeDigest(index: CorpusIndex, sub: Subscription, date: string): Digest {
  const blocks: KnownBlock[] = [{ type: "header", text: { type: "plain_text", text: `Probation briefing — ${date}` } }];
  const units = unitLines(index);
  blocks.push({ type: "section", text: { type: "mrkdwn", text: (units.join("\n\n") || "No ratings in the documents yet.").slice(0, 2900) } });

  const since = sub.lastPostedAt ?? sub.createdAt;
  const fresh = index.documents.filter((d) => d.meta.addedAt > since).sort((a, b) => b.meta.addedAt.localeCompare(a.meta.addedAt));
  const newText = fresh.length
    ? fresh.slice(0, MAX_NEW).map((d) => `• ${d.meta.url ? `<${d.meta.url}|${escapeText(d.meta.title)}>` : `_${escapeText(d.meta.title)}_`} — ${escapeText(d.meta.publisher)}${d.meta.date ? `, ${d.meta.date}` : ""}`).join("\n") + (fresh.length > MAX_NEW ? `\n…and ${fresh.length - MAX_NEW} more (\`/probation sources\`)` : "")
    : "Nothing new since the last digest.";
  blocks.push({ type: "section", text: { type: "mrkdwn", text: `*New since ${sub.lastPostedAt ? "the last digest" : "you subscribed"}*\n${newText}` } });

  const finding = pickFinding(listFindings(index), sub.channel, sub.shownFindings);
  if (finding) {
    blocks.push({ type: "section", text: { type: "mrkdwn", text: "*Finding of the day*" } });
    blocks.push(citationBlock(finding.citation));
  }
  blocks.push({ type: "context", elements: [{ type: "mrkdwn", text: "Ask on in this thread, e.g. “and planning?” or “source?”. `/probation digest off` to stop." }] });
  const text = `Probation briefing — ${date}: ${summarizeUnits(index).filter((s) => s.overall).length} units rated; ${fresh.length} new document${fresh.length === 1 ? "" : "s"}.`;
  return { text, blocks, findingId: finding?.id };
}

/** The digest as plain text, for the terminal. */
export function digestAsText(digest: Digest): string {
  return digest.blocks
    .map((b) => {
      if (b.type === "header") return `== ${b.text.text} ==`;
      if (b.type === "section") return b.text?.text ?? "";
      if (b.type === "context") return b.elements.map((e) => ("text" in e ? e.text : "")).join(" ");
      return "";
    })
    .join("\n\n")
    .replace(/<([^|>]+)\|([^>]+)>/g, "$2 ($1)")
    .replace(/&lt;/g, "<")
    .replace(/&gt;/g, ">")
    .replace(/&amp;/g, "&");
}
