// Opens the lowdb database in DATA_DIR. lowdb writes atomically (temp file, then rename).
// A file that is empty, truncated, not JSON or not of our schema is moved aside and a fresh
// database started: a broken file must never become a crash loop.
import { mkdirSync, readFileSync, renameSync } from "node:fs";
import { join } from "node:path";
import { Low } from "lowdb";
import { JSONFile } from "lowdb/node";
import { DatabaseSchema, emptyDatabase, SCHEMA_VERSION, type Database } from "./schema.js";

export type Store = Low<Database>;

export interface OpenStoreOptions {
  /** Where warnings go (a corrupt file moved aside). Defaults to console.warn. */
  warn?: (message: string) => void;
  now?: () => Date;
}

export async function openStore(dataDir: string, options: OpenStoreOptions = {}): Promise<Store> {
  const warn = options.warn ?? ((m: string) => console.warn(m));
  const now = options.now ?? (() => new Date());
  mkdirSync(dataDir, { recursive: true });
  const file = join(dataDir, "db.json");
  const data = readValidated(file, warn, now);
  const db = new Low<Database>(new JSONFile<Database>(file), data);
  await db.write();
  return db;
}

function readValidated(file: string, warn: (m: string) => void, now: () => Date): Database {
  let raw: string;
  try {
    raw = readFileSync(file, "utf8");
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === "ENOENT") return emptyDatabase();
    throw error;
  }
  const problem = validate(raw);
  if (typeof problem !== "string") return problem;
  const aside = `${file}.corrupt-${now().toISOString().replace(/[:.]/g, "-")}`;
  renameSync(file, aside);
  warn(`warning: ${file} ${problem}; moved it to ${aside} and started a fresh database`);
  return emptyDatabase();
}

/** The database, or a short description of what is wrong with the file. */
function validate(raw: string): Database | string {
  if (raw.trim() === "") return "was empty";
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return "was not valid JSON (truncated?)";
  }
  const migrated = migrate(json);
  const parsed = DatabaseSchema.safeParse(migrated);
  if (!parsed.success) return `did not match schema version ${SCHEMA_VERSION} (${parsed.error.issues[0]?.message})`;
  return parsed.data;
}

/** Upgrades older stored shapes to the current schema. Version 1 is the first. */
function migrate(json: unknown): unknown {
  return json;
}
