// Every listener, registered by kind, as the Bolt sample apps do.
import type { App } from "@slack/bolt";
import type { BotDeps } from "../deps.js";
import { ACTIONS } from "../blocks.js";
import { probationCommand, type SubCommand } from "./commands/probation.js";
import { appMention } from "./events/mention.js";
import { threadOrDirectMessage } from "./events/message.js";
import { homeOpened } from "./events/home-opened.js";
import { feedbackButton } from "./actions/feedback.js";
import { shareAnswer } from "./actions/share.js";
import { FEEDBACK_VIEW, feedbackReason } from "./views/feedback-reason.js";
import { firstDelivery } from "../threads.js";

export function registerListeners(app: App, deps: BotDeps, subCommands: Record<string, SubCommand> = {}): void {
  // A delivery Slack retries (same event_id) is answered once, also across a restart.
  app.use(async ({ body, next }) => {
    const eventId = (body as { event_id?: string }).event_id;
    if (eventId && !(await firstDelivery(deps.store, eventId))) return;
    await next();
  });
  app.command("/probation", probationCommand(deps, subCommands));
  app.event("app_mention", appMention(deps));
  app.event("app_home_opened", homeOpened(deps));
  app.message(threadOrDirectMessage(deps));
  app.action(ACTIONS.feedbackUp, feedbackButton(deps));
  app.action(ACTIONS.feedbackDown, feedbackButton(deps));
  app.action(ACTIONS.share, shareAnswer(deps));
  app.view(FEEDBACK_VIEW, feedbackReason(deps));
}
