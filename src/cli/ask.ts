// npm run ask -- "LLR rating"          one question, printed readably
// npm run --silent ask -- --jsonl      JSON lines {"text", "thread"} in, one answer object per line out
import { createInterface } from "node:readline";
import { z } from "zod";
import { answerQuestion, CorpusError, loadCorpus } from "../engine.js";
import type { ThreadContext } from "../types.js";
import type { Query } from "../engine.js";
import { corpusDirFrom, parseCacheDir, printAnswer } from "./common.js";

const LineSchema = z.object({ text: z.string(), thread: z.string().optional() });

async function main(argv: string[]): Promise<number> {
  const dir = corpusDirFrom(argv);
  const index = loadCorpus(dir, {
    cacheDir: parseCacheDir(),
    onWarning: (m) => process.stderr.write(`warning: ${m}\n`),
  });
  const rest = argv.filter((a, i) => a !== "--jsonl" && a !== "--corpus" && argv[i - 1] !== "--corpus");
  if (argv.includes("--jsonl")) {
    const threads = new Map<string, ThreadContext>();
    const lines = createInterface({ input: process.stdin, crlfDelay: Infinity });
    for await (const line of lines) {
      if (!line.trim()) continue;
      let input: z.infer<typeof LineSchema>;
      try {
        input = LineSchema.parse(JSON.parse(line));
      } catch {
        process.stdout.write(
          `${JSON.stringify({ text: 'I could not read that line: send JSON like {"text": "LLR rating", "thread": "t1"}.', answered: false, intent: "unknown", citations: [] })}\n`,
        );
        continue;
      }
      const thread = input.thread ?? "";
      const turn = answerQuestion(index, input.text, thread ? threads.get(thread) : {});
      if (thread) threads.set(thread, turn.context);
      process.stdout.write(`${JSON.stringify(turn.answer)}\n`);
    }
    return 0;
  }
  const question = rest.filter((a) => a !== "--explain").join(" ");
  const turn = answerQuestion(index, question);
  if (argv.includes("--explain")) process.stdout.write(`${JSON.stringify(explained(turn.query), null, 2)}\n`);
  printAnswer(turn.answer);
  return 0;
}

/** The slots of a typed query that say how a question was understood. */
function explained(q: Query) {
  const { text, unitKeys, body, period, answerType, speaker, acrossUnits, offTopic, intent, standard, topic } = q;
  return { text, unitKeys, body, period, answerType, speaker, acrossUnits, offTopic, intent, standard, topic };
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error) => {
    process.stderr.write(`${error instanceof CorpusError ? error.message : `error: ${(error as Error).message}`}\n`);
    process.exit(1);
  },
);
