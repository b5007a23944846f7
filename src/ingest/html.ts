// The article in an HTML page: Mozilla Readability on a linkedom document, so navigation, cookie banners
// and footers fall away. Paragraphs, headings, list items and table rows become lines.
import { Readability } from "@mozilla/readability";
import { parseHTML } from "linkedom";

export interface HtmlArticle {
  text: string;
  title?: string;
  publisher?: string;
  date?: string;
  url?: string;
}

const meta = (document: Document, ...names: string[]) => {
  for (const n of names) {
    const el = document.querySelector(`meta[property="${n}"], meta[name="${n}"]`);
    const content = el?.getAttribute("content")?.trim();
    if (content) return content;
  }
  return undefined;
};

function blocksToLines(root: Element): string[] {
  const lines: string[] = [];
  for (const el of root.querySelectorAll("h1, h2, h3, h4, p, li, tr, blockquote, figcaption")) {
    if (el.tagName === "TR") {
      lines.push(
        [...el.querySelectorAll("th, td")].map((c) => (c.textContent ?? "").replace(/\s+/g, " ").trim()).join("\t"),
      );
      continue;
    }
    if (el.closest("tr") || (el.tagName === "P" && el.closest("li, blockquote"))) continue;
    const text = (el.textContent ?? "").replace(/\s+/g, " ").trim();
    if (!text) continue;
    lines.push(/^H[1-4]$/.test(el.tagName) ? `## ${text}` : text);
  }
  return lines;
}

export function htmlToArticle(html: string): HtmlArticle {
  const { document } = parseHTML(html);
  const publisher = meta(document as unknown as Document, "og:site_name", "application-name", "publisher");
  const published =
    meta(document as unknown as Document, "article:published_time", "date", "dc.date", "pubdate") ??
    document.querySelector("time[datetime]")?.getAttribute("datetime") ??
    undefined;
  const url =
    document.querySelector('link[rel="canonical"]')?.getAttribute("href") ??
    meta(document as unknown as Document, "og:url");
  const pageTitle =
    meta(document as unknown as Document, "og:title") ?? document.querySelector("title")?.textContent?.trim();
  const article = new Readability(document as unknown as Document, { charThreshold: 100 }).parse();
  let lines: string[] = [];
  if (article?.content) {
    const { document: inner } = parseHTML(`<html><body>${article.content}</body></html>`);
    lines = blocksToLines(inner.body as unknown as Element);
  }
  if (lines.length === 0)
    lines = (article?.textContent ?? document.body?.textContent ?? "")
      .split(/\n+/)
      .map((l) => l.replace(/\s+/g, " ").trim())
      .filter(Boolean);
  const title = article?.title?.trim() || pageTitle;
  if (title && lines[0]?.replace(/^## /, "") !== title) lines.unshift(title);
  else if (lines[0]?.startsWith("## ")) lines[0] = lines[0].slice(3);
  return {
    text: lines.join("\n").trim(),
    title,
    publisher: publisher ?? undefined,
    date: published?.match(/^\d{4}-\d{2}-\d{2}/)?.[0],
    url: url ?? undefined,
  };
}
