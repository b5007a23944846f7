// Posting every due digest exactly once per channel and local date, across restarts and crashes:
// the attempt is recorded before posting and the ts after; an attempt without a ts is looked up in the
// channel (each digest carries its channel and date in its metadata) before anything is posted again.
import type { WebClient } from "@slack/web-api";
import type { CorpusIndex } from "../search/index.js";
import type { Store } from "../store/db.js";
import type { Subscription } from "../store/schema.js";
import { findPosted, platformError, postOnce } from "../slack/post.js";
import { rememberThread } from "../slack/threads.js";
import { composeDigest } from "./compose.js";
import { deliveryKey, dueDate } from "./schedule.js";

/** Errors that mean the bot cannot post in the channel: the subscription pauses instead of retrying. */
const PAUSING = new Set(["channel_not_found", "not_in_channel", "is_archived"]);

export interface DeliverDeps {
  store: Store;
  /** A WebClient that does not retry by itself (see slack/post.ts). */
  client: WebClient;
  getIndex: () => CorpusIndex;
  now: () => Date;
  log: (line: string) => void;
}

export const digestPostId = (channel: string, date: string) => `digest:${channel}:${date}`;

/** Posts every digest that is due now; returns how many went out. */
export async function deliverDue(deps: DeliverDeps): Promise<number> {
  let posted = 0;
  for (const sub of Object.values(deps.store.data.subscriptions)) {
    const date = dueDate(sub, deps.store.data.deliveries, deps.now());
    const unfinished = findUnfinished(deps, sub);
    if (unfinished) {
      // A crash between recording the attempt and recording the ts: did it go out?
      const found = await findPosted(deps.client, sub.channel, undefined, digestPostId(sub.channel, unfinished));
      if (found) {
        await complete(deps, sub, unfinished, found.ts, undefined);
        continue;
      }
      if (await post(deps, sub, unfinished)) posted++;
      continue;
    }
    if (date && (await post(deps, sub, date))) posted++;
  }
  return posted;
}

/** A delivery of today (in the channel's zone) that was attempted but never completed. */
function findUnfinished(deps: DeliverDeps, sub: Subscription): string | undefined {
  const today = new Intl.DateTimeFormat("en-CA", { timeZone: sub.timeZone, year: "numeric", month: "2-digit", day: "2-digit" }).format(deps.now());
  const d = deps.store.data.deliveries[deliveryKey(sub.channel, today)];
  return d && !d.ts && !sub.pausedReason ? d.date : undefined;
}

async function post(deps: DeliverDeps, sub: Subscription, date: string): Promise<boolean> {
  const key = deliveryKey(sub.channel, date);
  deps.store.data.deliveries[key] ??= { channel: sub.channel, date, attemptedAt: deps.now().toISOString() };
  await deps.store.write();
  const digest = composeDigest(deps.getIndex(), sub, date);
  try {
    const res = await postOnce(deps.client, { channel: sub.channel, text: digest.text, blocks: digest.blocks }, { postId: digestPostId(sub.channel, date) });
    await complete(deps, sub, date, res.ts, digest.findingId);
    return true;
  } catch (error) {
    const code = platformError(error);
    if (code && PAUSING.has(code)) {
      sub.pausedReason = code;
      delete deps.store.data.deliveries[key];
      await deps.store.write();
      deps.log(`digest for ${sub.channel} paused: ${code}`);
      return false;
    }
    deps.log(`digest for ${sub.channel} on ${date} failed, will try again: ${code ?? (error as Error).message}`);
    delete deps.store.data.deliveries[key];
    await deps.store.write();
    return false;
  }
}

async function complete(deps: DeliverDeps, sub: Subscription, date: string, ts: string, findingId: string | undefined): Promise<void> {
  const key = deliveryKey(sub.channel, date);
  deps.store.data.deliveries[key] = { ...(deps.store.data.deliveries[key] ?? { channel: sub.channel, date, attemptedAt: deps.now().toISOString() }), ts };
  sub.lastPostedDate = date;
  sub.lastPostedTs = ts;
  sub.lastPostedAt = deps.now().toISOString();
  // Shown again means every finding has had its day: the round starts over.
  if (findingId) sub.shownFindings = sub.shownFindings.includes(findingId) ? [findingId] : [...sub.shownFindings, findingId];
  await deps.store.write();
  // The digest is a thread root: follow-ups under it are answered like any thread.
  await rememberThread(deps.store, sub.channel, ts, {});
}
