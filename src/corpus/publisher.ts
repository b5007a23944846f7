// Who published a page: a news outlet by its own masthead or web address; the inspectorate where the page speaks
// as "we"/"our" about inspections, names itself as the author, or is on its web address. Unknown otherwise.
import { hostOf, onDomain, pageVocabulary, phraseSource, phrasesRegExp } from "./page-vocabulary.js";
import { headLines, isPageChrome } from "./headline.js";

export const PUBLISHER_UNKNOWN = "Publisher not stated";

export interface PublisherFinding {
  name: string;
  /** True when the publisher is the inspectorate itself. */
  inspectorate: boolean;
  /**
   * What gave it away: its web address ("url"), its masthead or site header, the inspectorate's voice ("our
   * inspections"), a press release's marks ("Notes to editors"), or the inspectorate as author in the opening.
   */
  basis: "url" | "masthead" | "voice" | "press release" | "authorship";
}

/** How many words may stand between "our" and the inspection word ("our new probation inspection methodology"). */
const VOICE_GAP_WORDS = 3;
/** How many lines from the top a site's header stands in. */
const SITE_HEADER_LINES = 10;
/** The opening paragraphs (after the headline) in which the inspectorate names itself as the author. */
const OPENING_PARAGRAPHS = 3;

const { inspectorate, outlets, mastheadCues } = pageVocabulary;
const INSPECTORATE_NAME = phrasesRegExp(inspectorate.names);
const INSPECTORATE_LINE = new RegExp(`^(?:${inspectorate.names.map(phraseSource).join("|")})$`, "iu");
const VOICE = new RegExp(
  `(?<![\\p{L}])(?:${inspectorate.voice.firstPerson.map(phraseSource).join("|")})(?:[ \\t]+[\\p{L}\\p{N}'’-]+){0,${VOICE_GAP_WORDS}}?[ \\t]+(?:${inspectorate.voice.inspectionWords.map(phraseSource).join("|")})(?![\\p{L}])`,
  "iu",
);
const names = inspectorate.names.map(phraseSource).join("|");
const AUTHORSHIP = new RegExp(
  `(?:${names})\\s+(?:${inspectorate.authorship.after.map(phraseSource).join("|")})\\b|\\b(?:${inspectorate.authorship.before.map(phraseSource).join("|")})\\s+(?:the\\s+)?(?:${names})`,
  "iu",
);
const PRESS_RELEASE_PHRASE = phrasesRegExp(inspectorate.pressReleasePhrases);
const PRESS_RELEASE_LINE = new RegExp(
  `^\\s*(?:${inspectorate.pressReleaseLines.map(phraseSource).join("|")})\\s*$`,
  "im",
);
const inspectorateFinding = (basis: PublisherFinding["basis"]): PublisherFinding => ({
  name: inspectorate.name,
  inspectorate: true,
  basis,
});

function byDomain(host: string): PublisherFinding | undefined {
  if (inspectorate.domains.some((d) => onDomain(host, d))) return inspectorateFinding("url");
  const outlet = outlets.find((o) => o.domains.some((d) => onDomain(host, d)));
  return outlet ? { name: outlet.name, inspectorate: false, basis: "url" } : undefined;
}

const outletByName = new Map<string, (typeof outlets)[number]>();
for (const o of outlets)
  for (const n of [...o.masthead, ...o.domains]) outletByName.set(n.toLowerCase().replace(/’/g, "'"), o);
const MASTHEADS = outlets
  .flatMap((o) => o.masthead)
  .sort((a, b) => b.length - a.length)
  .map(phraseSource)
  .join("|");
const DOMAINS = outlets
  .flatMap((o) => o.domains)
  .sort((a, b) => b.length - a.length)
  .map(phraseSource)
  .join("|");
/** A masthead on a line of its own, or after "Follow"/"©"; an outlet's address in a link or an e-mail address. */
const MASTHEAD_LINE = new RegExp(
  [
    // "BBC News", "BBC News, Leicester", "ITV News Wales" as a line of its own
    `^(${MASTHEADS})(?:,\\s*[\\p{L} ]{1,30}|\\s+\\p{Lu}\\p{L}+)?[.:]*$`,
    // "Follow BBC Leicester", "© 2025 Guardian News & Media"
    `(?:^|\\s)(?:${mastheadCues.before.map(phraseSource).join("|")})\\s+(?:\\d{4}\\s+)?(?:the\\s+)?(${MASTHEADS})(?![\\p{L}])`,
    // a headline with the site's name after it: "Probation service rated inadequate - BBC News"
    `\\s[|\\-–—]\\s(${MASTHEADS})$`,
    // a byline: "By Jane Smith, BBC News"
    `^(?:by\\s+)?\\p{Lu}[\\p{L} .'’-]{1,40},\\s*(${MASTHEADS})(?:,\\s*[\\p{L} ]{1,30})?$`,
  ].join("|"),
  "imu",
);
const OUTLET_ADDRESS = new RegExp(`(?:https?://|www\\.|@|\\.)(${DOMAINS})\\b`, "i");

