// /probation digest on [HH:MM] [weekdays] | off | status | preview
import type { CorpusIndex } from "../engine.js";
import type { Store } from "../store/db.js";
import type { Subscription } from "../store/schema.js";
import { localTime } from "./clock.js";
import { composeDigest, type Digest } from "./compose.js";
import { nextPost } from "./schedule.js";
import { subscriptionKey } from "../store/workspace.js";

export interface DigestCommandContext {
  /** The workspace the command came from (store/workspace.ts): its subscriptions only. */
  workspace: string;
  channel: string;
  user: string;
  store: Store;
  getIndex: () => CorpusIndex;
  now: () => Date;
  timeZone: string;
}

/** What the command says back, only to the person who typed it; `preview` gives the digest itself, to render. */
export interface CommandReply {
  text: string;
  digest?: Digest;
}

const USAGE =
  "Use `/probation digest on [HH:MM] [weekdays]` (e.g. `/probation digest on 08:30 weekdays`), `digest off`, `digest status` or `digest preview`.";

function when(date: Date | undefined, timeZone: string): string {
  if (!date) return "—";
  return new Intl.DateTimeFormat("en-GB", {
    timeZone,
    weekday: "short",
    day: "numeric",
    month: "short",
    hour: "2-digit",
    minute: "2-digit",
    hourCycle: "h23",
  }).format(date);
}

export async function handleDigestCommand(args: string, ctx: DigestCommandContext): Promise<CommandReply> {
  const [action = "", ...rest] = args.trim().toLowerCase().split(/\s+/);
  const key = subscriptionKey(ctx.workspace, ctx.channel);
  const existing = (await ctx.store.read()).subscriptions[key];
  switch (action) {
    case "on": {
      let time = "08:00";
      let weekdaysOnly = false;
      for (const token of rest) {
        if (token === "weekdays" || token === "weekday") weekdaysOnly = true;
        else if (/^([01]\d|2[0-3]):[0-5]\d$/.test(token)) time = token;
        else if (/^\d{1,2}:[0-5]\d$/.test(token) && Number(token.split(":")[0]) < 24) time = token.padStart(5, "0");
        else return { text: `I couldn't read “${token.slice(0, 40).replace(/[<>&]/g, "")}” as a time. ${USAGE}` };
      }
      const { sub, deliveries } = await ctx.store.update((state) => {
        const current = state.subscriptions[key];
        const updated: Subscription = {
          ...(current ?? { shownFindings: [], createdAt: ctx.now().toISOString(), createdBy: ctx.user }),
          workspace: ctx.workspace,
          channel: ctx.channel,
          time,
          weekdaysOnly,
          timeZone: ctx.timeZone,
          pausedReason: undefined,
        };
        state.subscriptions[key] = updated;
        return { sub: updated, deliveries: state.deliveries };
      });
      const next = nextPost(sub, deliveries, ctx.now());
      return {
        text: `This channel will get the probation digest ${weekdaysOnly ? "Monday to Friday" : "every day"} at ${time} (${ctx.timeZone}). Next: ${when(next, ctx.timeZone)}.`,
      };
    }
    case "off": {
      if (!existing) return { text: "This channel has no digest subscription." };
      await ctx.store.update((state) => {
        delete state.subscriptions[key];
      });
      return { text: "Digest turned off for this channel." };
    }
    case "status": {
      if (!existing) return { text: `This channel has no digest subscription. ${USAGE}` };
      const next = nextPost(existing, (await ctx.store.read()).deliveries, ctx.now());
      const last = existing.lastPostedAt ? when(new Date(existing.lastPostedAt), existing.timeZone) : "none yet";
      const paused = existing.pausedReason
        ? `\n⚠️ Paused: I can't post here (${existing.pausedReason}). Invite me with \`/invite @Probation Briefing\`, then \`/probation digest on\` again.`
        : "";
      return {
        text: `Digest: ${existing.weekdaysOnly ? "Monday to Friday" : "every day"} at ${existing.time} (${existing.timeZone}).\nNext post: ${existing.pausedReason ? "paused" : when(next, existing.timeZone)}. Last post: ${last}.${paused}`,
      };
    }
    case "preview": {
      const sub: Subscription = existing ?? {
        workspace: ctx.workspace,
        channel: ctx.channel,
        time: "08:00",
        weekdaysOnly: false,
        timeZone: ctx.timeZone,
        createdBy: ctx.user,
        createdAt: new Date(0).toISOString(),
        shownFindings: [],
      };
      return {
        text: "Today's digest:",
        digest: composeDigest(ctx.getIndex(), sub, localTime(ctx.now(), sub.timeZone).date),
      };
    }
    default:
      return { text: USAGE };
  }
}

export type DigestCommand = (
  args: string,
  where: { workspace: string; channel: string; user: string },
) => Promise<CommandReply>;

/** The `digest` sub-command of /probation, bound to its state; slack/digest-blocks.ts renders its replies. */
export function digestCommand(ctx: Omit<DigestCommandContext, "workspace" | "channel" | "user">): DigestCommand {
  return (args, where) => handleDigestCommand(args, { ...ctx, ...where });
}
