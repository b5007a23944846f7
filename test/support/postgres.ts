// Global set-up: a throwaway PostgreSQL server on loopback, in a temporary folder, on a free port, started with
// the machine's initdb and pg_ctl and removed afterwards. Tests get its URL through inject("postgresUrl") and
// make a database of their own in it (freshDatabase). PostgreSQL refuses to run as root, so as root (CI) the
// server runs as the `postgres` user. Without the binaries the URL is empty: tests skip, but fail when CI=true.
import { execFileSync } from "node:child_process";
import { chownSync, existsSync, mkdtempSync, readdirSync, rmSync } from "node:fs";
import { createServer } from "node:net";
import { tmpdir, userInfo } from "node:os";
import { join } from "node:path";
import type { TestProject } from "vitest/node";

declare module "vitest" {
  export interface ProvidedContext {
    postgresUrl: string;
    postgresProblem: string;
  }
}

/** How long the server may take to start or stop (pg_ctl -t, seconds). */
const PG_CTL_TIMEOUT_S = 60;

function findBin(name: string): string | undefined {
  const dirs = [...(process.env.PATH ?? "").split(":"), "/usr/local/bin"];
  const versions = existsSync("/usr/lib/postgresql") ? readdirSync("/usr/lib/postgresql").sort().reverse() : [];
  for (const v of versions) dirs.push(`/usr/lib/postgresql/${v}/bin`);
  return dirs.map((d) => join(d, name)).find((p) => existsSync(p));
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const port = (server.address() as { port: number }).port;
      server.close(() => resolve(port));
    });
  });
}

export interface PostgresServer {
  url: string;
  stop(): void;
}

/** A throwaway server on a free loopback port in a temporary folder; throws with the reason when it cannot start. */
export async function startPostgres(): Promise<PostgresServer> {
  const initdb = findBin("initdb");
  const pgCtl = findBin("pg_ctl");
  if (!initdb || !pgCtl) throw new Error("initdb/pg_ctl not found (install the postgresql package)");
  const asRoot = userInfo().uid === 0;
  // Outside the tests' own TMPDIR (a folder only its owner may enter; as root the server runs as another user).
  const dir = mkdtempSync(join(existsSync("/tmp") ? "/tmp" : tmpdir(), "probation-bot-pg-"));
  const run = (bin: string, args: string[]) =>
    asRoot
      ? execFileSync("runuser", ["-u", "postgres", "--", bin, ...args], { stdio: "pipe" })
      : execFileSync(bin, args, { stdio: "pipe" });
  if (asRoot)
    chownSync(
      dir,
      Number(execFileSync("id", ["-u", "postgres"]).toString().trim()),
      Number(execFileSync("id", ["-g", "postgres"]).toString().trim()),
    );
  const data = join(dir, "data");
  const port = await freePort();
  try {
    run(initdb, ["-D", data, "-A", "trust", "-U", "postgres", "--no-sync", "-E", "UTF8"]);
    run(pgCtl, [
      "-D",
      data,
      "-l",
      join(dir, "server.log"),
      "-w",
      "-t",
      String(PG_CTL_TIMEOUT_S),
      "-o",
      `-p ${port} -k ${dir} -c listen_addresses=127.0.0.1 -c fsync=off -c max_connections=200`,
      "start",
    ]);
  } catch (error) {
    rmSync(dir, { recursive: true, force: true });
    const stderr = (error as { stderr?: Buffer }).stderr?.toString().trim();
    throw new Error(`could not start PostgreSQL: ${stderr || (error as Error).message}`);
  }
  return {
    url: `postgres://postgres@127.0.0.1:${port}/postgres`,
    stop() {
      try {
        run(pgCtl, ["-D", data, "-m", "immediate", "-w", "-t", String(PG_CTL_TIMEOUT_S), "stop"]);
      } finally {
        rmSync(dir, { recursive: true, force: true });
      }
    },
  };
}

export default async function setup(project: TestProject): Promise<() => void> {
  try {
    const server = await startPostgres();
    project.provide("postgresUrl", server.url);
    project.provide("postgresProblem", "");
    return () => server.stop();
  } catch (error) {
    project.provide("postgresUrl", "");
    project.provide("postgresProblem", (error as Error).message);
    return () => undefined;
  }
}
