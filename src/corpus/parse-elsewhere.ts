// Parsing documents on other threads, so that a running bot's event loop is not held while a new or changed
// document is read (a report takes 30–90 ms), and so that a cold start parses on every core. Worker threads are
// started as the parses asked for need them (one per core at most), and stopped once idle; they never keep the
// process alive. A parse comes back as a parse-cache entry body, decoded here.
import { availableParallelism } from "node:os";
import { Worker } from "node:worker_threads";
import type { DocumentMeta, RawDocument } from "../types.js";
import { decodeEntry, type DecodedEntry, type EntryBody } from "./cache-entry.js";

/** A parse that takes longer than this is given up (a document the reader cannot finish must not hold a reload). */
const PARSE_TIMEOUT_MS = 30_000;
/** The threads are stopped when they have had nothing to do for this long. */
const IDLE_MS = 5_000;
/** Parses handed to one thread at a time: the next is waiting there when one ends. */
const IN_FLIGHT_PER_THREAD = 2;
/** Threads at most: one per core. */
const MAX_THREADS = Math.max(1, availableParallelism());

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

interface Asked {
  request: ParseRequest;
  resolve(parsed: ParsedElsewhere): void;
  reject(error: Error): void;
}

interface Thread {
  worker: Worker;
  /** Its parses in progress, by request id, each with the timer that gives it up. */
  working: Map<number, { asked: Asked; timer: NodeJS.Timeout }>;
}

const threads = new Set<Thread>();
const queue: Asked[] = [];
let idleTimer: NodeJS.Timeout | undefined;
let nextId = 0;

/**
 * A thread runs the worker's own file beside this one: .js when the engine is built; .ts when it runs from source
 * (tsx, tests), where the worker first registers tsx's loader (a worker does not take its parent's loader).
 */
function startThread(): Thread {
  const fromSource = import.meta.url.endsWith(".ts");
  const url = new URL(`./parse-worker.${fromSource ? "ts" : "js"}`, import.meta.url);
  const worker = fromSource
    ? new Worker(
        `import("tsx/esm/api").then(({ register }) => { register(); return import(${JSON.stringify(url.href)}); });`,
        { eval: true },
      )
    : new Worker(url);
  worker.unref();
  const thread: Thread = { worker, working: new Map() };
  threads.add(thread);
  worker.on("message", (response: ParseResponse) => {
    const work = thread.working.get(response.id);
    if (!work) return;
    thread.working.delete(response.id);
    clearTimeout(work.timer);
    const { asked } = work;
    if ("error" in response) asked.reject(new Error(response.error));
    else {
      const decoded = decodeEntry(JSON.parse(response.body) as EntryBody, asked.request.meta.id);
      if (decoded) asked.resolve({ decoded, body: response.body });
      else asked.reject(new Error("the parse came back incomplete"));
    }
    dispatch();
  });
  // A thread that fails or exits fails what it was working on; the queue goes on with the other threads or a new one.
  const fail = (error: Error) => {
    if (!threads.delete(thread)) return;
    for (const { asked, timer } of thread.working.values()) {
      clearTimeout(timer);
      asked.reject(error);
    }
    thread.working.clear();
    dispatch();
  };
  worker.on("error", (error) => fail(new ParsingThreadFailed(`the parsing thread failed: ${error.message}`)));
  worker.on("exit", (code) => fail(new ParsingThreadFailed(`the parsing thread stopped (exit code ${code})`)));
  return thread;
}

/** Hands the waiting parses to threads with room, starting threads while there are more parses than room. */
function dispatch() {
  clearTimeout(idleTimer);
  while (queue.length > 0) {
    let thread = [...threads].find((t) => t.working.size < IN_FLIGHT_PER_THREAD);
    if (!thread && threads.size < MAX_THREADS) thread = startThread();
    if (!thread) break;
    const asked = queue.shift()!;
    const { id } = asked.request;
    const on = thread;
    const timer = setTimeout(() => {
      on.working.delete(id);
      asked.reject(new Error(`it took longer than ${PARSE_TIMEOUT_MS / 1000} s`));
      // The thread may be stuck in that document: it is stopped, and the queue goes on without it.
      void on.worker.terminate();
    }, PARSE_TIMEOUT_MS);
    on.working.set(id, { asked, timer });
    on.worker.postMessage(asked.request);
  }
  if (queue.length === 0 && [...threads].every((t) => t.working.size === 0)) {
    idleTimer = setTimeout(() => void stopParsingThreads(), IDLE_MS);
    idleTimer.unref();
  }
}

/** Stops the parsing threads now: parses in progress fail with ParsingThreadFailed. */
export async function stopParsingThreads(): Promise<void> {
  clearTimeout(idleTimer);
  await Promise.all([...threads].map((t) => t.worker.terminate()));
}

/** How many parses have been asked for and not yet answered. */
export const parsesInProgress = (): number => queue.length + [...threads].reduce((n, t) => n + t.working.size, 0);

/** Parses a document on a parsing thread. Rejects when it fails, or takes longer than PARSE_TIMEOUT_MS. */
export function parseElsewhere(raw: RawDocument, knownUnitNames: string[]): Promise<ParsedElsewhere> {
  return new Promise((resolve, reject) => {
    queue.push({ request: { id: nextId++, meta: raw.meta, text: raw.text, knownUnitNames }, resolve, reject });
    dispatch();
  });
}
