// The probe (test/probe/): questions nobody tuned the engine on, as journalists, PDU heads, policy officers and
// researchers ask them, over the seeds, over three invented documents and over the five real documents of other units
// that ../shared/eval adds (that set skipped where the folder is absent). Each case that passes today is asserted
// here so that it stays passing; a case marked `known_failure` (with its mechanism) is not asserted, and
// `npx tsx test/probe/run.ts` reports it when it starts to pass. The judge is stricter than ../shared/eval: the value
// asked for must be stated in the lead, not only inside a quote.
import { cpSync, existsSync, readdirSync } from "node:fs";
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { type CorpusIndex, loadCorpus } from "../src/engine.js";
import { SEEDS, seeds } from "./support/engine.js";
import { tempDir } from "./support/temp.js";
import { askCase, judge, readCases, readDocuments } from "./probe/judge.js";

const PROBE = join(import.meta.dirname, "probe");
const INVENTED = join(PROBE, "documents");
/** The real documents of other units that ../shared/eval adds to the seeds (outside the repository: skipped where absent). */
const REAL = join(import.meta.dirname, "../../shared/eval/documents");

/** The seeds and other documents in one corpus folder, as a user's corpus mixes units. */
function seedsPlus(other: string): string {
  const dir = tempDir("probe-corpus-");
  for (const from of [SEEDS, other]) {
    for (const f of readdirSync(from)) cpSync(join(from, f), join(dir, f));
  }
  return dir;
}

interface ProbeSet {
  name: string;
  file: string;
  /** The corpus folder; made only when the set runs. */
  dir: () => string;
  /** An index already built of that folder, if any. */
  index?: () => CorpusIndex;
  present: boolean;
}

const sets: ProbeSet[] = [
  { name: "over the seeds", file: "seeds.jsonl", dir: () => SEEDS, index: () => seeds, present: true },
  {
    name: "over invented documents and the seeds",
    file: "invented.jsonl",
    dir: () => seedsPlus(INVENTED),
    present: true,
  },
  {
    name: "over real documents of other units and the seeds",
    file: "real.jsonl",
    dir: () => seedsPlus(REAL),
    present: existsSync(REAL),
  },
];

for (const set of sets.filter((s) => s.present)) {
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
