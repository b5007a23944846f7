// A setup file: it runs before every test file, so each file's stores, databases and temporary folders go when
// that file is done.
import { afterAll } from "vitest";
import { closeStores, dropDatabases } from "./stores.js";
import { removeTempDirs } from "./temp.js";

afterAll(async () => {
  await closeStores();
  await dropDatabases();
  removeTempDirs();
});
