// "Share in channel" on a private answer: the same question answered in public, saying who shared it.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { answerQuestion } from "../../../engine.js";
import { answerMessage, noticeMessage } from "../../blocks.js";
import { compute, track, type BotDeps } from "../../deps.js";
import { describeFailure, platformError, postWithMore } from "../../post.js";

export function shareAnswer(deps: BotDeps) {
  return async ({ ack, body, action, respond }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    const question = action.value ?? "";
    if (!channel || !question) return;
    void track(deps, async () => {
      const turn = await compute(() => answerQuestion(deps.getIndex(), question));
      try {
        const message = answerMessage(turn.answer, { askedBy: { user: body.user.id, question, verb: "shared" }, feedback: true });
        const posted = await postWithMore(deps.poster, channel, undefined, message);
        deps.store.rememberThread(posted.channel, posted.ts, turn.context);
        await respond({ response_type: "ephemeral", replace_original: true, text: "Shared in the channel." });
      } catch (error) {
        const code = platformError(error);
        deps.logger.error(`share failed (request ${body.trigger_id}): ${describeFailure(error)}`);
        await respond({ response_type: "ephemeral", replace_original: false, ...noticeMessage(code === "not_in_channel" ? "I can't post in this channel: invite me with `/invite @Probation Briefing` first." : "Sorry, I couldn't share that just now.") });
      }
    });
  };
}
