// Rate limits per Web API method and channel: a 429 for one channel's posts holds only that channel's posts.
import { LIMITS } from "../config.js";

const pausedUntil = new Map<string, number>();

export class RateLimitTooLongError extends Error {}

/** Slack asked to wait `retryAfterSec` before calling `method` for `channel` again. */
export function pause(method: string, channel: string, retryAfterSec: number): void {
  const until = Date.now() + Math.max(0, retryAfterSec) * 1000;
  const key = `${method}:${channel}`;
  if (until > (pausedUntil.get(key) ?? 0)) pausedUntil.set(key, until);
}

/** Waits until `method` may be called for `channel`; throws when that is further away than we wait. */
export async function waitTurn(method: string, channel: string): Promise<void> {
  const key = `${method}:${channel}`;
  const until = pausedUntil.get(key);
  if (until === undefined) return;
  const ms = until - Date.now();
  if (ms <= 0) {
    pausedUntil.delete(key);
    return;
  }
  if (ms > LIMITS.maxRateLimitWaitMs)
    throw new RateLimitTooLongError(`${method} is rate limited in ${channel} for ${Math.ceil(ms / 1000)} s`);
  await new Promise((r) => setTimeout(r, ms));
}
