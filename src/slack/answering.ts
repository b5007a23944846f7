// The one answering path: whatever way a question arrived (inbound.ts), it is answered here, posted once and its
// thread remembered. 👀 while working (never waited for). A question answered again after a restart first looks
// for the answer it may have posted. Failures get a reply, never silence.
import type { WebClient } from "@slack/web-api";
import { answerQuestion } from "../engine.js";
import type { Answer } from "../types.js";
import { answerMessage, ephemeral, noticeMessage } from "./blocks.js";
import { compute, track, type BotDeps } from "./deps.js";
import type { Inbound } from "./inbound.js";
import { describeFailure, findPosted, platformError, postWithMore, PostUnknownError } from "./post.js";
import type { RequestContext } from "./requests.js";

/** Slack's answers that mean the bot cannot post in the channel: the asker gets the answer privately instead. */
const CANNOT_POST = new Set(["not_in_channel", "channel_not_found", "is_archived"]);
const INVITE = "`/invite @Probation Briefing`";

/** The id an answer's post carries: derived from the request, so an answer given again is recognised. */
const answerPostId = (pendingKey: string) => `answer:${pendingKey}`;

/** Takes the request over from the middleware: it is marked done when its answer is posted (or given up). */
export function handOff(
  deps: BotDeps,
  context: RequestContext,
): { postId?: string; replay: boolean; arrivedAt?: number; done: () => void } {
  const key = context.pendingKey;
  if (key) context.handedOff = true;
  return {
    postId: key ? answerPostId(key) : undefined,
    replay: !!context.replayOf,
    arrivedAt: context.replayArrivedAt,
    done: () => key && deps.store.finishEvent(key),
  };
}

/** Adds or removes 👀 without waiting: a slow or failing reactions call never holds an answer. */
function react(client: WebClient, add: boolean, channel: string, ts: string | undefined): Promise<unknown> {
  if (!ts) return Promise.resolve();
  const call = add
    ? client.reactions.add({ channel, timestamp: ts, name: "eyes" })
    : client.reactions.remove({ channel, timestamp: ts, name: "eyes" });
  return call.catch(() => undefined); // a missing reaction is no reason to fail an answer
}

/** Answers one inbound question. Not awaited by listeners: the request is acknowledged once recorded, answered after. */
export function answerInbound(
  deps: BotDeps,
  client: WebClient,
  q: Inbound,
  context: RequestContext = {},
): Promise<void> {
  const request = handOff(deps, context);
  // Bolt's client carries the token of the request's workspace; posts go through one that never retries by itself.
  const poster = deps.workspaces.poster(client.token);
  return track(deps, async () => {
    const added = react(client, true, q.channel, q.questionTs);
    let answer: Answer | undefined;
    try {
      if (q.privately) {
        answer = (await compute(() => answerQuestion(deps.getIndex(), q.question))).answer;
        const options = q.privately === "with share" ? { shareQuestion: q.question } : {};
        await q.respond?.(ephemeral(answerMessage(answer, options)));
        return;
      }
      if (
        request.replay &&
        request.postId &&
        (await findPosted(poster, q.channel, q.threadTs, request.postId, request.arrivedAt))
      )
        return;
      const stored = q.contextTs ? ((await deps.store.thread(q.workspace, q.channel, q.contextTs)) ?? {}) : undefined;
      const turn = await compute(() => answerQuestion(deps.getIndex(), q.question, stored));
      answer = turn.answer;
      const askedBy = q.askedBy && { user: q.askedBy.user, question: q.question, verb: q.askedBy.verb };
      const message = answerMessage(turn.answer, { ...(askedBy ? { askedBy } : {}), feedback: true });
      const posted = await postWithMore(poster, q.channel, q.threadTs, message, request.postId);
      deps.store.rememberThread(
        q.workspace,
        q.contextTs ? q.channel : posted.channel,
        q.contextTs ?? posted.ts,
        turn.context,
      );
      if (q.confirm) await q.respond?.({ text: q.confirm }, { replaceOriginal: true });
    } catch (error) {
      await failed(deps, poster, q, answer, error);
    } finally {
      request.done();
      void added.then(() => react(client, false, q.channel, q.questionTs));
    }
  });
}

/** Logs a failure with the request's id and tells the asker: privately when it can, else in the thread. */
async function failed(
  deps: BotDeps,
  poster: WebClient,
  q: Inbound,
  answer: Answer | undefined,
  error: unknown,
): Promise<void> {
  if (error instanceof PostUnknownError) {
    // Saying sorry could sit beside an answer that did go out.
    deps.logger.error(`answer to request ${q.requestId} (${q.via}) may not have been posted: ${error.message}`);
    return;
  }
  const slackReqId = (error as { headers?: Record<string, string> })?.headers?.["x-slack-req-id"];
  deps.logger.error(
    `answer failed (request ${q.requestId}, ${q.via}${slackReqId ? `, slack request ${slackReqId}` : ""}): ${describeFailure(error)}`,
  );
  try {
    const code = platformError(error);
    const seen = q.askedBy?.verb === "shared"; // the asker has the answer already, privately
    if (q.respond && code && CANNOT_POST.has(code)) {
      if (answer && !seen) await q.respond(ephemeral(answerMessage(answer)));
      await q.respond(
        noticeMessage(
          seen
            ? `I can't post in this channel: invite me with ${INVITE} first.`
            : `I can't post in this channel, so only you can see this answer. To let me answer here, invite me: type ${INVITE}.`,
        ),
      );
    } else if (q.respond) {
      await q.respond(
        noticeMessage(
          seen
            ? "Sorry, I couldn't share that just now."
            : "Sorry, I couldn't post the answer just now. Please try again in a minute.",
        ),
      );
    } else {
      await poster.chat.postMessage({
        channel: q.channel,
        ...(q.threadTs ? { thread_ts: q.threadTs } : {}),
        ...noticeMessage("Sorry, I couldn't answer that just now. Please try again in a minute."),
      });
    }
  } catch {
    // Slack is unreachable: the log line is all we can do.
  }
}
