// The real Bolt app on a loopback port, with a temporary DATA_DIR and the Web API stand-in.
import { readConfig } from "../../src/config.js";
import { createBot, type Bot } from "../../src/slack/app.js";
import { openStore, type Store } from "../../src/store/db.js";
import type { SubCommand } from "../../src/slack/listeners/commands/probation.js";
import { signedHeaders } from "./sign.js";
import { startStandIn, type Call, type StandIn } from "./slack-stand-in.js";
import { seeds as index } from "./engine.js";
import { digestCommand } from "../../src/digest/command.js";
import { digestSubCommand } from "../../src/slack/digest-blocks.js";
import { tempDir } from "./temp.js";
import { freshDatabase, openAt, type StoreKind } from "./stores.js";
import { afterEach, beforeEach, type TestContext } from "vitest";

export const SIGNING_SECRET = "test-signing-secret-0123456789";
/** The OAuth install's settings (startTestBot with oauth: true). */
export const OAUTH_ENV = {
  SLACK_CLIENT_ID: "1111.2222",
  SLACK_CLIENT_SECRET: "test-client-secret",
  SLACK_STATE_SECRET: "test-state-secret-0123456789",
};
const quietLogger = {
  debug() {},
  info() {},
  warn() {},
  error() {},
  setLevel() {},
  getLevel: () => "error",
  setName() {},
} as never;

export interface TestBot {
  url: string;
  standIn: StandIn;
  bot: Bot;
  store: Store;
  dataDir: string;
  /** The PostgreSQL database of a bot started with store: "postgres". */
  databaseUrl?: string;
  errors: string[];
  /** Sends a slash command, signed; returns the HTTP response and how long the ack took. */
  command(
    text: string,
    opts?: { user?: string; channel?: string; teamId?: string },
  ): Promise<{ status: number; ms: number; body: string }>;
  /** Sends an Events API event, signed (from workspace T1 unless teamId says otherwise). */
  event(
    event: Record<string, unknown>,
    opts?: { eventId?: string; retryNum?: number; teamId?: string },
  ): Promise<Response>;
  /**
   * The OAuth install as a browser goes through it: /slack/install (which sets the state cookie and sends the
   * browser on to Slack), then Slack's redirect back to /slack/oauth_redirect with the code and the state.
   */
  install(code: string): Promise<Response>;
  /** Sends an interactivity payload (block_actions, view_submission), signed. */
  interaction(payload: Record<string, unknown>): Promise<Response>;
  /** Posts a raw body with the given headers. */
  raw(body: string, headers: Record<string, string>, contentType?: string): Promise<Response>;
  waitFor(method: string, count?: number, timeoutMs?: number): Promise<Call[]>;
  stop(): Promise<void>;
}

let eventCounter = 0;

export type TestBotOptions = {
  dataDir?: string;
  subCommands?: Record<string, SubCommand>;
  beforeStart?: (standIn: StandIn) => Promise<void>;
  store?: StoreKind;
  context?: TestContext;
  databaseUrl?: string;
  standIn?: StandIn;
  /** The OAuth install (SLACK_CLIENT_ID…) instead of SLACK_BOT_TOKEN. */
  oauth?: boolean;
};

/**
 * A bot started before each test of the enclosing `describe` and stopped after it, handed to `use` (undefined once
 * stopped, so that a skipped test does not stop the previous one again).
 */
export function testBotForEachTest(options: Omit<TestBotOptions, "context">, use: (bot: TestBot) => void): void {
  let running: TestBot | undefined;
  beforeEach(async (context) => {
    running = await startTestBot({ ...options, context });
    use(running);
  });
  afterEach(async () => {
    const bot = running;
    running = undefined;
    use(undefined as unknown as TestBot);
    await bot?.stop();
  });
}

