import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { execFile } from "node:child_process";
import { promisify } from "node:util";
import { posterClient } from "../src/slack/client.js";
import { slackDigestPoster } from "../src/slack/digest-poster.js";
import { digestMessage } from "../src/slack/digest-blocks.js";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { deliverDue, digestPostId } from "../src/digest/deliver.js";
import { composeDigest, pickFinding } from "../src/digest/compose.js";
import { listFindings } from "../src/engine.js";
import type { Store } from "../src/store/db.js";
import { SCHEMA_VERSION, type Subscription } from "../src/store/schema.js";
import { SEEDS, seeds as index } from "./support/engine.js";
import { startStandIn, type StandIn } from "./support/slack-stand-in.js";
import { newPlace, openAt, STORE_KINDS } from "./support/stores.js";
import { tempDir } from "./support/temp.js";
import { OAUTH_ENV } from "./support/bot.js";
import { subscription } from "./support/subscription.js";

const run = promisify(execFile);
const sub = subscription;

let standIn: StandIn;
let store: Store;
let dataDir: string;
let clock: Date;
const logs: string[] = [];
const deps = () => ({
  store,
  poster: slackDigestPoster(async () => posterClient("xoxb-test", standIn.apiUrl)),
  getIndex: () => index,
  now: () => clock,
  log: (l: string) => logs.push(l),
});
const setSub = (s: Subscription) => store.update((state) => void (state.subscriptions[s.channel] = s));

beforeEach(async () => {
  standIn = await startStandIn();
  dataDir = tempDir("digest-");
  clock = new Date("2026-06-10T07:30:00Z"); // 08:30 in London
  logs.length = 0;
});
afterEach(async () => standIn.close());

describe.each(STORE_KINDS)("delivering digests (%s store)", (kind) => {
  beforeEach(async (context) => {
    store = await openAt(kind, await newPlace(kind, context), { now: () => clock });
  });

  it("posts a due digest once, however often the check runs", async () => {
    await setSub(sub());
    expect((await deliverDue(deps())).posted).toBe(1);
    expect((await deliverDue(deps())).posted).toBe(0);
    clock = new Date("2026-06-10T20:00:00Z");
    expect((await deliverDue(deps())).posted).toBe(0);
    expect(standIn.callsTo("chat.postMessage")).toHaveLength(1);
    expect((await store.read()).subscriptions.C1!.lastPostedDate).toBe("2026-06-10");
  });

  it("makes the digest a thread root that follow-ups are answered under", async () => {
    await setSub(sub());
    await deliverDue(deps());
    const ts = (await store.read()).subscriptions.C1!.lastPostedTs!;
    expect(await store.thread("", "C1", ts)).toBeDefined();
  });

  it("after a crash between recording the attempt and the ts, finds the post instead of posting again", async () => {
    await setSub(sub());
    await deliverDue(deps());
    // Simulate the crash: the ts was never recorded.
    await store.update((state) => {
      delete state.deliveries["C1:2026-06-10"]!.ts;
      delete state.subscriptions.C1!.lastPostedDate;
    });
    expect((await deliverDue(deps())).posted).toBe(0);
    expect(standIn.callsTo("chat.postMessage")).toHaveLength(1);
    expect((await store.read()).deliveries["C1:2026-06-10"]!.ts).toBeDefined();
  });

  it("after a crash before the post went out, posts it once", async () => {
    await setSub(sub());
    await store.update(
      (state) =>
        void (state.deliveries["C1:2026-06-10"] = {
          workspace: "",
          channel: "C1",
          date: "2026-06-10",
          attemptedAt: clock.toISOString(),
        }),
    );
    expect((await deliverDue(deps())).posted).toBe(1);
    expect((await deliverDue(deps())).posted).toBe(0);
    const [post] = standIn.callsTo("chat.postMessage");
    expect((post!.args.metadata as { event_payload: { post_id: string } }).event_payload.post_id).toBe(
      digestPostId("C1", "2026-06-10"),
    );
  });

  it("pauses a subscription where it cannot post, with no retry loop", async () => {
    await setSub(sub());
    standIn.failNext("chat.postMessage", { error: "not_in_channel" });
    expect((await deliverDue(deps())).posted).toBe(0);
    expect((await deliverDue(deps())).posted).toBe(0);
    expect((await store.read()).subscriptions.C1!.pausedReason).toBe("not_in_channel");
    expect(standIn.callsTo("chat.postMessage")).toHaveLength(0);
    expect(logs.join()).toMatch(/paused: not_in_channel/);
  });

  it("waits out a rate limit and posts", async () => {
    await setSub(sub());
    standIn.failNext("chat.postMessage", { status: 429, retryAfter: 0 });
    expect((await deliverDue(deps())).posted).toBe(1);
    expect(standIn.callsTo("chat.postMessage")).toHaveLength(2);
  });

  it("rotates the finding of the day: none repeats until all have been shown", async () => {
    const all = listFindings(index);
    expect(all.length).toBeGreaterThan(3);
    await setSub(sub());
    const shown: string[] = [];
    for (let day = 0; day < all.length + 1; day++) {
      clock = new Date(Date.parse("2026-06-10T07:30:00Z") + day * 86_400_000);
      await deliverDue(deps());
      shown.push((await store.read()).subscriptions.C1!.shownFindings.at(-1)!);
    }
    expect(new Set(shown.slice(0, all.length)).size).toBe(all.length);
    expect((await store.read()).subscriptions.C1!.shownFindings).toHaveLength(1); // the round started over
  });
});

