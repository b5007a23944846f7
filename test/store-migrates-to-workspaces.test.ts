// A database written before workspaces existed (schema version 1): after the migration to version 2 its threads,
// subscriptions and deliveries are the single workspace's ("", the SLACK_BOT_TOKEN set-up), unchanged.
import pg from "pg";
import { describe, expect, it } from "vitest";
import { MIGRATIONS } from "../src/store/migrations.js";
import { freshDatabase, openAt } from "./support/stores.js";
import { subscription } from "./support/subscription.js";

describe("a PostgreSQL database of schema version 1", () => {
  it("keeps its records, as the single workspace's, when migrated", async (context) => {
    const url = await freshDatabase(context);
    const client = new pg.Client({ connectionString: url });
    await client.connect();
    const now = new Date().toISOString();
    try {
      await client.query(
        "CREATE TABLE schema_migrations (version integer PRIMARY KEY, name text NOT NULL, applied_at timestamptz NOT NULL DEFAULT now())",
      );
      await client.query(MIGRATIONS[0]!.sql);
      await client.query("INSERT INTO schema_migrations (version, name) VALUES (1, 'v1')");
      await client.query("INSERT INTO threads (channel, thread_ts, context, updated_at) VALUES ('C1', '1.0', $1, $2)", [
        JSON.stringify({ topic: "old" }),
        now,
      ]);
      const { workspace: _none, ...oldSubscription } = subscription({ channel: "C1" });
      await client.query("INSERT INTO subscriptions (channel, record) VALUES ('C1', $1)", [
        JSON.stringify(oldSubscription),
      ]);
    } finally {
      await client.end();
    }
    const store = await openAt("postgres", url);
    expect(await store.thread("", "C1", "1.0")).toEqual({ topic: "old" });
    expect(await store.thread("T1", "C1", "1.0")).toBeUndefined();
    expect((await store.read()).subscriptions.C1).toMatchObject({ workspace: "", channel: "C1" });
    // The same channel id in another workspace is another subscription.
    await store.update((s) => void (s.subscriptions["T1/C1"] = subscription({ workspace: "T1", channel: "C1" })));
    expect(Object.keys((await store.read()).subscriptions).sort()).toEqual(["C1", "T1/C1"]);
  });
});
