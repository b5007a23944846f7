// npm run bench:slack: the real Bolt app on loopback (the Web API is a stand-in on loopback too), with a store
// already holding STORED_THREADS threads (real thread contexts, as answers leave them): COMMANDS signed slash
// commands, COMMAND_CONCURRENCY at a time, then FOLLOW_UPS follow-ups in stored threads, FOLLOW_UP_CONCURRENCY
// at a time. Every request must be acknowledged within 3 s and answered exactly once.
import { mkdtempSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { monitorEventLoopDelay } from "node:perf_hooks";
import { Worker } from "node:worker_threads";
import { readConfig } from "../src/config.js";
import { answerQuestion, loadCorpus } from "../src/engine.js";
import { createBot } from "../src/slack/app.js";
import { openStore } from "../src/store/db.js";
import pg from "pg";
import { openPostgresStore } from "../src/store/postgres.js";
import { startPostgres, type PostgresServer } from "../test/support/postgres.js";

const COMMANDS = Number(process.env.BENCH_COMMANDS ?? 500);
const COMMAND_CONCURRENCY = 100;
const FOLLOW_UPS = Number(process.env.BENCH_FOLLOW_UPS ?? 300);
const FOLLOW_UP_CONCURRENCY = 50;
const STORED_THREADS = Number(process.env.BENCH_THREADS ?? 50_000);
/** BENCH_STORE=postgres: the state in PostgreSQL (DATABASE_URL, else a throwaway server on loopback). */
const POSTGRES = process.env.BENCH_STORE === "postgres";
const INSERT_CHUNK = 5_000;
const SECRET = "bench-signing-secret-0123456789";
const questions = [
  "LLR rating",
  "derby city rating",
  "east midlands recommendations",
  "what did inspectors find about domestic abuse",
  "LLR planning rating",
];
const followUps = ["and reviewing?", "source?", "any figures?", "what about Derby?", "why?"];

const index = loadCorpus("seeds");
const dataDir = mkdtempSync(join(tmpdir(), "probation-bench-"));
// The Web API stand-in runs on a thread of its own (Slack is elsewhere); the bot has the main event loop.
const standInThread = new Worker(
  `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(new URL("./stand-in-worker.ts", import.meta.url).href)}); })`,
  { eval: true },
);
const ask = <T>(request: string): Promise<T> =>
  new Promise((resolve) => {
    standInThread.once("message", resolve);
    standInThread.postMessage(request);
  });
const standIn = await new Promise<{ apiUrl: string; responseUrl: string }>((resolve) =>
  standInThread.once("message", resolve),
);
type Post = { channel: string; thread?: string; asker?: string };
const posts = async () => (await ask<{ posts: Post[] }>("posts")).posts;

// The stored threads, written as the store keeps them (a snapshot), with contexts real answers leave.
const contexts = questions.map((q) => answerQuestion(index, q).context);
const threadTs = (i: number) => `1600000000.${String(i).padStart(6, "0")}`;
const lines = [JSON.stringify({ gen: 0 })];
const updatedAt = new Date().toISOString();
for (let i = 0; i < STORED_THREADS; i++) {
  lines.push(
    JSON.stringify({
      k: `CSTORED:${threadTs(i)}`,
      v: { context: contexts[i % contexts.length], channel: "CSTORED", threadTs: threadTs(i), updatedAt },
    }),
  );
}
writeFileSync(join(dataDir, "threads.jsonl"), `${lines.join("\n")}\n`);
lines.length = 0;
const snapshotMb = statSync(join(dataDir, "threads.jsonl")).size / 1e6;

let postgresServer: PostgresServer | undefined;
let databaseUrl = process.env.DATABASE_URL;
if (POSTGRES && !databaseUrl) {
  postgresServer = await startPostgres();
  databaseUrl = postgresServer.url;
}
const t0 = performance.now();
const store = POSTGRES ? await openPostgresStore(databaseUrl!) : await openStore(dataDir);
const openMs = performance.now() - t0;
if (POSTGRES) {
  // The same stored threads, in the database.
  const db = new pg.Client({ connectionString: databaseUrl });
  await db.connect();
  for (let from = 0; from < STORED_THREADS; from += INSERT_CHUNK) {
    const ids = Array.from({ length: Math.min(INSERT_CHUNK, STORED_THREADS - from) }, (_, k) => from + k);
    await db.query(
      "INSERT INTO threads (channel, thread_ts, context, updated_at) SELECT 'CSTORED', ts, ctx, $3 FROM unnest($1::text[], $2::jsonb[]) AS t(ts, ctx) ON CONFLICT DO NOTHING",
      [ids.map(threadTs), ids.map((i) => JSON.stringify(contexts[i % contexts.length])), updatedAt],
    );
  }
  await db.end();
}
const config = readConfig({
  SLACK_BOT_TOKEN: "xoxb-bench",
  SLACK_SIGNING_SECRET: SECRET,
  SLACK_API_URL: standIn.apiUrl,
  PORT: "0",
  DATA_DIR: dataDir,
});
const silent = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => "error",
  setName() {},
} as never;
const bot = createBot({ config, getIndex: () => index, store, logger: silent });
const { port } = await bot.start();
const url = `http://127.0.0.1:${port}/slack/events`;
// The bot's own share: from the request's arrival at its server to the acknowledgement leaving it.
const inside: number[] = [];
const server = (bot.app as unknown as { receiver: { server: import("node:http").Server } }).receiver.server;
server.on("request", (_req, res) => {
  const t = performance.now();
  res.on("finish", () => inside.push(performance.now() - t));
});

