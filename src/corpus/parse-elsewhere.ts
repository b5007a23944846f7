// Parsing a document on another thread, so that a running bot's event loop is not held while a new or changed
// document is read (a report takes 30–90 ms). One worker serves every parse of a reload and is stopped once idle;
// it never keeps the process alive. The parse comes back as a parse-cache entry body, decoded here.
import { Worker } from "node:worker_threads";
import type { DocumentMeta, RawDocument } from "../types.js";
import { decodeEntry, type DecodedEntry, type EntryBody } from "./cache-entry.js";

/** A parse that takes longer than this is given up (a document the reader cannot finish must not hold a reload). */
const PARSE_TIMEOUT_MS = 30_000;
/** The worker is stopped when it has had nothing to do for this long. */
const IDLE_MS = 5_000;

/** The parsing thread itself failed (it could not start, or stopped): the document may still be parsed here. */
export class ParsingThreadFailed extends Error {}

export interface ParseRequest {
  id: number;
  meta: DocumentMeta;
  text: string;
  knownUnitNames: string[];
}
export type ParseResponse = { id: number; body: string } | { id: number; error: string };

/** A parse done elsewhere: the decoded entry, and its body as JSON (to keep in the parse cache as it is). */
export interface ParsedElsewhere {
  decoded: DecodedEntry;
  body: string;
}

interface Pending {
  resolve(parsed: ParsedElsewhere): void;
  reject(error: Error): void;
  timer: NodeJS.Timeout;
  docId: string;
  /** The worker asked: when it fails, only its own parses fail. */
  by: Worker;
}

let worker: Worker | undefined;
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;
const pending = new Map<number, Pending>();

/**
 * The worker's own file beside this one: .js when the engine is built; .ts when it runs from source (tsx, tests),
 * where the worker first registers tsx's loader (a worker does not take the loader its parent was started with).
 */
function startWorker(): Worker {
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(`./parse-worker.${fromSource ? "ts" : "js"}`, import.meta.url);
  const started = fromSource
    ? new Worker(
        `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
        { eval: true },
      )
    : new Worker(url);
  started.unref();
  started.on("message", (response: ParseResponse) => {
    const waiting = pending.get(response.id);
    if (!waiting) return;
    pending.delete(response.id);
    clearTimeout(waiting.timer);
    if ("error" in response) return waiting.reject(new Error(response.error));
    const decoded = decodeEntry(JSON.parse(response.body) as EntryBody, waiting.docId);
    if (!decoded) return waiting.reject(new Error("the parse came back incomplete"));
    waiting.resolve({ decoded, body: response.body });
  });
  // A worker that fails or exits fails what it was asked; the next parse starts a new one.
  const fail = (error: Error) => {
    if (worker === started) worker = undefined;
    for (const [id, waiting] of pending) {
      if (waiting.by !== started) continue;
      clearTimeout(waiting.timer);
      pending.delete(id);
      waiting.reject(error);
    }
  };
  started.on("error", (error) => fail(new ParsingThreadFailed(`the parsing thread failed: ${error.message}`)));
  started.on("exit", (code) => fail(new ParsingThreadFailed(`the parsing thread stopped (exit code ${code})`)));
  return started;
}

function stopWhenIdle() {
  clearTimeout(idleTimer);
  if (pending.size > 0) return;
  idleTimer = setTimeout(() => {
    if (pending.size > 0 || !worker) return;
    const stopping = worker;
    worker = undefined;
    void stopping.terminate();
  }, IDLE_MS);
  idleTimer.unref();
}

/** Stops the parsing thread now (at shutdown): parses it was asked for fail with ParsingThreadFailed. */
export async function stopParsingThread(): Promise<void> {
  clearTimeout(idleTimer);
  const stopping = worker;
  worker = undefined;
  await stopping?.terminate();
}

/** How many parses the thread has been asked for and not yet answered. */
export const parsesInProgress = (): number => pending.size;

/** Starts the worker ahead of the parses it will be asked for (it takes a few hundred ms to start); returns at once. */
export async function startParsingThread(): Promise<void> {
  clearTimeout(idleTimer);
  worker ??= startWorker();
  stopWhenIdle();
}

/** Parses a document on the worker thread. Rejects when it fails, or takes longer than PARSE_TIMEOUT_MS. */
export function parseElsewhere(raw: RawDocument, knownUnitNames: string[]): Promise<ParsedElsewhere> {
  clearTimeout(idleTimer);
  const by = (worker ??= startWorker());
  const id = nextId++;
  const result = new Promise<ParsedElsewhere>((resolve, reject) => {
    const timer = setTimeout(() => {
      pending.delete(id);
      reject(new Error(`it took longer than ${PARSE_TIMEOUT_MS / 1000} s`));
      // The worker may be stuck in that document: a new one serves the next parse.
      if (worker === by) worker = undefined;
      void by.terminate();
    }, PARSE_TIMEOUT_MS);
    pending.set(id, { resolve, reject, timer, docId: raw.meta.id, by });
  });
  const request: ParseRequest = { id, meta: raw.meta, text: raw.text, knownUnitNames };
  by.postMessage(request);
  return result.finally(stopWhenIdle);
}
