// Slack mrkdwn from plain text: the one place the Slack layer escapes.
import { isSafeLink } from "../text/url.js";

/** Escapes text for mrkdwn: only &, < and >. This is also what keeps <!channel> or <@U…> in user text from going live. */
export function escapeText(text: string): string {
  return text.replace(/&/g, "&amp;").replace(/</g, "&lt;").replace(/>/g, "&gt;");
}

/** `<url|title>`; a link that could break out of it (a sources.json edited by hand) is not made a link at all. */
export function linkTo(url: string | undefined, title: string): string {
  return isSafeLink(url) ? `<${url.replace(/&/g, "&amp;")}|${escapeText(title)}>` : `_${escapeText(title)}_`;
}
