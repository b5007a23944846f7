// The bot's state in PostgreSQL (DATABASE_URL), for several processes (replicas) on one database. The database
// does the exactly-once work: an event is recorded by its unique key (insert or nothing), a pending question is
// leased to one process and claimed by another only when the lease ran out (FOR UPDATE SKIP LOCKED), and
// subscriptions and deliveries change in a transaction under an advisory lock, so a digest's claim (its row for
// workspace, channel and local date) is made by one process before it posts. Feedback and installations are read
// and written one row at a time, by key.
import { randomUUID } from "node:crypto";
import { hostname } from "node:os";
import pg from "pg";
import { LIMITS } from "../config.js";
import { ThreadContextSchema, type ThreadContext } from "../types.js";
import type { OpenStoreOptions, PendingEvent, Store } from "./db.js";
import { MIGRATIONS } from "./migrations.js";
import {
  FeedbackSchema,
  InstallationSchema,
  SMALL_STATE_RECORDS,
  type EventRecord,
  type SharedState,
} from "./schema.js";
import { inWorkspace } from "./workspace.js";

/** Advisory lock keys (any two numbers no other user of the database takes): migrations, and the small state. */
const MIGRATION_LOCK = 7_306_140_001;
const SMALL_STATE_LOCK = 7_306_140_002;

