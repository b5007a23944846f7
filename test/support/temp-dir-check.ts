// Global set-up: the tests get a temporary directory of their own (TMPDIR, read by os.tmpdir() in the workers and
// in the processes they start). At the end it must be empty: anything left is named and fails the run, then removed.
import { mkdtempSync, readdirSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";

// The compile cache of tsx in the CLI tests' child processes (tsx-<uid>): tsx's own, kept on purpose between runs.
const EXPECTED = /^tsx-\d+$/;

export default function setup(): () => void {
  const previous = process.env.TMPDIR;
  const dir = mkdtempSync(join(tmpdir(), "probation-bot-tests-"));
  process.env.TMPDIR = dir;
  return () => {
    if (previous === undefined) delete process.env.TMPDIR;
    else process.env.TMPDIR = previous;
    const left = readdirSync(dir).filter((name) => !EXPECTED.test(name));
    rmSync(dir, { recursive: true, force: true });
    if (left.length === 0) return;
    // Vitest only logs an error thrown here, so the exit code is set as well.
    process.exitCode = 1;
    throw new Error(`tests left ${left.length} entries in the temporary directory (removed now): ${left.join(", ")}`);
  };
}
