// What the listeners need, handed to them once when the app is built.
import type { Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { CorpusIndex } from "../search/index.js";
import type { Store } from "../store/db.js";

export interface BotDeps {
  /** The current index: the corpus watcher may swap it; a question in flight keeps the one it started with. */
  getIndex: () => CorpusIndex;
  store: Store;
  /** A WebClient that never retries by itself, for posts that must not double (see post.ts). */
  poster: WebClient;
  logger: Logger;
  /** Answers in flight and when each started, so that a stop can wait for them and /healthz can see a stuck one. */
  inFlight: Map<Promise<unknown>, number>;
}

/** Runs work as an answer in flight: a stop waits for it; a failure is logged, never left unhandled. */
export function track<T>(deps: BotDeps, work: Promise<T>): Promise<T> {
  deps.inFlight.set(work, Date.now());
  work
    .catch((error) => deps.logger.error(`answer failed: ${(error as Error)?.message ?? error}`))
    .finally(() => deps.inFlight.delete(work));
  return work;
}

/** The oldest answer in flight, in ms, or 0. */
export function oldestInFlight(deps: BotDeps, now = Date.now()): number {
  let oldest = 0;
  for (const started of deps.inFlight.values()) oldest = Math.max(oldest, now - started);
  return oldest;
}
