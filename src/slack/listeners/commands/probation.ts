// /probation <question> — answered in the channel as a thread root; `private` answers only the asker.
// Acknowledged at once (once recorded), answered after: the answer is not awaited here.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import { answerQuestion } from "../../../engine.js";
import { handOff } from "../../answering.js";
import { answerMessage, ephemeral, noticeMessage } from "../../blocks.js";
import { compute, track, type BotDeps } from "../../deps.js";
import { describeFailure, findPosted, platformError, postWithMore, PostUnknownError } from "../../post.js";
import type { RequestContext } from "../../requests.js";

const CANNOT_POST = new Set(["not_in_channel", "channel_not_found", "is_archived"]);

/** Sub-commands other layers add ("digest …"): they get the rest of the text and answer ephemerally. */
export type SubCommand = (args: string, ctx: { channel: string; user: string }) => Promise<{ text: string; blocks?: unknown[] }>;

export function probationCommand(deps: BotDeps, subCommands: Record<string, SubCommand> = {}) {
  return async ({ command, ack, respond, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const request = handOff(deps, context as RequestContext);
    const text = command.text.trim();
    const [first = "", ...rest] = text.split(/\s+/);
    const sub = subCommands[first.toLowerCase()];
    void track(deps, async () => {
      try {
        if (sub) {
          const reply = await sub(rest.join(" "), { channel: command.channel_id, user: command.user_id });
          await respond({ response_type: "ephemeral", text: reply.text, ...(reply.blocks ? { blocks: reply.blocks as never } : {}) });
          return;
        }
        if (text === "" || /^help$/i.test(text)) {
          const help = (await compute(() => answerQuestion(deps.getIndex(), "help"))).answer;
          await respond({ response_type: "ephemeral", ...ephemeral(answerMessage(help)) });
          return;
        }
        const isPrivate = /^private\b/i.test(text);
        const question = isPrivate ? text.replace(/^private\s*/i, "") : text;
        const turn = await compute(() => answerQuestion(deps.getIndex(), question));
        if (isPrivate) {
          await respond({ response_type: "ephemeral", ...ephemeral(answerMessage(turn.answer, { shareQuestion: question })) });
          return;
        }
        try {
          if (request.replay && request.postId && (await findPosted(deps.poster, command.channel_id, undefined, request.postId, request.arrivedAt))) return;
          const message = answerMessage(turn.answer, { askedBy: { user: command.user_id, question }, feedback: true });
          const posted = await postWithMore(deps.poster, command.channel_id, undefined, message, request.postId);
          deps.store.rememberThread(posted.channel, posted.ts, turn.context);
        } catch (error) {
          const code = platformError(error);
          if (code && CANNOT_POST.has(code)) {
            await respond({ response_type: "ephemeral", ...ephemeral(answerMessage(turn.answer)) });
            await respond({ response_type: "ephemeral", ...noticeMessage("I can't post in this channel, so only you can see this answer. To let me answer here, invite me: type `/invite @Probation Briefing`.") });
            return;
          }
          if (error instanceof PostUnknownError) {
            deps.logger.error(`answer (request ${command.trigger_id}) may not have been posted: ${error.message}`);
            return;
          }
          deps.logger.error(`answer failed (request ${command.trigger_id}): ${describeFailure(error)}`);
          await respond({ response_type: "ephemeral", ...noticeMessage("Sorry, I couldn't post the answer just now. Please try again in a minute.") });
        }
      } finally {
        request.done();
      }
    });
  };
}
