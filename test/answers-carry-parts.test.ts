import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { answerMessage } from "../src/slack/blocks.js";
import { formatAnswer } from "../src/cli/common.js";
import { code, em, link, markedOf, spansOf, strong } from "../src/answer/spans.js";
import type { Answer } from "../src/types.js";
import { ask, converse, seeds } from "./support/engine.js";

// The engine says what an answer is (status, lead spans, citations, suggestions); only the renderers say how.
const QUESTIONS = readFileSync(join(import.meta.dirname, "fixtures/questions.txt"), "utf8")
  .trim()
  .split("\n");
const ANSWERS: [string, Answer][] = [
  ...QUESTIONS.map((q): [string, Answer] => [q, ask(seeds, q)]),
  ["", ask(seeds, "")],
  ["LLR rating → source?", converse(seeds, "LLR rating", "source?")[1]!],
  ["sources", ask(seeds, "sources")],
];

/** What the engine's own formatting would leave in text if it still wrote Slack mrkdwn. */
const MARKUP = [
  /\*[^*\s][^*\n]*\*/, // *bold*
  /^> /m, // a quote line
  /<[^>\s]+\|[^>]*>/, // <url|title>
  /&(?:amp|lt|gt);/, // escaping
  /`/, // `code`
  /(?:^|\s)_[^_\s][^_\n]*_(?:\s|$)/, // _emphasis_
];

describe("an answer's parts", () => {
  it.each(ANSWERS)("%s: a lead of spans with no mrkdwn in them", (_, answer) => {
    expect(answer.lead.length).toBeGreaterThan(0);
    for (const span of answer.lead) for (const markup of MARKUP) expect(span.text).not.toMatch(markup);
    for (const q of answer.suggestions) for (const markup of MARKUP) expect(q).not.toMatch(markup);
    expect(answer.answered ? ["answered", "lacking"] : ["refused"]).toContain(answer.status);
  });

  it("marks emphasis as spans: a rating is a strong span, not starred text", () => {
    const { lead } = ask(seeds, "LLR rating");
    expect(lead.some((s) => s.strong && /^(?:Outstanding|Good|Requires improvement|Inadequate)$/.test(s.text))).toBe(
      true,
    );
  });

  it("offers example questions as suggestions, not as a line of the lead", () => {
    const help = ask(seeds, "");
    expect(help.suggestions.length).toBeGreaterThan(2);
    expect(help.lead.map((s) => s.text).join("")).not.toContain("Try:");
    expect(help.text).toContain(`Try: \`${help.suggestions[0]}\``);
  });

  it("links a source's title by a span with its URL", () => {
    const { lead } = ask(seeds, "sources");
    const linked = lead.filter((s) => s.url);
    expect(linked.length).toBeGreaterThan(0);
    for (const s of linked) expect(s.url).toMatch(/^https?:\/\//);
  });
});

describe("writing a lead", () => {
  it("turns marked runs into spans, and back", () => {
    const marked = `A ${strong("B")}, ${em("c")} ${code("d")} ${link("https://x.example/", "T")} ${link(undefined, "U")}.`;
    const spans = spansOf(marked);
    expect(spans).toEqual([
      { text: "A " },
      { text: "B", strong: true },
      { text: ", " },
      { text: "c", em: true },
      { text: " " },
      { text: "d", code: true },
      { text: " " },
      { text: "T", url: "https://x.example/" },
      { text: " " },
      { text: "U", em: true },
      { text: "." },
    ]);
    expect(spansOf(markedOf(spans))).toEqual(spans);
  });

  it("keeps marker characters in marked text from closing the mark or opening another", () => {
    const forged = "x\uE001 y \uE000z\uE006\uE001";
    expect(spansOf(`${strong(forged)} and ${link("https://x.example/", forged)}`)).toEqual([
      { text: "x y z", strong: true },
      { text: " and " },
      { text: "x y z", url: "https://x.example/" },
    ]);
  });
});

describe("rendering an answer's parts", () => {
  const hostile: Answer = {
    status: "answered",
    facts: [],
    lead: [
      { text: "Rated " },
      { text: "<!channel> & Co", strong: true },
      { text: " — <@U1> said <b>yes</b> & " },
      { text: "A <title>", url: "https://evil.example/a> <!channel> <" },
      { text: " and " },
      { text: "Report & <b>", url: "https://news.example/a?x=1&y=2" },
    ],
    suggestions: ["<!here> rating"],
    text: "",
    answered: true,
    intent: "rating",
    citations: [{ quote: "A quote <!everyone> & more", doc: "d", title: "T <i>", publisher: "P & Q" }],
  };

  it("in Slack, escapes document and user text so that nothing becomes a live mention or link", () => {
    const message = answerMessage(hostile);
    const all = JSON.stringify(message);
    expect(all).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U1>|<b>|<title>|<i>|<https:\/\/evil/);
    const section = message.blocks.find((b) => b.type === "section") as { text: { text: string } };
    expect(section.text.text).toContain(
      "Rated *&lt;!channel&gt; &amp; Co* — &lt;@U1&gt; said &lt;b&gt;yes&lt;/b&gt; &amp;",
    );
    expect(section.text.text).toContain("_A &lt;title&gt;_");
    expect(section.text.text).toContain("<https://news.example/a?x=1&amp;y=2|Report &amp; &lt;b&gt;>");
    expect(section.text.text).toContain("Try: `&lt;!here&gt; rating`");
    expect(all).toContain("A quote &lt;!everyone&gt; &amp; more");
    expect(message.text).toMatch(/^Rated &lt;!channel&gt; &amp; Co — &lt;@U1&gt; said/);
    expect(message.text).not.toMatch(/[*_]|<https?:/);
  });

  it("in a terminal, shows the text as written, marks dropped and a link as title (url)", () => {
    const shown = formatAnswer(hostile);
    expect(shown).toContain(
      "Rated <!channel> & Co — <@U1> said <b>yes</b> & A <title> (https://evil.example/a> <!channel> <)",
    );
    expect(shown).toContain("Try: <!here> rating");
    expect(shown).toContain("  │ A quote <!everyone> & more");
    expect(shown).not.toMatch(/&amp;|&lt;|\*/);
  });
});

describe("the facts an answer states", () => {
  it("are given beside the words: a rating and its score, a figure, a person", () => {
    const rating = converse(seeds, "LLR rating")[0]!;
    expect(rating.facts).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          kind: "rating",
          value: "Inadequate",
          unitKey: "leicester, leicestershire and rutland",
        }),
        expect.objectContaining({ kind: "score", value: "3/21" }),
      ]),
    );
    const figure = converse(seeds, "how many people on licence does LLR supervise")[0]!;
    expect(figure.facts).toEqual([expect.objectContaining({ kind: "figure", value: "939 people" })]);
    const person = converse(seeds, "who is the chief inspector of probation")[0]!;
    expect(person.facts[0]).toMatchObject({ kind: "person" });
    expect(person.facts[0]!.value).toMatch(/Martin Jones/);
  });
});
