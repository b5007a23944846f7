// `npm start` as a real child process, on loopback, against the Web API stand-in.
import { spawn, type ChildProcess } from "node:child_process";
import { join } from "node:path";

export const ROOT = join(import.meta.dirname, "..", "..");

export interface BotProcess {
  child: ChildProcess;
  port: number;
  exited: Promise<number | null>;
  out: () => string;
  err: () => string;
}

export async function startBotProcess(env: Record<string, string>): Promise<BotProcess> {
  const child = spawn(process.execPath, ["--import", "tsx", "src/main.ts"], {
    cwd: ROOT,
    env: { PATH: process.env.PATH!, PORT: "0", ...env },
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.on("data", (d) => (stdout += d));
  child.stderr!.on("data", (d) => (stderr += d));
  const exited = new Promise<number | null>((r) => child.on("exit", (code) => r(code)));
  for (let i = 0; i < 300 && !/HTTP on port \d+/.test(stdout); i++) {
    if (child.exitCode !== null) break;
    await new Promise((r) => setTimeout(r, 50));
  }
  const port = Number(stdout.match(/HTTP on port (\d+)/)?.[1]);
  if (!port) throw new Error(`the bot did not start: ${stderr}`);
  return { child, port, exited, out: () => stdout, err: () => stderr };
}
