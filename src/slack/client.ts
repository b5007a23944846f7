// Every Web API client the bot makes: each call times out, retries are bounded in count and time, and a
// rate limit is handed back to the caller at once (rejectRateLimitedCalls) instead of pausing every call
// of the client: post.ts then pauses only the method and channel it concerns.
import type { Logger } from "@slack/bolt";
import { WebClient, type WebClientOptions } from "@slack/web-api";
import { LIMITS } from "../config.js";

/** Options for a client whose calls may safely repeat (reactions, views, look-ups). */
export function clientOptions(slackApiUrl: string | undefined, logger?: Logger): WebClientOptions {
  return {
    ...(slackApiUrl ? { slackApiUrl } : {}),
    ...(logger ? { logger } : {}),
    timeout: LIMITS.apiTimeoutMs,
    retryConfig: {
      retries: LIMITS.apiRetries,
      maxRetryTime: LIMITS.apiMaxRetryMs,
      minTimeout: LIMITS.apiRetryMinDelayMs,
      maxTimeout: LIMITS.apiRetryMaxDelayMs,
    },
    rejectRateLimitedCalls: true,
  };
}

/** A client that never repeats a call by itself, for posts that must not double (see post.ts). */
export function posterClient(token: string, slackApiUrl: string | undefined, logger?: Logger): WebClient {
  return new WebClient(token, { ...clientOptions(slackApiUrl, logger), retryConfig: { retries: 0 } });
}

/** fetch with a timeout, for what Bolt sends without a WebClient (respond() to a response_url). */
export const fetchWithTimeout: typeof fetch = (input, init = {}) =>
  fetch(input, { ...init, signal: init.signal ?? AbortSignal.timeout(LIMITS.apiTimeoutMs) });
