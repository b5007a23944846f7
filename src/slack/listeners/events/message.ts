// Plain messages: a follow-up in a thread the bot is part of, or a direct message to the bot.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { answerInbound } from "../../answering.js";
import type { BotDeps } from "../../deps.js";
import type { RequestContext } from "../../requests.js";

export function threadOrDirectMessage(deps: BotDeps) {
  return async ({ message, body, client, context }: SlackEventMiddlewareArgs<"message"> & AllMiddlewareArgs) => {
    // Edits, deletions, joins and other bots' posts carry a subtype or a bot_id: none is a question.
    if (message.subtype !== undefined || ("bot_id" in message && message.bot_id)) return;
    const {
      channel,
      ts,
      text = "",
      thread_ts: threadTs,
    } = message as { channel: string; ts: string; text?: string; thread_ts?: string };
    const requestId = (body as { event_id?: string }).event_id ?? ts;
    const mentionsBot = !!context.botUserId && text.includes(`<@${context.botUserId}>`);
    const workspace = deps.workspaces.of(context);
    if (message.channel_type === "im") {
      const question = text.replace(new RegExp(`<@${context.botUserId}>`, "g"), " ").trim();
      // One conversation per DM, or per thread inside it.
      void answerInbound(
        deps,
        client,
        {
          via: "direct message",
          workspace,
          channel,
          question,
          requestId,
          threadTs,
          contextTs: threadTs ?? "dm",
          questionTs: ts,
        },
        context as RequestContext,
      );
      return;
    }
    if (!threadTs || mentionsBot) return; // a mention is answered by the app_mention listener
    if (!(await deps.store.thread(workspace, channel, threadTs))) return; // not a thread the bot is part of
    void answerInbound(
      deps,
      client,
      {
        via: "thread reply",
        workspace,
        channel,
        question: text,
        requestId,
        threadTs,
        contextTs: threadTs,
        questionTs: ts,
      },
      context as RequestContext,
    );
  };
}
