import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { settle, startTestBot, type TestBot } from "./support/bot.js";

let t: TestBot;
beforeEach(async () => (t = await startTestBot()));
afterEach(async () => t.stop());

const textOf = (blocks: unknown) => JSON.stringify(blocks);

describe("/probation <question>", () => {
  it("is acknowledged at once, then answered in the channel as a thread root that says who asked", async () => {
    t.standIn.delay("chat.postMessage", 200); // the answer may take a while; the ack must not wait for it
    const ack = await t.command("LLR rating");
    expect(ack.status).toBe(200);
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0); // acked before the answer went out
    const [post] = await t.waitFor("chat.postMessage");
    expect(post!.args.channel).toBe("C123");
    expect(post!.args.thread_ts).toBeUndefined();
    const blocks = textOf(post!.args.blocks);
    expect(blocks).toContain("<@U123> asked: LLR rating");
    expect(blocks).toContain("Inadequate");
    expect(blocks).toContain("3/21");
    expect(blocks).toContain("HM Inspectorate of Probation"); // the citation's source
    expect(post!.args.text).toMatch(/Inadequate/);
  });

  it("remembers the thread it started, with the unit and topic asked about", async () => {
    await t.command("LLR planning rating");
    await t.waitFor("chat.postMessage");
    await settle(50);
    const thread = await t.store.thread("", "C123", "1700000000.000001");
    expect(thread).toMatchObject({ unitKey: "leicester, leicestershire and rutland", topic: "planning" });
  });

  it("answers `private` questions only to the asker, with a Share in channel button", async () => {
    await t.command("private LLR score");
    const [reply] = await t.waitFor("respond");
    expect(reply!.args.response_type).toBe("ephemeral");
    expect(textOf(reply!.args.blocks)).toContain("3/21");
    expect(textOf(reply!.args.blocks)).toContain("share_answer");
    await settle(100);
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0);
  });

  it("gives help, with example questions, for an empty command or `help`", async () => {
    await t.command("");
    await t.command("help");
    const replies = await t.waitFor("respond", 2);
    for (const r of replies) {
      expect(r.args.response_type).toBe("ephemeral");
      expect(textOf(r.args.blocks)).toMatch(/Try:/);
    }
  });

  it("answers privately, with how to invite it, where it cannot post", async () => {
    t.standIn.failNext("chat.postMessage", { error: "not_in_channel" });
    await t.command("LLR rating", { channel: "C999" });
    const replies = await t.waitFor("respond", 2);
    expect(textOf(replies.map((r) => r.args))).toContain("Inadequate");
    expect(textOf(replies.map((r) => r.args))).toContain("/invite");
  });

  it("never turns <!channel> or a user mention in the question into a live mention", async () => {
    await t.command("<!channel> <@U999> Birmingham PDU rating");
    const [post] = await t.waitFor("chat.postMessage");
    const all = textOf(post!.args);
    expect(all).not.toMatch(/<!channel>|<@U999>/);
    expect(all).toContain("&lt;!channel&gt;");
    expect(all).toContain("no inspection of");
  });
});