export async function startTestBot(options: TestBotOptions = {}): Promise<TestBot> {
  // A stand-in given is shared (replicas talking to one Slack) and left open.
  const standIn = options.standIn ?? (await startStandIn());
  await options.beforeStart?.(standIn);
  const dataDir = options.dataDir ?? tempDir("probation-bot-");
  const config = readConfig({
    ...(options.oauth ? OAUTH_ENV : { SLACK_BOT_TOKEN: "xoxb-test-token" }),
    SLACK_SIGNING_SECRET: SIGNING_SECRET,
    SLACK_API_URL: standIn.apiUrl,
    PORT: "0",
    DATA_DIR: dataDir,
  });
  const databaseUrl =
    options.store === "postgres" ? (options.databaseUrl ?? (await freshDatabase(options.context))) : undefined;
  const store = databaseUrl
    ? await openAt("postgres", databaseUrl, { warn: () => undefined })
    : await openStore(dataDir, { warn: () => undefined });
  const errors: string[] = [];
  const logger = { ...(quietLogger as object), error: (...m: unknown[]) => errors.push(m.join(" ")) } as never;
  const getIndex = () => index;
  const subCommands = options.subCommands ?? {
    digest: digestSubCommand(digestCommand({ store, getIndex, now: () => new Date(), timeZone: "Europe/London" })),
  };
  const bot = createBot({ config, getIndex, store, logger, subCommands });
  const { port } = await bot.start();
  const base = `http://127.0.0.1:${port}`;
  const url = `${base}/slack/events`;
  const raw = (body: string, headers: Record<string, string>, contentType = "application/json") =>
    fetch(url, { method: "POST", body, headers: { "content-type": contentType, ...headers } });
  return {
    url,
    standIn,
    bot,
    store,
    dataDir,
    databaseUrl,
    errors,
    async command(text, opts = {}) {
      const body = new URLSearchParams({
        command: "/probation",
        text,
        user_id: opts.user ?? "U123",
        user_name: "ann",
        channel_id: opts.channel ?? "C123",
        channel_name: "general",
        team_id: opts.teamId ?? "T1",
        response_url: `${standIn.responseUrl}/${++eventCounter}`,
        trigger_id: `trigger-${eventCounter}`,
        api_app_id: "A1",
      }).toString();
      const t0 = performance.now();
      const res = await raw(body, signedHeaders(SIGNING_SECRET, body), "application/x-www-form-urlencoded");
      const ms = performance.now() - t0;
      return { status: res.status, ms, body: await res.text() };
    },
    event(event, opts = {}) {
      const body = JSON.stringify({
        type: "event_callback",
        team_id: opts.teamId ?? "T1",
        api_app_id: "A1",
        event_id: opts.eventId ?? `Ev${++eventCounter}`,
        event_time: 1700000000,
        event,
      });
      return raw(body, {
        ...signedHeaders(SIGNING_SECRET, body),
        ...(opts.retryNum
          ? { "x-slack-retry-num": String(opts.retryNum), "x-slack-retry-reason": "http_timeout" }
          : {}),
      });
    },
    async install(code) {
      const start = await fetch(`${base}/slack/install`, { redirect: "manual" });
      const to = new URL(start.headers.get("location") ?? "", "https://slack.com");
      const cookie = (start.headers.get("set-cookie") ?? "").split(";")[0]!;
      const back = new URL(`${base}/slack/oauth_redirect`);
      back.searchParams.set("code", code);
      back.searchParams.set("state", to.searchParams.get("state") ?? "");
      return fetch(back, { headers: { cookie } });
    },
    interaction(payload) {
      const body = new URLSearchParams({ payload: JSON.stringify(payload) }).toString();
      return raw(body, signedHeaders(SIGNING_SECRET, body), "application/x-www-form-urlencoded");
    },
    raw,
    async waitFor(method, count = 1, timeoutMs = 5000) {
      const end = Date.now() + timeoutMs;
      while (Date.now() < end) {
        const got = standIn.callsTo(method);
        if (got.length >= count) return got;
        await new Promise((r) => setTimeout(r, 10));
      }
      throw new Error(
        `expected ${count} call(s) of ${method}, got ${standIn.callsTo(method).length}: ${standIn.calls.map((c) => c.method).join(", ")}`,
      );
    },
    async stop() {
      await bot.stop();
      if (!options.standIn) await standIn.close();
    },
  };
}

/** Lets pending work settle: for asserting that something did NOT happen. */
export const settle = (ms = 300) => new Promise((r) => setTimeout(r, ms));
