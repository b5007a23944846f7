// The digest's content, as data: every unit's headline with its key-question scores, what is new since the
// channel's last digest, and a finding of the day that rotates per channel. Pure; knows nothing of Slack (the
// Slack layer renders it: slack/digest-blocks.ts; the terminal: cli/digest-text.ts).
import { createHash } from "node:crypto";
import { findThemes, listFindings, summarizeUnits, type CorpusIndex, type Finding } from "../engine.js";
import type { Subscription } from "../store/schema.js";

/** Units shown in full; the rest are counted. */
const MAX_UNITS = 8;
/** New documents listed; the rest are counted. */
const MAX_NEW = 5;

export interface DigestUnit {
  name: string;
  rating: string;
  score?: string;
  inspectionDate?: string;
  /** The key questions that drive the unit's ratings, with the share of cases answered yes. */
  keyQuestions: { standard: string; theme?: string; percentYes: number }[];
}

export interface DigestDocument {
  title: string;
  publisher: string;
  url?: string;
  date?: string;
}

export interface Digest {
  /** The local date it is for. */
  date: string;
  /** Rated units, most recently inspected first, at most MAX_UNITS. */
  units: DigestUnit[];
  /** How many units are rated in all. */
  ratedUnits: number;
  /** Documents added since the channel's last digest (or since it subscribed), newest first, at most MAX_NEW. */
  newDocuments: DigestDocument[];
  /** How many were added in all. */
  newCount: number;
  /** Whether "new" counts from the last digest or from the subscription. */
  newSince: "the last digest" | "you subscribed";
  /** The finding of the day, to show and to remember for the rotation. */
  finding?: Finding;
}

/** `███░░░░░░░ 32%` */
export function bar(percent: number, width = 10): string {
  const filled = Math.max(0, Math.min(width, Math.round((percent / 100) * width)));
  return `${"█".repeat(filled)}${"░".repeat(width - filled)} ${percent}%`;
}

function ratedUnits(index: CorpusIndex): DigestUnit[] {
  return summarizeUnits(index)
    .filter((s) => s.overall)
    .sort((a, b) => (b.inspectionDate ?? "").localeCompare(a.inspectionDate ?? ""))
    .map((s) => ({
      name: s.unit.name,
      rating: s.overall!.rating,
      ...(s.overall!.score ? { score: s.overall!.score } : {}),
      ...(s.inspectionDate ? { inspectionDate: s.inspectionDate } : {}),
      keyQuestions: s.keyQuestions
        .filter((k) => k.drivesRating)
        .map((k) => {
          const theme = findThemes(k.question)[0]?.value;
          return { standard: k.standard, ...(theme ? { theme } : {}), percentYes: k.percentYes };
        }),
    }));
}

/** The finding of the day: the first this channel has not seen, in an order of its own; all seen → start again. */
export function pickFinding(findings: Finding[], channel: string, shown: string[]): Finding | undefined {
  const order = [...findings].sort((a, b) => hash(channel + a.id).localeCompare(hash(channel + b.id)));
  const seen = new Set(shown);
  return order.find((f) => !seen.has(f.id)) ?? order[0];
}

const hash = (s: string) => createHash("sha1").update(s).digest("hex");

export function composeDigest(index: CorpusIndex, sub: Subscription, date: string): Digest {
  const units = ratedUnits(index);
  const since = sub.lastPostedAt ?? sub.createdAt;
  const fresh = index.documents
    .filter((d) => d.meta.addedAt > since)
    .sort((a, b) => b.meta.addedAt.localeCompare(a.meta.addedAt));
  const finding = pickFinding(listFindings(index), sub.channel, sub.shownFindings);
  return {
    date,
    units: units.slice(0, MAX_UNITS),
    ratedUnits: units.length,
    newDocuments: fresh.slice(0, MAX_NEW).map(({ meta }) => ({
      title: meta.title,
      publisher: meta.publisher,
      ...(meta.url ? { url: meta.url } : {}),
      ...(meta.date ? { date: meta.date } : {}),
    })),
    newCount: fresh.length,
    newSince: sub.lastPostedAt ? "the last digest" : "you subscribed",
    ...(finding ? { finding } : {}),
  };
}
