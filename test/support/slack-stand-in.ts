// A small HTTP server on loopback that stands in for Slack's Web API (and for response_url):
// it records every call, answers as Slack would, and fails on request.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Call {
  method: string;
  args: Record<string, unknown>;
}

export type Failure =
  | { error: string } // ok: false with this error
  | { status: number; retryAfter?: number; record?: boolean } // an HTTP failure; `record` = Slack did take the post
  | { hang: true }; // never answers (until the stand-in closes); a post is not kept

export interface StandIn {
  /** Base URL of the Web API stand-in, for SLACK_API_URL (ends with /api/). */
  apiUrl: string;
  /** A response_url for a slash command; what is posted to it is recorded as method "respond". */
  responseUrl: string;
  calls: Call[];
  callsTo(method: string): Call[];
  /** The next call(s) of `method` fail as given, in order. */
  failNext(method: string, ...failures: Failure[]): void;
  /** Delays every answer of `method` by ms. */
  delay(method: string, ms: number): void;
  close(): Promise<void>;
}

function parseBody(req: IncomingMessage, raw: string): Record<string, unknown> {
  if ((req.headers["content-type"] ?? "").includes("application/json")) return raw ? JSON.parse(raw) : {};
  const out: Record<string, unknown> = {};
  for (const [k, v] of new URLSearchParams(raw)) {
    out[k] = /^[[{]/.test(v)
      ? (() => {
          try {
            return JSON.parse(v);
          } catch {
            return v;
          }
        })()
      : v;
  }
  return out;
}

export async function startStandIn(): Promise<StandIn> {
  const calls: Call[] = [];
  const failures = new Map<string, Failure[]>();
  const delays = new Map<string, number>();
  let tsCounter = 0;
  const nextTs = () => `1700000000.${String(++tsCounter).padStart(6, "0")}`;
  const messages: Record<string, unknown>[] = [];

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", async () => {
      const path = req.url ?? "";
      const method = path.startsWith("/respond") ? "respond" : path.replace(/^\/api\//, "").split("?")[0]!;
      const args = parseBody(req, raw);
      const wait = delays.get(method);
      if (wait) await new Promise((r) => setTimeout(r, wait));
      const failure = failures.get(method)?.shift();
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      let result: Record<string, unknown> = { ok: true };
      if (failure && "hang" in failure) {
        calls.push({ method, args });
        return;
      }
      if (method === "chat.postMessage" && (!failure || ("record" in failure && failure.record))) {
        const ts = nextTs();
        const message = { ...args, ts, type: "message" };
        messages.push(message);
        result = { ok: true, channel: args.channel, ts, message };
      }
      if (!failure || "status" in failure) calls.push({ method, args });
      if (failure && "error" in failure) return send(200, { ok: false, error: failure.error });
      if (failure && "status" in failure)
        return send(
          failure.status,
          { ok: false },
          failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {},
        );
      if (method === "auth.test")
        result = { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "probation" };
      if (method === "conversations.history")
        result = { ok: true, messages: messages.filter((m) => m.channel === args.channel && !m.thread_ts).reverse() };
      if (method === "conversations.replies")
        result = {
          ok: true,
          messages: messages.filter((m) => m.channel === args.channel && (m.thread_ts === args.ts || m.ts === args.ts)),
        };
      if (method === "views.open" || method === "views.publish") result = { ok: true, view: { id: "V1" } };
      send(200, result);
    });
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  const { port } = server.address() as AddressInfo;
  return {
    apiUrl: `http://127.0.0.1:${port}/api/`,
    responseUrl: `http://127.0.0.1:${port}/respond`,
    calls,
    callsTo: (method) => calls.filter((c) => c.method === method),
    failNext: (method, ...f) => failures.set(method, [...(failures.get(method) ?? []), ...f]),
    delay: (method, ms) => delays.set(method, ms),
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
