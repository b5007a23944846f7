// The Bolt app: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP (Events API) with signed requests.
import type { Server } from "node:http";
import { App, LogLevel, type Logger } from "@slack/bolt";
import { WebClient } from "@slack/web-api";
import type { Config } from "../config.js";
import type { CorpusIndex } from "../search/index.js";
import type { Store } from "../store/db.js";
import type { BotDeps } from "./deps.js";
import { registerListeners } from "./listeners/index.js";
import type { SubCommand } from "./listeners/commands/probation.js";

export interface BotOptions {
  config: Config;
  getIndex: () => CorpusIndex;
  store: Store;
  logger?: Logger;
  subCommands?: Record<string, SubCommand>;
}

export interface Bot {
  app: App;
  deps: BotDeps;
  /** Starts listening; resolves with the HTTP port in HTTP mode. */
  start(): Promise<{ port?: number }>;
  /** Stops taking events, lets the answers in flight finish, flushes the store. */
  stop(): Promise<void>;
}

export function createBot({ config, getIndex, store, logger, subCommands }: BotOptions): Bot {
  const slackApiUrl = config.SLACK_API_URL;
  const health = {
    path: "/healthz",
    method: ["GET"],
    handler: (_req: unknown, res: import("node:http").ServerResponse) => {
      res.writeHead(200, { "content-type": "application/json" });
      res.end(JSON.stringify({ ok: true, documents: getIndex().documents.length, uptime: Math.round(process.uptime()) }));
    },
  };
  const common = {
    token: config.SLACK_BOT_TOKEN,
    logLevel: LogLevel.INFO,
    ...(logger ? { logger } : {}),
    clientOptions: slackApiUrl ? { slackApiUrl } : {},
    customRoutes: [health],
  };
  const app = config.socketMode
    ? new App({ ...common, appToken: config.SLACK_APP_TOKEN, socketMode: true, installerOptions: { port: config.PORT } })
    : new App({ ...common, signingSecret: config.SLACK_SIGNING_SECRET! });
  const deps: BotDeps = {
    getIndex,
    store,
    poster: new WebClient(config.SLACK_BOT_TOKEN, { ...(slackApiUrl ? { slackApiUrl } : {}), retryConfig: { retries: 0 }, logger: app.logger }),
    logger: app.logger,
    inFlight: new Set(),
  };
  registerListeners(app, deps, subCommands);
  app.error(async (error) => {
    app.logger.error(`unhandled error: ${(error as Error).message}`);
  });

  return {
    app,
    deps,
    async start() {
      const started = (await app.start(config.PORT)) as unknown;
      const address = config.socketMode ? undefined : (started as Server).address();
      return { port: typeof address === "object" && address ? address.port : undefined };
    },
    async stop() {
      await app.stop();
      await Promise.allSettled([...deps.inFlight]);
      await store.write();
    },
  };
}
