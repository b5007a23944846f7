// The optional "what was wrong?" note after a 👎.
import type { AllMiddlewareArgs, SlackViewMiddlewareArgs } from "@slack/bolt";
import { inWorkspace } from "../../../store/workspace.js";
import { track, type BotDeps } from "../../deps.js";

export const FEEDBACK_VIEW = "feedback_reason";

export function feedbackReason(deps: BotDeps) {
  return async ({ ack, view, context }: SlackViewMiddlewareArgs & AllMiddlewareArgs) => {
    await ack();
    const comment = view.state.values.reason?.text?.value?.trim();
    const key = view.private_metadata;
    if (!comment) return;
    // The key names the click's workspace: a submission from another workspace changes nothing.
    if (key !== inWorkspace(deps.workspaces.of(context), key.slice(key.indexOf("/") + 1))) return;
    void track(deps, () => deps.store.commentFeedback(key, comment.slice(0, 1000)));
  };
}
