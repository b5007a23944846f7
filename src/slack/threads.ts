// Conversation state per Slack thread, kept in lowdb so that it survives a restart.
import type { Store } from "../store/db.js";
import type { ThreadContext } from "../types.js";

export const threadKey = (channel: string, threadTs: string) => `${channel}:${threadTs}`;

/** The context of a thread the bot started or answered in, or undefined for any other thread. */
export function threadContext(store: Store, channel: string, threadTs: string): ThreadContext | undefined {
  return store.data.threads[threadKey(channel, threadTs)]?.context;
}

export async function rememberThread(store: Store, channel: string, threadTs: string, context: ThreadContext, now = new Date()): Promise<void> {
  store.data.threads[threadKey(channel, threadTs)] = { context, channel, threadTs, updatedAt: now.toISOString() };
  await store.write();
}

/** Records a Slack event id; false when it was already handled (a retried delivery). Ids older than a day are dropped. */
export async function firstDelivery(store: Store, eventId: string, now = new Date()): Promise<boolean> {
  if (store.data.events[eventId]) return false;
  const dayAgo = now.getTime() - 24 * 3600_000;
  for (const [id, at] of Object.entries(store.data.events)) if (Date.parse(at) < dayAgo) delete store.data.events[id];
  store.data.events[eventId] = now.toISOString();
  await store.write();
  return true;
}
