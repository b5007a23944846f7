// The bot's runtime state, as stored in DATA_DIR/db.json. Validated on every read.
import { z } from "zod";
import { ThreadContextSchema } from "../types.js";

export const SCHEMA_VERSION = 1;

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
  question: z.string().optional(),
  at: z.string(),
});
export type Feedback = z.infer<typeof FeedbackSchema>;

export const SubscriptionSchema = z.object({
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
  channel: z.string(),
  date: z.string(),
  attemptedAt: z.string(),
  ts: z.string().optional(),
});
export type Delivery = z.infer<typeof DeliverySchema>;

export const DatabaseSchema = z.object({
  schemaVersion: z.literal(SCHEMA_VERSION),
  /** Keyed by `${channel}:${threadTs}`. */
  threads: z.record(z.string(), ThreadRecordSchema).default({}),
  /** Slack event ids already handled, with when: retried deliveries are answered once. */
  events: z.record(z.string(), z.string()).default({}),
  /** Keyed by `${channel}:${messageTs}:${user}`: the last click per person and answer wins. */
  feedback: z.record(z.string(), FeedbackSchema).default({}),
  /** Keyed by channel id. */
  subscriptions: z.record(z.string(), SubscriptionSchema).default({}),
  /** Keyed by `${channel}:${date}`. */
  deliveries: z.record(z.string(), DeliverySchema).default({}),
});
export type Database = z.infer<typeof DatabaseSchema>;

export function emptyDatabase(): Database {
  return { schemaVersion: SCHEMA_VERSION, threads: {}, events: {}, feedback: {}, subscriptions: {}, deliveries: {} };
}