describe("the digest post", () => {
  it("fits one screen: every unit's headline, key-question bars, what is new, and a quoted finding", () => {
    const digest = digestMessage(composeDigest(index, sub({ lastPostedAt: "2026-11-15T00:00:00Z" }), "2026-11-23"));
    const text = JSON.stringify(digest.blocks);
    expect(text).toContain("Leicester, Leicestershire and Rutland PDU* — Inadequate (3/21)");
    expect(text).toContain("███░░░░░░░ 32%");
    expect(text).toContain("Derby City");
    expect(text).toContain("Finding of the day");
    expect(text).toContain("Nothing new since the last digest"); // the seeds were added on 1 November
    expect(digest.blocks.length).toBeLessThan(12);
    expect(text.length).toBeLessThan(6000);
  });

  it("lists documents added since the channel's last digest", () => {
    const digest = digestMessage(composeDigest(index, sub({ lastPostedAt: "2026-10-01T00:00:00Z" }), "2026-11-23"));
    expect(JSON.stringify(digest.blocks)).toContain("Region's probation services rated inadequate");
  });

  it("picks findings in a different order for different channels", () => {
    const findings = listFindings(index);
    expect(pickFinding(findings, "C1", [])!.id).not.toBe(pickFinding(findings, "C2", [])!.id);
  });
});

describe("npm run digest -- --once", () => {
  it("run twice, posts once", async () => {
    writeFileSync(
      join(dataDir, "db.json"),
      JSON.stringify({ schemaVersion: SCHEMA_VERSION, subscriptions: { C1: sub({ time: "00:00" }) } }),
    );
    const env = {
      ...process.env,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: standIn.apiUrl,
      DATA_DIR: dataDir,
      CORPUS_DIR: SEEDS,
    };
    const cli = ["--import", "tsx", "src/cli/digest.ts", "--once"];
    const first = await run(process.execPath, cli, { env, cwd: join(import.meta.dirname, "..") });
    const second = await run(process.execPath, cli, { env, cwd: join(import.meta.dirname, "..") });
    expect(first.stdout).toContain("1 digest posted");
    expect(second.stdout).toContain("0 digests posted");
    expect(standIn.callsTo("chat.postMessage")).toHaveLength(1);
  });

  it("with the OAuth install, posts each workspace's digest with that workspace's token", async () => {
    const installation = (teamId: string, token: string) => ({
      team: { id: teamId },
      bot: { token, id: `B${teamId}`, userId: `UBOT${teamId}`, scopes: ["chat:write"] },
      isEnterpriseInstall: false,
      authVersion: "v2",
    });
    writeFileSync(
      join(dataDir, "db.json"),
      JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        installations: { T1: installation("T1", "xoxb-one"), T2: installation("T2", "xoxb-two") },
        subscriptions: {
          "T1/C1": sub({ workspace: "T1", time: "00:00" }),
          "T2/C1": sub({ workspace: "T2", time: "00:00" }),
          "T3/C1": sub({ workspace: "T3", time: "00:00" }), // not installed (any more): paused, not posted
        },
      }),
    );
    const env = { ...process.env, ...OAUTH_ENV, SLACK_API_URL: standIn.apiUrl, DATA_DIR: dataDir, CORPUS_DIR: SEEDS };
    const out = await run(process.execPath, ["--import", "tsx", "src/cli/digest.ts", "--once"], {
      env,
      cwd: join(import.meta.dirname, ".."),
    });
    expect(out.stdout).toContain("2 digests posted");
    expect(
      standIn
        .callsTo("chat.postMessage")
        .map((c) => c.token)
        .sort(),
    ).toEqual(["xoxb-one", "xoxb-two"]);
    const after = JSON.parse(readFileSync(join(dataDir, "db.json"), "utf8"));
    expect(after.subscriptions["T3/C1"].pausedReason).toBe("not_installed");
  });

  it("stops with one line when the bot token is missing", async () => {
    const env = { ...process.env, SLACK_BOT_TOKEN: "", DATA_DIR: dataDir };
    await expect(
      run(process.execPath, ["--import", "tsx", "src/cli/digest.ts", "--once"], {
        env,
        cwd: join(import.meta.dirname, ".."),
      }),
    ).rejects.toMatchObject({
      code: 1,
      stderr: expect.stringMatching(/^SLACK_BOT_TOKEN is not set: .*\n$/),
    });
  });
});
