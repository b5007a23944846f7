// Two real bot processes (`npm start`) on one PostgreSQL database, the questions sent to them in turn as a
// round-robin load balancer would; one is killed with SIGKILL mid-load. Every question either acknowledged is
// answered exactly once: the survivor claims the dead one's questions when their short leases, which the dead one
// no longer renews, run out: within seconds, with the bot's own lease settings.
import { afterEach, describe, expect, it } from "vitest";
import { LIMITS } from "../src/config.js";
import { startBotProcess, type BotProcess } from "./support/bot-process.js";
import { SEEDS } from "./support/engine.js";
import { signedHeaders } from "./support/sign.js";
import { startStandIn, type StandIn } from "./support/slack-stand-in.js";
import { freshDatabase } from "./support/stores.js";
import { tempDir } from "./support/temp.js";

const SECRET = "replica-test-signing-secret";
const QUESTIONS = 60;
const CONCURRENCY = 12;
/** How long the survivor is given to answer the dead replica's questions: a lease, two claiming rounds, and slack for a loaded machine. */
const PROMPTLY_MS = LIMITS.pendingLeaseMs + 2 * LIMITS.pendingReclaimEveryMs + 10_000;

let standIn: StandIn | undefined;
let bots: BotProcess[] = [];
afterEach(async () => {
  for (const b of bots) if (b.child.exitCode === null) b.child.kill("SIGKILL");
  await Promise.all(bots.map((b) => b.exited));
  bots = [];
  await standIn?.close();
});

const threadOf = (i: number) => `1900.${String(i).padStart(6, "0")}`;

async function mention(port: number, i: number): Promise<boolean> {
  const body = JSON.stringify({
    type: "event_callback",
    team_id: "T1",
    api_app_id: "A1",
    event_id: `EvReplica${i}`,
    event_time: 1700000000,
    event: { type: "app_mention", user: "U1", channel: "C1", ts: threadOf(i), text: "<@UBOT> LLR rating" },
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

describe("two replicas on one database, one killed with SIGKILL mid-load", () => {
  it(
    "answer every acknowledged question exactly once",
    async (context) => {
      const databaseUrl = await freshDatabase(context);
      standIn = await startStandIn();
      standIn.delay("chat.postMessage", 120); // answers are in flight when the kill comes
      const env = (name: string) => ({
        SLACK_BOT_TOKEN: "xoxb-replica",
        SLACK_SIGNING_SECRET: SECRET,
        SLACK_API_URL: standIn!.apiUrl,
        DATABASE_URL: databaseUrl,
        CORPUS_DIR: SEEDS,
        DATA_DIR: tempDir(`replica-${name}-`),
      });
      const [a, b] = await Promise.all([startBotProcess(env("a")), startBotProcess(env("b"))]);
      bots.push(a!, b!);

      const acked = new Set<number>();
      let next = 0;
      const sender = async () => {
        while (next < QUESTIONS) {
          const i = next++;
          if (await mention(i % 2 === 0 ? a!.port : b!.port, i)) acked.add(i); // round-robin
          if (acked.size === QUESTIONS / 2) a!.child.kill("SIGKILL");
        }
      };
      await Promise.all(Array.from({ length: CONCURRENCY }, sender));
      await a!.exited;
      const postsIn = (i: number) =>
        standIn!.callsTo("chat.postMessage").filter((c) => c.args.thread_ts === threadOf(i)).length;
      const unansweredAtKill = [...acked].filter((i) => postsIn(i) === 0).length;

      // Until every acknowledged question has its post and the survivor has claimed what the dead one left pending
      // (a post may have left the dead process before the kill and still be pending in the store until its lease ends).
      const settled = () => [...acked].every((i) => postsIn(i) > 0) && /answering request/.test(b!.out());
      const until = Date.now() + PROMPTLY_MS;
      while (Date.now() < until && !settled()) await new Promise((r) => setTimeout(r, 50));
      await new Promise((r) => setTimeout(r, 500));
      const missing = [...acked].filter((i) => postsIn(i) === 0);
      const doubled = Array.from({ length: QUESTIONS }, (_, i) => i).filter((i) => postsIn(i) > 1);
      expect(acked.size).toBeGreaterThan(QUESTIONS / 2);
      expect(unansweredAtKill).toBeGreaterThan(0); // the kill did leave questions unanswered
      expect(missing).toEqual([]);
      expect(doubled).toEqual([]);
      expect(b!.out()).toMatch(/answering request/); // the survivor answered the dead replica's questions
      b!.child.kill("SIGTERM");
      expect(await b!.exited).toBe(0);
    },
    60_000 + PROMPTLY_MS,
  );
});
