import { describe, expect, it } from "vitest";
import { ask, seeds } from "./support/engine.js";

// Questions phrased as people ask them, each with what the answer must say (any one of the alternatives).
const CASES: [string, string[]][] = [
  ["what's the overall grade for leicester", ["Inadequate"]],
  ["Leicestershire probation rating", ["Inadequate"]],
  ["how is the derby service doing", ["Requires improvement"]],
  ["what were LLR's staffing and leadership ratings", ["Staffing: *Requires improvement*"]],
  ["how did LLR do on assessment", ["Assessment: *Inadequate*"]],
  ["what % of LLR assessments focused on keeping people safe", ["32%"]],
  ["desistance planning percentage", ["68%"]],
  ["what percentage of cases had sufficient management oversight", ["20 of the 69", "28 per cent"]],
  ["how many people were being managed in custody before release", ["795"]],
  ["how many cases did HMIP review in the East Midlands", ["330"]],
  ["how many staff responded to the survey about supervision", ["22 out of 26"]],
  ["vacancy rate in the court team", ["43%"]],
  ["tell me about the Hinckley office", ["Hinckley"]],
  ["what did the chief inspector say about Derby", ["Derby City probation service certainly has promise"]],
  ["what did the head of the probation inspection programme say", ["Mr Argument"]],
  ["what did the government say", ["Ministry of Justice"]],
  ["what did HMIP recommend about court reports", ["court reports"]],
  ["which recommendations saw no progress", ["No progress"]],
  ["what progress was made on court staffing", ["Some progress"]],
  ["how does Derby compare with LLR", ["Requires improvement"]],
  ["LLR previous rating", ["2022"]],
  ["was LLR inadequate in 2022 too", ["was rated *Inadequate*"]],
  ["what did the region score on victims", ["Good"]],
  ["east midlands unpaid work", ["Inadequate"]],
  ["how many prisons does LLR have", ["four prisons"]],
  ["who provides accommodation support", ["NACRO"]],
  ["who led the LLR inspection", ["Wendy Martin"]],
];

describe("questions phrased many ways", () => {
  it.each(CASES)("%s", (question, alternatives) => {
    const answer = ask(seeds, question);
    expect(answer.answered).toBe(true);
    expect(
      alternatives.some((a) => answer.text.includes(a)),
      answer.text.slice(0, 400),
    ).toBe(true);
  });
});

describe("the reports' own sub-headings", () => {
  it("'strengths' quotes the Strengths sections", () => {
    const answer = ask(seeds, "what are the strengths of LLR");
    expect(answer.text).toMatch(/^Strengths the inspectors found about \*Leicester/);
    expect(answer.citations.every((c) => /Strengths/.test(c.section ?? ""))).toBe(true);
  });

  it("'areas for improvement' on a standard quotes that standard's section", () => {
    const answer = ask(seeds, "areas for improvement in staffing");
    expect(answer.citations.some((c) => /Staffing › Areas for improvement/.test(c.section ?? ""))).toBe(true);
  });

  it("a publisher named in the question limits the quotes to its documents", () => {
    const answer = ask(seeds, "what did the BBC report about LLR");
    expect(answer.citations.length).toBeGreaterThan(0);
    expect(answer.citations.every((c) => c.publisher === "BBC News")).toBe(true);
  });
});

describe("questions across units", () => {
  it("'which units are inadequate' lists only those", () => {
    const answer = ask(seeds, "which units are inadequate");
    expect(answer.text).toMatch(/^Overall ratings of Inadequate in the documents:/);
    expect(answer.text).toContain("East Midlands region");
    expect(answer.text).not.toContain("Derby City");
  });
});

describe("figures asked about narrowly", () => {
  it.each([
    ["What proportion of probation service officer posts were filled?", "78 per cent"],
    ["what share of assessments by probation officers identified offending factors", "87 per cent"],
    ["how many respondents thought the vision drove a high-quality service", "Twenty out of 29"],
    ["what percent had sufficient contact for desistance", "66 per cent"],
  ])("%s", (question, figure) => {
    expect(ask(seeds, question).text).toContain(figure);
  });
});
