// Quotations with their speakers (read by speakers.ts), speakers resolved against the whole document
// ("Mr Jones" → "Martin Jones, chief inspector of probation"), and a report's signed foreword.
import type { QuotationFact } from "../types.js";
import type { Block } from "./blocks.js";
import { QUOTE_GAP, squash } from "../text/normalize.js";
import { speechIn } from "./speakers.js";
import { phraseMatcher, vocabulary } from "../vocabulary.js";

const ROLE = phraseMatcher(vocabulary.speakerRoles, "iu");

interface Context {
  docId: string;
  text: string;
  inspectionDate?: string;
  unitOf: (block: number) => string | undefined;
}

export function quotations(blocks: Block[], ctx: Context): QuotationFact[] {
  const offsets: number[] = [];
  let at = 0;
  for (const b of blocks) {
    const found = ctx.text.indexOf(b.text.slice(0, 40), at);
    offsets.push(found >= 0 ? found : at);
    if (found >= 0) at = found;
  }
  const resolve = (speaker: string, block: number) =>
    resolveSpeaker(speaker, ctx.text.slice(0, offsets[block]), ctx.text).replace(/^(?:a|an|the)\s+/i, "");
  const facts: QuotationFact[] = speechIn(blocks, resolve).map((s) => ({
    type: "quotation",
    speaker: s.speaker,
    words: squash(s.words),
    unitKey: ctx.unitOf(s.block) ?? "",
    docId: ctx.docId,
    quote:
      s.introBlock !== undefined
        ? `${blocks[s.introBlock]!.text}${QUOTE_GAP}${blocks[s.block]!.text}`
        : blocks[s.block]!.text,
    section: blocks[s.block]!.section,
    inspectionDate: ctx.inspectionDate,
    blocks: s.introBlock !== undefined ? [s.introBlock, s.block] : [s.block],
    ...(s.reported ? { reported: true } : {}),
  }));
  return [...facts, ...foreword(blocks, ctx)];
}

/** "Mr Jones" → "Martin Jones, chief inspector of probation"; "A spokesperson" → the organisation named just before. */
export function resolveSpeaker(speaker: string, before: string, whole: string): string {
  const title = speaker.match(/^(?:Mr|Mrs|Ms|Miss|Dr)\.?\s+([A-Z][\p{L}'’-]+)$/u);
  if (title) {
    const surname = title[1]!;
    const full = whole.match(
      new RegExp(`([A-Z][\\p{L}'’-]+ ${surname})(,\\s+[^,.:"“]{3,80}?(?:,|\\s+(?=said|told)))?`, "u"),
    );
    const role = whole.match(new RegExp(`([A-Z][\\p{L} ]{3,60}?)\\s+[A-Z][\\p{L}'’-]+ ${surname}\\s+said`, "u"));
    if (full)
      return `${full[1]}${full[2] ? `, ${full[2].replace(/^,\s+|[,\s]+$/g, "")}` : role ? `, ${role[1]!.trim()}` : ""}`;
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
    const withRole =
      whole.match(new RegExp(`${named[1]},\\s+([^,.:"“]{3,80}?),`, "u")) ??
      whole.match(new RegExp(`([A-Z][\\p{L} ]{3,60}?)\\s+${named[1]}\\s+said`, "u"));
    // "X, which funds …," is a clause about X, not X's role.
    if (withRole && !/^(?:which|who|whose|that)\b/i.test(withRole[1]!)) return `${named[1]}, ${withRole[1]!.trim()}`;
  }
  return speaker.replace(/,$/, "");
}

/** A report's foreword is its chief inspector speaking: the signature closes the section. */
function foreword(blocks: Block[], ctx: Context): QuotationFact[] {
  const inForeword = blocks
    .map((b, i) => ({ b, i }))
    .filter(({ b }) => b.section && /^foreword$/i.test(b.section) && b.kind === "paragraph");
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
    blocks: [i],
    written: true as const,
  }));
}
