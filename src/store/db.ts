// The bot's state, behind one interface: threads, events, feedback, subscriptions and digest deliveries.
// - Threads and events change on every message: journals (journal.ts), appended in batches, bounded and expiring.
// - Feedback, subscriptions and deliveries change rarely: db.json, kept by lowdb, re-read and changed as a
//   whole under the lock, so that `npm start` and `npm run digest -- --once` never undo each other's changes.
// Every write happens under one lock file (lock.ts). A record failing its schema is dropped with a warning.
import { randomUUID } from "node:crypto";
import { existsSync, mkdirSync, readFileSync, renameSync, statSync } from "node:fs";
import { rename, writeFile } from "node:fs/promises";
import { basename, dirname, join } from "node:path";
import { Low, type Adapter } from "lowdb";
import { LIMITS } from "../config.js";
import type { ThreadContext } from "../types.js";
import { JournalTable } from "./journal.js";
import { isAlive, withLock } from "./lock.js";
import {
  EventRecordSchema,
  InstallationSchema,
  SMALL_STATE_RECORDS,
  SmallStateSchema,
  ThreadRecordSchema,
  emptySmallState,
  type EventRecord,
  type Feedback,
  type InstallationRecord,
  type SharedState,
  type SmallState,
  type ThreadRecord,
} from "./schema.js";
import { coveredBy, inWorkspace, workspaceOfKey } from "./workspace.js";

export interface PendingEvent {
  key: string;
  at: string;
  body: unknown;
}

export interface Store {
  /** lowdb: DATA_DIR, one process answering (others may post digests); postgres: DATABASE_URL, any number of replicas. */
  readonly kind: "lowdb" | "postgres";
  /** This process, as named in the claims it makes (digest attempts). */
  readonly owner: string;
  /** Whether the process that made a claim may still be working on it (lowdb: its pid is alive). */
  ownerAlive(owner: string): boolean;
  /** The context of a thread the bot started or answered in, in a workspace (within retention), or undefined. */
  thread(workspace: string, channel: string, threadTs: string): Promise<ThreadContext | undefined>;
  /** Keeps a thread's context; written with the next batch. */
  rememberThread(workspace: string, channel: string, threadTs: string, context: ThreadContext): void;
  threadCount(): Promise<number>;
  /**
   * Records an event (or slash command) as pending, durably (its key names its workspace: requests.ts): resolves true once it is on disk, false when it
   * was seen before (a retry or a replay). Rejects when the store cannot write.
   */
  beginEvent(key: string, body: unknown): Promise<boolean>;
  /** Its answer is posted, or there was nothing to answer. */
  finishEvent(key: string): void;
  eventState(key: string): Promise<EventRecord["state"] | undefined>;
  /**
   * Pending events that no live process is answering (their process died), oldest first, claimed for this one:
   * each is handed to one process only. Events this process began are not among them.
   */
  pendingEvents(): Promise<PendingEvent[]>;
  /** Digest subscriptions and deliveries as they are now. */
  read(): Promise<SharedState>;
  /** Changes subscriptions or deliveries: under the lock, on the latest state, written before it resolves. */
  update<T>(change: (state: SharedState) => T): Promise<T>;
  /** Keeps a 👍/👎 click under its key (the last per person and answer wins); written before it resolves. */
  saveFeedback(key: string, record: Feedback): Promise<void>;
  /** Adds a comment to the click kept under the key (none kept: nothing happens). */
  commentFeedback(key: string, comment: string): Promise<void>;
  feedback(key: string): Promise<Feedback | undefined>;
  /** A workspace's installation (the OAuth install), under installationKey (workspace.ts). */
  saveInstallation(key: string, installation: InstallationRecord): Promise<void>;
  installation(key: string): Promise<InstallationRecord | undefined>;
  deleteInstallation(key: string): Promise<void>;
  /**
   * Deletes what the workspaces an installation covered left (installationKey: one workspace, or "E1:" for an
   * org's): thread context, feedback, digest subscriptions and deliveries. Resolves with the subscriptions deleted.
   */
  forgetWorkspace(installation: string): Promise<number>;
  /** Writes every pending change now. */
  flush(): Promise<void>;
  /** Flushes and waits for a compaction under way. */
  close(): Promise<void>;
  /** Why the store cannot write, if it cannot. */
  problem(): string | undefined;
}

