// Web API calls that hang, fail or are rate limited: every answer is posted once or apologised for, nothing
// waits forever, one channel's rate limit holds no other channel, and /healthz tells the truth.
import { rmSync, writeFileSync } from "node:fs";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { settle, startTestBot, type TestBot } from "./support/bot.js";
import { withLimits } from "./support/limits.js";

let t: TestBot;
let restore: () => void;
beforeEach(async () => {
  restore = withLimits({ apiTimeoutMs: 300, stuckAnswerMs: 100, stopGraceMs: 2_000 });
  t = await startTestBot();
});
afterEach(async () => {
  await t.stop();
  restore();
});

const mention = (channel: string, ts: string, text = "<@UBOT> LLR rating") => ({
  type: "app_mention",
  user: "U1",
  channel,
  ts,
  text,
});
const health = async () => {
  const res = await fetch(t.url.replace("/slack/events", "/healthz"));
  return { status: res.status, body: (await res.json()) as { ok: boolean; problem?: string } };
};
const postsIn = (thread: string) => t.standIn.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === thread);

describe("a chat.postMessage that never answers", () => {
  it("times out, is looked for, and is posted again once", async () => {
    t.standIn.failNext("chat.postMessage", { hang: true });
    await t.event(mention("C1", "5.1"));
    await t.waitFor("conversations.replies");
    const posts = await t.waitFor("chat.postMessage", 2);
    await settle();
    expect(posts).toHaveLength(2); // the hung attempt, and the answer
    expect(JSON.stringify(posts[1]!.args.blocks)).toContain("Inadequate");
  });

  it("when it never answers at all: the answer is given up within bounded time, logged, and the bot stops cleanly", async () => {
    t.standIn.failNext("chat.postMessage", ...Array.from({ length: 8 }, () => ({ hang: true as const })));
    await t.event(mention("C1", "5.2"), { eventId: "EvHung" });
    await t.waitFor("chat.postMessage");
    await settle(150);
    expect((await health()).status).toBe(503); // an answer stuck in flight
    for (let i = 0; i < 300 && t.bot.deps.inFlight.size > 0; i++) await settle(50);
    expect(t.bot.deps.inFlight.size).toBe(0);
    expect(t.errors.join("\n")).toMatch(/EvHung.*Slack did not answer within 0.3 s/);
    expect((await health()).status).toBe(200);
  });

  it("a post Slack kept, whose look-up then fails, is not posted again", async () => {
    t.standIn.failNext("chat.postMessage", { status: 500, record: true });
    t.standIn.failNext("conversations.replies", { status: 500 }, { status: 500 });
    await t.event(mention("C1", "5.3"));
    await t.waitFor("conversations.replies", 2);
    await settle();
    expect(postsIn("5.3")).toHaveLength(1);
    expect(t.errors.join("\n")).toMatch(/may not have been posted/);
  });
});

describe("the 👀 reaction", () => {
  it("never holds an answer: a hung reactions.add does not delay it", async () => {
    t.standIn.failNext("reactions.add", { hang: true }, { hang: true }, { hang: true });
    await t.event(mention("C1", "6.1"));
    await t.waitFor("chat.postMessage");
    // Posted while reactions.add still hangs: before its three attempts have all timed out (as they would have
    // if the answer waited for it), and 👀 is not removed before the add has settled.
    expect(t.standIn.callsTo("reactions.add").length).toBeLessThan(3);
    expect(t.standIn.callsTo("reactions.remove")).toHaveLength(0);
  });

  it("a failing reactions.add does not stop the answer", async () => {
    t.standIn.failNext("reactions.add", { error: "missing_scope" });
    await t.event(mention("C1", "6.2"));
    const [post] = await t.waitFor("chat.postMessage");
    expect(JSON.stringify(post!.args.blocks)).toContain("Inadequate");
  });
});

describe("a rate limit", () => {
  it("holds only the channel it concerns", async () => {
    t.standIn.failNext("chat.postMessage", { status: 429, retryAfter: 2 });
    await t.event(mention("CSLOW", "7.1"));
    await t.waitFor("chat.postMessage");
    // Ten more questions for the rate-limited channel wait their turn without holding anyone else.
    for (let i = 2; i <= 11; i++) await t.event(mention("CSLOW", `7.${i}`));
    await t.event(mention("CFAST", "7.99"));
    const posts = await t.waitFor("chat.postMessage", 13, 8_000);
    expect(posts.map((p) => p.args.channel)).toEqual(["CSLOW", "CFAST", ...Array(11).fill("CSLOW")]);
  });
});

describe("a store that cannot write", () => {
  it("still answers, and /healthz says the store is the problem", async () => {
    rmSync(t.dataDir, { recursive: true, force: true });
    writeFileSync(t.dataDir, "not a folder");
    await t.event(mention("C1", "8.1"));
    await t.waitFor("chat.postMessage");
    const { status, body } = await health();
    expect(status).toBe(503);
    expect(body.problem).toMatch(/cannot write/);
    rmSync(t.dataDir, { force: true });
  });

  it("a slash command is posted once, with no apology beside it", async () => {
    rmSync(t.dataDir, { recursive: true, force: true });
    writeFileSync(t.dataDir, "not a folder");
    expect((await t.command("LLR rating")).status).toBe(200);
    await t.waitFor("chat.postMessage");
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(1);
    expect(JSON.stringify(t.standIn.callsTo("respond"))).not.toMatch(/Sorry/);
    rmSync(t.dataDir, { force: true });
  });
});
