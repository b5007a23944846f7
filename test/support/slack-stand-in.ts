// A small HTTP server on loopback that stands in for Slack's Web API (and for response_url):
// it records every call (with the token it came with), answers as Slack would, and fails on request. It also
// grants installs (oauth.v2.access with a code given by grant(), or a refresh token when tokens rotate), and
// answers auth.test for each token with the workspace it was granted for.
import { createServer, type IncomingMessage, type Server } from "node:http";
import type { AddressInfo } from "node:net";

export interface Call {
  method: string;
  args: Record<string, unknown>;
  /** The token the call was made with (Authorization: Bearer …, or a token argument). */
  token?: string;
}

/** What an install into a workspace grants: the bot token, and with token rotation a refresh token and its lifetime. */
export interface Grant {
  teamId: string;
  enterpriseId?: string;
  token: string;
  refreshToken?: string;
  expiresIn?: number;
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
  /** oauth.v2.access with this code installs the app into the grant's workspace. */
  grant(code: string, grant: Grant): void;
  /** The tokens a refresh (token rotation) issued, oldest first. */
  refreshed: string[];
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
  const grants = new Map<string, Grant>();
  const byToken = new Map<string, Grant>();
  const byRefreshToken = new Map<string, Grant>();
  const refreshed: string[] = [];
  const granted = (g: Grant) => ({
    ok: true,
    access_token: g.token,
    token_type: "bot",
    scope: "commands,chat:write",
    bot_user_id: `UBOT${g.teamId}`,
    app_id: "A1",
    team: { id: g.teamId, name: `Workspace ${g.teamId}` },
    enterprise: g.enterpriseId ? { id: g.enterpriseId, name: "Org" } : null,
    is_enterprise_install: false,
    authed_user: { id: "UINSTALLER" },
    ...(g.refreshToken ? { refresh_token: g.refreshToken, expires_in: g.expiresIn ?? 43_200 } : {}),
  });
  const oauthAccess = (args: Record<string, unknown>) => {
    if (args.grant_type === "refresh_token") {
      const g = byRefreshToken.get(String(args.refresh_token));
      if (!g) return { ok: false, error: "invalid_refresh_token" };
      byRefreshToken.delete(String(args.refresh_token));
      const next = {
        ...g,
        token: `${g.token.replace(/-r\d+$/, "")}-r${refreshed.length + 1}`,
        refreshToken: `${g.refreshToken}-r`,
        expiresIn: 43_200,
      };
      refreshed.push(next.token);
      byToken.set(next.token, next);
      byRefreshToken.set(next.refreshToken, next);
      return { ...granted(next), token_type: "bot" };
    }
    const g = grants.get(String(args.code));
    if (!g) return { ok: false, error: "invalid_code" };
    grants.delete(String(args.code));
    byToken.set(g.token, g);
    if (g.refreshToken) byRefreshToken.set(g.refreshToken, g);
    return granted(g);
  };

  const server: Server = createServer((req, res) => {
    let raw = "";
    req.on("data", (c) => (raw += c));
    req.on("end", async () => {
      const path = req.url ?? "";
      const method = path.startsWith("/respond") ? "respond" : path.replace(/^\/api\//, "").split("?")[0]!;
      const args = parseBody(req, raw);
      const bearer = /^Bearer (.+)$/.exec(req.headers.authorization ?? "")?.[1];
      const token = bearer ?? (typeof args.token === "string" ? args.token : undefined);
      const wait = delays.get(method);
      if (wait) await new Promise((r) => setTimeout(r, wait));
      const failure = failures.get(method)?.shift();
      const send = (status: number, body: unknown, headers: Record<string, string> = {}) => {
        res.writeHead(status, { "content-type": "application/json", ...headers });
        res.end(JSON.stringify(body));
      };
      let result: Record<string, unknown> = { ok: true };
      if (failure && "hang" in failure) {
        calls.push({ method, args, token });
        return;
      }
      if (method === "chat.postMessage" && (!failure || ("record" in failure && failure.record))) {
        const ts = nextTs();
        const message = { ...args, ts, type: "message" };
        messages.push(message);
        result = { ok: true, channel: args.channel, ts, message };
      }
      if (!failure || "status" in failure) calls.push({ method, args, token });
      if (failure && "error" in failure) return send(200, { ok: false, error: failure.error });
      if (failure && "status" in failure)
        return send(
          failure.status,
          { ok: false },
          failure.retryAfter !== undefined ? { "retry-after": String(failure.retryAfter) } : {},
        );
      if (method === "auth.test") {
        const g = token ? byToken.get(token) : undefined;
        result = g
          ? { ok: true, user_id: `UBOT${g.teamId}`, bot_id: `BBOT${g.teamId}`, team_id: g.teamId, user: "probation" }
          : { ok: true, user_id: "UBOT", bot_id: "BBOT", team_id: "T1", user: "probation" };
      }
      if (method === "oauth.v2.access") result = oauthAccess(args);
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
    grant: (code, g) => grants.set(code, g),
    refreshed,
    close: () =>
      new Promise((r) => {
        server.closeAllConnections();
        server.close(() => r());
      }),
  };
}
