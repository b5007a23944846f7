// Which unit a sentence that names none is about: "the PDU" is the last PDU named, "the region" the last region,
// anything else the last unit named; a sentence about probation in general ("nationally") is about none.
import type { Unit } from "../types.js";
import { phraseMatcher, readingWords } from "./reading-words.js";

const REFERS_TO_PDU = phraseMatcher(readingWords.unitReferences.pdu, "iu");
const REFERS_TO_REGION = phraseMatcher(readingWords.unitReferences.region, "iu");
const GENERAL = phraseMatcher(readingWords.generalScopeCues, "iu");

export interface Coreference {
  /** The units a sentence is about, given the units it names itself (in order). */
  resolve(text: string, named: string[]): string[];
}

export function coreference(units: Unit[]): Coreference {
  const kindOf = new Map(units.map((u) => [u.key, u.kind]));
  let last: string | undefined;
  const lastOfKind = new Map<Unit["kind"], string>();
  return {
    resolve(text, named) {
      if (named.length) {
        // The unit a sentence opens with is its subject ("X PDU sits within the Y region" stays about X).
        last = named[0];
        for (const key of named) lastOfKind.set(kindOf.get(key) ?? "service", key);
        return named;
      }
      if (REFERS_TO_PDU.test(text) && lastOfKind.has("pdu")) return [lastOfKind.get("pdu")!];
      if (REFERS_TO_REGION.test(text) && lastOfKind.has("region")) return [lastOfKind.get("region")!];
      if (GENERAL.test(text)) return [];
      return last ? [last] : [];
    },
  };
}
