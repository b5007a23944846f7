// Configuration, read once from the environment and validated. A missing or malformed variable stops the
// start with one line that names it and says where to get it.
import { z } from "zod";

const WHERE = {
  SLACK_BOT_TOKEN:
    "the Bot User OAuth Token (xoxb-…) under OAuth & Permissions in your app's settings at api.slack.com/apps (or, to install the bot into several workspaces, set SLACK_CLIENT_ID, SLACK_CLIENT_SECRET and SLACK_STATE_SECRET instead)",
  SLACK_CLIENT_ID: "the Client ID under Basic Information › App Credentials at api.slack.com/apps",
  SLACK_CLIENT_SECRET: "the Client Secret under Basic Information › App Credentials at api.slack.com/apps",
  SLACK_STATE_SECRET:
    "a random string of your own of at least 16 characters (it signs the OAuth state), such as the output of `openssl rand -hex 32`",
  SLACK_SIGNING_SECRET: "the Signing Secret under Basic Information in your app's settings at api.slack.com/apps",
  SLACK_APP_TOKEN: "an app-level token (xapp-…) with connections:write under Basic Information › App-Level Tokens",
  SLACK_API_URL: "a Web API base URL such as https://slack.com/api/ (leave it unset for Slack itself)",
  PORT: "a port number such as 3000",
  DATA_DIR: "a folder the bot may write its state to, such as data/",
  CORPUS_DIR: "the folder of documents to index, such as seeds/",
  DIGEST_TZ: "an IANA time zone such as Europe/London",
  DATABASE_URL:
    "a PostgreSQL connection URL such as postgres://bot:secret@db-host:5432/probation (unset: the state stays in DATA_DIR)",
} as const;

const isTimeZone = (tz: string) => {
  try {
    new Intl.DateTimeFormat("en-GB", { timeZone: tz });
    return true;
  } catch {
    return false;
  }
};

/** The OAuth install (several workspaces): all three together, or none. */
const OAUTH = ["SLACK_CLIENT_ID", "SLACK_CLIENT_SECRET", "SLACK_STATE_SECRET"] as const;

const Fields = z.object({
  SLACK_BOT_TOKEN: z
    .string()
    .regex(/^xoxb-\S+$/, "must start with xoxb-")
    .optional(),
  SLACK_CLIENT_ID: z.string().min(1).optional(),
  SLACK_CLIENT_SECRET: z.string().min(8, "is too short").optional(),
  SLACK_STATE_SECRET: z.string().min(16, "is too short (at least 16 characters)").optional(),
  SLACK_APP_TOKEN: z
    .string()
    .regex(/^xapp-\S+$/, "must start with xapp-")
    .optional(),
  SLACK_SIGNING_SECRET: z.string().min(8, "is too short").optional(),
  SLACK_API_URL: z.string().url("must be a URL").optional(),
  PORT: z.coerce
    .number({ message: "must be a number" })
    .int("must be a whole number")
    .min(0)
    .max(65535, "must be at most 65535")
    .default(3000),
  DATA_DIR: z.string().min(1).default("data"),
  CORPUS_DIR: z.string().min(1).default("seeds"),
  DIGEST_TZ: z.string().refine(isTimeZone, "is not a time zone").default("Europe/London"),
  DATABASE_URL: z
    .string()
    .regex(/^postgres(ql)?:\/\/\S+$/, "must be a postgres:// URL")
    .optional(),
});

/** One workspace (SLACK_BOT_TOKEN) or the OAuth install (SLACK_CLIENT_ID, SLACK_CLIENT_SECRET, SLACK_STATE_SECRET). */
const BaseSchema = Fields.superRefine((c, ctx) => {
  const given = OAUTH.filter((name) => c[name] !== undefined);
  if (given.length > 0 && given.length < OAUTH.length) {
    for (const name of OAUTH.filter((n) => c[n] === undefined))
      ctx.addIssue({
        code: "custom",
        path: [name],
        message: `is not set (the OAuth install needs ${OAUTH.join(", ")} together; ${given.join(", ")} ${given.length > 1 ? "are" : "is"} set)`,
      });
    return;
  }
  if (given.length === OAUTH.length && c.SLACK_BOT_TOKEN)
    ctx.addIssue({
      code: "custom",
      path: ["SLACK_BOT_TOKEN"],
      message: "must not be set with the OAuth install (each workspace's token comes from its installation)",
    });
  if (given.length === 0 && !c.SLACK_BOT_TOKEN)
    ctx.addIssue({ code: "custom", path: ["SLACK_BOT_TOKEN"], message: "is not set" });
});

const ConfigSchema = BaseSchema.superRefine((c, ctx) => {
  // HTTP mode needs the signing secret: requests are always verified.
  if (!c.SLACK_APP_TOKEN && !c.SLACK_SIGNING_SECRET)
    ctx.addIssue({
      code: "custom",
      path: ["SLACK_SIGNING_SECRET"],
      message: "is required in HTTP mode (without SLACK_APP_TOKEN)",
    });
});

export type Config = z.infer<typeof ConfigSchema> & {
  socketMode: boolean;
  /** Set for the OAuth install (several workspaces); unset, the one workspace of SLACK_BOT_TOKEN. */
  oauth?: { clientId: string; clientSecret: string; stateSecret: string };
};

export class ConfigError extends Error {}

