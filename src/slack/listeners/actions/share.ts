// "Share in channel" on a private answer: the same question answered in public, saying who shared it.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { answerInbound } from "../../answering.js";
import type { BotDeps } from "../../deps.js";

export function shareAnswer(deps: BotDeps) {
  return async ({
    ack,
    body,
    action,
    respond,
    client,
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    const question = action.value ?? "";
    if (!channel || !question) return;
    void answerInbound(deps, client, {
      via: "share",
      workspace: deps.workspaces.of(context),
      channel,
      question,
      requestId: body.trigger_id,
      askedBy: { user: body.user.id, verb: "shared" },
      respond: (message, { replaceOriginal = false } = {}) =>
        respond({ response_type: "ephemeral", replace_original: replaceOriginal, ...message }),
      confirm: "Shared in the channel.",
    });
  };
}
