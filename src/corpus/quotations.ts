// Quotations with their speakers: 'Mr Jones said: "…"', '"…," the inspection report said',
// a continuing paragraph that opens with a quote mark, and a report's signed foreword.
import type { QuotationFact } from "../types.js";
import type { Block } from "./blocks.js";
import { squash } from "../text/normalize.js";
import { vocabulary } from "../vocabulary.js";

const ROLE = new RegExp(`\\b(?:${vocabulary.speakerRoles.join("|")})\\b`, "i");
const OPEN = `["“]`;
const CLOSE = `["”]`;
const SPEAKER = `((?:[A-Z][\\p{L}'’.-]*|of|the|for|and|HM|HMIP's|a|an|A|An)(?:[\\s,]+(?:[A-Z][\\p{L}'’.-]*|of|the|for|and|probation|inspector|spokesperson|spokesman|spokeswoman|chief|head|\\p{Ll}+'s|[\\p{Ll}]+)){0,12}?)`;
const SAY = `(?:said|says|told [\\w\\s]{1,30}?|added|explained|warned|stated|commented)`;

const SAID_COLON = new RegExp(`^${SPEAKER}\\s+${SAY}:?\\s*${OPEN}(.+?)(?:${CLOSE}|$)`, "u");
const SAID_THAT = new RegExp(`^${SPEAKER}\\s+${SAY}\\s+(?:that\\s+)?[^"“]*?${OPEN}(.+?)${CLOSE}`, "u");
const QUOTE_FIRST = new RegExp(`^${OPEN}(.+?)[,.]?${CLOSE},?\\s+(?:${SPEAKER}\\s+${SAY}|${SAY}\\s+${SPEAKER})\\.?$`, "u");

interface Context {
  docId: string;
  text: string;
  inspectionDate?: string;
  unitOf: (block: number) => string | undefined;
}

export function quotations(blocks: Block[], ctx: Context): QuotationFact[] {
  const facts: QuotationFact[] = [];
  let lastSpeaker: { speaker: string; block: number } | undefined;
  blocks.forEach((b, i) => {
    if (b.kind !== "paragraph") return;
    const text = b.text;
    let speaker: string | undefined;
    let words: string | undefined;
    const colon = text.match(SAID_COLON) ?? text.match(SAID_THAT);
    const first = text.match(QUOTE_FIRST);
    if (colon) [speaker, words] = [colon[1], colon[2]];
    else if (first) [speaker, words] = [first[2] ?? first[3], first[1]];
    else if (new RegExp(`^${OPEN}`).test(text) && lastSpeaker && i - lastSpeaker.block <= 2) {
      [speaker, words] = [lastSpeaker.speaker, text.replace(/^["“]|["”]$/g, "")];
    }
    if (!speaker || !words) return;
    const pronoun = /^(?:he|she|they)$/i.test(speaker.trim());
    if (pronoun && !lastSpeaker) return;
    const resolved = pronoun
      ? lastSpeaker!.speaker
      : resolveSpeaker(speaker.trim(), ctx.text.slice(0, ctx.text.indexOf(text.slice(0, 40))), ctx.text).replace(/^(?:a|an|the)\s+/i, "");
    lastSpeaker = { speaker: resolved, block: i };
    facts.push({
      type: "quotation",
      speaker: resolved,
      words: squash(words),
      unitKey: ctx.unitOf(i) ?? "",
      docId: ctx.docId,
      quote: text,
      section: b.section,
      inspectionDate: ctx.inspectionDate,
    });
  });
  return [...facts, ...foreword(blocks, ctx)];
}

/** "Mr Jones" → "Martin Jones, chief inspector of probation"; "A spokesperson" → the organisation named just before. */
export function resolveSpeaker(speaker: string, before: string, whole: string): string {
  const title = speaker.match(/^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][\p{L}'’-]+)$/u);
  if (title) {
    const surname = title[1]!;
    const full = whole.match(new RegExp(`([A-Z][\\p{L}'’-]+ ${surname})(,\\s+[^,.:"“]{3,80}?(?:,|\\s+(?=said|told)))?`, "u"));
    const role = whole.match(new RegExp(`([A-Z][\\p{L} ]{3,60}?)\\s+[A-Z][\\p{L}'’-]+ ${surname}\\s+said`, "u"));
    if (full) return `${full[1]}${full[2] ? `, ${full[2].replace(/^,\s+|[,\s]+$/g, "")}` : role ? `, ${role[1]!.trim()}` : ""}`;
  }
  if (/^(?:a|an|the)\s+spokesperson$|^(?:a|an|the)\s+spokes(?:man|woman)$/i.test(speaker)) {
    const orgs = [...before.matchAll(/\b(?:The\s+)?((?:[A-Z][\p{L}]+\s+)(?:of\s+)?(?:[A-Z][\p{L}]+\s*)+)(?=[,.\s])/gu)];
    const org = orgs.at(-1)?.[1]?.trim();
    if (org) return `${org} spokesperson`;
  }
  // "Chief inspector of probation Justin Russell" → "Justin Russell, chief inspector of probation".
  const roleFirst = speaker.match(/^((?:[A-Z][\p{Ll}]+)(?:\s+[\p{L}]+)*?)\s+([A-Z][\p{L}'’-]+ [A-Z][\p{L}'’-]+)$/u);
  if (roleFirst && ROLE.test(roleFirst[1]!)) return `${roleFirst[2]}, ${roleFirst[1]!.toLowerCase()}`;
  const named = speaker.match(/^([A-Z][\p{L}'’-]+ [A-Z][\p{L}'’-]+)$/u);
  if (named) {
    const withRole = whole.match(new RegExp(`${named[1]},\\s+([^,.:"“]{3,80}?),`, "u")) ?? whole.match(new RegExp(`([A-Z][\\p{L} ]{3,60}?)\\s+${named[1]}\\s+said`, "u"));
    if (withRole) return `${named[1]}, ${withRole[1]!.trim()}`;
  }
  return speaker.replace(/,$/, "");
}

/** A report's foreword is its chief inspector speaking: the signature closes the section. */
function foreword(blocks: Block[], ctx: Context): QuotationFact[] {
  const inForeword = blocks.map((b, i) => ({ b, i })).filter(({ b }) => b.section && /^foreword$/i.test(b.section) && b.kind === "paragraph");
  if (inForeword.length < 2) return [];
  const signature = inForeword.slice(-2);
  const speaker = signature.map(({ b }) => b.text).join(", ");
  if (!/inspector|director|chief/i.test(speaker) || speaker.length > 120) return [];
  return inForeword.slice(0, -2).map(({ b, i }) => ({
    type: "quotation" as const,
    speaker,
    words: b.text,
    unitKey: ctx.unitOf(i) ?? "",
    docId: ctx.docId,
    quote: b.text,
    section: b.section,
    inspectionDate: ctx.inspectionDate,
  }));
}
