// Questions recorded as pending by a process that then died are answered by the next one to start:
// once, and only while they are recent.
import { describe, expect, it } from "vitest";
import { openStore } from "../src/store/db.js";
import { settle, startTestBot } from "./support/bot.js";
import { tempDir } from "./support/temp.js";

const command = (responseUrl: string, trigger: string) => ({
  token: "t",
  command: "/probation",
  text: "derby city rating",
  user_id: "U7",
  user_name: "ann",
  channel_id: "C7",
  channel_name: "general",
  team_id: "T1",
  response_url: responseUrl,
  trigger_id: trigger,
  api_app_id: "A1",
});

describe("a pending question found at start", () => {
  it("a slash command is answered once, and not again at the next start", async () => {
    const dataDir = tempDir("pending-");
    let t = await startTestBot({ dataDir });
    const responseUrl = `${t.standIn.responseUrl}/pending`;
    await t.stop();
    const store = await openStore(dataDir);
    await store.beginEvent("command:abc", command(responseUrl, "trig-pending")); // then the process died
    t = await startTestBot({ dataDir });
    const [post] = await t.waitFor("chat.postMessage");
    expect(JSON.stringify(post!.args.blocks)).toMatch(/<@U7> asked: derby city rating/);
    expect((post!.args.metadata as { event_payload: { post_id: string } }).event_payload.post_id).toBe(
      "answer:command:abc",
    );
    await settle(100);
    await t.stop();
    t = await startTestBot({ dataDir });
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0);
    await t.stop();
  });

  it("an answer that went out just before the crash is found, not posted again", async () => {
    const dataDir = tempDir("pending-posted-");
    const store = await openStore(dataDir);
    const mention = {
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "EvPosted",
      event_time: 1700000000,
      event: { type: "app_mention", user: "U1", channel: "C1", ts: "5.5", text: "<@UBOT> LLR rating" },
    };
    await store.beginEvent("event:EvPosted", mention);
    const t = await startTestBot({
      dataDir,
      beforeStart: async (standIn) => {
        // What the dead process had posted: Slack has the answer, the store does not know.
        await fetch(`${standIn.apiUrl}chat.postMessage`, {
          method: "POST",
          headers: { "content-type": "application/json" },
          body: JSON.stringify({
            channel: "C1",
            thread_ts: "5.5",
            text: "answer",
            metadata: { event_type: "probation_bot_post", event_payload: { post_id: "answer:event:EvPosted" } },
          }),
        });
      },
    });
    await t.waitFor("conversations.replies");
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(1); // only the one from before the crash
    expect(await t.store.eventState("event:EvPosted")).toBe("done");
    await t.stop();
  });

  it("an old one (over five minutes) is dropped with a log line, not answered", async () => {
    const dataDir = tempDir("pending-old-");
    const old = await openStore(dataDir, { now: () => new Date(Date.now() - 10 * 60_000) });
    await old.beginEvent("event:EvOld", {
      type: "event_callback",
      event_id: "EvOld",
      event: { type: "app_mention", user: "U1", channel: "C1", ts: "6.6", text: "<@UBOT> LLR rating" },
    });
    const t = await startTestBot({ dataDir });
    await settle();
    expect(t.standIn.callsTo("chat.postMessage")).toHaveLength(0);
    expect(await t.store.pendingEvents()).toEqual([]);
    await t.stop();
  });

  it("channel messages that are not questions to the bot are not recorded at all", async () => {
    const t = await startTestBot();
    await t.event(
      { type: "message", channel_type: "channel", user: "U1", channel: "C1", ts: "7.1", text: "lunch?" },
      { eventId: "EvChatter" },
    );
    await t.event(
      {
        type: "message",
        channel_type: "channel",
        user: "U1",
        channel: "C1",
        ts: "7.3",
        thread_ts: "7.2",
        text: "and reviewing?",
      },
      { eventId: "EvOtherThread" },
    );
    await t.event(
      { type: "app_mention", user: "U1", channel: "C1", ts: "7.4", text: "<@UBOT> LLR rating" },
      { eventId: "EvQuestion" },
    );
    await t.waitFor("chat.postMessage");
    expect(await t.store.eventState("event:EvChatter")).toBeUndefined();
    expect(await t.store.eventState("event:EvOtherThread")).toBeUndefined();
    expect(await t.store.eventState("event:EvQuestion")).toBeDefined();
    await t.stop();
  });
});
