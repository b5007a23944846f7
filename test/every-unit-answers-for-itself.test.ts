// A generated corpus (bench/generated-corpus.ts): the seed report and a seed article under many unit names that
// share words ("Ashby, Lydford and Alnmouth", "Brackley, Lydford and Alnmouth"). Every unit is answered with its own
// rating and score, from its own document alone; `npm run bench` checks the same at 1,000 documents.
import { readdirSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { writeGeneratedCorpus } from "../bench/generated-corpus.js";
import { answerQuestion, loadCorpus } from "../src/engine.js";
import { tempDir } from "./support/temp.js";

const DOCUMENTS = 40;

describe("units of a generated corpus", () => {
  const dir = tempDir("generated-");
  const names = writeGeneratedCorpus(dir, DOCUMENTS);
  const files = readdirSync(dir).sort();
  const index = loadCorpus(dir);

  it("are kept apart: one unit per name", () => {
    const pdus = index.units.filter((u) => u.kind === "pdu").map((u) => u.name);
    expect(pdus.sort()).toEqual(names.map((name) => `${name} PDU`).sort());
    for (const name of names) expect(index.findUnits(name, () => true).map((m) => m.text)).toEqual([name]);
  });

  it("each answer with their own rating, from their own document alone", () => {
    for (const [i, name] of names.entries()) {
      const answer = answerQuestion(index, `${name} rating`).answer;
      expect(answer.answered, name).toBe(true);
      expect(answer.text.split("\n")[0], name).toMatch(new RegExp(`^\\*${name} PDU\\* is rated \\*Inadequate\\*`));
      expect(answer.citations.length, name).toBeGreaterThan(0);
      expect(new Set(answer.citations.map((c) => c.doc)), name).toEqual(new Set([files[i]]));
    }
  });

  it("each of the reports gives its own score, from its own document", () => {
    const reports = names.flatMap((name, i) => (files[i]!.endsWith("report.md") ? [[name, files[i]!]] : []));
    expect(reports.length).toBeGreaterThan(DOCUMENTS / 2);
    for (const [name, file] of reports) {
      const answer = answerQuestion(index, `${name} score`).answer;
      expect(answer.text.split("\n")[0], name).toContain("*3/21*");
      expect(new Set(answer.citations.map((c) => c.doc)), name).toEqual(new Set([file]));
    }
  });
});
