// npm run chat: a conversation in the terminal, one thread, to try the bot without Slack.
import { createInterface } from "node:readline/promises";
import { answerQuestion, CorpusError, loadCorpus } from "../engine.js";
import type { ThreadContext } from "../types.js";
import { corpusDirFrom, formatAnswer, parseCacheDir } from "./common.js";

async function main(): Promise<void> {
  const dir = corpusDirFrom(process.argv.slice(2));
  const index = loadCorpus(dir, {
    cacheDir: parseCacheDir(),
    onWarning: (m) => process.stderr.write(`warning: ${m}\n`),
  });
  const rl = createInterface({ input: process.stdin, output: process.stdout, terminal: process.stdin.isTTY });
  process.stdout.write(
    `Probation briefing bot — ${index.documents.length} documents from ${dir}. Ask a question ("help" for ideas, Ctrl-D to leave).\n`,
  );
  let context: ThreadContext = {};
  rl.setPrompt("> ");
  rl.prompt();
  for await (const line of rl) {
    if (/^\s*(?:exit|quit)\s*$/i.test(line)) break;
    const turn = answerQuestion(index, line, context);
    context = turn.context;
    process.stdout.write(`${formatAnswer(turn.answer)}\n\n`);
    rl.prompt();
  }
  rl.close();
}

main().catch((error) => {
  process.stderr.write(`${error instanceof CorpusError ? error.message : `error: ${(error as Error).message}`}\n`);
  process.exit(1);
});
