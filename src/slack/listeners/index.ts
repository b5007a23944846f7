// Every listener, registered by kind, as the Bolt sample apps do.
import type { App } from "@slack/bolt";
import type { BotDeps } from "../deps.js";
import { ACTIONS } from "../blocks.js";
import { boundText, pendingKeyOf, type RequestContext } from "../requests.js";
import { probationCommand, type SubCommand } from "./commands/probation.js";
import { appMention } from "./events/mention.js";
import { threadOrDirectMessage } from "./events/message.js";
import { homeOpened } from "./events/home-opened.js";
import { appUninstalled, tokensRevoked } from "./events/uninstalled.js";
import { feedbackButton } from "./actions/feedback.js";
import { shareAnswer } from "./actions/share.js";
import { FEEDBACK_VIEW, feedbackReason } from "./views/feedback-reason.js";

export function registerListeners(app: App, deps: BotDeps, subCommands: Record<string, SubCommand> = {}): void {
  // At least once, exactly once: a question is recorded as pending before it is acknowledged, and as done when
  // its answer is posted; a delivery Slack retries, or a replayed slash command, is answered once.
  app.use(async (args) => {
    const { body, context, next } = args;
    const request = body as Record<string, unknown>;
    boundText(request);
    const ctx = context as RequestContext;
    ctx.replayTaken?.();
    const workspace = deps.workspaces.of(context);
    const key = await pendingKeyOf(
      request,
      ctx,
      workspace,
      async (channel, threadTs) => (await deps.store.thread(workspace, channel, threadTs)) !== undefined,
    );
    if (!key) return next();
    if (!ctx.replayOf) {
      try {
        if (!(await deps.store.beginEvent(key, request))) {
          await (args as { ack?: () => Promise<void> }).ack?.(); // seen before: acknowledged, not answered again
          return;
        }
      } catch (error) {
        // The store cannot write: answer anyway (/healthz reports the store), without the crash guarantee.
        deps.logger.error(`could not record request ${key.slice(0, 24)}: ${(error as Error).message}`);
      }
    } else if ((await deps.store.eventState(key)) === "done") return;
    ctx.pendingKey = key;
    try {
      await next();
    } finally {
      if (!ctx.handedOff) deps.store.finishEvent(key);
    }
  });
  app.command("/probation", probationCommand(deps, subCommands));
  app.event("app_mention", appMention(deps));
  app.event("app_home_opened", homeOpened(deps));
  app.event("app_uninstalled", appUninstalled(deps));
  app.event("tokens_revoked", tokensRevoked(deps));
  app.message(threadOrDirectMessage(deps));
  app.action(ACTIONS.feedbackUp, feedbackButton(deps));
  app.action(ACTIONS.feedbackDown, feedbackButton(deps));
  app.action(ACTIONS.share, shareAnswer(deps));
  app.view(FEEDBACK_VIEW, feedbackReason(deps));
}
