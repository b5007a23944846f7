// What pages look like (intents/documents.json): publishers, page furniture, dating words. Validated once at start;
// the plain phrases are compiled into regular expressions here and nowhere else.
import { readFileSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { z } from "zod";

const words = z.array(z.string().min(1));

const PageVocabularySchema = z.object({
  inspectorate: z.object({
    name: z.string().min(1),
    names: words,
    domains: words,
    namesInUse: z.array(
      z.object({
        name: z.string().min(1),
        from: z
          .string()
          .regex(/^\d{4}-\d{2}$/)
          .optional(),
        until: z
          .string()
          .regex(/^\d{4}-\d{2}$/)
          .optional(),
      }),
    ),
    voice: z.object({ firstPerson: words, inspectionWords: words }),
    authorship: z.object({ after: words, before: words }),
    reportTitles: words,
    reportTitleVerbs: words,
    pressReleasePhrases: words,
    pressReleaseLines: words,
    reportSections: words,
  }),
  outlets: z.array(z.object({ name: z.string().min(1), domains: words, masthead: words })),
  publisherLabels: z.object({ labels: words }),
  mastheadCues: z.object({ before: words }),
  pageChrome: z.object({ phrases: words, lines: words, bylines: words }),
  dating: z.object({ published: words, future: words, futureStart: words, earlier: words }),
});
export type PageVocabulary = z.infer<typeof PageVocabularySchema>;

const file = fileURLToPath(new URL("../../intents/documents.json", import.meta.url));
export const pageVocabulary: PageVocabulary = PageVocabularySchema.parse(JSON.parse(readFileSync(file, "utf8")));

/** A phrase as a regular-expression source: escaped, any run of spaces, either apostrophe. */
export function phraseSource(phrase: string): string {
  return phrase
    .trim()
    .replace(/[.*+?^${}()|[\]\\/]/g, "\\$&")
    .replace(/\s+/g, "\\s+")
    .replace(/['’]/g, "['’]");
}

/** Any of the phrases, case-insensitive, not inside a longer word. Longer phrases are tried first. */
export function phrasesRegExp(phrases: string[], flags = "i"): RegExp {
  const sources = [...phrases].sort((a, b) => b.length - a.length).map(phraseSource);
  return new RegExp(
    `(?<![\\p{L}\\p{N}])(?:${sources.join("|")})(?![\\p{L}\\p{N}])`,
    flags.includes("u") ? flags : `${flags}u`,
  );
}

/** The host of a URL without "www.", or undefined when it is not one. */
export function hostOf(url: string): string | undefined {
  try {
    return new URL(url).hostname.toLowerCase().replace(/^www\./, "");
  } catch {
    return undefined;
  }
}

/** True when `host` is `domain` or one of its subdomains. */
export function onDomain(host: string, domain: string): boolean {
  const d = domain.toLowerCase();
  return host === d || host.endsWith(`.${d}`);
}
