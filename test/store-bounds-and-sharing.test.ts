// The store under real conditions: records expire and are capped, a torn or invalid journal line costs only
// itself, two processes (here two stores on one folder) see and keep each other's changes, and a lock left by
// a dead process is taken over.
import { spawn } from "node:child_process";
import { appendFileSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { z } from "zod";
import { describe, expect, it } from "vitest";
import { LIMITS } from "../src/config.js";
import { openStore } from "../src/store/db.js";
import { JournalTable } from "../src/store/journal.js";
import { LockTimeoutError, withLock } from "../src/store/lock.js";
import { newPlace, openAt, STORE_KINDS } from "./support/stores.js";
import { withLimits } from "./support/limits.js";
import { tempDir } from "./support/temp.js";
import { subscription } from "./support/subscription.js";
import { inWorkspace } from "../src/store/workspace.js";

const DAY = 86_400_000;

describe.each(STORE_KINDS)("%s store: thread records", (kind) => {
  it("expire after the retention period", async (context) => {
    const place = await newPlace(kind, context);
    let now = new Date("2026-11-01T00:00:00Z");
    const store = await openAt(kind, place, { now: () => now });
    store.rememberThread("", "C1", "1.0", { topic: "planning" });
    await store.close();
    now = new Date(now.getTime() + 29 * DAY);
    expect(await (await openAt(kind, place, { now: () => now })).thread("", "C1", "1.0")).toEqual({
      topic: "planning",
    });
    now = new Date(now.getTime() + 2 * DAY);
    expect(await (await openAt(kind, place, { now: () => now })).thread("", "C1", "1.0")).toBeUndefined();
  });
});

describe("a store whose journal outgrows its snapshot", () => {
  it("folds it into a new snapshot in the background, keeping the most recent threads up to the cap", async () => {
    // The cap is applied at each fold and when the store is opened; in between a running process may hold a few more.
    const restore = withLimits({ compactMinBytes: 2_000, maxThreads: 20 });
    try {
      const dir = tempDir("store-compact-");
      let clock = Date.parse("2026-11-01T00:00:00Z");
      const store = await openStore(dir, { now: () => new Date(clock) });
      for (let i = 0; i < 40; i++) {
        clock += 1000;
        store.rememberThread("", "C1", `${i}.0`, { topic: `topic ${i}`, lastQuestion: "x".repeat(200) });
        await store.flush();
      }
      await store.close();
      expect(readdirSync(dir)).toContain("threads.jsonl");
      expect(readdirSync(dir).filter((f) => /^threads\.\d+\.log$/.test(f)).length).toBeLessThanOrEqual(2);
      const again = await openStore(dir, { now: () => new Date(clock) });
      expect(await again.threadCount()).toBe(20); // the most recent 20
      expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
      expect(await again.thread("", "C1", "39.0")).toMatchObject({ topic: "topic 39" });
      expect(await again.thread("", "C1", "0.0")).toBeUndefined();
    } finally {
      restore();
    }
  });
});

describe("a journal table", () => {
  const Schema = z.object({ n: z.number(), at: z.number() });
  const table = (dir: string, warn: (m: string) => void = () => undefined) =>
    new JournalTable(dir, "t", Schema, {
      recency: (v) => v.at,
      ttlMs: 1000,
      maxEntries: 10,
      compactMinBytes: 200,
      warn,
    });

  it("keeps at most its maximum, the most recent, after compacting", async () => {
    const dir = tempDir("journal-max-");
    const t = table(dir);
    const now = Date.now();
    for (let i = 0; i < 30; i++) t.set(`k${i}`, { n: i, at: now - 500 + i });
    expect(t.flush()).toBe(true); // compaction due
    await t.writeSnapshot(t.startCompaction(now), async (install) => install());
    const again = table(dir);
    expect(again.size).toBe(10);
    expect(again.get("k29")?.n).toBe(29);
    expect(again.get("k0")).toBeUndefined();
    expect(readdirSync(dir).filter((f) => f.endsWith(".log"))).toEqual(["t.1.log"]); // the folded journal is gone
  });

  it.each([
    ["the newer first", true],
    ["the older first", false],
  ])("two processes compacting at once keep every record (%s)", async (_name, newerFirst) => {
    const dir = tempDir("journal-two-");
    const a = table(dir);
    const b = table(dir);
    const rec = (n: number) => ({ n, at: Date.now() });
    const install = async (fn: () => void) => fn();
    a.set("a1", rec(1));
    a.flush();
    b.set("b1", rec(2));
    b.flush();
    const jobA = a.startCompaction();
    b.set("b2", rec(3));
    b.flush(); // moves on to a's new journal
    const jobB = b.startCompaction();
    a.set("a2", rec(4));
    a.flush(); // moves on to b's newer journal
    if (newerFirst) {
      await b.writeSnapshot(jobB, install);
      await a.writeSnapshot(jobA, install);
    } else {
      await a.writeSnapshot(jobA, install);
      await b.writeSnapshot(jobB, install);
    }
    const c = table(dir);
    expect(["a1", "b1", "b2", "a2"].map((k) => c.get(k)?.n)).toEqual([1, 2, 3, 4]);
  });

  it("removes a snapshot a crashed process left half-written", async () => {
    const dir = tempDir("journal-orphan-");
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => dead.on("exit", r));
    writeFileSync(join(dir, `.t.jsonl.${dead.pid}.abc.tmp`), '{"gen":1}\n{"k":"half');
    table(dir);
    expect(readdirSync(dir).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("drops a line that fails the schema and a line torn by a crash, with a warning, and keeps the rest", () => {
    const dir = tempDir("journal-bad-");
    const t = table(dir);
    t.set("good", { n: 1, at: Date.now() });
    t.flush();
    appendFileSync(join(dir, "t.0.log"), `${JSON.stringify({ k: "bad", v: { n: "one" } })}\n{"k":"torn","v":{"n":`);
    const warnings: string[] = [];
    const again = table(dir, (m) => warnings.push(m));
    expect(again.get("good")?.n).toBe(1);
    expect(again.get("bad")).toBeUndefined();
    expect(warnings.join()).toMatch(/dropped 1 record.*bad: n/);
    again.set("after", { n: 2, at: Date.now() });
    again.flush(); // cuts the torn line before appending
    expect(
      readFileSync(join(dir, "t.0.log"), "utf8")
        .split("\n")
        .filter(Boolean)
        .every((l) => JSON.parse(l)),
    ).toBe(true);
    expect(table(dir).get("after")?.n).toBe(2);
  });
});

describe.each(STORE_KINDS)("two %s stores on one place (two processes)", (kind) => {
  it("see each other's threads and keep each other's subscriptions and feedback", async (context) => {
    const place = await newPlace(kind, context);
    const a = await openAt(kind, place);
    const b = await openAt(kind, place);
    a.rememberThread("", "C1", "1.0", { topic: "from a" });
    await a.flush();
    expect(await b.thread("", "C1", "1.0")).toEqual({ topic: "from a" });
    const sub = (channel: string) => subscription({ channel });
    await Promise.all([
      a.update((s) => void (s.subscriptions.C1 = sub("C1"))),
      b.update((s) => void (s.subscriptions.C2 = sub("C2"))),
      a.saveFeedback("k", { user: "U1", channel: "C1", messageTs: "1.0", value: "up", at: new Date().toISOString() }),
    ]);
    expect(Object.keys((await a.read()).subscriptions).sort()).toEqual(["C1", "C2"]);
    expect(Object.keys((await b.read()).subscriptions).sort()).toEqual(["C1", "C2"]);
    expect((await b.feedback("k"))?.value).toBe("up");
    await b.commentFeedback("k", "a comment from b");
    expect(await a.feedback("k")).toMatchObject({ value: "up", comment: "a comment from b" });
    await b.update((s) => void delete s.subscriptions.C1);
    expect(Object.keys((await a.read()).subscriptions)).toEqual(["C2"]);
    if (kind === "lowdb") expect(readdirSync(place).filter((f) => f.endsWith(".tmp"))).toEqual([]);
  });

  it("a pending question recorded by one is claimed by the next process, once its owner is gone", async (context) => {
    const place = await newPlace(kind, context);
    let now = new Date();
    const a = await openAt(kind, place, { now: () => now });
    expect(await a.beginEvent("event:Ev1", { event_id: "Ev1" })).toBe(true);
    expect(await a.beginEvent("event:Ev1", { event_id: "Ev1" })).toBe(false);
    expect(await a.pendingEvents()).toEqual([]); // a is answering it
    await a.close(); // a was killed: nothing more written (no lease renewed),
    now = new Date(now.getTime() + LIMITS.pendingLeaseMs + 1000); // and its lease ran out
    const b = await openAt(kind, place, { now: () => now });
    expect((await b.pendingEvents()).map((p) => [p.key, p.body])).toEqual([["event:Ev1", { event_id: "Ev1" }]]);
    expect(await b.pendingEvents()).toEqual([]); // claimed once
    expect(await b.eventState("event:Ev1")).toBe("pending");
    b.finishEvent("event:Ev1");
    await b.close();
    const c = await openAt(kind, place, { now: () => now });
    expect(await c.pendingEvents()).toEqual([]);
    expect(await c.eventState("event:Ev1")).toBe("done");
    expect(await c.beginEvent("event:Ev1", { event_id: "Ev1" })).toBe(false);
  });
});

describe.each(STORE_KINDS)("%s store: forgetting a workspace", (kind) => {
  it("deletes what the workspaces an installation covered left, and nothing of the others", async (context) => {
    const store = await openAt(kind, await newPlace(kind, context));
    const click = { user: "U1", channel: "C1", messageTs: "1.0", value: "up" as const, at: new Date().toISOString() };
    // An org-wide installation ("E1:") covers E1's workspaces, not T1 (another workspace) nor "" (SLACK_BOT_TOKEN).
    for (const workspace of ["E1:T1", "E1:T2", "T1", ""]) {
      store.rememberThread(workspace, "C1", "1.0", { topic: workspace });
      await store.saveFeedback(inWorkspace(workspace, "C1:1.0:U1"), click);
      await store.update(
        (s) => void (s.subscriptions[inWorkspace(workspace, "C1")] = subscription({ workspace, channel: "C1" })),
      );
    }
    await store.flush();
    expect(await store.forgetWorkspace("E1:")).toBe(2);
    for (const [workspace, kept] of [
      ["E1:T1", false],
      ["E1:T2", false],
      ["T1", true],
      ["", true],
    ] as const) {
      expect(await store.thread(workspace, "C1", "1.0"), workspace).toEqual(kept ? { topic: workspace } : undefined);
      expect(!!(await store.feedback(inWorkspace(workspace, "C1:1.0:U1"))), workspace).toBe(kept);
      expect(!!(await store.read()).subscriptions[inWorkspace(workspace, "C1")], workspace).toBe(kept);
    }
    expect(await store.forgetWorkspace("")).toBe(1);
    expect(await store.thread("", "C1", "1.0")).toBeUndefined();
    expect(await store.feedback("C1:1.0:U1")).toBeUndefined();
    expect(await store.thread("T1", "C1", "1.0")).toEqual({ topic: "T1" });
  });
});

describe("the lock file", () => {
  it("is taken over when its owner is dead, and waited for (then refused) while its owner lives", async () => {
    const dir = tempDir("lock-");
    const path = join(dir, "store.lock");
    const dead = spawn(process.execPath, ["-e", "0"]);
    await new Promise((r) => dead.on("exit", r));
    writeFileSync(path, JSON.stringify({ pid: dead.pid, at: new Date().toISOString() }));
    expect(await withLock(path, () => "taken over")).toBe("taken over");

    const alive = spawn(process.execPath, ["-e", "setTimeout(() => {}, 20000)"]);
    try {
      writeFileSync(path, JSON.stringify({ pid: alive.pid, at: new Date().toISOString() }));
      await expect(withLock(path, () => "never", 300)).rejects.toThrow(LockTimeoutError);
    } finally {
      alive.kill("SIGKILL");
    }
  });
});
