// Input that must not hurt: malformed signed bodies, huge markup, replayed or future-dated requests, and
// links in documents that try to break out of a Slack link.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { citationBlock } from "../src/slack/blocks.js";
import { SIGNING_SECRET, settle, startTestBot, type TestBot } from "./support/bot.js";
import { signedHeaders } from "./support/sign.js";

let t: TestBot;
beforeEach(async () => (t = await startTestBot()));
afterEach(async () => t.stop());

const form = "application/x-www-form-urlencoded";

describe("malformed signed bodies", () => {
  it.each([
    ["payload=null", "payload=null", form],
    ["payload that is not JSON", "payload=%7Bnot-json", form],
    ["a JSON null", "null", "application/json"],
    ["a JSON array", "[1,2]", "application/json"],
  ])("%s gets 400, and the bot keeps answering", async (_name, body, type) => {
    const res = await t.raw(body, signedHeaders(SIGNING_SECRET, body), type);
    expect(res.status).toBe(400);
    await t.event({ type: "app_mention", user: "U1", channel: "C1", ts: "9.1", text: "<@UBOT> LLR rating" });
    await t.waitFor("chat.postMessage");
  });
});

describe("a message of 50,000 characters of markup", () => {
  it("is cut before it is read, and answered", async () => {
    const text = `<@UBOT> ${"<!".repeat(25_000)}`;
    await t.event({ type: "app_mention", user: "U1", channel: "C1", ts: "9.2", text });
    const [post] = await t.waitFor("chat.postMessage");
    expect(post!.args.thread_ts).toBe("9.2");
    expect(JSON.stringify(post!.args)).not.toMatch(/<!channel>|<!here>|<!everyone>/);
  });
});

describe("request timestamps", () => {
  it("a correctly signed request from ten minutes in the future is refused", async () => {
    const body = JSON.stringify({
      type: "event_callback",
      event_id: "EvFuture",
      event: { type: "app_mention", user: "U1", channel: "C1", ts: "9.3", text: "<@UBOT> LLR rating" },
    });
    const res = await t.raw(body, signedHeaders(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) + 600));
    expect(res.status).toBe(401);
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0);
  });
});

describe("a signed slash command replayed within five minutes", () => {
  it("is acknowledged and answered once", async () => {
    const body = new URLSearchParams({
      command: "/probation",
      text: "LLR rating",
      user_id: "U1",
      channel_id: "C9",
      team_id: "T1",
      response_url: `${t.standIn.responseUrl}/r`,
      trigger_id: "trig-replay",
      api_app_id: "A1",
    }).toString();
    const headers = signedHeaders(SIGNING_SECRET, body);
    const first = await t.raw(body, headers, form);
    const again = await t.raw(body, headers, form);
    expect([first.status, again.status]).toEqual([200, 200]);
    await t.waitFor("chat.postMessage");
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("the same text sent again as a new command (a new timestamp) is answered again", async () => {
    await t.command("LLR rating");
    await t.command("LLR rating");
    await t.waitFor("chat.postMessage", 2);
  });
});

describe("a document's link", () => {
  const citation = {
    quote: "The service was rated inadequate.",
    doc: "x.txt",
    title: "A <b> title",
    publisher: "Gazette",
  };
  it("that would break out of a Slack link is not made a link, and mentions nothing", () => {
    const text = JSON.stringify(citationBlock({ ...citation, url: "https://evil.example/a> <!channel> <" }));
    expect(text).not.toContain("<!channel>");
    expect(text).not.toContain("<https://evil");
    expect(text).toContain("_A &lt;b&gt; title_");
  });

  it("that is a plain https link stays a link, its & escaped", () => {
    const text = JSON.stringify(citationBlock({ ...citation, url: "https://news.example/a?x=1&y=2" }));
    expect(text).toContain("<https://news.example/a?x=1&amp;y=2|A &lt;b&gt; title>");
  });
});
