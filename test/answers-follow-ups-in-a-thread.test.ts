import { describe, expect, it } from "vitest";
import { converse, seeds } from "./support/engine.js";

describe("a thread remembers its unit, topic and last answer", () => {
  it("'and reviewing?' asks the same unit about another standard", () => {
    const [, reply] = converse(seeds, "LLR planning rating", "and reviewing?");
    expect(reply!.text).toMatch(/Reviewing: \*Inadequate\*/);
    expect(reply!.text).toContain("40%");
  });

  it("'what about the east midlands?' asks the same question of another unit", () => {
    const [, reply] = converse(seeds, "derby city rating", "what about the east midlands?");
    expect(reply!.text).toMatch(/East Midlands region\* is rated \*Inadequate\*/);
  });

  it("'source?' gives the sources of the last answer with the fact", () => {
    const [first, reply] = converse(seeds, "LLR rating", "source?");
    expect(reply!.intent).toBe("followup-source");
    expect(reply!.citations).toEqual(first!.citations);
    expect(reply!.text).toContain("Inadequate");
    expect(reply!.text).toContain("HM Inspectorate of Probation");
  });

  it("'any figures?' looks for figures on the thread's topic", () => {
    const [, reply] = converse(seeds, "what did inspectors say about management oversight", "any figures?");
    expect(reply!.text).toMatch(/28 per cent|20 of the 69|69%/);
  });

  it("'why?' quotes the reasons behind the last rating", () => {
    const [, reply] = converse(seeds, "LLR reviewing rating", "why?");
    expect(reply!.intent).toBe("followup-why");
    expect(reply!.citations.length).toBeGreaterThan(0);
    expect(reply!.citations.every((c) => /Reviewing/i.test(c.section ?? ""))).toBe(true);
  });

  it("a follow-up outside a thread answers for every unit, not one it was never told", () => {
    const [reply] = converse(seeds, "and reviewing?");
    expect(reply!.text).toMatch(/^Reviewing ratings in the documents:/);
  });

  it("'any figures?' after quotes gives the figures in them", () => {
    const [, reply] = converse(seeds, "what did the MoJ say about the east midlands", "any figures?");
    expect(reply!.text).toMatch(/45%/);
    expect(reply!.text).toMatch(/£700m/);
  });

  it("'source?' names each document once", () => {
    const [, reply] = converse(seeds, "derby city rating", "source?");
    const lines = reply!.text.split("\n").filter((l) => l.startsWith("• "));
    expect(new Set(lines).size).toBe(lines.length);
  });

  it("'recommendations?' after a region's rating quotes what the recommendations were", () => {
    const [, reply] = converse(seeds, "east midlands rating", "recommendations?");
    expect(reply!.text).toContain("11 recommendations");
    expect(reply!.text).toContain("These include improving the quality of court reports");
  });
});
