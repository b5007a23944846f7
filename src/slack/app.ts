// The Bolt app: Socket Mode when SLACK_APP_TOKEN is set, otherwise HTTP (Events API) with signed requests.
// In HTTP mode a request is acknowledged only once it is recorded (processBeforeResponse): an acknowledged
// question survives a crash, and is answered when the bot starts again (replayPending).
// One workspace (SLACK_BOT_TOKEN), or any number through the OAuth install (Bolt's installer: workspaces.ts).
import type { Server, ServerResponse } from "node:http";
import { App, HTTPReceiver, LogLevel, SocketModeReceiver, type Logger } from "@slack/bolt";
import { LIMITS, type Config } from "../config.js";
import type { CorpusIndex } from "../engine.js";
import type { Store } from "../store/db.js";
import { clientOptions, fetchWithTimeout } from "./client.js";
import { installerOptions, workspaces } from "./workspaces.js";
import { oldestInFlight, type BotDeps } from "./deps.js";
import { guardRequests, type GuardedRequest } from "./guard.js";
import { describeFailure } from "./post.js";
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
  /** Starts listening, then answers what was acknowledged but not answered before a crash; resolves with the HTTP port. */
  start(): Promise<{ port?: number }>;
  /** Stops taking events, gives the answers in flight a bounded time to finish, flushes the store. */
  stop(): Promise<void>;
  /** Why the bot is unhealthy (an answer stuck, the store cannot write), or undefined. */
  unhealthy(): string | undefined;
}

export function createBot({ config, getIndex, store, logger, subCommands }: BotOptions): Bot {
  const slackApiUrl = config.SLACK_API_URL;
  let deps: BotDeps | undefined;
  const unhealthy = () => {
    const stuck = deps ? oldestInFlight(deps) : 0;
    if (stuck > LIMITS.stuckAnswerMs) return `an answer has been in flight for ${Math.round(stuck / 1000)} s`;
    return store.problem();
  };
  const health = {
    path: "/healthz",
    method: ["GET"],
    handler: (_req: unknown, res: ServerResponse) => {
      const problem = unhealthy();
      res.writeHead(problem ? 503 : 200, { "content-type": "application/json" });
      res.end(
        JSON.stringify({
          ok: !problem,
          ...(problem ? { problem } : {}),
          documents: getIndex().documents.length,
          answersInFlight: deps?.inFlight.size ?? 0,
          uptime: Math.round(process.uptime()),
        }),
      );
    },
  };
  const oauth = installerOptions(config, store, logger);
  const common = {
    // The OAuth install: each request's token comes from its workspace's installation (the receiver's installer).
    ...(oauth ? {} : { token: config.SLACK_BOT_TOKEN }),
    // Bolt would call auth.test at once and leave a failure unhandled until the first event; start() checks the
    // token itself instead, and Bolt asks again (awaited) with the first event.
    tokenVerificationEnabled: false,
    // Bolt's conversation store is unused here (thread context lives in our store): not run on every request.
    convoStore: false as const,
    logLevel: LogLevel.INFO,
    ...(logger ? { logger } : {}),
    clientOptions: { ...clientOptions(slackApiUrl, logger), fetch: fetchWithTimeout },
  };
  let app: App;
  let receiver: HTTPReceiver | SocketModeReceiver;
  if (config.socketMode) {
    receiver = new SocketModeReceiver({
      appToken: config.SLACK_APP_TOKEN!,
      customRoutes: [health],
      ...oauth,
      installerOptions: { ...oauth?.installerOptions, port: config.PORT },
      ...(logger ? { logger } : {}),
    });
    app = new App({ ...common, receiver });
  } else {
    const http = new HTTPReceiver({
      signingSecret: config.SLACK_SIGNING_SECRET!,
      customRoutes: [health],
      processBeforeResponse: true,
      customPropertiesExtractor: (req) => ({ requestKey: (req as GuardedRequest).requestKey }),
      ...oauth,
      ...(logger ? { logger } : {}),
    });
    receiver = http;
    app = new App({ ...common, receiver });
    guardRequests(http, config.SLACK_SIGNING_SECRET!, app.logger);
  }
  deps = {
    getIndex,
    store,
    workspaces: workspaces(config, receiver.installer, app.logger),
    logger: app.logger,
    inFlight: new Map(),
  };
  const ready = deps;
  let reclaimer: NodeJS.Timeout | undefined;
  registerListeners(app, ready, subCommands);
  app.error(async (error) => {
    app.logger.error(`unhandled error: ${(error as Error).message}`);
  });

  return {
    app,
    deps: ready,
    unhealthy,
    async start() {
      if (!config.oauth)
        await ready.workspaces
          .poster(config.SLACK_BOT_TOKEN)
          .auth.test()
          .catch((error: unknown) => {
            throw new Error(`could not check SLACK_BOT_TOKEN with Slack (auth.test: ${describeFailure(error)})`);
          });
      const started = (await app.start(config.PORT)) as unknown;
      await replayPending(app, ready);
      // Replicas (PostgreSQL): questions acknowledged by a process that died since are claimed once their lease runs
      // out. With lowdb one process answers, and what it left pending is answered at its next start.
      let reclaiming = false;
      if (store.kind === "postgres")
        reclaimer = setInterval(() => {
          if (reclaiming) return;
          reclaiming = true;
          replayPending(app, ready)
            .catch((error) => app.logger.error(`could not claim pending questions: ${(error as Error).message}`))
            .finally(() => (reclaiming = false));
        }, LIMITS.pendingReclaimEveryMs);
      reclaimer?.unref();
      const address = config.socketMode ? undefined : (started as Server).address();
      return { port: typeof address === "object" && address ? address.port : undefined };
    },
    async stop() {
      clearInterval(reclaimer);
      await app.stop();
      let timer: NodeJS.Timeout | undefined;
      const grace = new Promise<"timeout">((r) => (timer = setTimeout(() => r("timeout"), LIMITS.stopGraceMs)));
      const outcome = await Promise.race([Promise.allSettled([...ready.inFlight.keys()]), grace]);
      clearTimeout(timer);
      if (outcome === "timeout")
        app.logger.warn(
          `stopping with ${ready.inFlight.size} answer(s) unfinished; they stay pending and are answered at the next start`,
        );
      await store.close().catch((error) => app.logger.error(`could not flush the store: ${(error as Error).message}`));
    },
  };
}

