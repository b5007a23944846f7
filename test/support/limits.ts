// Shorter limits for a test (a timeout of 300 ms instead of 10 s), restored after it.
import { LIMITS } from "../../src/config.js";

type Limits = { -readonly [K in keyof typeof LIMITS]: number };

export function withLimits(changes: Partial<Limits>): () => void {
  const limits = LIMITS as unknown as Limits;
  const before = { ...limits };
  Object.assign(limits, changes);
  return () => Object.assign(limits, before);
}
