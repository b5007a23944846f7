// npm run digest -- --once      post every due digest and exit (for an external scheduler; run twice, posts once;
//                               safe beside a running bot: both claim each digest under the store's lock)
// npm run digest -- --preview   print today's digest in the terminal, no Slack needed
import { LIMITS, ConfigError, readConfig } from "../config.js";
import { CorpusError, loadCorpus } from "../engine.js";
import { localTime } from "../digest/clock.js";
import { composeDigest } from "../digest/compose.js";
import { deliverDue } from "../digest/deliver.js";
import { slackDigestPoster } from "../slack/digest-poster.js";
import { standaloneInstaller, workspaces } from "../slack/workspaces.js";
import { openConfiguredStore } from "../store/open.js";
import { LockTimeoutError } from "../store/lock.js";
import { corpusDirFrom } from "./common.js";
import { digestAsText } from "./digest-text.js";

async function main(argv: string[]): Promise<number> {
  const timeZone = process.env.DIGEST_TZ || "Europe/London";
  if (argv.includes("--preview")) {
    const index = loadCorpus(corpusDirFrom(argv));
    const now = new Date();
    const sub = {
      workspace: "",
      channel: "preview",
      time: "08:00",
      weekdaysOnly: false,
      timeZone,
      createdBy: "you",
      createdAt: new Date(0).toISOString(),
      shownFindings: [],
    };
    process.stdout.write(`${digestAsText(composeDigest(index, sub, localTime(now, timeZone).date))}\n`);
    return 0;
  }
  if (!argv.includes("--once")) {
    process.stderr.write("usage: npm run digest -- --once | --preview\n");
    return 2;
  }
  const config = readConfig(process.env, { receiver: false });
  const index = loadCorpus(config.CORPUS_DIR);
  const store = await openConfiguredStore(config);
  // Each workspace's digests with its own token: SLACK_BOT_TOKEN, or its installation (the OAuth install).
  const poster = slackDigestPoster(workspaces(config, standaloneInstaller(config, store)).posterOf);
  const report = await deliverDue({
    store,
    poster,
    getIndex: () => index,
    now: () => new Date(),
    log: () => undefined,
  });
  await store.close();
  console.log(`${report.posted} digest${report.posted === 1 ? "" : "s"} posted`);
  for (const line of report.failures) console.error(line);
  return report.failures.length ? 1 : 0;
}

// However Slack or another process behaves, the run ends: a clear line and exit 1 after this long.
const deadline = setTimeout(() => {
  console.error(
    `error: the digest run did not finish within ${LIMITS.digestRunTimeoutMs / 1000} s (Slack not answering?); digests not confirmed are looked for before posting next run`,
  );
  process.exit(1);
}, LIMITS.digestRunTimeoutMs);
deadline.unref();

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    const known = error instanceof ConfigError || error instanceof CorpusError || error instanceof LockTimeoutError;
    console.error(known ? (error as Error).message : `error: ${(error as Error).message}`);
    process.exit(1);
  },
);
