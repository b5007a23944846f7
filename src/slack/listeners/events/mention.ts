// @bot <question> in a channel: answered in a thread under the mention.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerInThread } from "../../answering.js";
import type { BotDeps } from "../../deps.js";
import type { RequestContext } from "../../requests.js";

export function appMention(deps: BotDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (event.channel.startsWith("D")) return; // direct messages are answered by the message listener
    const question = (event.text ?? "").replace(new RegExp(`<@${context.botUserId}>`, "g"), " ").trim();
    const threadTs = event.thread_ts ?? event.ts;
    // Not awaited: the request is acknowledged once recorded, and answered after.
    void answerInThread(deps, client, { channel: event.channel, threadTs, contextTs: threadTs, question, questionTs: event.ts, requestId: (body as { event_id?: string }).event_id ?? event.ts }, context as RequestContext);
  };
}
