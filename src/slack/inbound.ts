// Every way a question reaches the bot (the slash command, a mention, a direct message, a reply in a thread, the
// Share button) becomes one Inbound; answering.ts answers it, posts once and remembers the thread.
import type { KnownBlock } from "@slack/types";

/** An ephemeral reply to the person who asked (slash commands and buttons have a response_url; messages do not). */
export type Respond = (
  message: { text: string; blocks?: KnownBlock[] },
  options?: { replaceOriginal?: boolean },
) => Promise<unknown>;

export interface Inbound {
  /** How it arrived, for the log. */
  via: "command" | "mention" | "direct message" | "thread reply" | "share";
  /** The workspace it came from (store/workspace.ts): its thread context is kept there. */
  workspace: string;
  channel: string;
  question: string;
  /** The incoming request's id (event id or trigger id), for the log. */
  requestId: string;
  /** Shown above a public answer ("<@U…> asked: …"); "shared" means the asker has already seen the answer privately. */
  askedBy?: { user: string; verb: "asked" | "shared" };
  /** The thread to answer in; absent: the answer is a new top-level message. */
  threadTs?: string;
  /** Where the conversation is kept; absent: under the answer's own message, which starts a thread. */
  contextTs?: string;
  /** The message that asked, to put 👀 on while working. */
  questionTs?: string;
  /** Answered only to the asker, not posted: "with share" adds the Share in channel button. */
  privately?: "with share" | "plain";
  /** Replies only the asker sees; without it, failures are apologised for in the thread. */
  respond?: Respond;
  /** Said to the asker once the answer is posted (replacing the message whose button was pressed). */
  confirm?: string;
}
