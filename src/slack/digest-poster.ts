// The Slack side of digest delivery (digest/deliver.ts knows only this interface): posting once with an id in the
// metadata, looking a post up by that id, and which failures mean the bot cannot post in the channel.
import type { WebClient } from "@slack/web-api";
import type { DigestPoster } from "../digest/deliver.js";
import { digestMessage } from "./digest-blocks.js";
import { NotInstalledError } from "./workspaces.js";
import { describeFailure, findPosted, platformError, postOnce, PostUnknownError } from "./post.js";

/** Slack's answers that mean the bot cannot post in the channel. */
const CANNOT_POST = new Set(["channel_not_found", "not_in_channel", "is_archived"]);

/**
 * Posts with the bot token of the subscription's workspace (`clientOf`: workspaces.ts posterOf). The client must
 * not retry by itself (slack/client.ts posterClient): postOnce does, without doubling.
 */
export function slackDigestPoster(clientOf: (workspace: string) => Promise<WebClient>): DigestPoster {
  return {
    post: async (workspace, channel, digest, postId) =>
      (await postOnce(await clientOf(workspace), { channel, ...digestMessage(digest) }, { postId })).ts,
    find: async (workspace, channel, postId, since) =>
      (await findPosted(await clientOf(workspace), channel, undefined, postId, since))?.ts,
    cannotPost: (error) => {
      if (error instanceof NotInstalledError) return "not_installed";
      const code = platformError(error);
      return code && CANNOT_POST.has(code) ? code : undefined;
    },
    mayHavePosted: (error) => error instanceof PostUnknownError,
    describe: describeFailure,
  };
}
