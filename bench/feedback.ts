// npm run bench:feedback: what a 👍/👎 click costs the store when it already holds STORED clicks (the cap is
// 20,000): CLICKS clicks written one after another, then as many comments, in lowdb and in PostgreSQL
// (DATABASE_URL, else a throwaway server on loopback, started as the tests start theirs).
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import pg from "pg";
import { LIMITS } from "../src/config.js";
import { openStore, type Store } from "../src/store/db.js";
import { openPostgresStore } from "../src/store/postgres.js";
import { SCHEMA_VERSION } from "../src/store/schema.js";
import { startPostgres, type PostgresServer } from "../test/support/postgres.js";

const STORED = Number(process.env.BENCH_FEEDBACK ?? LIMITS.maxFeedback);
const CLICKS = 200;
const INSERT_CHUNK = 5_000;

const click = (i: number) => ({
  user: `U${i}`,
  channel: "C1",
  messageTs: `1700000000.${String(i).padStart(6, "0")}`,
  value: i % 2 ? ("up" as const) : ("down" as const),
  at: new Date().toISOString(),
});
const keyOf = (i: number) => `C1:${click(i).messageTs}:U${i}`;

async function measure(name: string, store: Store): Promise<void> {
  const times = (ms: number[]) => {
    const sorted = [...ms].sort((a, b) => a - b);
    const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor(p * sorted.length))]!.toFixed(1);
    return `p50 ${at(0.5)} ms, p99 ${at(0.99)} ms`;
  };
  const saves: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const t = performance.now();
    await store.saveFeedback(keyOf(STORED + i), click(STORED + i));
    saves.push(performance.now() - t);
  }
  const comments: number[] = [];
  for (let i = 0; i < CLICKS; i++) {
    const t = performance.now();
    await store.commentFeedback(keyOf(STORED + i), "the wrong unit");
    comments.push(performance.now() - t);
  }
  const kept = await store.feedback(keyOf(STORED + CLICKS - 1));
  console.log(
    `${name}, ${STORED} clicks stored: a click ${times(saves)}; a comment ${times(comments)}; kept: ${kept?.comment === "the wrong unit"}`,
  );
  await store.close();
}

// lowdb: db.json with the stored clicks, rewritten whole for each change (one process; see README, State).
const dataDir = mkdtempSync(join(tmpdir(), "probation-bench-feedback-"));
const stored = Object.fromEntries(Array.from({ length: STORED }, (_, i) => [keyOf(i), click(i)]));
writeFileSync(join(dataDir, "db.json"), JSON.stringify({ schemaVersion: SCHEMA_VERSION, feedback: stored }));
const lowdb = await openStore(dataDir);
await measure("lowdb", lowdb);
rmSync(dataDir, { recursive: true, force: true });

let server: PostgresServer | undefined;
let url = process.env.DATABASE_URL;
if (!url) {
  server = await startPostgres();
  url = server.url;
}
const postgres = await openPostgresStore(url);
const db = new pg.Client({ connectionString: url });
await db.connect();
for (let from = 0; from < STORED; from += INSERT_CHUNK) {
  const ids = Array.from({ length: Math.min(INSERT_CHUNK, STORED - from) }, (_, k) => from + k);
  await db.query(
    "INSERT INTO feedback (key, record, at) SELECT key, record, now() FROM unnest($1::text[], $2::jsonb[]) AS f(key, record) ON CONFLICT DO NOTHING",
    [ids.map(keyOf), ids.map((i) => JSON.stringify(click(i)))],
  );
}
await db.end();
await measure("PostgreSQL", postgres);
server?.stop();
