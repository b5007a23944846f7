// One writer at a time across processes (npm start, npm run digest -- --once, npm run ingest): a lock file
// created exclusively, holding its owner's pid. A lock whose owner is gone, or that is older than any hold
// can last, is stale and taken over. Inside one process, holders queue on a promise chain first.
import { closeSync, openSync, readFileSync, statSync, unlinkSync, writeSync } from "node:fs";
import { LIMITS } from "../config.js";

export class LockTimeoutError extends Error {}

const queues = new Map<string, Promise<unknown>>();

/** Runs `work` while holding the lock file at `path`; waits at most `waitMs` for it. */
export function withLock<T>(path: string, work: () => Promise<T> | T, waitMs: number = LIMITS.lockWaitMs): Promise<T> {
  const previous = queues.get(path) ?? Promise.resolve();
  const run = previous
    .catch(() => undefined)
    .then(async () => {
      await acquire(path, waitMs);
      try {
        return await work();
      } finally {
        release(path);
      }
    });
  const tail = run.catch(() => undefined);
  queues.set(path, tail);
  void tail.then(() => {
    if (queues.get(path) === tail) queues.delete(path);
  });
  return run;
}

async function acquire(path: string, waitMs: number): Promise<void> {
  const deadline = Date.now() + waitMs;
  for (;;) {
    try {
      const fd = openSync(path, "wx");
      writeSync(fd, JSON.stringify({ pid: process.pid, at: new Date().toISOString() }));
      closeSync(fd);
      return;
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
    }
    if (isStale(path)) {
      try {
        unlinkSync(path);
      } catch {
        // Someone else took it over first: try again.
      }
      continue;
    }
    if (Date.now() > deadline)
      throw new LockTimeoutError(
        `${path} is held by another process (pid ${ownerOf(path) ?? "?"}) for more than ${Math.round(waitMs / 1000)} s`,
      );
    await new Promise((r) => setTimeout(r, LIMITS.lockRetryMs));
  }
}

function release(path: string): void {
  try {
    if (ownerOf(path) === process.pid) unlinkSync(path);
  } catch {
    // Already gone.
  }
}

function ownerOf(path: string): number | undefined {
  try {
    const pid = Number((JSON.parse(readFileSync(path, "utf8")) as { pid?: unknown }).pid);
    return Number.isInteger(pid) && pid > 0 ? pid : undefined;
  } catch {
    return undefined;
  }
}

/** Owner gone (or unreadable and old), our own pid left over from an earlier run, or older than any hold lasts. */
function isStale(path: string): boolean {
  let age: number;
  try {
    age = Date.now() - statSync(path).mtimeMs;
  } catch {
    return false; // released meanwhile: the next attempt will tell
  }
  if (age > LIMITS.lockStaleMs) return true;
  const pid = ownerOf(path);
  if (pid === undefined) return age > LIMITS.lockRetryMs * 10; // being written, or torn by a crash
  if (pid === process.pid) return true; // we hold no lock outside the queue: a leftover of a previous process with our pid
  return !isAlive(pid);
}

export function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}
