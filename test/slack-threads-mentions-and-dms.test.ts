import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { settle, startTestBot, type TestBot } from "./support/bot.js";
import { STORE_KINDS } from "./support/stores.js";

/** Events as Slack sends them from user U1: a mention in channel C1, a reply in a thread there, a direct message. */
const mention = (ts: string, text: string) => ({
  type: "app_mention",
  user: "U1",
  channel: "C1",
  ts,
  text: `<@UBOT> ${text}`,
});
const inChannelThread = (ts: string, threadTs: string, text: string) => ({
  type: "message",
  channel_type: "channel",
  user: "U1",
  channel: "C1",
  ts,
  thread_ts: threadTs,
  text,
});
const directMessage = (ts: string, text: string) => ({
  type: "message",
  channel_type: "im",
  user: "U1",
  channel: "D1",
  ts,
  text,
});

let t: TestBot;
describe.each(STORE_KINDS)("%s store", (kind) => {
  beforeEach(async (context) => (t = await startTestBot({ store: kind, context })));
  afterEach(async () => {
    // The bot now running: a test may have restarted it.
    const running = t;
    t = undefined as unknown as TestBot; // a skipped test must not stop the previous one again
    await running?.stop();
  });

  const blocksOf = (c: { args: Record<string, unknown> }) => JSON.stringify(c.args.blocks);

  describe("a mention", () => {
    it("is answered in a thread under it, with 👀 while the bot works", async () => {
      await t.event(mention("1711.000100", "derby city rating"));
      const [post] = await t.waitFor("chat.postMessage");
      expect(post!.args.thread_ts).toBe("1711.000100");
      expect(blocksOf(post!)).toContain("Requires improvement");
      const [added] = await t.waitFor("reactions.add");
      expect(added!.args).toMatchObject({ name: "eyes", timestamp: "1711.000100" });
      await t.waitFor("reactions.remove");
    });
  });

  describe("a plain message in a thread", () => {
    it("is a follow-up when the bot is part of the thread, answered with the thread's context", async () => {
      await t.event(mention("1711.000100", "LLR planning rating"));
      await t.waitFor("chat.postMessage");
      await settle(50);
      await t.event(inChannelThread("1711.000300", "1711.000100", "and reviewing?"));
      const posts = await t.waitFor("chat.postMessage", 2);
      expect(posts[1]!.args.thread_ts).toBe("1711.000100");
      expect(blocksOf(posts[1]!)).toMatch(/Reviewing: \*Inadequate\*/);
    });

    it("is left alone in a thread the bot is not part of", async () => {
      await t.event(inChannelThread("1711.000300", "1711.000200", "and reviewing?"));
      await settle();
      expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0);
    });

    it("keeps its context across a restart", async () => {
      await t.event(mention("1711.000100", "derby city rating"));
      await t.waitFor("chat.postMessage");
      await settle(50);
      const { dataDir, databaseUrl } = t;
      await t.stop();
      t = await startTestBot({ dataDir, databaseUrl, store: kind });
      await t.event(inChannelThread("1711.000400", "1711.000100", "what about the east midlands?"));
      const [post] = await t.waitFor("chat.postMessage");
      expect(blocksOf(post!)).toMatch(/East Midlands region\* is rated \*Inadequate\*/);
    });
  });

  describe("direct messages", () => {
    it("are answered, and a DM is one conversation", async () => {
      await t.event(directMessage("1711.000500", "LLR planning rating"));
      await t.waitFor("chat.postMessage");
      await settle(50);
      await t.event(directMessage("1711.000600", "and reviewing?"));
      const posts = await t.waitFor("chat.postMessage", 2);
      expect(posts[0]!.args.channel).toBe("D1");
      expect(blocksOf(posts[1]!)).toMatch(/Reviewing/);
    });
  });

  describe("messages that are not questions", () => {
    it("ignores the bot's own posts, other bots, edits and deletions", async () => {
      await t.event(mention("1711.000100", "LLR rating"));
      await t.waitFor("chat.postMessage");
      await settle(50);
      const inThread = { channel: "C1", channel_type: "channel", thread_ts: "1711.000100" };
      await t.event({
        type: "message",
        ...inThread,
        user: "UBOT",
        bot_id: "BBOT",
        ts: "1711.000700",
        text: "an answer",
      });
      await t.event({
        type: "message",
        ...inThread,
        subtype: "bot_message",
        bot_id: "B2",
        ts: "1711.000800",
        text: "another bot",
      });
      await t.event({
        type: "message",
        ...inThread,
        subtype: "message_changed",
        ts: "1711.000900",
        message: { text: "edited" },
      });
      await t.event({
        type: "message",
        ...inThread,
        subtype: "message_deleted",
        ts: "1711.001000",
        deleted_ts: "1711.000100",
      });
      await settle();
      expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(1);
    });
  });
});