export interface OpenStoreOptions {
  /** Where warnings go (a corrupt file moved aside, records dropped). Defaults to console.warn. */
  warn?: (message: string) => void;
  now?: () => Date;
}

/** A lowdb adapter that writes to a temp file of its own (pid and a random id) and renames it into place. */
class AtomicJsonFile<T> implements Adapter<T> {
  constructor(private readonly file: string) {}
  async read(): Promise<T | null> {
    return existsSync(this.file) ? (JSON.parse(readFileSync(this.file, "utf8")) as T) : null;
  }
  async write(data: T): Promise<void> {
    const temp = join(dirname(this.file), `.${basename(this.file)}.${process.pid}.${randomUUID()}.tmp`);
    await writeFile(temp, JSON.stringify(data));
    await rename(temp, this.file);
  }
}

export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const now = () => (options.now ?? (() => new Date()))().getTime();
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "db.json");
  const lockPath = join(dataDir, "store.lock");

  const tables = await withLock(lockPath, () => {
    const threads = new JournalTable<ThreadRecord>(dataDir, "threads", ThreadRecordSchema, {
      recency: (t) => Date.parse(t.updatedAt),
      ttlMs: LIMITS.threadTtlMs,
      maxEntries: LIMITS.maxThreads,
      compactMinBytes: LIMITS.compactMinBytes,
      warn,
    });
    const events = new JournalTable<EventRecord>(dataDir, "events", EventRecordSchema, {
      recency: (e) => Date.parse(e.at),
      ttlMs: LIMITS.eventTtlMs,
      compactMinBytes: LIMITS.eventCompactMinBytes,
      warn,
    });
    const small = readSmallState(file, warn, threads, events, new Date(now()));
    if (threads.dirty || events.dirty) {
      threads.flush();
      events.flush();
    }
    return { threads, events, small };
  });
  const { threads, events } = tables;
  const db = new Low<SmallState>(new AtomicJsonFile<SmallState>(file), tables.small);
  let seen = fileStamp(file);
  let writeProblem: string | undefined;

  const refresh = () => {
    const stamp = fileStamp(file);
    if (stamp === seen) return;
    db.data = readSmallState(file, warn, undefined, undefined, new Date(now()));
    seen = stamp;
  };
  const writeSmall = async () => {
    pruneSmallState(db.data, now());
    await db.write();
    seen = fileStamp(file);
  };
  // Written once at start: a migrated or cleaned file is saved, and a folder we cannot write to shows now.
  await withLock(lockPath, async () => {
    seen = undefined;
    refresh();
    await writeSmall();
  });

  // Batched journal writes: every request is covered by a flush that starts after it.
  let waiting: { promise: Promise<void>; resolve: () => void; reject: (e: unknown) => void } | undefined;
  let timer: NodeJS.Timeout | undefined;
  let running = false;
  let compaction: Promise<void> = Promise.resolve();
  /** Under the lock: appends the table's changes; when a compaction is due, starts it and returns its second step. */
  const appendAndStartCompaction = <T>(table: JournalTable<T>): (() => Promise<void>) | undefined => {
    if (!table.flush()) return undefined;
    const job = table.startCompaction(now());
    return () => table.writeSnapshot(job, (install) => withLock(lockPath, install));
  };
  const runFlush = async () => {
    if (running || !waiting) return;
    clearTimeout(timer);
    timer = undefined;
    const batch = waiting;
    waiting = undefined;
    running = true;
    try {
      const snapshots = await withLock(lockPath, () => [
        appendAndStartCompaction(threads),
        appendAndStartCompaction(events),
      ]);
      writeProblem = undefined;
      for (const write of snapshots) {
        if (write)
          compaction = compaction
            .then(write)
            .catch((e) => warn(`warning: compacting the store failed: ${(e as Error).message}`));
      }
      batch.resolve();
    } catch (error) {
      writeProblem = `cannot write ${dataDir}: ${(error as Error).message}`;
      batch.reject(error);
    } finally {
      running = false;
      if (waiting) setImmediate(() => void runFlush());
    }
  };
  const requestFlush = (urgent: boolean): Promise<void> => {
    if (!waiting) {
      let resolve!: () => void;
      let reject!: (e: unknown) => void;
      const promise = new Promise<void>((res, rej) => {
        resolve = res;
        reject = rej;
      });
      promise.catch(() => undefined);
      waiting = { promise, resolve, reject };
    }
    if (urgent) setImmediate(() => void runFlush());
    else timer ??= setTimeout(() => void runFlush(), LIMITS.writeDelayMs);
    return waiting.promise;
  };

  const threadKey = (workspace: string, channel: string, threadTs: string) =>
    inWorkspace(workspace, `${channel}:${threadTs}`);
  // Pending events this store began or claimed: being answered in this process (one process answers per DATA_DIR).
  const mine = new Set<string>();
  return {
    kind: "lowdb",
    owner: String(process.pid),
    ownerAlive: (claimant) => isAlive(Number(claimant)),
    thread: async (workspace, channel, threadTs) =>
      threads.lookup(threadKey(workspace, channel, threadTs), now())?.context,
    rememberThread(workspace, channel, threadTs, context) {
      threads.set(threadKey(workspace, channel, threadTs), {
        context,
        channel,
        threadTs,
        updatedAt: new Date(now()).toISOString(),
      });
      void requestFlush(false);
    },
    threadCount: async () => threads.size,
    async beginEvent(key, body) {
      if (events.get(key, now())) return false;
      mine.add(key);
      events.set(key, { state: "pending", at: new Date(now()).toISOString(), body });
      await requestFlush(true);
      return true;
    },
    finishEvent(key) {
      mine.delete(key);
      const record = events.get(key, now());
      events.set(key, { state: "done", at: record?.at ?? new Date(now()).toISOString() });
      void requestFlush(false);
    },
    eventState: async (key) => events.get(key, now())?.state,
    async pendingEvents() {
      const claimed = events
        .entries(now())
        .filter(([key, e]) => e.state === "pending" && !mine.has(key))
        .map(([key, e]) => ({ key, at: e.at, body: e.body }))
        .sort((a, b) => a.at.localeCompare(b.at));
      for (const e of claimed) mine.add(e.key);
      return claimed;
    },
    async read() {
      refresh();
      return db.data;
    },
    update: (change) => updateAll(change),
    saveFeedback: (key, record) => updateAll((state) => void (state.feedback[key] = record)),
    commentFeedback: (key, comment) =>
      updateAll((state) => {
        const record = state.feedback[key];
        if (record) record.comment = comment;
      }),
    async feedback(key) {
      refresh();
      return db.data.feedback[key];
    },
    saveInstallation: (key, installation) =>
      updateAll((state) => void (state.installations[key] = InstallationSchema.parse(installation))),
    async installation(key) {
      refresh();
      return db.data.installations[key];
    },
    deleteInstallation: (key) => updateAll((state) => void delete state.installations[key]),
    async forgetWorkspace(installation) {
      threads.catchUp();
      for (const key of threads.keys()) if (coveredBy(installation, workspaceOfKey(key))) threads.delete(key);
      await requestFlush(true);
      return updateAll((state) => {
        for (const key of Object.keys(state.feedback))
          if (coveredBy(installation, workspaceOfKey(key))) delete state.feedback[key];
        for (const [key, d] of Object.entries(state.deliveries))
          if (coveredBy(installation, d.workspace)) delete state.deliveries[key];
        let stopped = 0;
        for (const [key, sub] of Object.entries(state.subscriptions))
          if (coveredBy(installation, sub.workspace)) {
            delete state.subscriptions[key];
            stopped++;
          }
        return stopped;
      });
    },
    flush: () => (threads.dirty || events.dirty ? requestFlush(true) : Promise.resolve()),
    async close() {
      if (threads.dirty || events.dirty) await requestFlush(true);
      await compaction;
    },
    problem: () => writeProblem,
  };

  async function updateAll<T>(change: (state: SmallState) => T): Promise<T> {
    try {
      const result = await withLock(lockPath, async () => {
        refresh(); // re-read only when another process replaced the file since our last read or write
        const out = change(db.data);
        await writeSmall();
        return out;
      });
      writeProblem = undefined;
      return result;
    } catch (error) {
      writeProblem = `cannot write ${file}: ${(error as Error).message}`;
      throw error;
    }
  }
}

