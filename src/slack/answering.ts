// Answering a question in a thread: 👀 while working, the answer posted once, the thread's context kept.
import type { WebClient } from "@slack/web-api";
import { answerQuestion } from "../engine.js";
import type { ThreadContext } from "../types.js";
import { answerMessage, noticeMessage } from "./blocks.js";
import { track, type BotDeps } from "./deps.js";
import { platformError, postWithMore } from "./post.js";
import { rememberThread, threadContext } from "./threads.js";

export interface ThreadQuestion {
  channel: string;
  /** The thread to answer in; undefined for a top-level reply (a DM). */
  threadTs?: string;
  /** Where the context is kept: the thread, or the DM channel itself. */
  contextTs: string;
  question: string;
  /** The message that asked, to put 👀 on while working. */
  questionTs?: string;
  /** The incoming request's id, for the log. */
  requestId: string;
}

async function react(client: WebClient, add: boolean, channel: string, ts: string | undefined): Promise<void> {
  if (!ts) return;
  try {
    if (add) await client.reactions.add({ channel, timestamp: ts, name: "eyes" });
    else await client.reactions.remove({ channel, timestamp: ts, name: "eyes" });
  } catch {
    // A missing reaction is no reason to fail an answer.
  }
}

export function answerInThread(deps: BotDeps, client: WebClient, q: ThreadQuestion): Promise<void> {
  return track(deps, (async () => {
    await react(client, true, q.channel, q.questionTs);
    try {
      const context: ThreadContext = threadContext(deps.store, q.channel, q.contextTs) ?? {};
      const turn = answerQuestion(deps.getIndex(), q.question, context);
      const message = answerMessage(turn.answer, { feedback: true });
      await postWithMore(deps.poster, q.channel, q.threadTs, message);
      await rememberThread(deps.store, q.channel, q.contextTs, turn.context);
    } catch (error) {
      await apologise(deps, client, q.channel, q.threadTs, q.requestId, error);
    } finally {
      await react(client, false, q.channel, q.questionTs);
    }
  })());
}

/** Logs a failure with the request's id and tells the user in the thread: never silence. */
export async function apologise(deps: BotDeps, client: WebClient, channel: string, threadTs: string | undefined, requestId: string, error: unknown): Promise<void> {
  const slackReqId = (error as { headers?: Record<string, string> })?.headers?.["x-slack-req-id"];
  deps.logger.error(`answer failed (request ${requestId}${slackReqId ? `, slack request ${slackReqId}` : ""}): ${platformError(error) ?? (error as Error).message}`);
  try {
    await client.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...noticeMessage("Sorry, I couldn't answer that just now. Please try again in a minute.") });
  } catch {
    // Slack is unreachable: the log line is all we can do.
  }
}
