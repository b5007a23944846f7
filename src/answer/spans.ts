// Emphasis while a reply is written: handlers compose strings with `strong()` and friends, which mark a run with
// private-use characters (never mrkdwn); `spansOf` turns the marked string into the `Span`s an Answer carries.
import type { Span } from "../types.js";

const STRONG = ["\uE000", "\uE001"] as const;
const EM = ["\uE002", "\uE003"] as const;
const CODE = ["\uE004", "\uE005"] as const;
/** A link: open, the URL, the separator, the title, close. */
const LINK = ["\uE006", "\uE007", "\uE008"] as const;
const MARKS = /[\uE000-\uE008]/g;

/** Text with any marker characters removed, so that no document or user text can forge emphasis. */
const clean = (text: string) => text.replace(MARKS, "");

export const strong = (text: string): string => `${STRONG[0]}${clean(text)}${STRONG[1]}`;
export const em = (text: string): string => `${EM[0]}${clean(text)}${EM[1]}`;
export const code = (text: string): string => `${CODE[0]}${clean(text)}${CODE[1]}`;
/** A title linked to `url`; with no URL, the title in emphasis. */
export const link = (url: string | undefined, title: string): string =>
  url ? `${LINK[0]}${clean(url)}${LINK[1]}${clean(title)}${LINK[2]}` : em(title);

const RUN = new RegExp(
  `${STRONG[0]}([^\uE000-\uE008]*)${STRONG[1]}|${EM[0]}([^\uE000-\uE008]*)${EM[1]}|` +
    `${CODE[0]}([^\uE000-\uE008]*)${CODE[1]}|${LINK[0]}([^\uE000-\uE008]*)${LINK[1]}([^\uE000-\uE008]*)${LINK[2]}`,
  "g",
);

/** A marked string as spans: plain runs, and runs in strong, emphasis, code or a link. */
export function spansOf(marked: string): Span[] {
  const out: Span[] = [];
  let at = 0;
  for (const m of marked.matchAll(RUN)) {
    if (m.index > at) out.push({ text: clean(marked.slice(at, m.index)) });
    if (m[1] !== undefined) out.push({ text: m[1], strong: true });
    else if (m[2] !== undefined) out.push({ text: m[2], em: true });
    else if (m[3] !== undefined) out.push({ text: m[3], code: true });
    else out.push({ text: m[5]!, url: m[4]! });
    at = m.index + m[0].length;
  }
  if (at < marked.length) out.push({ text: clean(marked.slice(at)) });
  return out.filter((s) => s.text !== "");
}

/** Spans back to a marked string, to build a new reply on an earlier answer's lead. */
export function markedOf(spans: Span[]): string {
  return spans
    .map((s) =>
      s.url ? link(s.url, s.text) : s.strong ? strong(s.text) : s.em ? em(s.text) : s.code ? code(s.text) : s.text,
    )
    .join("");
}

/** Spans as plain text, emphasis dropped (a link keeps its title). */
export function plainOf(spans: Span[]): string {
  return spans.map((s) => s.text).join("");
}
