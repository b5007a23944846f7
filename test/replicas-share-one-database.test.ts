// Two replicas of the bot (two Bolt apps on their own loopback ports, each with its own store and connections)
// on one PostgreSQL database, talking to one Slack stand-in: whichever replica a request reaches, each question
// is answered once and a thread's context is shared.
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LIMITS } from "../src/config.js";
import { settle, startTestBot, type TestBot } from "./support/bot.js";
import { startStandIn, type StandIn } from "./support/slack-stand-in.js";
import { freshDatabase, openAt } from "./support/stores.js";

let standIn: StandIn;
let databaseUrl: string;
const replicas: TestBot[] = [];
const replica = async () => {
  const bot = await startTestBot({ store: "postgres", databaseUrl, standIn });
  replicas.push(bot);
  return bot;
};
beforeEach(async (context) => {
  databaseUrl = await freshDatabase(context);
  standIn = await startStandIn();
});
afterEach(async () => {
  await Promise.all(replicas.splice(0).map((r) => r.stop()));
  await standIn.close();
});

const mention = (eventId: string, ts: string, text: string) => ({
  type: "app_mention",
  user: "U1",
  channel: "C1",
  ts,
  text: `<@UBOT> ${text}`,
  eventId,
});

describe("two replicas on one database", () => {
  it("answer an event once when Slack delivers it to both (a retry reaching the other replica)", async () => {
    const [a, b] = [await replica(), await replica()];
    const { eventId, ...event } = mention("EvBoth", "1711.000100", "LLR rating");
    const [first, retry] = await Promise.all([a.event(event, { eventId }), b.event(event, { eventId, retryNum: 1 })]);
    expect([first.status, retry.status]).toEqual([200, 200]);
    await a.waitFor("chat.postMessage");
    await settle(300);
    expect(standIn.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("share a thread's context: a follow-up reaching the other replica is answered in context", async () => {
    const [a, b] = [await replica(), await replica()];
    const { eventId, ...event } = mention("EvStart", "1711.000200", "LLR planning rating");
    await a.event(event, { eventId });
    await a.waitFor("chat.postMessage");
    await settle(100);
    await b.event({
      type: "message",
      channel_type: "channel",
      user: "U1",
      channel: "C1",
      ts: "1711.000300",
      thread_ts: "1711.000200",
      text: "and reviewing?",
    });
    const posts = await b.waitFor("chat.postMessage", 2);
    expect(JSON.stringify(posts[1]!.args.blocks)).toMatch(/Reviewing/);
    expect(posts[1]!.args.thread_ts).toBe("1711.000200");
  });

  it("answer once what a replica that died had acknowledged, when both start together", async () => {
    // The dead replica recorded the question (its lease long run out) and never answered.
    const past = new Date(Date.now() - LIMITS.pendingLeaseMs - 10_000);
    const dead = await openAt("postgres", databaseUrl, { now: () => past });
    const body = {
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: "EvOrphan",
      event_time: 1700000000,
      event: { type: "app_mention", user: "U1", channel: "C1", ts: "1711.000400", text: "<@UBOT> derby city rating" },
    };
    expect(await dead.beginEvent("event:EvOrphan", body)).toBe(true);
    await dead.close();
    const [a] = await Promise.all([replica(), replica()]);
    await a!.waitFor("chat.postMessage");
    await settle(300);
    expect(standIn.callsTo("chat.postMessage")).toHaveLength(1);
    expect(await a!.store.eventState("event:EvOrphan")).toBe("done");
  });
});