// Slack's side sends the requests from its own event loop (a worker thread), as Slack's servers would: the
// time measured is the bot's, not the load generator's. Each request is signed as Slack signs it.
const SENDER = `
const { parentPort, workerData } = require("node:worker_threads");
const { createHmac } = require("node:crypto");
const { url, secret, bodies, type, concurrency } = workerData;
const out = [];
let next = 0;
async function one(i) {
  const ts = Math.floor(Date.now() / 1000);
  const signature = "v0=" + createHmac("sha256", secret).update("v0:" + ts + ":" + bodies[i]).digest("hex");
  const t = performance.now();
  const res = await fetch(url, { method: "POST", body: bodies[i], headers: { "content-type": type, "x-slack-request-timestamp": String(ts), "x-slack-signature": signature } });
  await res.arrayBuffer();
  out[i] = { ms: performance.now() - t, status: res.status };
}
Promise.all(Array.from({ length: concurrency }, async () => { while (next < bodies.length) await one(next++); })).then(() => parentPort.postMessage(out));
`;

function sendAll(bodies: string[], type: string, concurrency: number): Promise<{ ms: number; status: number }[]> {
  const worker = new Worker(SENDER, { eval: true, workerData: { url, secret: SECRET, bodies, type, concurrency } });
  return new Promise((resolve, reject) => {
    worker.once("message", (out) => void worker.terminate().then(() => resolve(out)));
    worker.once("error", reject);
  });
}

async function untilPosted(count: number): Promise<Post[]> {
  const deadline = Date.now() + 60_000;
  while ((await posts()).length < count && Date.now() < deadline) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 500));
  return posts();
}

