// Which requests are questions to answer at least once, and their ids: an Events API delivery by its event_id
// (Slack's retries share it), a slash command by its signature timestamp and body (a replay shares them).
import { LIMITS } from "../config.js";
import { inWorkspace } from "../store/workspace.js";

export interface RequestContext {
  /** Set by the HTTP guard: sha256 of the signature timestamp and body. */
  requestKey?: string;
  /** Set when a pending request is answered again after a restart: its key, and when it first arrived (ms). */
  replayOf?: string;
  replayArrivedAt?: number;
  /** Called by the middleware when a request answered again reaches it (it was authorized). */
  replayTaken?: () => void;
  /** Set by the middleware for the listeners: the key under which the request is pending. */
  pendingKey?: string;
  /** Set by a listener that took the answering over (it marks the request done when posted). */
  handedOff?: boolean;
}

/**
 * The store key of a request to answer at least once, in its workspace, or undefined: buttons, views, other
 * events, and channel messages that cannot be questions to the bot (not in a thread it is part of), which are
 * neither kept nor waited for.
 */
export async function pendingKeyOf(
  body: Record<string, unknown>,
  context: RequestContext,
  workspace: string,
  isBotThread: (channel: string, threadTs: string) => Promise<boolean>,
): Promise<string | undefined> {
  if (context.replayOf) return context.replayOf;
  if (typeof body.event_id === "string")
    return (await mayBeQuestion(body.event as Record<string, unknown> | undefined, isBotThread))
      ? inWorkspace(workspace, `event:${body.event_id}`)
      : undefined;
  const id = context.requestKey ?? body.trigger_id;
  if (typeof body.command === "string" && typeof id === "string" && id) return inWorkspace(workspace, `command:${id}`);
  return undefined;
}

/** Cuts the text a person typed to a bound before anything reads it (and before it is kept while pending). */
export function boundText(body: Record<string, unknown>): void {
  const cut = (holder: unknown) => {
    const h = holder as { text?: unknown } | undefined;
    if (h && typeof h.text === "string" && h.text.length > LIMITS.maxRawQuestionChars)
      h.text = h.text.slice(0, LIMITS.maxRawQuestionChars);
  };
  cut(body);
  cut(body.event);
}

async function mayBeQuestion(
  event: Record<string, unknown> | undefined,
  isBotThread: (channel: string, threadTs: string) => Promise<boolean>,
): Promise<boolean> {
  if (event?.type === "app_mention") return true;
  if (event?.type !== "message" || event.subtype !== undefined || event.bot_id) return false;
  if (event.channel_type === "im") return true;
  return (
    typeof event.thread_ts === "string" &&
    typeof event.channel === "string" &&
    isBotThread(event.channel, event.thread_ts)
  );
}
