// The bot's runtime state in DATA_DIR: the shape of every record, validated on every read.
import { z } from "zod";
import { ThreadContextSchema } from "../types.js";

/** 2: threads and events moved out of db.json into journals (see journal.ts); version 1 files are migrated. */
export const SCHEMA_VERSION = 2;

export const ThreadRecordSchema = z.object({
  context: ThreadContextSchema,
  /** Channel and ts of the thread root, so listeners know the bot is part of the thread. */
  channel: z.string(),
  threadTs: z.string(),
  updatedAt: z.string(),
});
export type ThreadRecord = z.infer<typeof ThreadRecordSchema>;

export const FeedbackSchema = z.object({
  user: z.string(),
  /** Channel and ts of the answer message the buttons sit on. */
  channel: z.string(),
  messageTs: z.string(),
  value: z.enum(["up", "down"]),
  comment: z.string().optional(),
  at: z.string(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const SubscriptionSchema = z.object({
  /** The workspace it belongs to (workspace.ts); "" for the single workspace of SLACK_BOT_TOKEN. */
  workspace: z.string().default(""),
  channel: z.string(),
  /** Local time of day, "HH:MM", in `timeZone`. */
  time: z.string().regex(/^\d{2}:\d{2}$/),
  weekdaysOnly: z.boolean(),
  timeZone: z.string(),
  createdBy: z.string(),
  createdAt: z.string(),
  /** Local date (YYYY-MM-DD) and ts of the last digest posted. */
  lastPostedDate: z.string().optional(),
  lastPostedTs: z.string().optional(),
  lastPostedAt: z.string().optional(),
  /** Why posting is paused (channel_not_found, not_in_channel, is_archived), if it is. */
  pausedReason: z.string().optional(),
  /** Finding ids already shown in this channel, so none repeats until all have been. */
  shownFindings: z.array(z.string()).default([]),
});
export type Subscription = z.infer<typeof SubscriptionSchema>;

/** One digest for one channel and local date: recorded before posting, completed with the ts after. */
export const DeliverySchema = z.object({
  workspace: z.string().default(""),
  channel: z.string(),
  date: z.string(),
  attemptedAt: z.string(),
  /** The process posting it: another process leaves an unfinished attempt alone while its owner lives. */
  owner: z.string().optional(),
  /** The owner's pid, as files written before `owner` name it. */
  ownerPid: z.number().optional(),
  ts: z.string().optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

/** A Slack event or slash command: pending from its arrival until its answer is posted (or nothing is to be said). */
export const EventRecordSchema = z.object({
  state: z.enum(["pending", "done"]),
  /** When it arrived. */
  at: z.string(),
  /** The request body, kept while pending, to answer it after a crash. */
  body: z.unknown().optional(),
});
export type EventRecord = z.infer<typeof EventRecordSchema>;

/**
 * A workspace's installation of the app (the OAuth install): Slack's own record, kept as @slack/oauth gives it
 * (its bot token, and with token rotation its refresh token and expiry). Only its identity is checked here.
 */
export const InstallationSchema = z
  .object({
    team: z.object({ id: z.string() }).passthrough().optional(),
    enterprise: z.object({ id: z.string() }).passthrough().optional(),
    isEnterpriseInstall: z.boolean().optional(),
  })
  .passthrough();
export type InstallationRecord = z.infer<typeof InstallationSchema>;

/** db.json: the state that changes rarely, read and changed as a whole under the store's lock (lowdb). */
export const SmallStateSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Keyed by `${channel}:${messageTs}:${user}` in its workspace (workspace.ts): the last click per person and answer wins. */
  feedback: z.record(z.string(), FeedbackSchema).default({}),
  /** Keyed by channel id in its workspace (subscriptionKey). */
  subscriptions: z.record(z.string(), SubscriptionSchema).default({}),
  /** Keyed by `${channel}:${date}` in its workspace (deliveryKey). */
  deliveries: z.record(z.string(), DeliverySchema).default({}),
  /** Keyed by installationKey (workspace.ts). */
  installations: z.record(z.string(), InstallationSchema).default({}),
});
export type SmallState = z.infer<typeof SmallStateSchema>;

/** What every process reads and changes together under the lock: digest subscriptions and their deliveries. */
export type SharedState = Pick<SmallState, "subscriptions" | "deliveries">;

/** The collections of db.json and the schema of one record of each: a record that fails is dropped, not the file. */
export const SMALL_STATE_RECORDS = {
  feedback: FeedbackSchema,
  subscriptions: SubscriptionSchema,
  deliveries: DeliverySchema,
  installations: InstallationSchema,
} as const;

export function emptySmallState(): SmallState {
  return { schemaVersion: SCHEMA_VERSION, feedback: {}, subscriptions: {}, deliveries: {}, installations: {} };
}