/** Reads the configuration; throws ConfigError with one line naming the first bad variable. */
export function readConfig(env: NodeJS.ProcessEnv = process.env, options: { receiver?: boolean } = {}): Config {
  const present = Object.fromEntries(Object.entries(env).filter(([, v]) => v !== undefined && v !== ""));
  // Commands that only post (npm run digest) need no way for Slack to reach them.
  const parsed = (options.receiver === false ? BaseSchema : ConfigSchema).safeParse(present);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const name = String(issue.path[0] ?? "configuration") as keyof typeof WHERE;
    const missing = present[name] === undefined;
    throw new ConfigError(
      `${name} ${missing && issue.code !== "custom" ? "is not set" : issue.message}: set it to ${WHERE[name] ?? "a valid value"}.`,
    );
  }
  const url = parsed.data.SLACK_API_URL;
  const { SLACK_CLIENT_ID: clientId, SLACK_CLIENT_SECRET: clientSecret, SLACK_STATE_SECRET: stateSecret } = parsed.data;
  return {
    ...parsed.data,
    SLACK_API_URL: url && !url.endsWith("/") ? `${url}/` : url,
    socketMode: !!parsed.data.SLACK_APP_TOKEN,
    ...(clientId && clientSecret && stateSecret ? { oauth: { clientId, clientSecret, stateSecret } } : {}),
  };
}

// Reliability limits: every tuning value of the store, the Web API calls and the request guard, in one place.
const SECOND = 1000;
const MINUTE = 60 * SECOND;
const HOUR = 60 * MINUTE;
const DAY = 24 * HOUR;
export const LIMITS = {
  /** Thread context is kept this long after the thread's last answer; follow-ups after that start afresh. */
  threadTtlMs: 30 * DAY,
  /** At most this many threads are kept (the least recently answered go first): bounds memory and disk. */
  maxThreads: 50_000,
  /** Event and slash-command ids are kept this long, so that Slack's retries (within the hour) are answered once. */
  eventTtlMs: 6 * HOUR,
  /** On start, questions acknowledged but not answered (a crash) are answered if younger than this. */
  replayWindowMs: 5 * MINUTE,
  /** Feedback is kept a year, at most this many clicks. */
  feedbackTtlMs: 365 * DAY,
  maxFeedback: 20_000,
  /** Digest delivery records are only needed for today; kept a week for `digest status`. */
  deliveryTtlMs: 7 * DAY,
  /** Thread updates are written together at most this long after they happen. */
  writeDelayMs: 200,
  /** A journal is folded into its snapshot when it outgrows the snapshot and this many bytes (threads, events). */
  compactMinBytes: 4 * 1024 * 1024,
  eventCompactMinBytes: 512 * 1024,
  /** Records written between two pauses while writing a snapshot: keeps the event loop free for acknowledgements. */
  snapshotChunk: 500,
  /** How long to wait for another process's store or corpus lock before giving up. */
  lockWaitMs: 15 * SECOND,
  /** A lock older than this is a leftover of a crash (no hold lasts this long). */
  lockStaleMs: 60 * SECOND,
  lockRetryMs: 25,
  /** Every Web API call gives up after this long (SLACK_API_TIMEOUT_MS overrides it, for tests). */
  apiTimeoutMs: Number(process.env.SLACK_API_TIMEOUT_MS) || 10 * SECOND,
  /** Calls that may safely repeat (reactions, views, look-ups) are retried this many times, within this long. */
  apiRetries: 2,
  apiMaxRetryMs: 20 * SECOND,
  apiRetryMinDelayMs: 500,
  apiRetryMaxDelayMs: 5 * SECOND,
  /** A post is attempted at most this many times (a look-up for it comes first after an unclear failure), this much apart (times the attempt). */
  postAttempts: 3,
  postRetryDelayMs: 250,
  /** A look-up for a post is tried this many times before the post is given up as unknown. */
  lookupAttempts: 2,
  /** A rate limit longer than this is not waited out: the answer fails with an apology instead. */
  maxRateLimitWaitMs: 60 * SECOND,
  /** On SIGTERM, answers in flight get this long to finish before the process exits. */
  stopGraceMs: 15 * SECOND,
  /** An answer in flight for longer than this is stuck: /healthz says so. */
  stuckAnswerMs: 60 * SECOND,
  /** Bolt's own body limit: the request guard buffers no more. */
  maxRequestBytes: 10 * 1024 * 1024,
  /** A question's raw text is cut to this many characters before anything else reads it. */
  maxRawQuestionChars: 2_000,
  /** Request timestamps more than this far in the future are refused (clock skew allowance). */
  maxClockSkewMs: 60 * SECOND,
  /** Slack signs requests for 5 minutes: a slash command seen again within it is a replay. */
  replayableForMs: 5 * MINUTE,
  /** `npm run digest -- --once` gives up after this long in total. */
  digestRunTimeoutMs: 2 * MINUTE,
  /** PostgreSQL (DATABASE_URL): connecting gives up after this long, and so does any one statement. */
  dbConnectTimeoutMs: 10 * SECOND,
  dbQueryTimeoutMs: 10 * SECOND,
  /** Connections one process keeps open to PostgreSQL. */
  dbPoolSize: 10,
  /**
   * Replicas (PostgreSQL): a pending question belongs to the process answering it for this long (its lease),
   * renewed every leaseHeartbeatMs while the answer is in progress; a process that was killed stops renewing, and
   * another replica claims the question once the lease has run out (it looks for a post that did go out first).
   * Four heartbeats fit in a lease, so a busy moment (the longest event-loop stall measured is about 1 s, a slow
   * statement) does not lose it; the survivor answers within about pendingLeaseMs + pendingReclaimEveryMs of the kill.
   */
  pendingLeaseMs: 8 * SECOND,
  leaseHeartbeatMs: 2 * SECOND,
  /** How often a running bot claims questions whose process died (replicas). */
  pendingReclaimEveryMs: 2 * SECOND,
  /** How often expired records are deleted from PostgreSQL (and at every start); reads skip them meanwhile. */
  dbPruneEveryMs: 10 * MINUTE,
} as const;
