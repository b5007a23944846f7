// npm run bench:slack: 200 signed slash commands at once against the real Bolt app on loopback
// (the Web API is a stand-in on loopback too). Every one must be acknowledged within 3 s and answered exactly once.
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { readConfig } from "../src/config.js";
import { loadCorpus } from "../src/engine.js";
import { createBot } from "../src/slack/app.js";
import { openStore } from "../src/store/db.js";
import { signedHeaders } from "../test/support/sign.js";
import { startStandIn } from "../test/support/slack-stand-in.js";

const COUNT = Number(process.env.BENCH_COMMANDS ?? 200);
const SECRET = "bench-signing-secret-0123456789";

const standIn = await startStandIn();
const dataDir = mkdtempSync(join(tmpdir(), "probation-bench-"));
const config = readConfig({ SLACK_BOT_TOKEN: "xoxb-bench", SLACK_SIGNING_SECRET: SECRET, SLACK_API_URL: standIn.apiUrl, PORT: "0", DATA_DIR: dataDir });
const index = loadCorpus("seeds");
const silent = { debug() {}, info() {}, warn() {}, error() {}, setLevel() {}, getLevel: () => "error", setName() {} } as never;
const bot = createBot({ config, getIndex: () => index, store: await openStore(dataDir), logger: silent });
const { port } = await bot.start();
const url = `http://127.0.0.1:${port}/slack/events`;
const questions = ["LLR rating", "derby city rating", "east midlands recommendations", "what did inspectors find about domestic abuse", "LLR planning rating"];

const acks = await Promise.all(
  Array.from({ length: COUNT }, async (_, i) => {
    const body = new URLSearchParams({ command: "/probation", text: questions[i % questions.length]!, user_id: `U${i}`, channel_id: `C${i % 7}`, team_id: "T1", response_url: `${standIn.responseUrl}/${i}`, trigger_id: `t${i}` }).toString();
    const t0 = performance.now();
    const res = await fetch(url, { method: "POST", body, headers: { "content-type": "application/x-www-form-urlencoded", ...signedHeaders(SECRET, body) } });
    return { ms: performance.now() - t0, status: res.status };
  }),
);
const deadline = Date.now() + 30_000;
while (standIn.callsTo("chat.postMessage").length < COUNT && Date.now() < deadline) await new Promise((r) => setTimeout(r, 20));
await new Promise((r) => setTimeout(r, 500));
const posts = standIn.callsTo("chat.postMessage");
const perAsker = new Map<string, number>();
for (const p of posts) {
  const asker = JSON.stringify(p.args.blocks).match(/<@(U\d+)> asked/)?.[1] ?? "?";
  perAsker.set(asker, (perAsker.get(asker) ?? 0) + 1);
}
const times = acks.map((a) => a.ms).sort((a, b) => a - b);
const pct = (p: number) => times[Math.min(times.length - 1, Math.floor((p / 100) * times.length))]!.toFixed(1);
const late = acks.filter((a) => a.ms > 3000 || a.status !== 200).length;
const onceEach = perAsker.size === COUNT && [...perAsker.values()].every((n) => n === 1);
console.log(`${COUNT} slash commands at once: ack p50 ${pct(50)} ms, p99 ${pct(99)} ms, max ${times.at(-1)!.toFixed(1)} ms; ${late} late or failed; answered exactly once each: ${onceEach ? "yes" : `no (${posts.length} posts)`}`);
await bot.stop();
await standIn.close();
process.exit(late === 0 && onceEach ? 0 : 1);
