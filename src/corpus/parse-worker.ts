// The thread that parses documents for a running bot (see parse-elsewhere.ts): it reads one document at a time and
// sends back its parse-cache entry body (the parse and its index terms, as JSON), which the bot decodes.
import { parentPort } from "node:worker_threads";
import { parseDocument } from "./parse.js";
import { documentTerms } from "./passage-terms.js";
import { encodeEntry } from "./cache-entry.js";
import type { ParseRequest, ParseResponse } from "./parse-elsewhere.js";

parentPort?.on("message", ({ id, meta, text, knownUnitNames }: ParseRequest) => {
  let response: ParseResponse;
  try {
    const parsed = parseDocument({ meta, text }, { knownUnitNames });
    response = { id, body: JSON.stringify(encodeEntry(parsed, documentTerms(parsed))) };
  } catch (error) {
    response = { id, error: (error as Error).message };
  }
  parentPort!.postMessage(response);
});
