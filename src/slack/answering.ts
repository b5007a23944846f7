// Answering a question in a thread: 👀 while working (never waited for), the answer posted once, the thread's
// context kept. A question answered again after a restart first looks for the answer it may have posted.
import type { WebClient } from "@slack/web-api";
import { answerQuestion } from "../engine.js";
import type { ThreadContext } from "../types.js";
import { answerMessage, noticeMessage } from "./blocks.js";
import { compute, track, type BotDeps } from "./deps.js";
import { describeFailure, findPosted, postWithMore, PostUnknownError } from "./post.js";
import type { RequestContext } from "./requests.js";

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

/** The id an answer's post carries: derived from the request, so an answer given again is recognised. */
export const answerPostId = (pendingKey: string) => `answer:${pendingKey}`;

/** Takes the request over from the middleware: it is marked done when its answer is posted (or given up). */
export function handOff(deps: BotDeps, context: RequestContext): { postId?: string; replay: boolean; arrivedAt?: number; done: () => void } {
  const key = context.pendingKey;
  if (key) context.handedOff = true;
  return { postId: key ? answerPostId(key) : undefined, replay: !!context.replayOf, arrivedAt: context.replayArrivedAt, done: () => key && deps.store.finishEvent(key) };
}

/** Adds or removes 👀 without waiting: a slow or failing reactions call never holds an answer. */
function react(client: WebClient, add: boolean, channel: string, ts: string | undefined): Promise<unknown> {
  if (!ts) return Promise.resolve();
  const call = add ? client.reactions.add({ channel, timestamp: ts, name: "eyes" }) : client.reactions.remove({ channel, timestamp: ts, name: "eyes" });
  return call.catch(() => undefined); // a missing reaction is no reason to fail an answer
}

export function answerInThread(deps: BotDeps, client: WebClient, q: ThreadQuestion, context: RequestContext = {}): Promise<void> {
  const request = handOff(deps, context);
  return track(deps, async () => {
    const added = react(client, true, q.channel, q.questionTs);
    try {
      if (request.replay && request.postId && (await findPosted(deps.poster, q.channel, q.threadTs, request.postId, request.arrivedAt))) return;
      const stored: ThreadContext = (await deps.store.thread(q.channel, q.contextTs)) ?? {};
      const { turn, message } = await compute(() => {
        const turn = answerQuestion(deps.getIndex(), q.question, stored);
        return { turn, message: answerMessage(turn.answer, { feedback: true }) };
      });
      await postWithMore(deps.poster, q.channel, q.threadTs, message, request.postId);
      deps.store.rememberThread(q.channel, q.contextTs, turn.context);
    } catch (error) {
      if (error instanceof PostUnknownError) deps.logger.error(`answer to request ${q.requestId} may not have been posted: ${error.message}`);
      else await apologise(deps, q.channel, q.threadTs, q.requestId, error);
    } finally {
      request.done();
      void added.then(() => react(client, false, q.channel, q.questionTs));
    }
  });
}

/** Logs a failure with the request's id and tells the user in the thread: never silence. */
export async function apologise(deps: BotDeps, channel: string, threadTs: string | undefined, requestId: string, error: unknown): Promise<void> {
  const slackReqId = (error as { headers?: Record<string, string> })?.headers?.["x-slack-req-id"];
  deps.logger.error(`answer failed (request ${requestId}${slackReqId ? `, slack request ${slackReqId}` : ""}): ${describeFailure(error)}`);
  try {
    await deps.poster.chat.postMessage({ channel, ...(threadTs ? { thread_ts: threadTs } : {}), ...noticeMessage("Sorry, I couldn't answer that just now. Please try again in a minute.") });
  } catch {
    // Slack is unreachable: the log line is all we can do.
  }
}
