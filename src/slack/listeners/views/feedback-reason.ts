// The optional "what was wrong?" note after a 👎.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { track, type BotDeps } from "../../deps.js";

export const FEEDBACK_VIEW = "feedback_reason";

export function feedbackReason(deps: BotDeps) {
  return async ({ ack, view }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const comment = view.state.values.reason?.text?.value?.trim();
    if (!comment) return;
    void track(deps, () =>
      deps.store.update((state) => {
        const record = state.feedback[view.private_metadata];
        if (record) record.comment = comment.slice(0, 1000);
      }),
    );
  };
}
