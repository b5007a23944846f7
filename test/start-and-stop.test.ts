import { spawn } from "node:child_process";
import { readFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { afterEach, describe, expect, it } from "vitest";
import { startBotProcess } from "./support/bot-process.js";
import { signedHeaders } from "./support/sign.js";
import { startStandIn, type StandIn } from "./support/slack-stand-in.js";
import { tempDir } from "./support/temp.js";

const ROOT = join(import.meta.dirname, "..");

function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, TMPDIR: tmpdir(), ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout.on("data", (d) => (stdout += d));
  child.stderr.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  return { child, exited, out: () => stdout, err: () => stderr };
}

let standIn: StandIn | undefined;
afterEach(async () => standIn?.close());

describe("npm start", () => {
  it.each([
    [{}, /^SLACK_BOT_TOKEN is not set: set it to the Bot User OAuth Token/],
    [{ SLACK_BOT_TOKEN: "xoxb-1" }, /^SLACK_SIGNING_SECRET is required in HTTP mode/],
    [{ SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret-secret", PORT: "http" }, /^PORT must be a number/],
    [
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret-secret", CORPUS_DIR: "/nowhere" },
      /^corpus folder not found: \/nowhere/,
    ],
    [
      { SLACK_BOT_TOKEN: "xoxb-1", SLACK_SIGNING_SECRET: "secret-secret", DATABASE_URL: "mysql://bot:hunter2@db/x" },
      /^DATABASE_URL must be a postgres:\/\/ URL/,
    ],
    // The OAuth install needs all three of its variables: the one missing is named.
    [
      { SLACK_CLIENT_ID: "1111.2222", SLACK_CLIENT_SECRET: "hunter2-client", SLACK_SIGNING_SECRET: "secret-secret" },
      /^SLACK_STATE_SECRET is not set \(the OAuth install needs SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET together/,
    ],
    [
      {
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_CLIENT_ID: "1111.2222",
        SLACK_CLIENT_SECRET: "hunter2-client",
        SLACK_STATE_SECRET: "hunter2-state-0123456789",
        SLACK_SIGNING_SECRET: "secret-secret",
      },
      /^SLACK_BOT_TOKEN must not be set with the OAuth install/,
    ],
    // Nothing listens on port 1: the database cannot be reached.
    [
      {
        SLACK_BOT_TOKEN: "xoxb-1",
        SLACK_SIGNING_SECRET: "secret-secret",
        DATABASE_URL: "postgres://bot:hunter2@127.0.0.1:1/probation",
      },
      /^could not start: cannot open the database: .*ECONNREFUSED/,
    ],
  ])("stops with one line naming what is wrong (%j)", async (env, message) => {
    const bot = start(env as Record<string, string>);
    expect(await bot.exited).toBe(1);
    expect(bot.err().trim().split("\n")).toHaveLength(1);
    expect(bot.err()).toMatch(message);
    expect(bot.err()).not.toContain("hunter2"); // a password is never printed
  });

  it("serves /healthz, and on SIGTERM finishes and flushes its database", async () => {
    standIn = await startStandIn();
    const dataDir = tempDir("start-");
    const bot = start({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: "secret-secret",
      SLACK_API_URL: standIn.apiUrl,
      PORT: "0",
      DATA_DIR: dataDir,
    });
    for (let i = 0; i < 100 && !bot.out().includes("running"); i++) await new Promise((r) => setTimeout(r, 100));
    const port = bot.out().match(/HTTP on port (\d+)/)?.[1];
    const health = await (await fetch(`http://127.0.0.1:${port}/healthz`)).json();
    expect(health).toMatchObject({ ok: true, documents: 5 });
    expect(bot.out()).not.toContain("xoxb-1"); // secrets are never logged
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(JSON.parse(readFileSync(join(dataDir, "db.json"), "utf8")).schemaVersion).toBe(2);
  });

  it("on SIGTERM while a post hangs, gives up on it within its timeout and exits", async () => {
    standIn = await startStandIn();
    standIn.failNext("chat.postMessage", ...Array.from({ length: 8 }, () => ({ hang: true as const })));
    const secret = "secret-secret";
    const bot = await startBotProcess({
      SLACK_BOT_TOKEN: "xoxb-1",
      SLACK_SIGNING_SECRET: secret,
      SLACK_API_URL: standIn.apiUrl,
      DATA_DIR: tempDir("stop-"),
      SLACK_API_TIMEOUT_MS: "300",
    });
    const body = JSON.stringify({
      type: "event_callback",
      event_id: "EvStop",
      event: { type: "app_mention", user: "U1", channel: "C1", ts: "4.1", text: "<@UBOT> LLR rating" },
    });
    const res = await fetch(`http://127.0.0.1:${bot.port}/slack/events`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...signedHeaders(secret, body) },
    });
    expect(res.status).toBe(200);
    for (let i = 0; i < 100 && standIn.callsTo("chat.postMessage").length === 0; i++)
      await new Promise((r) => setTimeout(r, 50));
    bot.child.kill("SIGTERM");
    expect(await bot.exited).toBe(0);
    expect(bot.err()).toMatch(/EvStop.*Slack did not answer within 0.3 s/);
  });
});