/** Size, time and inode of a file: changes whenever any process replaces it. */
function fileStamp(file: string): string | undefined {
  try {
    const s = statSync(file);
    return `${s.ino}:${s.size}:${s.mtimeMs}`;
  } catch {
    return undefined;
  }
}

/**
 * db.json, validated record by record: a record that fails its schema is dropped with a warning, the rest kept.
 * A file that is empty or not JSON is moved aside. A version 1 file hands its threads and events to the journals.
 */
function readSmallState(
  file: string,
  warn: (m: string) => void,
  threads: JournalTable<ThreadRecord> | undefined,
  events: JournalTable<EventRecord> | undefined,
  now: Date,
): SmallState {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptySmallState();
    throw error;
  }
  let json: Record<string, unknown> | undefined;
  try {
    const parsed: unknown = raw.trim() ? JSON.parse(raw) : undefined;
    if (parsed && typeof parsed === "object" && !Array.isArray(parsed)) json = parsed as Record<string, unknown>;
  } catch {
    // handled below
  }
  if (!json) {
    const aside = `${file}.corrupt-${now.toISOString().replace(/[:.]/g, "-")}`;
    renameSync(file, aside);
    warn(
      `warning: ${file} ${raw.trim() ? "was not a JSON object (truncated?)" : "was empty"}; moved it to ${aside} and started afresh`,
    );
    return emptySmallState();
  }
  if (json.schemaVersion === 1) migrateVersion1(json, threads, events, warn);
  const state = emptySmallState();
  const dropped: string[] = [];
  for (const [collection, schema] of Object.entries(SMALL_STATE_RECORDS) as [
    keyof typeof SMALL_STATE_RECORDS,
    (typeof SMALL_STATE_RECORDS)[keyof typeof SMALL_STATE_RECORDS],
  ][]) {
    const records = json[collection];
    if (!records || typeof records !== "object") continue;
    for (const [key, value] of Object.entries(records)) {
      const parsed = schema.safeParse(value);
      if (parsed.success) (state[collection] as Record<string, unknown>)[key] = parsed.data;
      else
        dropped.push(
          `${collection}.${key} (${parsed.error.issues[0]?.path.join(".")}: ${parsed.error.issues[0]?.message})`,
        );
    }
  }
  if (dropped.length)
    warn(
      `warning: ${file}: dropped ${dropped.length} record(s) that did not match the schema, kept the rest: ${dropped.slice(0, 5).join("; ")}`,
    );
  return SmallStateSchema.parse(state);
}

