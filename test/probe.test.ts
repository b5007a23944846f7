// The probe (test/probe/): questions nobody tuned the engine on, as journalists, PDU heads, policy officers and
// researchers ask them, over the seeds and over three invented documents. Each case that passes today is asserted
// here so that it stays passing; a case marked `known_failure` (with its mechanism) is not asserted, and
// `npx tsx test/probe/run.ts` reports it when it starts to pass. The judge is stricter than ../shared/eval: the value
// asked for must be stated in the lead, not only inside a quote.
import { cpSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/engine.js";
import { SEEDS, seeds } from "./support/engine.js";
import { tempDir } from "./support/temp.js";
import { askCase, judge, readCases, readDocuments } from "./probe/judge.js";

const PROBE = join(import.meta.dirname, "probe");
const INVENTED = join(PROBE, "documents");

/** The seeds and the invented documents in one corpus folder, as a user's corpus mixes units. */
function seedsPlusInvented(): string {
  const dir = tempDir("probe-corpus-");
  for (const from of [SEEDS, INVENTED]) {
    for (const f of readdirSync(from)) cpSync(join(from, f), join(dir, f));
  }
  return dir;
}

const sets = [
  { name: "over the seeds", file: "seeds.jsonl", dir: () => SEEDS, index: () => seeds },
  { name: "over invented documents and the seeds", file: "invented.jsonl", dir: seedsPlusInvented, index: undefined },
];

for (const set of sets) {
  describe(`probe questions ${set.name}`, () => {
    const cases = readCases(join(PROBE, set.file));
    const dir = set.dir();
    const index = set.index?.() ?? loadCorpus(dir);
    const docs = readDocuments(dir);

    it("every known failure names its mechanism, and ids are unique", () => {
      expect(cases.filter((c) => c.known_failure && !c.mechanism)).toEqual([]);
      expect(new Set(cases.map((c) => c.id)).size).toBe(cases.length);
    });

    it.each(cases.filter((c) => !c.known_failure).map((c) => [`${c.id} ${c.turns.join(" → ")}`, c] as const))(
      "%s",
      (_, c) => {
        expect(judge(c, askCase(index, c), docs)).toEqual([]);
      },
    );
  });
}