/**
 * Questions acknowledged but never answered (the process died): the recent ones go through the listeners
 * again (a post that did go out is found by its id, not posted twice); older ones are dropped with a log line.
 */
async function replayPending(app: App, deps: BotDeps): Promise<void> {
  const now = Date.now();
  for (const pending of await deps.store.pendingEvents()) {
    if (now - Date.parse(pending.at) > LIMITS.replayWindowMs || !pending.body) {
      deps.logger.warn(`not answering request ${pending.key.slice(0, 16)}: it arrived at ${pending.at}, too long ago`);
      deps.store.finishEvent(pending.key);
      continue;
    }
    deps.logger.info(`answering request ${pending.key.slice(0, 16)}, acknowledged at ${pending.at} before a restart`);
    let taken = false;
    try {
      await app.processEvent({
        body: pending.body as Record<string, unknown>,
        ack: async () => undefined,
        customProperties: {
          replayOf: pending.key,
          replayArrivedAt: Date.parse(pending.at),
          replayTaken: () => (taken = true),
        },
      });
    } catch (error) {
      deps.logger.error(`could not answer request ${pending.key.slice(0, 16)} again: ${(error as Error).message}`);
    }
    if (!taken) {
      // Not authorized (its workspace uninstalled the app meanwhile): no listener took it, nobody can be answered.
      deps.logger.warn(`not answering request ${pending.key.slice(0, 16)}: its workspace is no longer installed`);
      deps.store.finishEvent(pending.key);
    }
  }
}
