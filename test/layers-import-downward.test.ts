// The layers, read off the imports of every source file: documents → index → answers (the engine, entered only
// through src/engine.ts) → digest → Slack; the engine and the digest know nothing of Slack.
import { readdirSync, readFileSync } from "node:fs";
import { dirname, join, relative, resolve } from "node:path";
import { describe, expect, it } from "vitest";

const ROOT = join(import.meta.dirname, "..");
const ENGINE = ["src/answer/", "src/search/", "src/corpus/"];

function sourceFiles(dir: string): string[] {
  return readdirSync(join(ROOT, dir), { withFileTypes: true, recursive: true })
    .filter((e) => e.isFile() && e.name.endsWith(".ts"))
    .map((e) => relative(ROOT, join(e.parentPath, e.name)));
}

/** Every module a file imports (static, re-exported or dynamic), as a path from the root or a package name. */
function importsOf(file: string): string[] {
  const text = readFileSync(join(ROOT, file), "utf8");
  const specifiers = [
    ...text.matchAll(/(?:^|\n)\s*(?:import|export)\b[^;]*?\bfrom\s+"([^"]+)"|\bimport\(\s*"([^"]+)"\s*\)/g),
  ].map((m) => (m[1] ?? m[2])!);
  return specifiers.map((s) =>
    s.startsWith(".") ? relative(ROOT, resolve(dirname(join(ROOT, file)), s)).replace(/\.js$/, ".ts") : s,
  );
}

/** "file → import" for every import of `files` that `forbidden` says no to. */
function arrows(files: string[], forbidden: (target: string) => boolean): string[] {
  return files.flatMap((f) =>
    importsOf(f)
      .filter(forbidden)
      .map((target) => `${f} → ${target}`),
  );
}

const all = [...sourceFiles("src"), ...sourceFiles("bench")];
const inEngine = (f: string) => ENGINE.some((d) => f.startsWith(d));

describe("imports run downward only", () => {
  it("reads the imports it checks (the check itself can see an arrow)", () => {
    expect(importsOf("src/main.ts")).toContain("src/engine.ts");
    expect(importsOf("src/engine.ts")).toContain("src/answer/answer.ts");
  });

  it("outside the engine, src/engine.ts is the one way into src/answer, src/search and src/corpus", () => {
    const outside = all.filter((f) => !inEngine(f) && f !== "src/engine.ts");
    expect(outside.length).toBeGreaterThan(30);
    expect(arrows(outside, inEngine)).toEqual([]);
  });

  it("the engine imports nothing above it (Slack, digest, CLI, ingest, store, its own front door)", () => {
    const above = (t: string) =>
      /^src\/(slack|digest|cli|ingest|store)\//.test(t) ||
      ["src/engine.ts", "src/main.ts"].includes(t) ||
      t.startsWith("@slack/");
    expect(arrows(all.filter(inEngine), above)).toEqual([]);
  });

  it("the digest knows nothing of Slack: no import of src/slack or a Slack package", () => {
    const digest = all.filter((f) => f.startsWith("src/digest/"));
    expect(digest.length).toBeGreaterThan(3);
    expect(arrows(digest, (t) => t.startsWith("src/slack/") || t.startsWith("@slack/"))).toEqual([]);
  });

  it("only src/slack speaks to Slack's packages", () => {
    expect(
      arrows(
        all.filter((f) => !f.startsWith("src/slack/")),
        (t) => t.startsWith("@slack/"),
      ),
    ).toEqual([]);
  });

  it("handlers never import one another: what to try next is the plan's (src/answer/plan.ts)", () => {
    const handlers = all.filter((f) => f.startsWith("src/answer/handlers/"));
    expect(handlers.length).toBeGreaterThan(5);
    expect(arrows(handlers, (t) => t.startsWith("src/answer/handlers/"))).toEqual([]);
    expect(importsOf("src/answer/plan.ts").filter((t) => t.startsWith("src/answer/handlers/")).length).toBe(
      handlers.length,
    );
  });
});
