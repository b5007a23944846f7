// The digest is composed as data (no Slack in it) and rendered twice: as Block Kit by the Slack layer, as text
// for the terminal. Text from the documents is escaped where it becomes mrkdwn, and only there.
import { describe, expect, it } from "vitest";
import { digestAsText } from "../src/cli/digest-text.js";
import { composeDigest, type Digest } from "../src/digest/compose.js";
import { digestMessage } from "../src/slack/digest-blocks.js";
import { seeds as index } from "./support/engine.js";
import { subscription } from "./support/subscription.js";

const sub = subscription();

describe("the digest as data", () => {
  it("holds plain text: names, ratings and titles as the documents give them, no mrkdwn", () => {
    const digest = composeDigest(index, { ...sub, lastPostedAt: "2026-10-01T00:00:00Z" }, "2026-11-23");
    expect(digest.units.map((u) => u.name)).toContain("Leicester, Leicestershire and Rutland PDU");
    expect(digest.units.find((u) => u.name.startsWith("Leicester"))).toMatchObject({
      rating: "Inadequate",
      score: "3/21",
    });
    expect(digest.newDocuments.map((d) => d.title)).toContain("Region's probation services rated inadequate");
    expect(digest.finding?.citation.quote.length).toBeGreaterThan(40);
    expect(JSON.stringify(digest)).not.toMatch(/&lt;|&amp;|<https?:|\*Leicester/);
  });

  it("reads in a terminal with no markup left", () => {
    const text = digestAsText(composeDigest(index, sub, "2026-11-23"));
    expect(text).toContain("Leicester, Leicestershire and Rutland PDU — Inadequate (3/21)");
    expect(text).toContain("███░░░░░░░ 32%");
    expect(text).toContain("Finding of the day");
    expect(text).not.toMatch(/&lt;|&amp;|<https?:|\*[A-Z]|`/);
  });
});

describe("the digest in Slack", () => {
  const hostile: Digest = {
    date: "2026-11-23",
    units: [{ name: "<!channel> & Co", rating: "Good", keyQuestions: [] }],
    ratedUnits: 1,
    newDocuments: [
      { title: "A <@U1> title", publisher: "P & Q", url: "https://evil.example/a> <!here> <" },
      { title: "Safe", publisher: "P", url: "https://news.example/a?x=1&y=2" },
    ],
    newCount: 2,
    newSince: "the last digest",
  };

  it("escapes the documents' text and makes no link of a URL that could break out of one", () => {
    const blocks = JSON.stringify(digestMessage(hostile).blocks);
    expect(blocks).not.toMatch(/<!channel>|<!here>|<@U1>/);
    expect(blocks).toContain("&lt;!channel&gt; &amp; Co");
    expect(blocks).toContain("_A &lt;@U1&gt; title_");
    expect(blocks).toContain("<https://news.example/a?x=1&amp;y=2|Safe>");
  });

  it("says how many units and documents, in the notification text", () => {
    expect(digestMessage(hostile).text).toBe("Probation briefing — 2026-11-23: 1 units rated; 2 new documents.");
  });
});
