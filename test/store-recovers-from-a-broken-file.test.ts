import { existsSync, readdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { openStore } from "../src/store/db.js";
import { SCHEMA_VERSION } from "../src/store/schema.js";
import { tempDir } from "./support/temp.js";

describe("the lowdb database", () => {
  it.each([
    ["empty", ""],
    ["truncated", '{"schemaVersion": 1, "threads": {"C1:1": {"cont'],
    ["not JSON", "hello"],
    ["of another shape", JSON.stringify({ schemaVersion: 99, threads: [] })],
  ])("%s: moved aside with a warning, and a fresh one started", async (_name, content) => {
    const dir = tempDir("db-");
    writeFileSync(join(dir, "db.json"), content);
    const warnings: string[] = [];
    const store = await openStore(dir, { warn: (m) => warnings.push(m), now: () => new Date("2026-11-23T08:00:00Z") });
    expect(store.data).toMatchObject({ schemaVersion: SCHEMA_VERSION, threads: {}, subscriptions: {} });
    expect(warnings).toHaveLength(1);
    expect(warnings[0]).toMatch(/moved it to .*db\.json\.corrupt-2026-11-23T08-00-00-000Z/);
    expect(readdirSync(dir)).toContain("db.json.corrupt-2026-11-23T08-00-00-000Z");
    expect(readFileSync(join(dir, "db.json.corrupt-2026-11-23T08-00-00-000Z"), "utf8")).toBe(content); // nothing lost
    expect(JSON.parse(readFileSync(join(dir, "db.json"), "utf8")).schemaVersion).toBe(SCHEMA_VERSION);
  });

  it("keeps what it stored across a reopen", async () => {
    const dir = tempDir("db-");
    const store = await openStore(dir);
    store.data.events.Ev1 = "2026-11-23T08:00:00Z";
    await store.write();
    const again = await openStore(dir);
    expect(again.data.events.Ev1).toBe("2026-11-23T08:00:00Z");
    expect(existsSync(join(dir, "db.json"))).toBe(true);
  });
});
