// npm start: read the configuration, index the corpus, open the store, start the bot; stop gracefully.
import { join } from "node:path";
import { ConfigError, LIMITS, readConfig } from "./config.js";
import { CorpusError, loadCorpusOnThreads, watchCorpus, type CorpusIndex } from "./engine.js";
import { createBot } from "./slack/app.js";
import { openConfiguredStore } from "./store/open.js";
import { digestCommand } from "./digest/command.js";
import { digestSubCommand } from "./slack/digest-blocks.js";
import { slackDigestPoster } from "./slack/digest-poster.js";
import { startScheduler } from "./digest/scheduler.js";

async function main(): Promise<void> {
  const config = readConfig();
  // Each document's parse is kept under DATA_DIR, so that the next start reads it instead of parsing again.
  const cacheDir = join(config.DATA_DIR, "parse-cache");
  let index: CorpusIndex = await loadCorpusOnThreads(config.CORPUS_DIR, {
    cacheDir,
    onWarning: (m) => console.warn(`warning: ${m}`),
  });
  const store = await openConfiguredStore(config);
  const getIndex = () => index;
  const now = () => new Date();
  const bot = createBot({
    config,
    getIndex,
    store,
    subCommands: { digest: digestSubCommand(digestCommand({ store, getIndex, now, timeZone: config.DIGEST_TZ })) },
  });
  const { port } = await bot.start();
  const watcher = watchCorpus(config.CORPUS_DIR, {
    current: getIndex,
    cacheDir,
    onReindex: (next) => {
      index = next;
      console.log(`reindexed: ${next.documents.length} documents`);
    },
    onError: (message) => console.warn(`corpus: ${message}`),
  });
  const scheduler = startScheduler({
    store,
    poster: slackDigestPoster(bot.deps.workspaces.posterOf),
    getIndex,
    now,
    log: (l) => bot.deps.logger.info(l),
  });
  console.log(
    `probation bot running (${config.socketMode ? "Socket Mode" : `HTTP on port ${port}, POST /slack/events`}) with ${index.documents.length} documents from ${config.CORPUS_DIR}`,
  );

  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    console.log(`${signal}: finishing answers in flight (at most ${LIMITS.stopGraceMs / 1000} s), then stopping`);
    // Whatever hangs, the process ends: the grace period plus time to flush the store.
    setTimeout(() => process.exit(1), LIMITS.stopGraceMs + LIMITS.lockWaitMs).unref();
    watcher.close();
    await scheduler.stop();
    await bot.stop();
    process.exit(0);
  };
  process.on("SIGTERM", () => void stop("SIGTERM"));
  process.on("SIGINT", () => void stop("SIGINT"));
}

main().catch((error) => {
  if (error instanceof ConfigError || error instanceof CorpusError) console.error(error.message);
  else console.error(`could not start: ${(error as Error).message}`);
  process.exit(1);
});
