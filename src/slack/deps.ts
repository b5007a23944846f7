// What the listeners need, handed to them once when the app is built.
import type { Logger } from "@slack/bolt";
import type { WebClient } from "@slack/web-api";
import type { CorpusIndex } from "../search/index.js";
import type { Store } from "../store/db.js";
import { LIMITS } from "../config.js";

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

/**
 * Runs work as an answer in flight: a stop waits for it; a failure is logged, never left unhandled.
 * The work starts on the next turn of the event loop, so that the request's acknowledgement goes out first;
 * answers wait their turn (queue), quick replies that must beat a trigger's expiry (a modal) do not.
 */
export function track<T>(deps: BotDeps, run: () => Promise<T>, options: { queue?: boolean } = {}): Promise<T> {
  const queued = options.queue !== false;
  const work = (queued ? turn() : new Promise<void>((r) => setImmediate(r))).then(async () => {
    try {
      return await run();
    } finally {
      if (queued) release();
    }
  });
  deps.inFlight.set(work, Date.now());
  work
    .catch((error) => deps.logger.error(`answer failed: ${(error as Error)?.message ?? error}`))
    .finally(() => deps.inFlight.delete(work));
  return work;
}

// At most LIMITS.answerConcurrency answers are worked on at once, so that under a burst the event loop still
// reads and acknowledges new requests (Slack's 3 s) instead of spending itself on a backlog of answers.
let running = 0;
const waiting: (() => void)[] = [];

function turn(): Promise<void> {
  return new Promise((resolve) => {
    const start = () => {
      running++;
      setImmediate(resolve);
    };
    if (running < LIMITS.answerConcurrency) start();
    else waiting.push(start);
  });
}

function release(): void {
  running--;
  waiting.shift()?.();
}

/** The oldest answer in flight, in ms, or 0. */
export function oldestInFlight(deps: BotDeps, now = Date.now()): number {
  let oldest = 0;
  for (const started of deps.inFlight.values()) oldest = Math.max(oldest, now - started);
  return oldest;
}
