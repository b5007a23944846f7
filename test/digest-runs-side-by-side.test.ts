// `npm run digest -- --once` from cron beside other runs (and a running bot): one post per channel and day,
// and a clear error, not a hang, when Slack does not answer.
import { execFile } from "node:child_process";
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { promisify } from "node:util";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { SCHEMA_VERSION } from "../src/store/schema.js";
import { ROOT } from "./support/bot-process.js";
import { SEEDS } from "./support/engine.js";
import { startStandIn, type StandIn } from "./support/slack-stand-in.js";
import { freshDatabase, openAt } from "./support/stores.js";
import { tempDir } from "./support/temp.js";
import { subscription } from "./support/subscription.js";

const run = promisify(execFile);
const sub = (channel: string) => subscription({ channel, time: "00:00" });

let standIn: StandIn;
let dataDir: string;
beforeEach(async () => {
  standIn = await startStandIn();
  dataDir = tempDir("digest-runs-");
  writeFileSync(
    join(dataDir, "db.json"),
    JSON.stringify({ schemaVersion: SCHEMA_VERSION, subscriptions: { C1: sub("C1"), C2: sub("C2") } }),
  );
});
afterEach(async () => standIn.close());

const once = (env: Record<string, string> = {}) =>
  run(process.execPath, ["--import", "tsx", "src/cli/digest.ts", "--once"], {
    cwd: ROOT,
    env: {
      PATH: process.env.PATH!,
      SLACK_BOT_TOKEN: "xoxb-test",
      SLACK_API_URL: standIn.apiUrl,
      DATA_DIR: dataDir,
      CORPUS_DIR: SEEDS,
      ...env,
    },
  }).then(
    (r) => ({ code: 0, ...r }),
    (e: { code: number; stdout: string; stderr: string }) => e,
  );

describe("npm run digest -- --once", () => {
  it("three runs at once post each channel's digest once", async () => {
    standIn.delay("chat.postMessage", 150); // posts take a while, so that the runs overlap
    const runs = await Promise.all([once(), once(), once()]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    const posts = standIn
      .callsTo("chat.postMessage")
      .map((c) => c.args.channel)
      .sort();
    expect(posts).toEqual(["C1", "C2"]);
    const total = runs.map((r) => Number(r.stdout.match(/(\d+) digests? posted/)?.[1])).reduce((a, b) => a + b, 0);
    expect(total).toBe(2);
  }, 30_000);

  it("exits 1 with a clear line when Slack does not answer, and posts once when it answers again", async () => {
    standIn.failNext("chat.postMessage", ...Array.from({ length: 6 }, () => ({ hang: true as const })));
    const hung = await once({ SLACK_API_TIMEOUT_MS: "300" });
    expect(hung.code).toBe(1);
    expect(hung.stderr).toMatch(
      /digest for C1 on \d{4}-\d{2}-\d{2} failed, will try again: Slack did not answer within 0.3 s/,
    );
    const later = await once();
    expect(later.code).toBe(0);
    expect(later.stdout).toContain("2 digests posted");
    expect(standIn.callsTo("chat.postMessage").filter((c) => c.args.channel === "C1")).toHaveLength(4); // 3 timed out, 1 posted
  }, 30_000);
});

describe("npm run digest -- --once with DATABASE_URL (PostgreSQL)", () => {
  it("three runs at once, each its own process on one database, post each channel's digest once", async (context) => {
    const databaseUrl = await freshDatabase(context);
    const store = await openAt("postgres", databaseUrl);
    await store.update((state) => {
      state.subscriptions.C1 = sub("C1");
      state.subscriptions.C2 = sub("C2");
    });
    await store.close();
    standIn.delay("chat.postMessage", 150); // posts take a while, so that the runs overlap
    const runs = await Promise.all([
      once({ DATABASE_URL: databaseUrl }),
      once({ DATABASE_URL: databaseUrl }),
      once({ DATABASE_URL: databaseUrl }),
    ]);
    expect(runs.map((r) => r.code)).toEqual([0, 0, 0]);
    expect(
      standIn
        .callsTo("chat.postMessage")
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(["C1", "C2"]);
    const total = runs.map((r) => Number(r.stdout.match(/(\d+) digests? posted/)?.[1])).reduce((a, b) => a + b, 0);
    expect(total).toBe(2);
    const after = await openAt("postgres", databaseUrl);
    expect(
      Object.values((await after.read()).deliveries)
        .map((d) => [d.channel, !!d.ts])
        .sort(),
    ).toEqual([
      ["C1", true],
      ["C2", true],
    ]);
  }, 30_000);
});
