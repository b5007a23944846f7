// Two bot processes on one PostgreSQL database (here two stores, each with its own connections and its own owner
// name): the database decides who does what. Each pending question is claimed by one of them, each event is
// recorded once, each digest is claimed and posted once, and the migrations run once when both start together.
import pg from "pg";
import { afterEach, beforeEach, describe, expect, it } from "vitest";
import { LIMITS } from "../src/config.js";
import { deliverDue } from "../src/digest/deliver.js";
import { posterClient } from "../src/slack/client.js";
import { slackDigestPoster } from "../src/slack/digest-poster.js";
import type { Store } from "../src/store/db.js";
import { MIGRATIONS } from "../src/store/migrations.js";
import { seeds as index } from "./support/engine.js";
import { startStandIn, type StandIn } from "./support/slack-stand-in.js";
import { freshDatabase, openAt } from "./support/stores.js";
import { subscription } from "./support/subscription.js";

const sub = (channel: string) => subscription({ channel });

let url: string;
let clock: Date;
let a: Store;
let b: Store;
let standIn: StandIn;
beforeEach(async (context) => {
  url = await freshDatabase(context);
  clock = new Date("2026-06-10T07:30:00Z"); // 08:30 in London
  // Both open at once: the migrations are applied by one, under the advisory lock.
  [a, b] = await Promise.all([
    openAt("postgres", url, { now: () => clock }),
    openAt("postgres", url, { now: () => clock }),
  ]);
  standIn = await startStandIn();
});
afterEach(async () => standIn?.close());

describe("two processes on one PostgreSQL database", () => {
  it("applied every migration once, though both started together", async () => {
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    try {
      const { rows } = await client.query<{ version: number }>(
        "SELECT version FROM schema_migrations ORDER BY version",
      );
      expect(rows.map((r) => r.version)).toEqual(MIGRATIONS.map((m) => m.version));
    } finally {
      await client.end();
    }
    expect(a.owner).not.toBe(b.owner);
  });

  it("record each event once, whichever receives it, however often", async () => {
    const keys = Array.from({ length: 50 }, (_, i) => `event:Ev${i}`);
    const outcomes = await Promise.all(
      keys.flatMap((key) => [a.beginEvent(key, { key }), b.beginEvent(key, { key }), a.beginEvent(key, { key })]),
    );
    expect(outcomes.filter(Boolean)).toHaveLength(keys.length);
  });

  it("claim the pending questions of a process that died: each by one of them, once", async () => {
    const dead = await openAt("postgres", url, { now: () => clock });
    const keys = Array.from({ length: 40 }, (_, i) => `event:Ev${i}`);
    for (const key of keys) expect(await dead.beginEvent(key, { key })).toBe(true);
    await dead.close(); // it was killed: nothing more written
    expect([...(await a.pendingEvents()), ...(await b.pendingEvents())]).toEqual([]); // its leases still run
    clock = new Date(clock.getTime() + LIMITS.pendingLeaseMs + 1000);
    const claims = await Promise.all([a.pendingEvents(), b.pendingEvents(), a.pendingEvents(), b.pendingEvents()]);
    const claimed = claims.flat().map((e) => e.key);
    expect(claimed.sort()).toEqual([...keys].sort());
    // Answered by whoever claimed it; then nobody claims it again, even after another lease.
    for (const key of claimed)
      (claims[0]!.some((e) => e.key === key) || claims[2]!.some((e) => e.key === key) ? a : b).finishEvent(key);
    await Promise.all([a.flush(), b.flush()]);
    clock = new Date(clock.getTime() + LIMITS.pendingLeaseMs + 1000);
    expect([...(await a.pendingEvents()), ...(await b.pendingEvents())]).toEqual([]);
    expect(await b.eventState(keys[0]!)).toBe("done");
  });

  it("leave a question alone while the process answering it renews its lease; claim it once that process is gone", async () => {
    const answering = await openAt("postgres", url); // the real clock: its heartbeat renews the lease
    expect(await answering.beginEvent("event:EvLong", { long: true })).toBe(true);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const leaseEnd = async () =>
      (
        await client.query<{ until: Date }>("SELECT claimed_until AS until FROM events WHERE key = 'event:EvLong'")
      ).rows[0]!.until.getTime();
    try {
      const first = await leaseEnd();
      while ((await leaseEnd()) === first) await new Promise((r) => setTimeout(r, 100)); // the next heartbeat
      // When the first lease would have run out, the question is still held.
      clock = new Date(first + 1000);
      expect([...(await a.pendingEvents()), ...(await b.pendingEvents())]).toEqual([]);
      await answering.close(); // killed: no more heartbeats
      clock = new Date((await leaseEnd()) + 1000);
      expect((await a.pendingEvents()).map((e) => e.key)).toEqual(["event:EvLong"]);
      expect(await b.pendingEvents()).toEqual([]);
    } finally {
      await client.end();
    }
  }, 30_000);

  it("claim each digest once: both schedulers run, one post per channel and day", async () => {
    await a.update((state) => {
      for (const channel of ["C1", "C2", "C3"]) state.subscriptions[channel] = sub(channel);
    });
    standIn.delay("chat.postMessage", 100); // posts take a while, so that the two overlap
    const deps = (store: Store) => ({
      store,
      poster: slackDigestPoster(async () => posterClient("xoxb-test", standIn.apiUrl)),
      getIndex: () => index,
      now: () => clock,
      log: () => undefined,
    });
    // Each process's scheduler runs its checks one after another (croner's protect); the two run side by side.
    const schedule = async (store: Store) => [
      await deliverDue(deps(store)),
      await deliverDue(deps(store)),
      await deliverDue(deps(store)),
    ];
    const reports = (await Promise.all([schedule(a), schedule(b)])).flat();
    expect(reports.reduce((n, r) => n + r.posted, 0)).toBe(3);
    expect(reports.flatMap((r) => r.failures)).toEqual([]);
    expect(
      standIn
        .callsTo("chat.postMessage")
        .map((c) => c.args.channel)
        .sort(),
    ).toEqual(["C1", "C2", "C3"]);
    const state = await b.read();
    expect(Object.values(state.deliveries).every((d) => d.ts)).toBe(true);
    expect(state.subscriptions.C2!.lastPostedDate).toBe("2026-06-10");
    // The digest is a thread root for both: a follow-up reaching either process is answered in its thread.
    expect(await a.thread("", "C2", state.subscriptions.C2!.lastPostedTs!)).toEqual({});
  });
});