const pct = (times: number[], p: number) =>
  [...times].sort((a, b) => a - b)[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!;
const loop = monitorEventLoopDelay({ resolution: 10 });
loop.enable();

// 1. Slash commands: each answered once, as a thread root saying who asked.
const commandAcks = await sendAll(
  Array.from({ length: COMMANDS }, (_, i) =>
    new URLSearchParams({
      command: "/probation",
      text: questions[i % questions.length]!,
      user_id: `U${i}`,
      channel_id: `C${i % 7}`,
      team_id: "T1",
      response_url: `${standIn.responseUrl}/${i}`,
      trigger_id: `t${i}`,
    }).toString(),
  ),
  "application/x-www-form-urlencoded",
  COMMAND_CONCURRENCY,
);
const commandPosts = await untilPosted(COMMANDS);
const perAsker = new Map<string, number>();
for (const p of commandPosts) perAsker.set(p.asker ?? "?", (perAsker.get(p.asker ?? "?") ?? 0) + 1);
const insideCommands = inside.splice(0);
const commandsOnce = perAsker.size === COMMANDS && [...perAsker.values()].every((n) => n === 1);

// 2. Follow-ups in stored threads: each answered once, in its thread.
const followUpAcks = await sendAll(
  Array.from({ length: FOLLOW_UPS }, (_, i) => {
    const thread = threadTs(Math.floor((i * STORED_THREADS) / FOLLOW_UPS));
    return JSON.stringify({
      type: "event_callback",
      team_id: "T1",
      api_app_id: "A1",
      event_id: `EvBench${i}`,
      event_time: 1700000000,
      event: {
        type: "message",
        channel_type: "channel",
        user: "U1",
        channel: "CSTORED",
        ts: `1700000000.${String(i).padStart(6, "0")}`,
        thread_ts: thread,
        text: followUps[i % followUps.length],
      },
    });
  }),
  "application/json",
  FOLLOW_UP_CONCURRENCY,
);
const threadPosts = (await untilPosted(COMMANDS + FOLLOW_UPS)).slice(commandPosts.length);
loop.disable();
const perThread = new Map<string, number>();
for (const p of threadPosts) perThread.set(String(p.thread), (perThread.get(String(p.thread)) ?? 0) + 1);
const insideFollowUps = inside.splice(0);
const followUpsOnce = perThread.size === FOLLOW_UPS && [...perThread.values()].every((n) => n === 1);

const line = (
  what: string,
  acks: { ms: number; status: number }[],
  insideTimes: number[],
  once: boolean,
  posted: number,
) => {
  const times = acks.map((a) => a.ms);
  const late = acks.filter((a) => a.ms > 3000 || a.status !== 200).length;
  return `${what}: ack p50 ${pct(times, 50).toFixed(1)} ms, p99 ${pct(times, 99).toFixed(1)} ms, max ${Math.max(...times).toFixed(1)} ms (inside the bot: p50 ${pct(insideTimes, 50).toFixed(1)} ms, p99 ${pct(insideTimes, 99).toFixed(1)} ms); ${late} late or failed; ${posted} answers posted, exactly once each: ${once ? "yes" : "no"}`;
};
console.log(
  POSTGRES
    ? `PostgreSQL store, ${STORED_THREADS} stored threads, store opened in ${(openMs / 1000).toFixed(1)} s`
    : `${STORED_THREADS} stored threads (${snapshotMb.toFixed(0)} MB snapshot), store opened in ${(openMs / 1000).toFixed(1)} s`,
);
console.log(
  line(
    `${COMMANDS} slash commands, ${COMMAND_CONCURRENCY} at a time`,
    commandAcks,
    insideCommands,
    commandsOnce,
    commandPosts.length,
  ),
);
console.log(
  line(
    `${FOLLOW_UPS} thread follow-ups, ${FOLLOW_UP_CONCURRENCY} at a time`,
    followUpAcks,
    insideFollowUps,
    followUpsOnce,
    threadPosts.length,
  ),
);
(globalThis as { gc?: () => void }).gc?.();
console.log(
  `event loop delay: p99 ${(loop.percentile(99) / 1e6).toFixed(0)} ms, max ${(loop.max / 1e6).toFixed(0)} ms; resident ${(process.memoryUsage().rss / 1e6).toFixed(0)} MB, heap ${(process.memoryUsage().heapUsed / 1e6).toFixed(0)} MB, outside the heap ${(process.memoryUsage().external / 1e6).toFixed(0)} MB (the bench's bookkeeping included)`,
);
await bot.stop();
await ask("close");
await standInThread.terminate();
rmSync(dataDir, { recursive: true, force: true });
postgresServer?.stop();
const ok =
  commandsOnce && followUpsOnce && [...commandAcks, ...followUpAcks].every((a) => a.ms <= 3000 && a.status === 200);
process.exit(ok ? 0 : 1);
