// Posting that never doubles: each post carries an id in its metadata; when a post fails in a way that
// leaves it unknown whether Slack took it (a 5xx, a dropped connection), we look for that id before trying again.
import { randomUUID } from "node:crypto";
import type { ChatPostMessageArguments, WebClient } from "@slack/web-api";

const EVENT_TYPE = "probation_bot_post";
const ATTEMPTS = 3;

export interface Posted {
  channel: string;
  ts: string;
}

/** Errors Slack returns with ok: false: a definite answer, never worth a retry (not_in_channel, …). */
export function platformError(error: unknown): string | undefined {
  const e = error as { code?: string; data?: { error?: string } };
  return e?.code === "slack_webapi_platform_error" ? e.data?.error : undefined;
}

export async function findPosted(client: WebClient, channel: string, threadTs: string | undefined, postId: string): Promise<Posted | undefined> {
  try {
    const page = threadTs
      ? await client.conversations.replies({ channel, ts: threadTs, limit: 50, include_all_metadata: true })
      : await client.conversations.history({ channel, limit: 20, include_all_metadata: true });
    const hit = page.messages?.find((m) => (m.metadata?.event_payload as { post_id?: string } | undefined)?.post_id === postId);
    return hit?.ts ? { channel, ts: hit.ts } : undefined;
  } catch {
    return undefined;
  }
}

/**
 * chat.postMessage at most once. `client` must not retry on its own (retryConfig: { retries: 0 }):
 * it still waits out a rate limit before failing, after which a retry is safe, since Slack refused the post.
 */
export async function postOnce(
  client: WebClient,
  args: ChatPostMessageArguments,
  options: { postId?: string; wait?: (ms: number) => Promise<unknown> } = {},
): Promise<Posted> {
  const postId = options.postId ?? randomUUID();
  const wait = options.wait ?? ((ms: number) => new Promise((r) => setTimeout(r, ms)));
  const message = { ...args, metadata: { event_type: EVENT_TYPE, event_payload: { post_id: postId } } } as ChatPostMessageArguments;
  const threadTs = "thread_ts" in args ? (args.thread_ts as string | undefined) : undefined;
  let lastError: unknown;
  for (let attempt = 1; attempt <= ATTEMPTS; attempt++) {
    try {
      const res = await client.chat.postMessage(message);
      return { channel: res.channel ?? args.channel, ts: res.ts! };
    } catch (error) {
      if (platformError(error)) throw error;
      lastError = error;
      const rateLimited = /rate limit/i.test((error as Error).message ?? "");
      if (!rateLimited) {
        const found = await findPosted(client, args.channel, threadTs, postId);
        if (found) return found;
      }
      if (attempt < ATTEMPTS) await wait(rateLimited ? 0 : 250 * attempt);
    }
  }
  throw lastError;
}

/** Posts a message and, in the thread under it, whatever did not fit in it. */
export async function postWithMore(
  client: WebClient,
  channel: string,
  threadTs: string | undefined,
  message: { text: string; blocks: unknown[]; more?: string[] },
): Promise<Posted> {
  const { more, ...first } = message;
  const posted = await postOnce(client, { channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...(first as { text: string }) });
  for (const part of more ?? []) {
    await postOnce(client, { channel, thread_ts: threadTs ?? posted.ts, text: part, blocks: [{ type: "section", text: { type: "mrkdwn", text: part } }] });
  }
  return posted;
}
