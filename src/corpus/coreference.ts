// Which unit a sentence that names none is about: "the PDU" is the last PDU named, "the region" the last region,
// "both"/"the inspections" after a sentence about two units is about both, anything else the last unit named; a
// sentence about probation in general ("nationally") is about none.
import type { Unit } from "../types.js";
import { escapePhrase, phraseMatcher, readingWords } from "./reading-words.js";
import type { Mention } from "./units.js";

const REFERS_TO_PDU = phraseMatcher(readingWords.unitReferences.pdu, "iu");
const REFERS_TO_REGION = phraseMatcher(readingWords.unitReferences.region, "iu");
const GENERAL = phraseMatcher(readingWords.generalScopeCues, "iu");
const JOINT = phraseMatcher(readingWords.jointReferenceCues, "iu");
/** What comes before a unit named as a clause's scene: "In ", "… said: “Across the ", "However, within ". */
const SETTING_BEFORE = new RegExp(
  `(?:^|[:;,(“"‘'])\\s*(?:${readingWords.settingPrepositions.map(escapePhrase).join("|")})\\s+(?:the\\s+)?$`,
  "iu",
);

/** A unit named as the scene of its clause ("In Wales, aspects of unification …"), not as what the clause is about. */
function isSetting(text: string, mention: Mention): boolean {
  return SETTING_BEFORE.test(text.slice(0, mention.start)) && /^\s*,/.test(text.slice(mention.end));
}

export interface Coreference {
  /** The units a sentence is about, given the mentions of units it makes itself (in order). */
  resolve(text: string, mentions: Mention[]): string[];
}

export function coreference(units: Unit[]): Coreference {
  const kindOf = new Map(units.map((u) => [u.key, u.kind]));
  let last: string | undefined;
  const lastOfKind = new Map<Unit["kind"], string>();
  /** The units the sentence before was about. */
  let previous: string[] = [];
  const about = (keys: string[]) => {
    previous = keys;
    return keys;
  };
  return {
    resolve(text, mentions) {
      const named = [...new Set(mentions.map((m) => m.unitKey))];
      if (named.length) {
        for (const key of named) lastOfKind.set(kindOf.get(key) ?? "service", key);
        // A region named only as the scene ("In Wales, …") does not take over from the PDU in view: the sentences
        // after it go on about the PDU, as they do after a unit named in passing.
        const scene =
          last !== undefined &&
          kindOf.get(last) === "pdu" &&
          named.every(
            (key) => kindOf.get(key) !== "pdu" && mentions.every((m) => m.unitKey !== key || isSetting(text, m)),
          );
        // The unit a sentence opens with is its subject ("X PDU sits within the Y region" stays about X).
        if (!scene) last = named[0];
        return about(named);
      }
      if (JOINT.test(text) && previous.length > 1) return about(previous);
      if (REFERS_TO_PDU.test(text) && lastOfKind.has("pdu")) return about([lastOfKind.get("pdu")!]);
      if (REFERS_TO_REGION.test(text) && lastOfKind.has("region")) return about([lastOfKind.get("region")!]);
      if (GENERAL.test(text)) return about([]);
      return about(last ? [last] : []);
    },
  };
}