export async function openPostgresStore(url: string, options: OpenStoreOptions = {}): Promise<Store> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const clock = options.now ?? (() => new Date());
  const pool = new pg.Pool({
    connectionString: url,
    max: LIMITS.dbPoolSize,
    connectionTimeoutMillis: LIMITS.dbConnectTimeoutMs,
    query_timeout: LIMITS.dbQueryTimeoutMs,
    statement_timeout: LIMITS.dbQueryTimeoutMs,
  });
  // An idle connection the server drops must not crash the process: the next query gets a fresh one.
  pool.on("error", (error) => warn(`warning: a PostgreSQL connection failed: ${error.message}`));
  try {
    await migrate(pool, warn);
    await prune(pool, clock());
  } catch (error) {
    await pool.end().catch(() => undefined);
    throw new Error(`cannot open the database: ${(error as Error).message}`);
  }
  const owner = `${hostname()}:${process.pid}:${randomUUID().slice(0, 8)}`;
  let writeProblem: string | undefined;

  // Writes that nobody waits for (thread context, finished events): flush() and close() wait for them.
  const writes = new Set<Promise<unknown>>();
  const background = (query: string, values: unknown[]): Promise<unknown> => {
    const write: Promise<unknown> = pool
      .query(query, values)
      .then(() => (writeProblem = undefined))
      .catch((error: Error) => {
        writeProblem = `cannot write to the database: ${error.message}`;
        warn(`warning: ${writeProblem}`);
      })
      .finally(() => writes.delete(write));
    writes.add(write);
    return write;
  };
  // A thread's context written by this process is read back only once written (a follow-up right after an answer).
  const threadWrites = new Map<string, Promise<unknown>>();
  const wrote = <T>(promise: Promise<T>): Promise<T> =>
    promise.then(
      (value) => {
        writeProblem = undefined;
        return value;
      },
      (error: Error) => {
        writeProblem = `cannot write to the database: ${error.message}`;
        throw error;
      },
    );
  // Events arriving together are recorded by one statement (one round trip, one commit), as lowdb batches its journal.
  let batch: { key: string; body: string; done: (inserted: boolean) => void; fail: (e: unknown) => void }[] = [];
  const insertBatch = async () => {
    const events = batch;
    batch = [];
    try {
      const { rows } = await wrote(
        pool.query<{ key: string }>(
          "INSERT INTO events (key, state, at, body, claimed_by, claimed_until) SELECT key, 'pending', $3, body, $4, $5 FROM unnest($1::text[], $2::jsonb[]) AS e(key, body) ON CONFLICT (key) DO NOTHING RETURNING key",
          [events.map((e) => e.key), events.map((e) => e.body), iso(), owner, iso(LIMITS.pendingLeaseMs)],
        ),
      );
      const inserted = new Set(rows.map((r) => r.key));
      for (const key of inserted) held.add(key);
      // A key twice in one batch: the first is the new one, the second a retry.
      for (const e of events) e.done(inserted.delete(e.key));
    } catch (error) {
      for (const e of events) e.fail(error);
    }
  };
  const recordEvent = (key: string, body: unknown) =>
    new Promise<boolean>((done, fail) => {
      if (batch.length === 0) setImmediate(() => void insertBatch());
      batch.push({ key, body: JSON.stringify(body ?? null), done, fail });
    });
  const iso = (ms = 0) => new Date(clock().getTime() + ms).toISOString();
  // The pending questions this process holds (recorded or claimed, not yet finished): their leases are renewed
  // while they are answered, so that another replica claims them only when this process is gone.
  const held = new Set<string>();
  let renewing = false;
  const renewLeases = async () => {
    if (renewing || held.size === 0) return;
    renewing = true;
    const keys = [...held];
    try {
      const { rows } = await pool.query<{ key: string }>(
        "UPDATE events SET claimed_until = $3 WHERE key = ANY($1) AND claimed_by = $2 AND state = 'pending' RETURNING key",
        [keys, owner, iso(LIMITS.pendingLeaseMs)],
      );
      const renewed = new Set(rows.map((r) => r.key));
      // Finished meanwhile, or claimed by another replica (this one stalled past its lease): no longer ours.
      for (const key of keys) if (!renewed.has(key)) held.delete(key);
    } catch (error) {
      warn(`warning: could not renew the leases of ${keys.length} question(s): ${(error as Error).message}`);
    } finally {
      renewing = false;
    }
  };
  let heartbeat: NodeJS.Timeout | undefined = setInterval(() => void renewLeases(), LIMITS.leaseHeartbeatMs);
  heartbeat.unref();
  let pruner: NodeJS.Timeout | undefined = setInterval(
    () => void prune(pool, clock()).catch((e: Error) => warn(`warning: pruning the database failed: ${e.message}`)),
    LIMITS.dbPruneEveryMs,
  );
  pruner.unref();

  return {
    kind: "postgres",
    owner,
    // Another process's claim is honoured until it is older than the digest run's limit (its owner may be on another host).
    ownerAlive: (claimant) => claimant !== owner,
    async thread(workspace, channel, threadTs) {
      await threadWrites.get(inWorkspace(workspace, `${channel}:${threadTs}`));
      const { rows } = await pool.query<{ context: unknown }>(
        "SELECT context FROM threads WHERE workspace = $1 AND channel = $2 AND thread_ts = $3 AND updated_at > $4",
        [workspace, channel, threadTs, iso(-LIMITS.threadTtlMs)],
      );
      if (!rows[0]) return undefined;
      const parsed = ThreadContextSchema.safeParse(rows[0].context);
      return parsed.success ? (parsed.data as ThreadContext) : undefined;
    },
    rememberThread(workspace, channel, threadTs, context) {
      const key = inWorkspace(workspace, `${channel}:${threadTs}`);
      const write = background(
        "INSERT INTO threads (workspace, channel, thread_ts, context, updated_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (workspace, channel, thread_ts) DO UPDATE SET context = EXCLUDED.context, updated_at = EXCLUDED.updated_at",
        [workspace, channel, threadTs, JSON.stringify(context), iso()],
      );
      threadWrites.set(key, write);
      void write.finally(() => threadWrites.get(key) === write && threadWrites.delete(key));
    },
    async threadCount() {
      const { rows } = await pool.query<{ n: string }>("SELECT count(*) AS n FROM threads WHERE updated_at > $1", [
        iso(-LIMITS.threadTtlMs),
      ]);
      return Number(rows[0]?.n ?? 0);
    },
    beginEvent: (key, body) => recordEvent(key, body),
    finishEvent(key) {
      held.delete(key);
      background(
        "INSERT INTO events (key, state, at) VALUES ($1, 'done', $2) ON CONFLICT (key) DO UPDATE SET state = 'done', body = NULL, claimed_by = NULL, claimed_until = NULL",
        [key, iso()],
      );
    },
    async eventState(key) {
      const { rows } = await pool.query<{ state: EventRecord["state"] }>(
        "SELECT state FROM events WHERE key = $1 AND at > $2",
        [key, iso(-LIMITS.eventTtlMs)],
      );
      return rows[0]?.state;
    },
    async pendingEvents() {
      // Claimed for this process: pending questions whose lease ran out (their process died), each by one process.
      const { rows } = await wrote(
        pool.query<{ key: string; at: Date; body: unknown }>(
          `UPDATE events SET claimed_by = $1, claimed_until = $2
           WHERE key IN (
             SELECT key FROM events WHERE state = 'pending' AND (claimed_until IS NULL OR claimed_until < $3)
             ORDER BY at FOR UPDATE SKIP LOCKED
           )
           RETURNING key, at, body`,
          [owner, iso(LIMITS.pendingLeaseMs), iso()],
        ),
      );
      for (const r of rows) held.add(r.key);
      return rows
        .map((r): PendingEvent => ({ key: r.key, at: r.at.toISOString(), body: r.body ?? undefined }))
        .sort((a, b) => a.at.localeCompare(b.at));
    },
    async read() {
      return loadSharedState(pool, warn);
    },
    async update(change) {
      let changeFailed: { error: unknown } | undefined;
      try {
        return await wrote(
          transaction(pool, async (client) => {
            await client.query("SELECT pg_advisory_xact_lock($1)", [SMALL_STATE_LOCK]);
            const state = await loadSharedState(client, warn);
            const before = snapshot(state);
            let result: ReturnType<typeof change>;
            try {
              result = change(state);
            } catch (error) {
              changeFailed = { error };
              throw error;
            }
            await saveChanges(client, before, snapshot(state));
            return result;
          }),
        );
      } catch (error) {
        if (changeFailed) writeProblem = undefined; // the change's own error (rolled back), not the database's
        throw error;
      }
    },
    async saveFeedback(key, record) {
      await wrote(
        pool.query(
          "INSERT INTO feedback (key, record, at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record, at = EXCLUDED.at",
          [key, JSON.stringify(record), record.at],
        ),
      );
    },
    async commentFeedback(key, comment) {
      await wrote(
        pool.query("UPDATE feedback SET record = jsonb_set(record, '{comment}', to_jsonb($2::text)) WHERE key = $1", [
          key,
          comment,
        ]),
      );
    },
    async feedback(key) {
      const { rows } = await pool.query<{ record: unknown }>("SELECT record FROM feedback WHERE key = $1", [key]);
      const parsed = FeedbackSchema.safeParse(rows[0]?.record);
      return parsed.success ? parsed.data : undefined;
    },
    async saveInstallation(key, installation) {
      await wrote(
        pool.query(
          "INSERT INTO installations (key, record, updated_at) VALUES ($1, $2, $3) ON CONFLICT (key) DO UPDATE SET record = EXCLUDED.record, updated_at = EXCLUDED.updated_at",
          [key, JSON.stringify(InstallationSchema.parse(installation)), iso()],
        ),
      );
    },
    async installation(key) {
      const { rows } = await pool.query<{ record: unknown }>("SELECT record FROM installations WHERE key = $1", [key]);
      const parsed = InstallationSchema.safeParse(rows[0]?.record);
      return parsed.success ? parsed.data : undefined;
    },
    async deleteInstallation(key) {
      await wrote(pool.query("DELETE FROM installations WHERE key = $1", [key]));
    },
    async forgetWorkspace(installation) {
      // One workspace, or every workspace of an org ("E1:" covers "E1:T1", "E1:T2"…); ids are letters and digits.
      const org = installation.endsWith(":");
      const workspaceIs = org ? "workspace LIKE $1 || '%'" : "workspace = $1";
      // Feedback keys start with their workspace and "/" (none for the single workspace "").
      const feedbackOf =
        installation === "" ? "position('/' in key) = 0" : org ? "key LIKE $1 || '%/%'" : "key LIKE $1 || '/%'";
      return wrote(
        transaction(pool, async (client) => {
          await client.query("SELECT pg_advisory_xact_lock($1)", [SMALL_STATE_LOCK]);
          await client.query(`DELETE FROM threads WHERE ${workspaceIs}`, [installation]);
          await client.query(`DELETE FROM feedback WHERE ${feedbackOf}`, installation === "" ? [] : [installation]);
          await client.query(`DELETE FROM deliveries WHERE ${workspaceIs}`, [installation]);
          const { rowCount } = await client.query(`DELETE FROM subscriptions WHERE ${workspaceIs}`, [installation]);
          return rowCount ?? 0;
        }),
      );
    },
    async flush() {
      await Promise.all([...writes]);
      if (writeProblem) throw new Error(writeProblem);
    },
    async close() {
      clearInterval(pruner);
      pruner = undefined;
      clearInterval(heartbeat);
      heartbeat = undefined;
      await Promise.all([...writes]);
      await pool.end();
    },
    problem: () => writeProblem,
  };
}

