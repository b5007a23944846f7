// kill -9 of a real bot process in the middle of a load, then a restart: every question the bot acknowledged
// is answered, and none twice (also those whose answer went out just before the kill).
import { afterEach, describe, expect, it } from "vitest";
import { startBotProcess, type BotProcess } from "./support/bot-process.js";
import { signedHeaders } from "./support/sign.js";
import { startStandIn, type StandIn } from "./support/slack-stand-in.js";
import { tempDir } from "./support/temp.js";
import { SEEDS } from "./support/engine.js";

const SECRET = "crash-test-signing-secret";
const QUESTIONS = 80;
const CONCURRENCY = 16;

let standIn: StandIn | undefined;
let bots: BotProcess[] = [];
afterEach(async () => {
  for (const b of bots) if (b.child.exitCode === null) b.child.kill("SIGKILL");
  bots = [];
  await standIn?.close();
});

async function mention(port: number, i: number): Promise<boolean> {
  const body = JSON.stringify({
    type: "event_callback",
    team_id: "T1",
    api_app_id: "A1",
    event_id: `EvCrash${i}`,
    event_time: 1700000000,
    event: {
      type: "app_mention",
      user: "U1",
      channel: "C1",
      ts: `1800.${String(i).padStart(6, "0")}`,
      text: "<@UBOT> LLR rating",
    },
  });
  try {
    const res = await fetch(`http://127.0.0.1:${port}/slack/events`, {
      method: "POST",
      body,
      headers: { "content-type": "application/json", ...signedHeaders(SECRET, body) },
    });
    return res.status === 200;
  } catch {
    return false; // the process died before acknowledging: Slack would deliver it again
  }
}

describe("a bot killed with SIGKILL mid-load", () => {
  it("answers every acknowledged question exactly once after a restart", async () => {
    standIn = await startStandIn();
    standIn.delay("chat.postMessage", 120); // answers are in flight when the kill comes
    const dataDir = tempDir("crash-");
    const env = {
      SLACK_BOT_TOKEN: "xoxb-crash",
      SLACK_SIGNING_SECRET: SECRET,
      SLACK_API_URL: standIn.apiUrl,
      DATA_DIR: dataDir,
      CORPUS_DIR: SEEDS,
    };
    const first = await startBotProcess(env);
    bots.push(first);

    const acked = new Set<number>();
    let next = 0;
    const sender = async () => {
      while (next < QUESTIONS) {
        const i = next++;
        if (await mention(first.port, i)) acked.add(i);
        if (acked.size === QUESTIONS / 2) first.child.kill("SIGKILL");
      }
    };
    await Promise.all(Array.from({ length: CONCURRENCY }, sender));
    await first.exited;
    const answeredBeforeRestart = standIn.callsTo("chat.postMessage").length;
    expect(acked.size).toBeGreaterThanOrEqual(QUESTIONS / 2);
    expect(answeredBeforeRestart).toBeLessThan(acked.size); // the kill did leave questions unanswered

    const second = await startBotProcess(env);
    bots.push(second);
    const postsIn = (i: number) =>
      standIn!.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === `1800.${String(i).padStart(6, "0")}`)
        .length;
    for (let wait = 0; wait < 200 && [...acked].some((i) => postsIn(i) === 0); wait++)
      await new Promise((r) => setTimeout(r, 50));
    await new Promise((r) => setTimeout(r, 500));

    const missing = [...acked].filter((i) => postsIn(i) === 0);
    const doubled = Array.from({ length: QUESTIONS }, (_, i) => i).filter((i) => postsIn(i) > 1);
    expect(missing).toEqual([]);
    expect(doubled).toEqual([]);
    expect(second.out()).toMatch(/answering request/);
    second.child.kill("SIGTERM");
    expect(await second.exited).toBe(0);
  }, 60_000);
});
