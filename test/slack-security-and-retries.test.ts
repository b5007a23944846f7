import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SIGNING_SECRET, settle, startTestBot, type TestBot } from "./support/bot.js";
import { signedHeaders, slackSignature } from "./support/sign.js";

let t: TestBot;
beforeEach(async () => (t = await startTestBot()));
afterEach(async () => t.stop());

const mention = (ts: string) => ({ type: "app_mention", user: "U1", channel: "C1", ts, text: "<@UBOT> LLR rating" });

describe("signature verification", () => {
  it("refuses a forged signature with 401 and posts nothing", async () => {
    const body = JSON.stringify({ type: "event_callback", event_id: "EvForged", event: mention("1.1") });
    const now = Math.floor(Date.now() / 1000);
    const res = await t.raw(body, {
      "x-slack-request-timestamp": String(now),
      "x-slack-signature": slackSignature("not-the-secret", now, body),
    });
    expect(res.status).toBe(401);
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("refuses a correctly signed request older than five minutes", async () => {
    const body = JSON.stringify({ type: "event_callback", event_id: "EvStale", event: mention("1.2") });
    const res = await t.raw(body, signedHeaders(SIGNING_SECRET, body, Math.floor(Date.now() / 1000) - 6 * 60));
    expect(res.status).toBeGreaterThanOrEqual(400);
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("refuses a request with no signature", async () => {
    const res = await t.raw(JSON.stringify({ type: "event_callback", event: mention("1.3") }), {});
    expect(res.status).toBe(401);
  });
});

describe("a delivery Slack retries", () => {
  it("is answered once", async () => {
    await t.event(mention("2.1"), { eventId: "EvSame" });
    await t.event(mention("2.1"), { eventId: "EvSame", retryNum: 1 });
    await t.waitFor("chat.postMessage");
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("is answered once across a restart", async () => {
    await t.event(mention("2.2"), { eventId: "EvAcross" });
    await t.waitFor("chat.postMessage");
    await settle(50);
    const dataDir = t.dataDir;
    await t.stop();
    t = await startTestBot({ dataDir });
    await t.event(mention("2.2"), { eventId: "EvAcross", retryNum: 2 });
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0);
  });
});

describe("posting", () => {
  it("does not post twice when Slack took a post but the response was lost", async () => {
    t.standIn.failNext("chat.postMessage", { status: 500, record: true });
    await t.event(mention("3.1"));
    await t.waitFor("conversations.replies");
    await settle();
    const posts = t.standIn.callsTo("chat.postMessage");
    expect(posts).toHaveLength(1);
    expect(t.errors).toEqual([]);
  });

  it("retries a post that Slack refused with a 5xx, and posts it once", async () => {
    t.standIn.failNext("chat.postMessage", { status: 503 });
    await t.event(mention("3.2"));
    const posts = await t.waitFor("chat.postMessage", 2);
    await settle();
    expect(posts).toHaveLength(2); // the refused attempt and the one that went through
    expect(t.standIn.callsTo("conversations.replies")).toHaveLength(1);
  });

  it("waits out a rate limit and posts once", async () => {
    t.standIn.failNext("chat.postMessage", { status: 429, retryAfter: 0 });
    await t.event(mention("3.3"));
    await t.waitFor("chat.postMessage", 2);
    await settle();
    expect(t.standIn.callsTo("conversations.replies")).toHaveLength(0);
  });

  it("apologises in the thread and logs the request id when it cannot answer", async () => {
    t.standIn.failNext("chat.postMessage", { status: 500 }, { status: 500 }, { status: 500 });
    await t.event(mention("3.4"), { eventId: "EvFails" });
    const posts = await t.waitFor("chat.postMessage", 4);
    expect(JSON.stringify(posts[3]!.args)).toMatch(/Sorry/);
    expect(posts[3]!.args.thread_ts).toBe("3.4");
    expect(t.errors.join("\n")).toContain("EvFails");
  });
});

describe("GET /healthz", () => {
  it("answers ok with the number of documents and the uptime", async () => {
    const res = await fetch(t.url.replace("/slack/events", "/healthz"));
    expect(res.status).toBe(200);
    expect(await res.json()).toMatchObject({ ok: true, documents: 5, uptime: expect.any(Number) });
  });
});
