// Posting that never doubles: each post carries an id in its metadata; when a post fails in a way that
// leaves it unknown whether Slack took it (a timeout, a 5xx, a dropped connection), we look for that id
// before trying again, and when even the look-up fails we stop rather than risk a second copy.
import { randomUUID } from "node:crypto";
import type { ChatPostMessageArguments, WebClient } from "@slack/web-api";
import { LIMITS } from "../config.js";
import { pause, waitTurn } from "./rate-limits.js";

const EVENT_TYPE = "probation_bot_post";

export interface Posted {
  channel: string;
  ts: string;
}

/** A post failed and it could not be found out whether Slack kept it: posting again could double it. */
export class PostUnknownError extends Error {}

/** Errors Slack returns with ok: false: a definite answer, never worth a retry (not_in_channel, …). */
export function platformError(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.code === "slack_webapi_platform_error" ? e.data?.error : undefined;
}

/** Seconds Slack asked us to wait, when the error is a rate limit. */
function rateLimitedFor(error: unknown): number | undefined {
  const e = error as { code?: string; retryAfter?: number; message?: string };
  if (e?.code === "slack_webapi_rate_limited_error") return e.retryAfter ?? 1;
  // A client that waits out rate limits itself (rejectRateLimitedCalls off) has waited already.
  return /rate limit/i.test(e?.message ?? "") ? 0 : undefined;
}

/** One line for a log or a terminal: what went wrong with a Web API call. */
export function describeFailure(error: unknown): string {
  const e = error as { code?: string; original?: Error; statusCode?: number; message?: string };
  const original = e?.original ?? (error as { cause?: Error })?.cause;
  if (original && (original.name === "TimeoutError" || original.name === "AbortError"))
    return `Slack did not answer within ${LIMITS.apiTimeoutMs / 1000} s`;
  if (e?.code === "slack_webapi_request_error") return `Slack could not be reached (${original?.message ?? e.message})`;
  if (e?.statusCode) return `Slack answered HTTP ${e.statusCode}`;
  return platformError(error) ?? e?.message ?? String(error);
}

/**
 * The post carrying `postId` among the messages since `since` (ms; a busy channel's older messages are not
 * searched), undefined when Slack has none; throws PostUnknownError when the look-up fails.
 */
export async function findPosted(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  postId: string,
  since?: number,
): Promise<Posted | undefined> {
  const oldest = since === undefined ? {} : { oldest: String(Math.floor((since - LIMITS.maxClockSkewMs) / 1000)) };
  let lastError: unknown;
  for (let attempt = 1; attempt <= LIMITS.lookupAttempts; attempt++) {
    try {
      const page = threadTs
        ? await client.conversations.replies({
            channel,
            ts: threadTs,
            limit: 200,
            include_all_metadata: true,
            ...oldest,
          })
        : await client.conversations.history({ channel, limit: 200, include_all_metadata: true, ...oldest });
      const hit = page.messages?.find(
        (m) => (m.metadata?.event_payload as { post_id?: string } | undefined)?.post_id === postId,
      );
      return hit?.ts ? { channel, ts: hit.ts } : undefined;
    } catch (error) {
      lastError = error;
    }
  }
  throw new PostUnknownError(`could not find out whether the post went out: ${describeFailure(lastError)}`);
}

/**
 * chat.postMessage at most once. `client` must not retry on its own (posterClient). A rate limit pauses posts
 * to this channel only, then the post is tried again (Slack refused it, so that is safe).
 */
export async function postOnce(
  client: WebClient,
  args: ChatPostMessageArguments,
  options: { postId?: string; wait?: (ms: number) => Promise<unknown> } = {},
): Promise<Posted> {
  const postId = options.postId ?? randomUUID();
  const wait = options.wait ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const message = {
    ...args,
    metadata: { event_type: EVENT_TYPE, event_payload: { post_id: postId } },
  } as ChatPostMessageArguments;
  const threadTs = "thread_ts" in args ? (args.thread_ts as string | undefined) : undefined;
  const startedAt = Date.now();
  let lastError: unknown;
  for (let attempt = 1; attempt <= LIMITS.postAttempts; attempt++) {
    await waitTurn("chat.postMessage", args.channel);
    try {
      const res = await client.chat.postMessage(message);
      return { channel: res.channel ?? args.channel, ts: res.ts! };
    } catch (error) {
      if (platformError(error)) throw error;
      lastError = error;
      const retryAfter = rateLimitedFor(error);
      if (retryAfter !== undefined) {
        pause("chat.postMessage", args.channel, retryAfter);
        continue;
      }
      const found = await findPosted(client, args.channel, threadTs, postId, startedAt);
      if (found) return found;
      if (attempt < LIMITS.postAttempts) await wait(LIMITS.postRetryDelayMs * attempt);
    }
  }
  throw lastError;
}

/** Posts a message and, in the thread under it, whatever did not fit in it. Ids derive from `postId` when given. */
export async function postWithMore(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  message: { text: string; blocks: unknown[]; more?: string[] },
  postId?: string,
): Promise<Posted> {
  const { more, ...first } = message;
  const posted = await postOnce(
    client,
    { channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...(first as { text: string }) },
    postId ? { postId } : {},
  );
  for (const [i, part] of (more ?? []).entries()) {
    await postOnce(
      client,
      {
        channel,
        thread_ts: threadTs ?? posted.ts,
        text: part,
        blocks: [{ type: "section", text: { type: "mrkdwn", text: part } }],
      },
      postId ? { postId: `${postId}:more:${i + 1}` } : {},
    );
  }
  return posted;
}
