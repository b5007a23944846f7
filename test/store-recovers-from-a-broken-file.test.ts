import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../src/store/db.js";
import { SCHEMA_VERSION } from "../src/store/schema.js";
import { tempDir } from "./support/temp.js";
import { subscription } from "./support/subscription.js";

describe("db.json (feedback, subscriptions, deliveries)", () => {
  it.each([
    ["empty", ""],
    ["truncated", '{"schemaVersion": 2, "subscriptions": {"C1": {"chan'],
    ["not JSON", "hello"],
    ["not an object", "[1, 2]"],
  ])("%s: moved aside with a warning, and a fresh one started", async (_name, content) => {
    const dir = tempDir("db-");
    writeFileSync(join(dir, "db.json"), content);
    const warnings: string[] = [];
    const store = await openStore(dir, { warn: (m) => warnings.push(m), now: () => new Date("2026-11-23T08:00:00Z") });
    expect(await store.read()).toMatchObject({ schemaVersion: SCHEMA_VERSION, subscriptions: {}, feedback: {} });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/moved it to .*db\.json\.corrupt-2026-11-23T08-00-00-000Z/);
    expect(readdirSync(dir)).toContain("db.json.corrupt-2026-11-23T08-00-00-000Z");
    expect(readFileSync(join(dir, "db.json.corrupt-2026-11-23T08-00-00-000Z"), "utf8")).toBe(content); // nothing lost
    expect(JSON.parse(readFileSync(join(dir, "db.json"), "utf8")).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it("drops a record that fails the schema with a warning, and keeps the rest", async () => {
    const dir = tempDir("db-");
    const good = subscription();
    writeFileSync(
      join(dir, "db.json"),
      JSON.stringify({
        schemaVersion: SCHEMA_VERSION,
        subscriptions: { C1: good, C2: { ...good, channel: "C2", time: "at dawn" } },
      }),
    );
    const warnings: string[] = [];
    const store = await openStore(dir, { warn: (m) => warnings.push(m) });
    expect(Object.keys((await store.read()).subscriptions)).toEqual(["C1"]);
    expect(warnings.join("\n")).toMatch(/dropped 1 record.*subscriptions\.C2 \(time/);
    expect(readdirSync(dir).some((f) => f.includes("corrupt"))).toBe(false);
  });

  it("keeps what it stored across a reopen, and reads a version 1 file's threads and subscriptions", async () => {
    const dir = tempDir("db-");
    const sub = subscription();
    const now = new Date().toISOString();
    writeFileSync(
      join(dir, "db.json"),
      JSON.stringify({
        schemaVersion: 1,
        threads: { "C1:1.0": { context: { unitKey: "derby" }, channel: "C1", threadTs: "1.0", updatedAt: now } },
        events: { Ev1: now },
        feedback: {},
        subscriptions: { C1: sub },
        deliveries: {},
      }),
    );
    const store = await openStore(dir);
    expect(await store.thread("", "C1", "1.0")).toEqual({ unitKey: "derby" });
    expect((await store.read()).subscriptions.C1).toMatchObject({ time: "08:00" });
    await store.update((state) => void (state.subscriptions.C1!.time = "09:00"));
    store.rememberThread("", "C2", "2.0", { topic: "planning" });
    await store.close();
    const again = await openStore(dir);
    expect((await again.read()).subscriptions.C1!.time).toBe("09:00");
    expect(await again.thread("", "C2", "2.0")).toEqual({ topic: "planning" });
    expect(await again.thread("", "C1", "1.0")).toEqual({ unitKey: "derby" });
    expect((await again.eventState("event:Ev1")) ?? (await again.eventState("Ev1"))).toBe("done");
    expect(existsSync(join(dir, "db.json"))).toBe(true);
  });
});