async function transaction<T>(pool: pg.Pool, work: (client: pg.PoolClient) => Promise<T>): Promise<T> {
  const client = await pool.connect();
  try {
    await client.query("BEGIN");
    const result = await work(client);
    await client.query("COMMIT");
    return result;
  } catch (error) {
    await client.query("ROLLBACK").catch(() => undefined);
    throw error;
  } finally {
    client.release();
  }
}

/** Applies the migrations this database lacks, once, under an advisory lock (replicas starting together wait). */
export async function migrate(pool: pg.Pool, warn: (m: string) => void = () => undefined): Promise<number[]> {
  const client = await pool.connect();
  try {
    await client.query("SELECT pg_advisory_lock($1)", [MIGRATION_LOCK]);
    try {
      await client.query(
        "CREATE TABLE IF NOT EXISTS schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
      );
      const { rows } = await client.query<{ version: number }>("SELECT version FROM schema_migrations");
      const applied = new Set(rows.map((r) => r.version));
      const newest = Math.max(0, ...applied);
      const latest = Math.max(...MIGRATIONS.map((m) => m.version));
      if (newest > latest)
        warn(`warning: the database's schema (version ${newest}) is newer than this code's (${latest})`);
      const done: number[] = [];
      for (const migration of MIGRATIONS.filter((m) => !applied.has(m.version)).sort((a, b) => a.version - b.version)) {
        await client.query("BEGIN");
        try {
          await client.query(migration.sql);
          await client.query("INSERT INTO schema_migrations (version, name) VALUES ($1, $2)", [
            migration.version,
            migration.name,
          ]);
          await client.query("COMMIT");
        } catch (error) {
          await client.query("ROLLBACK").catch(() => undefined);
          throw new Error(`migration ${migration.version} (${migration.name}) failed: ${(error as Error).message}`);
        }
        done.push(migration.version);
      }
      return done;
    } finally {
      await client.query("SELECT pg_advisory_unlock($1)", [MIGRATION_LOCK]);
    }
  } finally {
    client.release();
  }
}

