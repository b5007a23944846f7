// Slack mrkdwn from plain text: the one place the Slack layer escapes.
import type { Span } from "../types.js";
import { isSafeLink } from "../text/url.js";

/** Escapes text for mrkdwn: only &, < and >. This is also what keeps <!channel> or <@U…> in user text from going live. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `<url|title>`; a link that could break out of it (a sources.json edited by hand) is not made a link at all. */
export function linkTo(url: string | undefined, title: string): string {
  return isSafeLink(url) ? `<${url.replace(/&/g, "&amp;")}|${escapeText(title)}>` : `_${escapeText(title)}_`;
}

/** An answer's lead as mrkdwn: every span's text escaped, its marks drawn in mrkdwn. */
export function mrkdwnOf(spans: Span[]): string {
  return spans
    .map((s) => {
      if (s.url !== undefined) return linkTo(s.url, s.text);
      const text = escapeText(s.text);
      if (!text.trim()) return text;
      // mrkdwn marks must hug the text: spaces go outside them.
      const [, before, inner, after] = text.match(/^(\s*)([\s\S]*?)(\s*)$/)!;
      const mark = s.strong ? "*" : s.em ? "_" : s.code ? "`" : "";
      return `${before}${mark}${inner}${mark}${after}`;
    })
    .join("");
}

/** "Try: `a` · `b`": example questions offered under an answer. */
export function suggestionsLine(questions: string[]): string {
  return `Try: ${questions.map((q) => `\`${escapeText(q)}\``).join(" · ")}`;
}
