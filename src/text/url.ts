// A document's link: only http(s), and nothing that could break out of a Slack link (<url|text>) or a line.
const SAFE_LINK = /^https?:\/\/[^\s<>|"`]+$/i;

export function isSafeLink(url: string | undefined): url is string {
  if (!url || !SAFE_LINK.test(url)) return false;
  try {
    return ["http:", "https:"].includes(new URL(url).protocol);
  } catch {
    return false;
  }
}
