// A document's text is read for the verbatim check of quotes (a few documents at a time) and little else once it
// is parsed: it is held as the UTF-8 bytes of its file, outside the JavaScript heap (about half the size of the
// string, which takes two bytes a character once one curly quote is in it), and made a string when read.
import type { RawDocument } from "../types.js";

const BYTES = Symbol("text bytes");

type Held = { [BYTES]?: Buffer };

/** `doc` with its `text` read from `bytes` (by default, those of its text as it is now). Returns `doc`. */
export function holdText<T extends Pick<RawDocument, "text">>(doc: T, bytes?: Buffer): T {
  if ((doc as Held)[BYTES] && !bytes) return doc;
  const held = bytes ?? Buffer.from(doc.text, "utf8");
  Object.defineProperty(doc, BYTES, { value: held, enumerable: false, configurable: true });
  return Object.defineProperty(doc, "text", {
    get: () => held.toString("utf8"),
    enumerable: true,
    configurable: true,
  });
}

/** The bytes a document's text is held in, if it is held so. */
export const textBytes = (doc: Pick<RawDocument, "text">): Buffer | undefined => (doc as Held)[BYTES];

/** A copy of `doc` with some fields changed, its text (held as bytes) not made a string to copy it. */
export function withFields<T extends Pick<RawDocument, "text">>(doc: T, fields: Partial<T>): T {
  const copy = Object.defineProperties({}, Object.getOwnPropertyDescriptors(doc)) as T;
  return Object.assign(copy, fields);
}

/** Whether two documents hold the same text (compared as bytes where both are held so). */
export function sameText(a: Pick<RawDocument, "text">, b: Pick<RawDocument, "text">): boolean {
  const x = textBytes(a);
  const y = textBytes(b);
  if (x && y) return x === y || x.equals(y);
  return a.text === b.text;
}
