// The OAuth install (Bolt's installer) into two workspaces, against the Web API stand-in: each workspace gets
// its own token, its own threads, feedback and digests; an uninstall removes that workspace's token and stops its
// digests and deletes its threads and feedback; a rotating token is refreshed when it is about to expire. Run
// against both stores.
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { deliverDue } from "../src/digest/deliver.js";
import { slackDigestPoster } from "../src/slack/digest-poster.js";
import { BOT_SCOPES, REDIRECT_PATH } from "../src/slack/workspaces.js";
import { settle, testBotForEachTest, type TestBot } from "./support/bot.js";
import { seeds as index } from "./support/engine.js";
import { STORE_KINDS } from "./support/stores.js";

let t: TestBot;
describe.each(STORE_KINDS)("%s store", (kind) => {
  testBotForEachTest({ store: kind, oauth: true }, (bot) => {
    t = bot;
    t?.standIn.grant("code-1", { teamId: "T1", token: "xoxb-one" });
    t?.standIn.grant("code-2", { teamId: "T2", token: "xoxb-two" });
  });

  const postsWith = (token: string) => t.standIn.callsTo("chat.postMessage").filter((c) => c.token === token);
  const mention = (teamId: string, ts: string) =>
    t.event({ type: "app_mention", user: "U1", channel: "C1", ts, text: "<@UBOT> LLR rating" }, { teamId });
  const followUp = (teamId: string, threadTs: string, ts: string) =>
    t.event(
      {
        type: "message",
        channel: "C1",
        channel_type: "channel",
        user: "U1",
        ts,
        thread_ts: threadTs,
        text: "and planning?",
      },
      { teamId },
    );
  /** The thread's context once the bot has remembered it (it does so right after its post): for at most 5 s. */
  const threadOnceKept = async (workspace: string, threadTs: string) => {
    for (const end = Date.now() + 5000; Date.now() < end; await settle(20)) {
      const kept = await t.store.thread(workspace, "C1", threadTs);
      if (kept) return kept;
    }
    return undefined;
  };
  const digests = (now: Date) =>
    deliverDue({
      store: t.store,
      poster: slackDigestPoster(t.bot.deps.workspaces.posterOf),
      getIndex: () => index,
      now: () => now,
      log: () => undefined,
    });

  it("installs into two workspaces, each with its own token, and answers each with it", async () => {
    const first = await t.install("code-1");
    expect(first.status).toBe(200);
    expect((await t.install("code-2")).status).toBe(200);
    expect((await t.store.installation("T1"))?.bot).toMatchObject({ token: "xoxb-one" });
    expect((await t.store.installation("T2"))?.bot).toMatchObject({ token: "xoxb-two" });

    await mention("T1", "1711.000100");
    await mention("T2", "1711.000200");
    await t.waitFor("chat.postMessage", 2);
    expect(postsWith("xoxb-one").map((c) => c.args.thread_ts)).toEqual(["1711.000100"]);
    expect(postsWith("xoxb-two").map((c) => c.args.thread_ts)).toEqual(["1711.000200"]);
  });

  it("refuses an install whose state was not issued by the bot", async () => {
    const res = await fetch(new URL(t.url.replace("/slack/events", "/slack/oauth_redirect?code=code-1&state=forged")));
    expect(res.status).toBeGreaterThanOrEqual(400);
    expect(await t.store.installation("T1")).toBeUndefined();
    expect(t.standIn.callsTo("oauth.v2.access")).toHaveLength(0);
  });

  it("keeps each workspace's threads to itself, also under the same channel and thread ids", async () => {
    await t.install("code-1");
    await t.install("code-2");
    await mention("T1", "1711.000100");
    expect(await threadOnceKept("T1", "1711.000100")).toBeDefined();
    expect(await t.store.thread("T2", "C1", "1711.000100")).toBeUndefined();

    await followUp("T2", "1711.000100", "1711.000101"); // not a thread of the bot in T2
    await followUp("T1", "1711.000100", "1711.000102");
    await t.waitFor("chat.postMessage", 2);
    await settle();
    expect(postsWith("xoxb-two")).toHaveLength(0);
    expect(postsWith("xoxb-one").map((c) => c.args.thread_ts)).toEqual(["1711.000100", "1711.000100"]);
  });

  it("keeps each workspace's feedback to itself", async () => {
    await t.install("code-1");
    await t.install("code-2");
    const click = (teamId: string, value: "up" | "down") =>
      t.interaction({
        type: "block_actions",
        user: { id: "U1", team_id: teamId },
        team: { id: teamId },
        api_app_id: "A1",
        trigger_id: `trig-${teamId}`,
        channel: { id: "C1" },
        container: { type: "message", channel_id: "C1", message_ts: "1711.000100" },
        message: { ts: "1711.000100", text: "answer" },
        actions: [{ type: "button", action_id: `feedback_${value}`, block_id: "b", value, action_ts: "1" }],
      });
    await click("T1", "up");
    await click("T2", "down");
    await settle();
    expect(await t.store.feedback("T1/C1:1711.000100:U1")).toMatchObject({ value: "up" });
    expect(await t.store.feedback("T2/C1:1711.000100:U1")).toMatchObject({ value: "down" });
  });

  it("posts each workspace's digest with its token; an uninstall deletes the token, stops the digests, forgets the rest", async () => {
    await t.install("code-1");
    await t.install("code-2");
    // The same channel id in both workspaces: two subscriptions, one per workspace.
    await t.command("digest on 00:00", { channel: "C1", teamId: "T1" });
    await t.command("digest on 00:00", { channel: "C1", teamId: "T2" });
    await t.waitFor("respond", 2);
    const today = new Date();
    expect((await digests(today)).posted).toBe(2);
    expect(postsWith("xoxb-one")).toHaveLength(1);
    expect(postsWith("xoxb-two")).toHaveLength(1);

    // What each workspace left besides: a thread, a click of feedback.
    await mention("T1", "1711.000500");
    await mention("T2", "1711.000500");
    await t.waitFor("chat.postMessage", 4);
    const click = { user: "U1", channel: "C1", messageTs: "1.0", value: "up" as const, at: today.toISOString() };
    await t.store.saveFeedback("T1/C1:1.0:U1", click);
    await t.store.saveFeedback("T2/C1:1.0:U1", click);
    expect(await threadOnceKept("T1", "1711.000500")).toBeDefined();
    expect(await threadOnceKept("T2", "1711.000500")).toBeDefined();

    const uninstalled = await t.event({ type: "app_uninstalled" }, { teamId: "T1" });
    expect(uninstalled.status).toBe(200);
    await settle();
    expect(await t.store.installation("T1")).toBeUndefined();
    expect(await t.store.installation("T2")).toBeDefined();
    expect(Object.values((await t.store.read()).subscriptions).map((s) => s.workspace)).toEqual(["T2"]);
    expect(await t.store.feedback("T1/C1:1.0:U1")).toBeUndefined();
    expect(await t.store.feedback("T2/C1:1.0:U1")).toBeDefined();
    expect(await t.store.thread("T1", "C1", "1711.000500")).toBeUndefined();
    expect(await t.store.thread("T2", "C1", "1711.000500")).toBeDefined();

    const tomorrow = new Date(today.getTime() + 24 * 3600_000);
    expect((await digests(tomorrow)).posted).toBe(1);
    expect(postsWith("xoxb-one")).toHaveLength(2); // today's digest and the answer before the uninstall
    expect(postsWith("xoxb-two")).toHaveLength(3);

    // A question from the uninstalled workspace finds no token: nothing is posted there.
    await mention("T1", "1711.000300");
    await settle();
    expect(postsWith("xoxb-one")).toHaveLength(2);
  });

  it("stops a workspace's digests when its bot token is revoked", async () => {
    await t.install("code-1");
    await t.command("digest on 00:00", { channel: "C1", teamId: "T1" });
    await t.waitFor("respond", 1);
    await t.event({ type: "tokens_revoked", tokens: { bot: ["UBOTT1"] } }, { teamId: "T1" });
    await settle();
    expect(await t.store.installation("T1")).toBeUndefined();
    expect((await t.store.read()).subscriptions).toEqual({});
    expect((await digests(new Date())).posted).toBe(0);
  });

  it("refreshes a rotating token that is about to expire, and answers with the new one", async () => {
    t.standIn.grant("code-3", { teamId: "T3", token: "xoxe.xoxb-three", refreshToken: "xoxe-1-three", expiresIn: 600 });
    await t.install("code-3");
    expect((await t.store.installation("T3"))?.bot).toMatchObject({ refreshToken: "xoxe-1-three" });
    await mention("T3", "1711.000400");
    await t.waitFor("chat.postMessage", 1);
    expect(t.standIn.refreshed).toEqual(["xoxe.xoxb-three-r1"]);
    expect(postsWith("xoxe.xoxb-three-r1")).toHaveLength(1);
    expect((await t.store.installation("T3"))?.bot).toMatchObject({ token: "xoxe.xoxb-three-r1" });
  });
});

describe("manifest.yml", () => {
  it("asks for the scopes the installer asks for, and subscribes to the uninstall events", () => {
    const manifest = readFileSync(join(import.meta.dirname, "..", "manifest.yml"), "utf8");
    const list = (after: RegExp) =>
      [...(manifest.split(after)[1] ?? "").matchAll(/^ {6}- ([\w:.]+)\s*$/gm)].map((m) => m[1]);
    const botScopes = (manifest.match(/ {4}bot:\n((?: {6}- .*\n)+)/)?.[1] ?? "").match(/[\w:.]+(?=\n)/g);
    expect(botScopes).toEqual(BOT_SCOPES);
    expect(list(/bot_events:/)).toEqual(expect.arrayContaining(["app_uninstalled", "tokens_revoked"]));
    expect(manifest).toContain(REDIRECT_PATH);
  });
});
