// Every way a question arrives goes through one answering function: the same answer, the same posting once,
// the same remembering of the thread and the same replies when it cannot post, whichever way it came.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { settle, startTestBot, type TestBot } from "./support/bot.js";

let t: TestBot;
beforeEach(async () => (t = await startTestBot()));
afterEach(async () => t.stop());

const share = (question: string, user = "U7") => ({
  type: "block_actions",
  user: { id: user },
  team: { id: "T1" },
  api_app_id: "A1",
  trigger_id: `trig-${Math.random()}`,
  channel: { id: "C1" },
  container: { type: "message", channel_id: "C1", message_ts: "1699999999.000001" },
  response_url: `${t.standIn.responseUrl}/action`,
  actions: [{ type: "button", action_id: "share_answer", block_id: "b", value: question, action_ts: "1" }],
});

const mention = (channel: string, ts: string, text: string, threadTs?: string) => ({
  type: "app_mention",
  user: "U1",
  channel,
  ts,
  text: `<@UBOT> ${text}`,
  ...(threadTs ? { thread_ts: threadTs } : {}),
});

describe("one answering path", () => {
  it("a shared answer starts a thread the bot remembers, and the sharer is told it went out", async () => {
    await t.interaction(share("LLR planning rating"));
    const [post] = await t.waitFor("chat.postMessage");
    const [confirm] = await t.waitFor("respond");
    expect(confirm!.args).toMatchObject({
      response_type: "ephemeral",
      replace_original: true,
      text: "Shared in the channel.",
    });
    await settle(50);
    expect(post!.args.thread_ts).toBeUndefined();
    expect(await t.store.thread("", "C1", "1700000000.000001")).toMatchObject({ topic: "planning" });
  });

  it("a share where the bot cannot post tells the sharer how to invite it, and posts nothing", async () => {
    t.standIn.failNext("chat.postMessage", { error: "not_in_channel" });
    await t.interaction(share("LLR rating"));
    const [reply] = await t.waitFor("respond");
    expect(reply!.args.replace_original).toBe(false);
    expect(JSON.stringify(reply!.args)).toContain("/invite");
    expect(JSON.stringify(reply!.args)).not.toContain("Inadequate"); // the sharer has seen the answer already
    await settle(100);
    expect(t.standIn.callsTo("respond")).toHaveLength(1);
  });

  it("a slash command whose post Slack refuses gets an apology only the asker sees, not one in the channel", async () => {
    t.standIn.failNext("chat.postMessage", { error: "msg_too_long" });
    await t.command("LLR rating");
    const [reply] = await t.waitFor("respond");
    expect(reply!.args.response_type).toBe("ephemeral");
    expect(JSON.stringify(reply!.args)).toMatch(/Sorry/);
    await settle(100);
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0); // the stand-in keeps no refused post: nothing went out after it
    expect(t.errors.join("\n")).toMatch(/request .*command.*msg_too_long/);
  });

  it("a mention in a thread the slash command started carries the same conversation on", async () => {
    await t.command("LLR planning rating");
    const [root] = await t.waitFor("chat.postMessage");
    await settle(50);
    const rootTs = "1700000000.000001";
    expect(root!.args.thread_ts).toBeUndefined();
    await t.event(mention("C123", "1700000001.000001", "and reviewing?", rootTs));
    const posts = await t.waitFor("chat.postMessage", 2);
    expect(posts[1]!.args.thread_ts).toBe(rootTs);
    expect(JSON.stringify(posts[1]!.args.blocks)).toMatch(/Leicester/);
    await settle(50);
    expect(await t.store.thread("", "C123", rootTs)).toMatchObject({ topic: "reviewing" });
  });
});
