// The store the configuration asks for: PostgreSQL when DATABASE_URL is set (replicas), else DATA_DIR (lowdb).
import { openStore, type OpenStoreOptions, type Store } from "./db.js";
import { openPostgresStore } from "./postgres.js";

export function openConfiguredStore(
  config: { DATABASE_URL?: string; DATA_DIR: string },
  options: OpenStoreOptions = {},
): Promise<Store> {
  return config.DATABASE_URL ? openPostgresStore(config.DATABASE_URL, options) : openStore(config.DATA_DIR, options);
}
