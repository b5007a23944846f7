import { spawnSync } from "node:child_process";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { cleanQuestion } from "../src/answer/question.js";
import { ask, seeds } from "./support/engine.js";
import { tempDir } from "./support/temp.js";

describe("odd questions get a clear reply", () => {
  it.each([
    ["empty", ""],
    ["whitespace", "   \n\t "],
    ["emoji only", "🙂🙂"],
    ["control characters", "\u0000\u0007LLR\u001b rating"],
    ["4,000 characters", "LLR rating ".repeat(400)],
  ])("%s", (_name, question) => {
    const answer = ask(seeds, question);
    expect(answer.text.length).toBeGreaterThan(0);
    expect(answer.text.length).toBeLessThan(6000);
  });

  it("never turns user text into a live mention", () => {
    for (const q of [
      "<!channel> LLR rating",
      "<!here> Birmingham rating",
      "<@U123ABC> Birmingham PDU rating",
      "<!subteam^S1|team> Birmingham rating",
      "@everyone Zork rating",
    ]) {
      const answer = ask(seeds, q);
      expect(answer.text).not.toMatch(/<!channel>|<!here>|<!everyone>|<@U|<!subteam/);
    }
  });

  it("reads Slack markup as plain words", () => {
    expect(cleanQuestion("<@U1|ann> what about <https://x.org|this link> :wave:")).toBe("ann what about this link");
    expect(cleanQuestion("LLR\u0000 rating")).toBe("LLR rating");
  });

  it("echoes a name it doesn't know with <, > and & escaped", () => {
    const answer = ask(seeds, "Zork<b>&Co PDU rating");
    expect(answer.text).not.toMatch(/<b>/);
  });
});

describe("the ask command", () => {
  const run = (args: string[], input = "") =>
    spawnSync(process.execPath, ["--import", "tsx", "src/cli/ask.ts", ...args], {
      input,
      encoding: "utf8",
      cwd: join(import.meta.dirname, ".."),
    });

  it("stops with one line naming a corpus folder that is missing", () => {
    const result = run(["--corpus", "/nonexistent/folder", "LLR rating"]);
    expect(result.status).toBe(1);
    expect(result.stderr.trim().split("\n")).toEqual(["corpus folder not found: /nonexistent/folder"]);
  });

  it("stops with one line for an empty corpus folder", () => {
    const empty = tempDir("corpus-");
    const result = run(["--corpus", empty, "LLR rating"]);
    expect(result.status).toBe(1);
    expect(result.stderr).toMatch(/no \.txt or \.md documents/);
    expect(result.stderr).not.toMatch(/at .*\.ts:\d+/);
  });

  it("answers JSON lines one for one, even when a line is broken", () => {
    const input = ['{"text":"LLR rating","thread":"a"}', "not json", '{"text":"and planning?","thread":"a"}'].join(
      "\n",
    );
    const result = run(["--jsonl"], input);
    expect(result.status).toBe(0);
    const lines = result.stdout
      .trim()
      .split("\n")
      .map((l) => JSON.parse(l));
    expect(lines).toHaveLength(3);
    expect(lines[1].answered).toBe(false);
    expect(lines[2].text).toMatch(/Planning: \*Inadequate\*/);
  });
});
