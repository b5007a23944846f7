// When a channel's digest is due. Pure: the clock is a parameter.
import type { Delivery, Subscription } from "../store/schema.js";
import { inWorkspace } from "../store/workspace.js";
import { addDays, instantOf, localTime } from "./clock.js";

export const deliveryKey = (workspace: string, channel: string, date: string) =>
  inWorkspace(workspace, `${channel}:${date}`);

function postsOn(sub: Subscription, weekday: number): boolean {
  return !sub.weekdaysOnly || weekday <= 5;
}

/**
 * Due when the channel's local time is past its time today, it posts on this weekday, it is not paused,
 * and no digest went out (or was attempted) for this local date. Earlier days are never back-filled.
 */
export function dueDate(sub: Subscription, deliveries: Record<string, Delivery>, now: Date): string | undefined {
  if (sub.pausedReason) return undefined;
  const local = localTime(now, sub.timeZone);
  if (!postsOn(sub, local.weekday) || local.time < sub.time) return undefined;
  if (deliveries[deliveryKey(sub.workspace, sub.channel, local.date)] || sub.lastPostedDate === local.date)
    return undefined;
  return local.date;
}

/** The next time a digest will go out, or undefined when paused. */
export function nextPost(sub: Subscription, deliveries: Record<string, Delivery>, now: Date): Date | undefined {
  if (sub.pausedReason) return undefined;
  const today = localTime(now, sub.timeZone).date;
  for (let i = 0; i < 8; i++) {
    const date = addDays(today, i);
    const at = instantOf(date, sub.time, sub.timeZone);
    if (!postsOn(sub, localTime(at, sub.timeZone).weekday)) continue;
    if (deliveries[deliveryKey(sub.workspace, sub.channel, date)] || sub.lastPostedDate === date) continue;
    return at.getTime() < now.getTime() ? now : at;
  }
  return undefined;
}
