// What the listeners need, handed to them once when the app is built.
import type { Logger } from "@slack/bolt";
import type { CorpusIndex } from "../engine.js";
import type { Store } from "../store/db.js";
import type { Workspaces } from "./workspaces.js";

export interface BotDeps {
  /** The current index: the corpus watcher may swap it; a question in flight keeps the one it started with. */
  getIndex: () => CorpusIndex;
  store: Store;
  /** Which workspace a request came from, and clients that never retry by themselves, for posts that must not double (post.ts). */
  workspaces: Workspaces;
  logger: Logger;
  /** Answers in flight and when each started, so that a stop can wait for them and /healthz can see a stuck one. */
  inFlight: Map<Promise<unknown>, number>;
}

/**
 * Runs work as an answer in flight: a stop waits for it; a failure is logged, never left unhandled.
 * The work starts on the next turn of the event loop, so that the request's acknowledgement goes out first.
 */
export function track<T>(deps: BotDeps, run: () => Promise<T>): Promise<T> {
  const work = new Promise<void>((r) => setImmediate(r)).then(run);
  deps.inFlight.set(work, Date.now());
  work
    .catch((error) => deps.logger.error(`answer failed: ${(error as Error)?.message ?? error}`))
    .finally(() => deps.inFlight.delete(work));
  return work;
}

// Answers are computed one at a time, each on its own turn of the event loop, so that under a burst the
// loop still reads and acknowledges new requests (Slack's 3 s) between two answers instead of after a backlog.
// Waiting on Slack (posts, rate limits) happens outside: one slow channel holds no other.
let computing: Promise<unknown> = Promise.resolve();

/** Runs a synchronous computation (an answer, a message) on its own turn, after the ones queued before it. */
export function compute<T>(fn: () => T): Promise<T> {
  const result = computing.then(
    () =>
      new Promise<T>((resolve, reject) =>
        setImmediate(() => {
          try {
            resolve(fn());
          } catch (error) {
            reject(error);
          }
        }),
      ),
  );
  computing = result.catch(() => undefined);
  return result;
}

/** The oldest answer in flight, in ms, or 0. */
export function oldestInFlight(deps: BotDeps, now = Date.now()): number {
  let oldest = 0;
  for (const started of deps.inFlight.values()) oldest = Math.max(oldest, now - started);
  return oldest;
}