/** Deletes what has expired: events, threads (and those beyond the cap), deliveries, feedback. */
async function prune(pool: pg.Pool, now: Date): Promise<void> {
  const before = (ms: number) => new Date(now.getTime() - ms).toISOString();
  await pool.query("DELETE FROM events WHERE at < $1", [before(LIMITS.eventTtlMs)]);
  await pool.query("DELETE FROM threads WHERE updated_at < $1", [before(LIMITS.threadTtlMs)]);
  await pool.query(
    "DELETE FROM threads WHERE (workspace, channel, thread_ts) IN (SELECT workspace, channel, thread_ts FROM threads ORDER BY updated_at DESC OFFSET $1)",
    [LIMITS.maxThreads],
  );
  await pool.query("DELETE FROM deliveries WHERE attempted_at < $1", [before(LIMITS.deliveryTtlMs)]);
  await pool.query("DELETE FROM feedback WHERE at < $1", [before(LIMITS.feedbackTtlMs)]);
  await pool.query("DELETE FROM feedback WHERE key IN (SELECT key FROM feedback ORDER BY at DESC OFFSET $1)", [
    LIMITS.maxFeedback,
  ]);
}

type Queryable = Pick<pg.Pool, "query"> | pg.PoolClient;

/**
 * Subscriptions and deliveries (a few per channel), validated record by record (a record failing its schema is
 * left out, with a warning). Feedback is not among them: it is read and written one record at a time.
 */
