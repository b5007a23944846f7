import { defineConfig } from "vitest/config";

export default defineConfig({
  test: {
    include: ["test/**/*.test.ts"],
    testTimeout: 20_000,
    hookTimeout: 20_000,
    // One worker process runs many files: modules (and the indexes test/support builds from them) load once per
    // worker instead of once per file. Safe because src keeps no state between calls but caches of pure functions,
    // and every test builds its own store, stand-in and bot.
    isolate: false,
    // One worker per core (Vitest's default leaves one core free): most tests wait on sockets, timers and child
    // processes, so two workers on two cores overlap the waiting.
    maxWorkers: "100%",
    globalSetup: ["test/support/temp-dir-check.ts", "test/support/postgres.ts"],
    setupFiles: ["test/support/remove-temp-dirs.ts"],
  },
});
