// In front of Bolt's HTTP receiver: a signed request whose timestamp lies in the future is refused (401), and a
// signed body that is not an object (`payload=null`, a JSON `null`) gets 400 instead of reaching Bolt, which
// would throw on it outside any handler. Requests with a bad signature are left to Bolt (401).
// Each request also gets a key from its signature timestamp and body, so that a replay is answered once.
import { createHash } from "node:crypto";
import type { IncomingMessage, ServerResponse } from "node:http";
import { Readable } from "node:stream";
import { isValidSlackRequest, type HTTPReceiver, type Logger } from "@slack/bolt";
import { LIMITS } from "../config.js";

type Listener = (req: IncomingMessage, res: ServerResponse) => void;

export interface GuardedRequest extends IncomingMessage {
  /** sha256 of the signature timestamp and the body: the same for a replayed request. */
  requestKey?: string;
}

export function guardRequests(receiver: HTTPReceiver, signingSecret: string, logger: Logger): void {
  const slot = receiver as unknown as { requestListener: Listener };
  const inner = slot.requestListener;
  slot.requestListener = (req, res) => {
    if (req.method !== "POST") return inner(req, res);
    const chunks: Buffer[] = [];
    let size = 0;
    req.on("data", (chunk: Buffer) => {
      size += chunk.length;
      if (size <= LIMITS.maxRequestBytes) chunks.push(chunk);
    });
    req.on("error", () => reply(res, 400));
    req.on("end", () => {
      if (size > LIMITS.maxRequestBytes) return reply(res, 413);
      const raw = Buffer.concat(chunks);
      const refused = check(req, raw.toString("utf8"), signingSecret);
      if (refused) {
        logger.warn(`refused a request: ${refused.why}`);
        return reply(res, refused.status);
      }
      const replay = Object.assign(Readable.from([raw]), {
        headers: req.headers,
        rawHeaders: req.rawHeaders,
        method: req.method,
        url: req.url,
        httpVersion: req.httpVersion,
        socket: req.socket,
        requestKey: createHash("sha256")
          .update(`${req.headers["x-slack-request-timestamp"]}:`)
          .update(raw)
          .digest("hex"),
      });
      inner(replay as unknown as IncomingMessage, res);
    });
  };
}

function reply(res: ServerResponse, status: number): void {
  if (res.headersSent) return;
  res.writeHead(status);
  res.end();
}

function check(req: IncomingMessage, body: string, signingSecret: string): { status: number; why: string } | undefined {
  const signature = req.headers["x-slack-signature"];
  const timestamp = Number(req.headers["x-slack-request-timestamp"]);
  if (typeof signature !== "string" || !Number.isFinite(timestamp)) return undefined; // Bolt refuses it
  if (
    !isValidSlackRequest({
      signingSecret,
      body,
      headers: { "x-slack-signature": signature, "x-slack-request-timestamp": timestamp },
    })
  )
    return undefined;
  if (timestamp * 1000 > Date.now() + LIMITS.maxClockSkewMs)
    return { status: 401, why: "its timestamp is in the future" };
  const type = req.headers["content-type"] ?? "";
  try {
    if (type.includes("application/json")) {
      if (!isObject(JSON.parse(body))) return { status: 400, why: "its JSON body is not an object" };
    } else if (type.includes("application/x-www-form-urlencoded")) {
      const payload = new URLSearchParams(body).get("payload");
      if (payload !== null && !isObject(JSON.parse(payload)))
        return { status: 400, why: "its payload is not an object" };
    }
  } catch {
    return { status: 400, why: "its body cannot be parsed" };
  }
  return undefined;
}

const isObject = (value: unknown) => typeof value === "object" && value !== null && !Array.isArray(value);