async function loadSharedState(db: Queryable, warn: (m: string) => void): Promise<SharedState> {
  const state: SharedState = { subscriptions: {}, deliveries: {} };
  // One after another: a transaction's client runs one query at a time.
  const subscriptions = await db.query<{ workspace: string; channel: string; record: unknown }>(
    "SELECT workspace, channel, record FROM subscriptions",
  );
  const deliveries = await db.query<{ workspace: string; channel: string; date: string; record: unknown }>(
    "SELECT workspace, channel, date, record FROM deliveries",
  );
  const dropped: string[] = [];
  for (const row of subscriptions.rows) {
    const key = inWorkspace(row.workspace, row.channel);
    const parsed = SMALL_STATE_RECORDS.subscriptions.safeParse(row.record);
    if (parsed.success) state.subscriptions[key] = { ...parsed.data, workspace: row.workspace };
    else dropped.push(`subscriptions.${key}`);
  }
  for (const row of deliveries.rows) {
    const key = inWorkspace(row.workspace, `${row.channel}:${row.date}`);
    const parsed = SMALL_STATE_RECORDS.deliveries.safeParse(row.record);
    if (parsed.success) state.deliveries[key] = { ...parsed.data, workspace: row.workspace };
    else dropped.push(`deliveries.${key}`);
  }
  if (dropped.length)
    warn(
      `warning: the database holds ${dropped.length} record(s) that do not match the schema, left out: ${dropped.slice(0, 5).join("; ")}`,
    );
  return state;
}

type Snapshot = Record<"subscriptions" | "deliveries", Map<string, string>>;

function snapshot(state: SharedState): Snapshot {
  const of = (records: Record<string, unknown>) =>
    new Map(Object.entries(records).map(([k, v]) => [k, JSON.stringify(v)]));
  return { subscriptions: of(state.subscriptions), deliveries: of(state.deliveries) };
}

/** Writes only the records a change added, altered or removed. */
async function saveChanges(client: pg.PoolClient, before: Snapshot, after: Snapshot): Promise<void> {
  for (const [key, json] of after.subscriptions) {
    if (before.subscriptions.get(key) === json) continue;
    const sub = JSON.parse(json) as { workspace?: string; channel: string };
    await client.query(
      "INSERT INTO subscriptions (workspace, channel, record) VALUES ($1, $2, $3) ON CONFLICT (workspace, channel) DO UPDATE SET record = EXCLUDED.record",
      [sub.workspace ?? "", sub.channel, json],
    );
  }
  for (const [key, json] of before.subscriptions) {
    if (after.subscriptions.has(key)) continue;
    const sub = JSON.parse(json) as { workspace?: string; channel: string };
    await client.query("DELETE FROM subscriptions WHERE workspace = $1 AND channel = $2", [
      sub.workspace ?? "",
      sub.channel,
    ]);
  }
  for (const [key, json] of after.deliveries) {
    if (before.deliveries.get(key) === json) continue;
    const d = JSON.parse(json) as { workspace?: string; channel: string; date: string; attemptedAt: string };
    await client.query(
      "INSERT INTO deliveries (workspace, channel, date, record, attempted_at) VALUES ($1, $2, $3, $4, $5) ON CONFLICT (workspace, channel, date) DO UPDATE SET record = EXCLUDED.record, attempted_at = EXCLUDED.attempted_at",
      [d.workspace ?? "", d.channel, d.date, json, d.attemptedAt],
    );
  }
  for (const [key, json] of before.deliveries) {
    if (after.deliveries.has(key)) continue;
    const d = JSON.parse(json) as { workspace?: string; channel: string; date: string };
    await client.query("DELETE FROM deliveries WHERE workspace = $1 AND channel = $2 AND date = $3", [
      d.workspace ?? "",
      d.channel,
      d.date,
    ]);
  }
}
