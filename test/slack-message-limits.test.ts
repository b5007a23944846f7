import { describe, expect, it } from "vitest";
import { answerMessage, chunks, cutAtSentence } from "../src/slack/blocks.js";
import { escapeText } from "../src/slack/mrkdwn.js";
import type { Answer } from "../src/types.js";

const long = Array.from(
  { length: 120 },
  (_, i) => `• Sentence number ${i} of a very long list of documents and what each contributes.`,
).join("\n");
const answer: Answer = {
  status: "answered",
  facts: [],
  lead: [{ text: long }],
  suggestions: [],
  text: `${long}\n> a quote\n> — _Publisher: Title_`,
  answered: true,
  intent: "sources",
  citations: [{ quote: "a quote", doc: "d", title: "Title", publisher: "Publisher" }],
};

describe("a long answer", () => {
  it("is cut at a line with 'more in the thread', and the rest comes in parts that fit", () => {
    const message = answerMessage(answer);
    const section = message.blocks.find((b) => b.type === "section") as { text: { text: string } };
    expect(section.text.text.length).toBeLessThanOrEqual(2900);
    expect(section.text.text).toMatch(/more in the thread$/);
    expect(message.more!.length).toBeGreaterThan(1);
    for (const part of message.more!) expect(part.length).toBeLessThanOrEqual(2800);
    const shown = section.text.text.replace(/\s*… more in the thread$/, "");
    expect(`${shown}\n${message.more!.join("\n")}`.replace(/\s+/g, " ")).toBe(long.replace(/\s+/g, " "));
  });

  it("keeps the quotes out of the section: they become context blocks with their source", () => {
    const message = answerMessage(answer);
    expect(message.blocks.filter((b) => b.type === "context")).toHaveLength(1);
    expect(JSON.stringify(message.blocks)).toContain("“a quote”");
  });
});

describe("mrkdwn escaping", () => {
  it("escapes only &, < and >", () => {
    expect(escapeText("<!channel> & <@U1> *bold* _it_")).toBe("&lt;!channel&gt; &amp; &lt;@U1&gt; *bold* _it_");
  });

  it("cuts at a sentence end", () => {
    expect(cutAtSentence("One. Two three. Four five six seven.", 20)).toBe("One. Two three. … more in the thread");
    expect(chunks("a b c d", 3)).toEqual(["a b", "c d"]);
  });
});
