// The App Home tab, published whenever someone opens it.
import type { AllMiddlewareArgs, SlackEventMiddlewareArgs } from "@slack/bolt";
import { compute, track, type BotDeps } from "../../deps.js";
import { homeView } from "../../home.js";

export function homeOpened(deps: BotDeps) {
  return async ({ event, client }: SlackEventMiddlewareArgs<"app_home_opened"> & AllMiddlewareArgs) => {
    if (event.tab !== "home") return;
    void track(deps, async () =>
      client.views.publish({ user_id: event.user, view: await compute(() => homeView(deps.getIndex())) }),
    );
  };
}
