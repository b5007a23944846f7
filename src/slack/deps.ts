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
  /** Answers in flight, so that a graceful stop can wait for them. */
  inFlight: Set<Promise<unknown>>;
}

/** Runs work as an answer in flight: a stop waits for it to finish. */
export function track<T>(deps: BotDeps, work: Promise<T>): Promise<T> {
  deps.inFlight.add(work);
  work.finally(() => deps.inFlight.delete(work)).catch(() => undefined);
  return work;
}
