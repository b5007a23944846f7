// 👍 / 👎 under an answer: the last click per person and answer wins; 👎 asks (optionally) what was wrong.
import type { AllMiddlewareArgs, BlockButtonAction, SlackActionMiddlewareArgs } from "@slack/bolt";
import { track, type BotDeps } from "../../deps.js";
import { FEEDBACK_VIEW } from "../views/feedback-reason.js";
import { inWorkspace } from "../../../store/workspace.js";

/** One click per person and answer, in its workspace. */
const feedbackKey = (workspace: string, channel: string, messageTs: string, user: string) =>
  inWorkspace(workspace, `${channel}:${messageTs}:${user}`);

export function feedbackButton(deps: BotDeps) {
  return async ({
    ack,
    body,
    action,
    client,
    context,
  }: SlackActionMiddlewareArgs<BlockButtonAction> & AllMiddlewareArgs) => {
    await ack();
    const channel = body.channel?.id ?? body.container?.channel_id;
    const messageTs = body.message?.ts ?? body.container?.message_ts;
    if (!channel || !messageTs) return;
    const value = action.value === "down" ? "down" : "up";
    const key = feedbackKey(deps.workspaces.of(context), channel, messageTs, body.user.id);
    const record = { user: body.user.id, channel, messageTs, value, at: new Date().toISOString() } as const;
    // Not awaited: the click is acknowledged at once; the modal opens while the trigger is fresh.
    void track(deps, () => deps.store.saveFeedback(key, record));
    if (value === "down") {
      void track(deps, () =>
        client.views.open({
          trigger_id: body.trigger_id,
          view: {
            type: "modal",
            callback_id: FEEDBACK_VIEW,
            private_metadata: key,
            title: { type: "plain_text", text: "What was wrong?" },
            submit: { type: "plain_text", text: "Send" },
            close: { type: "plain_text", text: "Skip" },
            blocks: [
              {
                type: "input",
                block_id: "reason",
                optional: true,
                label: { type: "plain_text", text: "Tell us what was wrong with the answer (optional)" },
                element: { type: "plain_text_input", action_id: "text", multiline: true, max_length: 1000 },
              },
            ],
          },
        }),
      );
    }
  };
}
