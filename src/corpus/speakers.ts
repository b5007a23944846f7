// Who said what. A paragraph's speech verb ("said", "warned", …) and the words beside it give the speaker;
// the quoted words stand in the same paragraph or, after "said:", in the next one. Handles name-role-said
// ("Martin Jones, Chief Inspector of Probation, said: “…”"), role-name-said ("Chief Inspector of Probation
// Martin Jones said:"), said-name ("“…,” said Martin Jones"), "A Ministry of Justice spokesperson said",
// a paragraph that only continues a quote, and "He said" continuing the last named speaker.
import type { Block } from "./blocks.js";
import { lowerSet, phraseMatcher, readingWords } from "./reading-words.js";
import { vocabulary } from "../vocabulary.js";

export interface SpeechSpan {
  /** Index of the block the quoted words are in. */
  block: number;
  /** The block that names the speaker, when it is another one ("… said:" on the line before). */
  introBlock?: number;
  /** "Martin Jones, Chief Inspector of Probation"; "Ministry of Justice spokesperson". */
  speaker: string;
  /** The words in quotation marks, or the reported clause. */
  words: string;
  /** True for reported speech ("X said that …"), not words in quotation marks. */
  reported?: boolean;
}

const VERB = phraseMatcher(readingWords.speechVerbs, "giu");
const PRONOUNS = lowerSet(readingWords.speakerPronouns);
const TITLES = lowerSet(readingWords.personTitles);
const ORDINARY = lowerSet(readingWords.ordinaryCapitalisedWords);
const ROLE = phraseMatcher(vocabulary.speakerRoles, "iu");
const OPEN = /["“]/;
const QUOTED = /["“]([^"“”]+)["”]?/g;
/** A speaker phrase longer than this is a clause, not a name and role. */
const MAX_SPEAKER_WORDS = 12;
/** A reported clause without "that" has at least this many words ("She said the leaders know what to do."). */
const MIN_REPORTED_WORDS = 4;
/** How far (in blocks) a paragraph that opens with a quote mark may be from the last named speaker and still be theirs. */
const CONTINUATION_BLOCKS = 2;

const isCapitalised = (w: string) => /^\p{Lu}/u.test(w);
const nameWords = (phrase: string) => phrase.split(/\s+/).filter(Boolean);

/** The quoted words of a text (every “…” run), joined. */
function quotedWords(text: string): string | undefined {
  const runs = [...text.matchAll(QUOTED)].map((m) => m[1]!.trim()).filter((r) => r.split(/\s+/).length >= 3);
  return runs.length ? runs.join(" … ") : undefined;
}

/** True where `at` lies inside quotation marks in `text`. */
function insideQuotes(text: string, at: number): boolean {
  const before = text.slice(0, at);
  const opens = (before.match(/[“]/g) ?? []).length - (before.match(/[”]/g) ?? []).length;
  const straight = (before.match(/"/g) ?? []).length % 2 === 1;
  return opens > 0 || straight;
}

/**
 * A speaker phrase as "Name, role", or the role alone: "Chief Inspector of Probation Martin Jones" →
 * "Martin Jones, Chief Inspector of Probation"; "Martin Jones, Chief Inspector of Probation," → the same;
 * "A Ministry of Justice spokesperson" → "Ministry of Justice spokesperson". Undefined when it is no speaker.
 */
export function normaliseSpeaker(raw: string): string | undefined {
  // "The Ministry of Justice, which has overall control of the probation service," → "The Ministry of Justice".
  const trimmed = raw
    .replace(/,\s+(?:which|who|whose)\b[^,]*(?:,|$)/u, "")
    .replace(/^[\s,;:–—-]+|[\s,;:–—-]+$/g, "")
    .trim();
  const article = trimmed.match(/^(?:a|an|the)\s+/i)?.[0] ?? "";
  const phrase = trimmed.slice(article.length);
  const words = nameWords(phrase);
  if (words.length === 0 || words.length > MAX_SPEAKER_WORDS) return undefined;
  // "spokesperson for the Ministry of Justice" → "Ministry of Justice spokesperson".
  const forBody = phrase.match(/^(\p{Ll}[\p{Ll} ]*?)\s+(?:for|at)\s+(?:the\s+)?(\p{Lu}.*)$/u);
  if (forBody && ROLE.test(forBody[1]!)) return `${forBody[2]} ${forBody[1]}`;
  if (words.length === 1 && PRONOUNS.has(words[0]!.toLowerCase())) return words[0];
  if (!words.some(isCapitalised) && !ROLE.test(phrase)) return undefined;
  // "Name, role" already.
  const comma = phrase.split(/,\s+/);
  if (comma.length >= 2 && isPersonName(comma[0]!)) return `${comma[0]}, ${comma.slice(1).join(", ")}`;
  // "Responding to the report, a Probation Service spokesperson": an opening clause, then the speaker.
  if (comma.length >= 2) return normaliseSpeaker(comma.at(-1)!);
  // "Role Name": a person's name (two or three capitalised words, a title allowed) closing a role.
  const tail = personAtEnd(words);
  if (tail && tail.start > 0) {
    const role = words.slice(0, tail.start).join(" ");
    if (ROLE.test(role)) return `${words.slice(tail.start).join(" ")}, ${role.toLowerCase()}`;
  }
  // A bare role keeps its article, so that "A spokesperson" can be resolved to the body named before it.
  return words.length <= 2 && article && !words.some(isCapitalised) ? `${article}${phrase}` : phrase;
}

function isPersonName(phrase: string): boolean {
  const words = nameWords(phrase);
  const titled = TITLES.has(words[0]?.toLowerCase().replace(/\.$/, "") ?? "");
  const bare = titled ? words.slice(1) : words;
  return (
    bare.length >= (titled ? 1 : 2) &&
    bare.length <= 3 &&
    bare.every((w) => isCapitalised(w) && !ORDINARY.has(w.toLowerCase())) &&
    !ROLE.test(phrase)
  );
}

/** "Ministry of Justice", "HM Prison and Probation Service": capitalised words, joined by of/and/for/the. */
function isBodyName(phrase: string): boolean {
  const words = nameWords(phrase);
  const capitalised = words.filter(isCapitalised);
  return (
    capitalised.length >= 2 &&
    words.every((w) => isCapitalised(w) || /^(?:of|and|for|the)$/.test(w)) &&
    !ORDINARY.has(words[0]!.toLowerCase())
  );
}

function personAtEnd(words: string[]): { start: number } | undefined {
  let start = words.length;
  while (
    start > 0 &&
    words.length - start < 2 &&
    isCapitalised(words[start - 1]!) &&
    !ROLE.test(words[start - 1]!) &&
    !/^(?:of|for|and)$/i.test(words[start - 1]!)
  )
    start--;
  if (words.length - start < 2) return undefined;
  if (start > 0 && TITLES.has(words[start - 1]!.toLowerCase().replace(/\.$/, ""))) start--;
  return { start };
}

/** The clause before a speech verb: from the last sentence or clause boundary outside quotes. */
function phraseBefore(text: string, verbAt: number): string {
  const before = text.slice(0, verbAt);
  const cut = Math.max(
    before.lastIndexOf(". "),
    before.lastIndexOf("” "),
    before.lastIndexOf('" '),
    before.lastIndexOf("; "),
  );
  return before
    .slice(cut >= 0 ? cut + 2 : 0)
    .replace(/^(?:however|but|and|meanwhile|in (?:a|her|his) statement|responding|in response),?\s+/i, "");
}

/** After a closing quote: "… ,” said Martin Jones, chief inspector." or "… ,” Mr Jones said." */
function phraseAfterQuote(text: string, verbAt: number, verbEnd: number): string | undefined {
  const before = text.slice(0, verbAt);
  const close = Math.max(before.lastIndexOf("”"), before.lastIndexOf('"'));
  if (close < 0) return undefined;
  const between = before.slice(close + 1).trim();
  if (between && between.split(/\s+/).length <= MAX_SPEAKER_WORDS) return between;
  const after = text.slice(verbEnd).match(/^\s+([^.;“"]{2,120})/);
  return after?.[1];
}

/** Reads every paragraph's speech: the quoted words and who said them. */
export function speechIn(blocks: Block[], resolve: (speaker: string, block: number) => string): SpeechSpan[] {
  const out: SpeechSpan[] = [];
  let last: { speaker: string; block: number } | undefined;
  const add = (span: SpeechSpan) => {
    let speaker = span.speaker;
    if (PRONOUNS.has(speaker.toLowerCase())) {
      if (!last) return;
      speaker = last.speaker;
    } else speaker = resolve(speaker, span.introBlock ?? span.block);
    out.push({ ...span, speaker });
    last = { speaker, block: span.block };
  };
  blocks.forEach((b, i) => {
    if (b.kind !== "paragraph") return;
    const text = b.text;
    for (const m of text.matchAll(VERB)) {
      const at = m.index!;
      if (insideQuotes(text, at)) continue;
      const end = at + m[0].length;
      const afterVerb = text.slice(end);
      const opensQuote = /^\s*(?:that\s+)?:?\s*["“]/.test(afterVerb) || /^[^"“.]{0,60}:\s*["“]/.test(afterVerb);
      const introducesNext = /^[^"“]{0,60}:\s*$/.test(afterVerb) || /^\s*:?\s*$/.test(afterVerb);
      const next = blocks[i + 1];
      if (opensQuote || introducesNext) {
        const speaker = normaliseSpeaker(phraseBefore(text, at));
        if (!speaker) continue;
        if (opensQuote) {
          const words = quotedWords(afterVerb) ?? afterVerb.replace(/^[\s:"“]+|["”]\s*$/g, "");
          add({ block: i, speaker, words });
        } else if (next?.kind === "paragraph" && OPEN.test(next.text.trimStart()[0] ?? "")) {
          add({ block: i + 1, introBlock: i, speaker, words: quotedWords(next.text) ?? next.text });
        }
        return;
      }
      // "“…,” said Martin Jones." / "“…,” he added."
      const speaker = normaliseSpeaker(phraseAfterQuote(text, at, end) ?? "");
      const words = quotedWords(text.slice(0, at));
      if (speaker && words) {
        add({ block: i, speaker, words });
        return;
      }
      // Reported speech: "Martin Jones said that staff were overstretched.", "She said the leaders know what to do."
      const reporter = normaliseSpeaker(phraseBefore(text, at));
      const byPerson =
        !!reporter &&
        (isPersonName(reporter.split(",")[0]!) || isBodyName(reporter) || PRONOUNS.has(reporter.toLowerCase()));
      const byRole = !!reporter && ROLE.test(reporter);
      if (
        /^\s+that\s/.test(afterVerb) ||
        ((byPerson || byRole) && afterVerb.trim().split(/\s+/).length >= MIN_REPORTED_WORDS)
      ) {
        if (reporter && (byPerson || byRole)) {
          add({ block: i, speaker: reporter, words: afterVerb.replace(/^\s+that\s+/, "").trim(), reported: true });
          return;
        }
      }
    }
    // A paragraph that only continues the last speaker's quote.
    if (
      last &&
      OPEN.test(text.trimStart()[0] ?? "") &&
      i - last.block <= CONTINUATION_BLOCKS &&
      !out.some((s) => s.block === i)
    ) {
      out.push({ block: i, speaker: last.speaker, words: quotedWords(text) ?? text });
      last = { ...last, block: i };
    }
  });
  return out;
}
