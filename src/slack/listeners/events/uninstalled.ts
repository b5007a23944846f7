// The app uninstalled from a workspace, or its bot token revoked: that workspace's installation (its tokens) is
// deleted, and what it left: its digests stop (subscriptions and deliveries go), its thread context and feedback
// are deleted. Bolt delivers these two events without authorizing them.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { installationKey } from "../../../store/workspace.js";
import type { BotDeps } from "../../deps.js";

type Context = AllMiddlewareArgs["context"];

/** Deletes the installation the event is about and what the workspaces it covered left in the store. */
export async function forgetWorkspace(deps: BotDeps, context: Context, why: string): Promise<void> {
  const ids = {
    teamId: context.teamId,
    enterpriseId: context.enterpriseId,
    isEnterpriseInstall: context.isEnterpriseInstall,
  };
  // With SLACK_BOT_TOKEN there is one workspace, "", and no installation kept.
  const key = deps.workspaces.of(ids) === "" ? "" : installationKey(ids);
  if (key) await deps.store.deleteInstallation(key);
  const stopped = await deps.store.forgetWorkspace(key);
  deps.logger.info(
    `${why} in workspace ${key || "(SLACK_BOT_TOKEN)"}: installation deleted, ${stopped} digest(s) stopped`,
  );
}

export function appUninstalled(deps: BotDeps) {
  return async ({ context }: SlackEventMiddlewareArgs<"app_uninstalled"> & AllMiddlewareArgs) => {
    await forgetWorkspace(deps, context, "app uninstalled");
  };
}

/** Only the bot's token matters: the bot asks for no user tokens. */
export function tokensRevoked(deps: BotDeps) {
  return async ({ event, context }: SlackEventMiddlewareArgs<"tokens_revoked"> & AllMiddlewareArgs) => {
    if ((event.tokens.bot ?? []).length === 0) return;
    await forgetWorkspace(deps, context, "bot token revoked");
  };
}
