// /probation <question> — answered in the channel as a thread root; `private` answers only the asker; an empty
// command or `help` gets the help, privately. Acknowledged at once (once recorded), answered after.
import type { AllMiddlewareArgs, SlackCommandMiddlewareArgs } from "@slack/bolt";
import type { KnownBlock } from "@slack/types";
import { answerInbound, handOff } from "../../answering.js";
import { track, type BotDeps } from "../../deps.js";
import type { Respond } from "../../inbound.js";
import type { RequestContext } from "../../requests.js";

/** Sub-commands other layers add ("digest …"): they get the rest of the text and answer ephemerally. */
export type SubCommand = (
  args: string,
  ctx: { workspace: string; channel: string; user: string },
) => Promise<{ text: string; blocks?: unknown[] }>;

export function probationCommand(deps: BotDeps, subCommands: Record<string, SubCommand> = {}) {
  return async ({ command, ack, respond, client, context }: SlackCommandMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const text = command.text.trim();
    const [first = "", ...rest] = text.split(/\s+/);
    const reply: Respond = (message) => respond({ response_type: "ephemeral", ...message });
    const sub = subCommands[first.toLowerCase()];
    const workspace = deps.workspaces.of(context);
    if (sub) {
      const request = handOff(deps, context as RequestContext);
      void track(deps, async () => {
        try {
          const answer = await sub(rest.join(" "), { workspace, channel: command.channel_id, user: command.user_id });
          await reply({ text: answer.text, ...(answer.blocks ? { blocks: answer.blocks as KnownBlock[] } : {}) });
        } finally {
          request.done();
        }
      });
      return;
    }
    const isHelp = text === "" || /^help$/i.test(text);
    const isPrivate = /^private\b/i.test(text);
    const question = isHelp ? "help" : isPrivate ? text.replace(/^private\s*/i, "") : text;
    void answerInbound(
      deps,
      client,
      {
        via: "command",
        workspace,
        channel: command.channel_id,
        question,
        requestId: command.trigger_id,
        askedBy: { user: command.user_id, verb: "asked" },
        ...(isHelp ? { privately: "plain" as const } : isPrivate ? { privately: "with share" as const } : {}),
        respond: reply,
      },
      context as RequestContext,
    );
  };
}
