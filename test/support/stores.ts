// Both stores for the shared tests: lowdb on a temporary folder, PostgreSQL on a database of its own in the server
// test/support/postgres.ts started. Without a server the PostgreSQL tests skip, except in CI (CI=true), where they fail.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { inject, type TestContext } from "vitest";
import { openStore, type OpenStoreOptions, type Store } from "../../src/store/db.js";
import { openPostgresStore } from "../../src/store/postgres.js";
import { tempDir } from "./temp.js";

export const STORE_KINDS = ["lowdb", "postgres"] as const;
export type StoreKind = (typeof STORE_KINDS)[number];

const made: string[] = [];

function serverUrl(context?: TestContext): string {
  const url = inject("postgresUrl");
  if (url) return url;
  const why = inject("postgresProblem") || "no PostgreSQL server";
  if (process.env.CI === "true" || !context) throw new Error(`these tests need PostgreSQL: ${why}`);
  context.skip(why);
  throw new Error("skipped");
}

/** A new, empty database on the test server: its URL. Dropped after the test file (dropDatabases). */
export async function freshDatabase(context?: TestContext): Promise<string> {
  const url = new URL(serverUrl(context));
  const name = `test_${randomUUID().replace(/-/g, "")}`;
  const admin = new pg.Client({ connectionString: url.toString() });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE ${name}`);
  } finally {
    await admin.end();
  }
  made.push(name);
  url.pathname = `/${name}`;
  return url.toString();
}

export async function dropDatabases(): Promise<void> {
  if (made.length === 0) return;
  const admin = new pg.Client({ connectionString: inject("postgresUrl") });
  await admin.connect();
  try {
    for (const name of made.splice(0)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  } finally {
    await admin.end();
  }
}

/** Where a store of this kind keeps its state: a folder, or a database URL. */
export function newPlace(kind: StoreKind, context?: TestContext): Promise<string> {
  return kind === "lowdb" ? Promise.resolve(tempDir("store-")) : freshDatabase(context);
}

/** A store of this kind on that place; it is closed after the test file. */
export async function openAt(kind: StoreKind, place: string, options: OpenStoreOptions = {}): Promise<Store> {
  const store = kind === "lowdb" ? await openStore(place, options) : await openPostgresStore(place, options);
  opened.push(store);
  return store;
}

const opened: Store[] = [];
export async function closeStores(): Promise<void> {
  await Promise.allSettled(opened.splice(0).map((s) => s.close()));
}
