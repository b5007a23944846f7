// npm run digest -- --once      post every due digest and exit (for an external scheduler; run twice, posts once)
// npm run digest -- --preview   print today's digest in the terminal, no Slack needed
import { WebClient } from "@slack/web-api";
import { ConfigError, readConfig } from "../config.js";
import { CorpusError, loadCorpus } from "../engine.js";
import { localTime } from "../digest/clock.js";
import { composeDigest, digestAsText } from "../digest/compose.js";
import { deliverDue } from "../digest/deliver.js";
import { openStore } from "../store/db.js";
import { corpusDirFrom } from "./common.js";

async function main(argv: string[]): Promise<void> {
  const timeZone = process.env.DIGEST_TZ || "Europe/London";
  if (argv.includes("--preview")) {
    const index = loadCorpus(corpusDirFrom(argv));
    const now = new Date();
    const sub = { channel: "preview", time: "08:00", weekdaysOnly: false, timeZone, createdBy: "you", createdAt: new Date(0).toISOString(), shownFindings: [] };
    process.stdout.write(`${digestAsText(composeDigest(index, sub, localTime(now, timeZone).date))}\n`);
    return;
  }
  if (!argv.includes("--once")) {
    process.stderr.write("usage: npm run digest -- --once | --preview\n");
    process.exit(2);
  }
  const config = readConfig(process.env, { receiver: false });
  const index = loadCorpus(config.CORPUS_DIR);
  const store = await openStore(config.DATA_DIR);
  const client = new WebClient(config.SLACK_BOT_TOKEN, { ...(config.SLACK_API_URL ? { slackApiUrl: config.SLACK_API_URL } : {}), retryConfig: { retries: 0 } });
  const posted = await deliverDue({ store, client, getIndex: () => index, now: () => new Date(), log: (l) => console.log(l) });
  console.log(`${posted} digest${posted === 1 ? "" : "s"} posted`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof ConfigError || error instanceof CorpusError ? error.message : `error: ${(error as Error).message}`);
  process.exit(1);
});
