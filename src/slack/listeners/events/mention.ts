// @bot <question> in a channel: answered in a thread under the mention.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerInbound } from "../../answering.js";
import type { BotDeps } from "../../deps.js";
import type { RequestContext } from "../../requests.js";

export function appMention(deps: BotDeps) {
  return async ({ event, body, client, context }: SlackEventMiddlewareArgs<"app_mention"> & AllMiddlewareArgs) => {
    if (event.channel.startsWith("D")) return; // direct messages are answered by the message listener
    const question = (event.text ?? "").replace(new RegExp(`<@${context.botUserId}>`, "g"), " ").trim();
    const threadTs = event.thread_ts ?? event.ts;
    const requestId = (body as { event_id?: string }).event_id ?? event.ts;
    void answerInbound(
      deps,
      client,
      {
        via: "mention",
        workspace: deps.workspaces.of(context),
        channel: event.channel,
        question,
        requestId,
        threadTs,
        contextTs: threadTs,
        questionTs: event.ts,
      },
      context as RequestContext,
    );
  };
}
