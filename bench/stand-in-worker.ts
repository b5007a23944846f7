// The Web API stand-in on its own thread for bench:slack, as Slack is elsewhere: the bot's event loop is its own.
// Answers { posts } with, per chat.postMessage, its channel, thread and who the answer says asked.
import { parentPort } from "node:worker_threads";
import { startStandIn } from "../test/support/slack-stand-in.js";

const standIn = await startStandIn();
parentPort!.postMessage({ apiUrl: standIn.apiUrl, responseUrl: standIn.responseUrl });
parentPort!.on("message", async (request: string) => {
  if (request === "posts") {
    const posts = standIn.callsTo("chat.postMessage").map((c) => ({
      channel: String(c.args.channel),
      thread: c.args.thread_ts === undefined ? undefined : String(c.args.thread_ts),
      asker: JSON.stringify(c.args.blocks).match(/<@(U\d+)> asked/)?.[1],
    }));
    parentPort!.postMessage({ posts });
  }
  if (request === "close") {
    await standIn.close();
    parentPort!.postMessage({ closed: true });
  }
});