/** Version 1 kept threads and events in db.json: they move to the journals, one record at a time. */
function migrateVersion1(
  json: Record<string, unknown>,
  threads: JournalTable<ThreadRecord> | undefined,
  events: JournalTable<EventRecord> | undefined,
  warn: (m: string) => void,
): void {
  let dropped = 0;
  for (const [key, value] of Object.entries((json.threads as Record<string, unknown>) ?? {})) {
    const parsed = ThreadRecordSchema.safeParse(value);
    if (parsed.success) threads?.set(key, parsed.data);
    else dropped++;
  }
  for (const [key, at] of Object.entries((json.events as Record<string, unknown>) ?? {})) {
    if (typeof at === "string") events?.set(key, { state: "done", at });
  }
  if (dropped) warn(`warning: dropped ${dropped} thread record(s) of the old db.json that did not match the schema`);
}

function pruneSmallState(state: SmallState, now: number): void {
  for (const [key, d] of Object.entries(state.deliveries))
    if (Date.parse(d.attemptedAt) < now - LIMITS.deliveryTtlMs) delete state.deliveries[key];
  const feedback = Object.entries(state.feedback).filter(([, f]) => Date.parse(f.at) > now - LIMITS.feedbackTtlMs);
  if (feedback.length !== Object.keys(state.feedback).length || feedback.length > LIMITS.maxFeedback) {
    state.feedback = Object.fromEntries(
      feedback.sort((a, b) => b[1].at.localeCompare(a[1].at)).slice(0, LIMITS.maxFeedback),
    );
  }
}
