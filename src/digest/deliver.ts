// Posting every due digest exactly once per channel and local date, across restarts, crashes and processes
// (`npm start` and `npm run digest -- --once` side by side): the attempt is claimed under the store's lock
// before posting (with the claiming process's pid) and the ts recorded after; an unfinished attempt whose owner
// is gone is looked up in the channel (each digest carries its channel and date in its metadata) before
// anything is posted again.
import { LIMITS } from "../config.js";
import type { CorpusIndex } from "../engine.js";
import type { Store } from "../store/db.js";
import type { SharedState, Subscription } from "../store/schema.js";
import { localTime } from "./clock.js";
import { composeDigest, type Digest } from "./compose.js";
import { deliveryKey, dueDate } from "./schedule.js";
import { subscriptionKey } from "../store/workspace.js";

/** What delivering needs of the chat it posts in; the Slack layer gives it (slack/digest-poster.ts). */
export interface DigestPoster {
  /** Posts the digest at most once, carrying `postId`, as the bot of that workspace; resolves with the post's ts. */
  post(workspace: string, channel: string, digest: Digest, postId: string): Promise<string>;
  /** The ts of the post carrying `postId` since `since` (ms), or undefined; throws when it cannot find out. */
  find(workspace: string, channel: string, postId: string, since?: number): Promise<string | undefined>;
  /** Why the bot cannot post in the channel (the subscription pauses instead of retrying), or undefined. */
  cannotPost(error: unknown): string | undefined;
  /** True when a failed post may still have gone out (it is looked for before posting again). */
  mayHavePosted(error: unknown): boolean;
  /** One line saying what went wrong. */
  describe(error: unknown): string;
}

export interface DeliverDeps {
  store: Store;
  poster: DigestPoster;
  getIndex: () => CorpusIndex;
  now: () => Date;
  log: (line: string) => void;
}

export interface DeliveryReport {
  posted: number;
  /** One line per digest that could not go out (and will be tried again). */
  failures: string[];
}

export const digestPostId = (channel: string, date: string) => `digest:${channel}:${date}`;

interface Claim {
  sub: Subscription;
  date: string;
  /** An earlier attempt never recorded its ts: it may have gone out (since this time, ms). */
  unfinished: boolean;
  since?: number;
}

/** Posts every digest that is due now. */
export async function deliverDue(deps: DeliverDeps): Promise<DeliveryReport> {
  const report: DeliveryReport = { posted: 0, failures: [] };
  const current = await deps.store.read();
  for (const key of Object.keys(current.subscriptions)) {
    // Most checks find nothing due: decided on a copy first (a claim only adds a delivery), so that nothing is written for them.
    if (!claimDigest({ ...current, deliveries: { ...current.deliveries } }, key, deps.now(), deps.store)) continue;
    const claim = await deps.store.update((state) => claimDigest(state, key, deps.now(), deps.store));
    if (!claim) continue;
    const failure = await deliver(deps, claim);
    if (failure === undefined) report.posted++;
    else if (failure) report.failures.push(failure);
  }
  return report;
}

/** Under the lock: the digest this subscription is due, recorded as attempted by this process; or nothing to do. */
function claimDigest(
  state: SharedState,
  key: string,
  now: Date,
  claimant: Pick<Store, "owner" | "ownerAlive">,
): Claim | undefined {
  const sub = state.subscriptions[key];
  if (!sub || sub.pausedReason) return undefined;
  const { workspace, channel } = sub;
  const today = localTime(now, sub.timeZone).date;
  const attempt = state.deliveries[deliveryKey(workspace, channel, today)];
  const attemptedAt = now.toISOString();
  if (attempt && !attempt.ts) {
    const owner = attempt.owner ?? (attempt.ownerPid === undefined ? undefined : String(attempt.ownerPid));
    const ownerBusy =
      owner !== undefined &&
      owner !== claimant.owner &&
      claimant.ownerAlive(owner) &&
      now.getTime() - Date.parse(attempt.attemptedAt) < LIMITS.digestRunTimeoutMs;
    if (ownerBusy) return undefined; // another process is posting it right now
    const { ownerPid: _old, ...rest } = attempt;
    state.deliveries[deliveryKey(workspace, channel, today)] = { ...rest, attemptedAt, owner: claimant.owner };
    return { sub, date: today, unfinished: true, since: Date.parse(attempt.attemptedAt) };
  }
  const date = dueDate(sub, state.deliveries, now);
  if (!date) return undefined;
  state.deliveries[deliveryKey(workspace, channel, date)] = {
    workspace,
    channel,
    date,
    attemptedAt,
    owner: claimant.owner,
  };
  return { sub, date, unfinished: false };
}

/** undefined when posted; a line saying why not; false when it was posted before (found, not posted again). */
async function deliver(
  deps: DeliverDeps,
  { sub, date, unfinished, since }: Claim,
): Promise<string | false | undefined> {
  const postId = digestPostId(sub.channel, date);
  let postedTs: string | undefined;
  try {
    if (unfinished) {
      // A crash between recording the attempt and recording the ts: did it go out?
      const found = await deps.poster.find(sub.workspace, sub.channel, postId, since);
      if (found) {
        await complete(deps, sub, date, found, undefined);
        return false;
      }
    }
    const digest = composeDigest(deps.getIndex(), sub, date);
    postedTs = await deps.poster.post(sub.workspace, sub.channel, digest, postId);
    await complete(deps, sub, date, postedTs, digest.finding?.id);
    return undefined;
  } catch (error) {
    if (postedTs) {
      // Posted, but not recorded: the attempt stays, and the next run finds the post instead of posting again.
      const line = `digest for ${sub.channel} on ${date} was posted (ts ${postedTs}) but could not be recorded: ${(error as Error).message}`;
      deps.log(line);
      return line;
    }
    const code = deps.poster.cannotPost(error);
    const key = deliveryKey(sub.workspace, sub.channel, date);
    if (code) {
      await deps.store.update((state) => {
        const current = state.subscriptions[subscriptionKey(sub.workspace, sub.channel)];
        if (current) current.pausedReason = code;
        delete state.deliveries[key];
      });
      deps.log(`digest for ${sub.channel} paused: ${code}`);
      return false;
    }
    const line = `digest for ${sub.channel} on ${date} failed, will try again: ${deps.poster.describe(error)}`;
    deps.log(line);
    // Unknown whether it went out: the attempt stays, so that the next run looks for it before posting.
    if (!deps.poster.mayHavePosted(error))
      await deps.store.update((state) => void delete state.deliveries[key]).catch(() => undefined);
    return line;
  }
}

async function complete(
  deps: DeliverDeps,
  { workspace, channel }: Subscription,
  date: string,
  ts: string,
  findingId: string | undefined,
): Promise<void> {
  await deps.store.update((state) => {
    const key = deliveryKey(workspace, channel, date);
    state.deliveries[key] = {
      ...(state.deliveries[key] ?? { workspace, channel, date, attemptedAt: deps.now().toISOString() }),
      ts,
    };
    const sub = state.subscriptions[subscriptionKey(workspace, channel)];
    if (!sub) return;
    sub.lastPostedDate = date;
    sub.lastPostedTs = ts;
    sub.lastPostedAt = deps.now().toISOString();
    // Shown again means every finding has had its day: the round starts over.
    if (findingId)
      sub.shownFindings = sub.shownFindings.includes(findingId) ? [findingId] : [...sub.shownFindings, findingId];
  });
  // The digest is a thread root: follow-ups under it are answered like any thread.
  deps.store.rememberThread(workspace, channel, ts, {});
  await deps.store.flush();
}