function outletOnPage(text: string): PublisherFinding | undefined {
  const m = text.match(MASTHEAD_LINE) ?? text.match(OUTLET_ADDRESS);
  const named = m?.slice(1).find(Boolean)?.toLowerCase().replace(/’/g, "'").replace(/\s+/g, " ");
  const outlet = named ? outletByName.get(named) : undefined;
  return outlet ? { name: outlet.name, inspectorate: false, basis: "masthead" } : undefined;
}

/** An organisation's name is short and capitalised: "Ministry of Justice", "HM Prison and Probation Service". */
const MAX_ORGANISATION_WORDS = 8;
const LABEL = new RegExp(
  `^(?:${pageVocabulary.publisherLabels.labels.map(phraseSource).join("|")})\\s*:\\s*(.*)$`,
  "i",
);

/** The publisher a page states after a label ("From: Ministry of Justice", or "From:" and the name on the next line). */
function labelledPublisher(lines: string[]): string | undefined {
  for (let i = 0; i < lines.length; i++) {
    const m = lines[i]!.match(LABEL);
    if (!m) continue;
    const name = (m[1]!.trim() || lines[i + 1] || "").replace(/[.,;]+$/, "").trim();
    const words = name.split(/\s+/);
    if (name && words.length <= MAX_ORGANISATION_WORDS && /^\p{Lu}/u.test(name) && !/\d/.test(name)) return name;
  }
  return undefined;
}

/** A line that is nothing but a link to the inspectorate's own site (not to a page of it, as an article would link). */
const INSPECTORATE_SITE_LINE = new RegExp(
  `^\\s*https?://(?:[\\w-]+\\.)*(?:${inspectorate.domains.map(phraseSource).join("|")})/?[.,;]?\\s*$`,
  "im",
);

/** The first paragraphs of the page's content, after its furniture and headline. */
function openingParagraphs(text: string): string[] {
  const content = headLines(text).filter((l) => !isPageChrome(l));
  return content.slice(1, 1 + OPENING_PARAGRAPHS);
}

/** The text outside quotation marks: what the page says in its own voice. An unclosed quote runs to the paragraph's end. */
export function outsideQuotes(text: string): string {
  return text.replace(/“[^”\n]*(?:”|$)/gm, " ").replace(/"[^"\n]*(?:"|$)/gm, " ");
}

export function publisherOf(text: string, url?: string): PublisherFinding | undefined {
  const host = url ? hostOf(url) : undefined;
  const fromUrl = host ? byDomain(host) : undefined;
  if (fromUrl) return fromUrl;
  const outlet = outletOnPage(text);
  if (outlet) return outlet;
  const labelled = labelledPublisher(headLines(text));
  if (labelled)
    return isInspectorateName(labelled)
      ? inspectorateFinding("masthead")
      : { name: labelled, inspectorate: false, basis: "masthead" };
  if (INSPECTORATE_SITE_LINE.test(text)) return inspectorateFinding("url");
  // The inspectorate's name as a line of its own above the headline: its site's header.
  if (headLines(text, SITE_HEADER_LINES).some((l) => INSPECTORATE_LINE.test(l))) return inspectorateFinding("masthead");
  if (VOICE.test(outsideQuotes(text))) return inspectorateFinding("voice");
  if (INSPECTORATE_NAME.test(text) && (PRESS_RELEASE_PHRASE.test(text) || PRESS_RELEASE_LINE.test(text)))
    return inspectorateFinding("press release");
  if (openingParagraphs(text).some((l) => AUTHORSHIP.test(outsideQuotes(l)))) return inspectorateFinding("authorship");
  return undefined;
}

/** True when a publisher's name is one of the inspectorate's ("HMI Probation" from a web page's site name). */
export function isInspectorateName(name: string): boolean {
  return INSPECTORATE_LINE.test(name.trim());
}

/** True when the page names the inspectorate among its first lines (a report's cover). */
export function namesInspectorate(lines: string[]): boolean {
  return lines.some((l) => INSPECTORATE_NAME.test(l));
}
