// The reader on real pages of other units (read from ../shared, never copied here) and on the seeds:
// the units each sentence is about, the inspection it belongs to, who speaks, and what each number counts.
import { existsSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/engine.js";
import { normaliseSpeaker } from "../src/corpus/speakers.js";
import { periodOf } from "../src/corpus/periods.js";
import { quantitiesIn } from "../src/corpus/quantities.js";
import { datesIn } from "../src/text/calendar.js";
import type { ParsedDocument, QuotationFact, RatingFact } from "../src/types.js";

const shared = resolve(process.cwd(), "../shared/eval/documents");
const seeds = resolve(process.cwd(), "seeds");
const docOf = (corpus: ReturnType<typeof loadCorpus>, prefix: string) =>
  corpus.documents.find((d) => d.meta.id.startsWith(prefix))!;
const ratingsOf = (d: ParsedDocument) => d.facts.filter((f): f is RatingFact => f.type === "rating");
const speakersOf = (d: ParsedDocument) => [
  ...new Set(d.facts.filter((f): f is QuotationFact => f.type === "quotation").map((f) => f.speaker)),
];
const passageWith = (d: ParsedDocument, words: string) => d.passages.find((p) => p.text.includes(words))!;

describe("quantities: every number with what it counts and its kind", () => {
  it("reads counts, percentages, ratios, money and durations, numbers as words included", () => {
    expect(
      quantitiesIn("The unit supervises 2,417 people, made up of 1,203 community orders and 611 people on licence."),
    ).toEqual([
      { text: "2,417 people", value: 2417, kind: "count", counts: "people" },
      { text: "1,203 community orders", value: 1203, kind: "count", counts: "community orders" },
      { text: "611 people", value: 611, kind: "count", counts: "people" },
    ]);
    expect(quantitiesIn("Leaders were rated 'inadequate' in four out of six areas.")[0]).toMatchObject({
      kind: "ratio",
      value: 4,
      total: 6,
      counts: "areas",
    });
    expect(quantitiesIn("It scored 9/21.")[0]).toMatchObject({ kind: "ratio", value: 9, total: 21 });
    expect(quantitiesIn("It scored just three inspection points out of a possible 27.")[0]).toMatchObject({
      kind: "ratio",
      value: 3,
      total: 27,
      counts: "inspection points",
    });
    expect(quantitiesIn("There was a 31% vacancy rate.")[0]).toMatchObject({
      kind: "percent",
      value: 31,
      counts: "vacancy rate",
    });
    expect(quantitiesIn("Staff met 62 per cent of the target.")[0]).toMatchObject({
      kind: "percent",
      value: 62,
      counts: "target",
    });
    expect(quantitiesIn("A further £1.5 million was promised.")[0]).toMatchObject({ kind: "money", value: 1_500_000 });
    expect(quantitiesIn("The office had been closed for under three years.")[0]).toMatchObject({
      kind: "duration",
      value: 3,
      counts: "years",
    });
    expect(quantitiesIn("Thirty-eight staff made twelve recommendations.").map((q) => q.value)).toEqual([38, 12]);
  });

  it("leaves out years, days of months, section numbers and list numbers", () => {
    expect(quantitiesIn("In March 2024, on 14 March, P 2.3 was reviewed.")).toEqual([]);
    expect(quantitiesIn("3. The region should recruit staff.")).toEqual([]);
  });
});

describe("dates a sentence mentions", () => {
  it("are read as YYYY, YYYY-MM or YYYY-MM-DD; a month without a year and a number with a comma are not dates", () => {
    expect(
      datesIn(
        "Fieldwork began on 3 March 2025 and ended in April 2025; the last inspection was in 2022, when 2,023 people were supervised.",
      ),
    ).toEqual(["2025-03-03", "2025-04", "2022"]);
    expect(datesIn("Staff met on 15 March.")).toEqual([]);
  });
});

describe("periods: which inspection a sentence belongs to", () => {
  it("is the document's own unless the sentence places itself earlier", () => {
    expect(periodOf("Staff were overstretched.", 2025)).toEqual({ relation: "current" });
    expect(periodOf("The unit was previously rated 'Inadequate' in 2021.", undefined)).toEqual({
      relation: "previous",
      year: "2021",
    });
    expect(periodOf("At the last inspection, the unit was rated Good.", 2025)).toEqual({ relation: "previous" });
    expect(periodOf("In 2021 the unit was rated Inadequate.", 2025)).toEqual({ relation: "previous", year: "2021" });
    expect(periodOf("Since the previous inspection in 2021 the unit has improved.", 2025)).toEqual({
      relation: "current",
    });
    expect(periodOf("Progress has been made since 2021.", 2025)).toEqual({ relation: "current" });
  });
});

describe("speakers: name and role, however the sentence orders them", () => {
  it("writes every form as 'Name, role'", () => {
    expect(normaliseSpeaker("Ada Whitlock, Chief Inspector of Probation,")).toBe(
      "Ada Whitlock, Chief Inspector of Probation",
    );
    expect(normaliseSpeaker("Chief Inspector of Probation Ada Whitlock")).toBe(
      "Ada Whitlock, chief inspector of probation",
    );
    expect(normaliseSpeaker("A Ministry of Justice spokesperson")).toBe("Ministry of Justice spokesperson");
    expect(normaliseSpeaker("A spokesperson")).toBe("A spokesperson");
    expect(normaliseSpeaker("He")).toBe("He");
    expect(normaliseSpeaker("staff were concerned that the figures")).toBeUndefined();
  });

  it("reads a quote on the line after 'said:', 'he said' after a named speaker, and quotes that continue", () => {
    const corpus = loadCorpus(join(import.meta.dirname, "fixtures/speakers-corpus"));
    const doc = corpus.documents[0]!;
    const quotes = doc.facts.filter((f): f is QuotationFact => f.type === "quotation");
    const said = (words: string) => quotes.find((q) => q.words.includes(words))?.speaker;
    expect(said("too many cases waited")).toBe("Ada Whitlock, chief inspector of probation");
    expect(said("leaders know what to do")).toBe("Ada Whitlock, chief inspector of probation");
    expect(said("We accept the findings")).toBe("Ministry of Justice spokesperson");
    expect(said("new staff will start in spring")).toBe("Ministry of Justice spokesperson");
    expect(said("The recruitment drive")).toBe("Tom Ferrer, regional probation director");
    expect(said("Too many people waited")).toMatch(/^Ada Whitlock, chief inspector of probation$/i);
    expect(said("We accept every recommendation")).toBe("Probation Service spokesperson");
    expect(quotes.find((q) => q.words.includes("keep the centre open"))).toMatchObject({
      speaker: "Fenmoor Council",
      reported: true,
    });
  });
});

describe("units: a sentence that names none is about the unit it refers to", () => {
  const doc = loadCorpus(join(import.meta.dirname, "fixtures/coreference-corpus")).documents[0]!;
  const unitsOf = (words: string) => passageWith(doc, words).unitKeys;

  it("'the unit' is the last PDU, 'the region' the last region, a unit named in passing does not take over", () => {
    expect(unitsOf("sits within")).toEqual(["eastmere", "wolds and eastmere"]);
    expect(unitsOf("supervises 1,940 people")).toEqual(["eastmere"]);
    expect(unitsOf("employs 610 probation officers")).toEqual(["wolds and eastmere"]);
    expect(unitsOf("felt well supported")).toEqual(["eastmere"]);
  });

  it("a sentence about probation in general is about no unit", () => {
    expect(unitsOf("Nationally")).toEqual([]);
  });
});

describe.runIf(existsSync(shared))("real documents of other units", () => {
  const corpus = loadCorpus(shared);

  it("reads all five", () => {
    expect(readdirSync(shared).filter((f) => f.endsWith(".txt"))).toHaveLength(corpus.documents.length);
  });

  it("a press release: its unit, its rating, its chief inspector", () => {
    const d = docOf(corpus, "100");
    expect(d.units.map((u) => u.name)).toContain("Swansea Neath Port Talbot PDU");
    expect(ratingsOf(d).find((r) => r.standard === "overall")).toMatchObject({
      rating: "Requires improvement",
      unitKey: "swansea neath port talbot",
    });
    expect(speakersOf(d)).toContain("Martin Jones, Chief Inspector of Probation");
  });

  it("the earlier press release: its rating, a scale description rating nothing, its chief inspector", () => {
    const d = docOf(corpus, "101");
    const overall = ratingsOf(d).filter((r) => r.standard === "overall" && r.unitKey === "swansea neath port talbot");
    expect(new Set(overall.map((r) => r.rating))).toEqual(new Set(["Inadequate"]));
    expect(speakersOf(d).map((s) => s.toLowerCase())).toContain("justin russell, chief inspector of probation");
    // The dates its questions ask about: unification, the asbestos, the limited service.
    expect(passageWith(d, "unification occurred").dates).toContain("2019-12");
    expect(passageWith(d, "discovery of asbestos").dates).toContain("2021-04");
    expect(passageWith(d, "limited service").dates).toContain("2020-03");
  });

  it("a news article: the earlier rating in its year, the speaker named before a quote on the next line, a count", () => {
    const d = docOf(corpus, "102");
    expect(ratingsOf(d).find((r) => r.inspectionDate === "2022")).toMatchObject({
      rating: "Inadequate",
      standard: "overall",
    });
    expect(passageWith(d, "previously rated").period).toEqual({ relation: "previous", year: "2022" });
    expect(passageWith(d, "previously rated").dates).toEqual(["2022"]);
    expect(speakersOf(d)).toContain("Martin Jones, chief inspector of probation");
    expect(passageWith(d, "manages more than").quantities[0]).toMatchObject({ value: 2000, counts: "people" });
  });

  it("a report's foreword: standards rated in prose, the unit by its initials", () => {
    const d = docOf(corpus, "103");
    const ratings = ratingsOf(d);
    expect(ratings.find((r) => r.standard === "overall")?.rating).toBe("Requires improvement");
    expect(ratings.find((r) => r.standard === "leadership")?.rating).toBe("Good");
    expect(d.units[0]!.aliases).toContain("CTM");
  });

  it("a regional newspaper: caseload, a ratio of standards, a ratio of cases, the chief inspector over four paragraphs", () => {
    const d = docOf(corpus, "104");
    const quantities = d.passages.flatMap((p) => p.quantities);
    expect(quantities).toContainEqual(expect.objectContaining({ value: 1852, kind: "count", counts: "people" }));
    expect(passageWith(d, "1,852").quantities.map((q) => q.text)).toEqual([
      "1,852 people",
      "892 community and suspended sentence orders",
      "543 people",
      "417 people",
    ]);
    expect(quantities).toContainEqual(expect.objectContaining({ value: 5, total: 7, kind: "ratio", counts: "areas" }));
    expect(quantities).toContainEqual(
      expect.objectContaining({ value: 13, total: 50, kind: "ratio", counts: "cases" }),
    );
    const jones = d.facts.filter(
      (f): f is QuotationFact => f.type === "quotation" && f.speaker.startsWith("Martin Jones"),
    );
    expect(jones.length).toBeGreaterThanOrEqual(4);
    // "Probation Delivery Unit" is the unit's name, not the implementation and delivery standard.
    expect(ratingsOf(d).map((r) => r.standard)).not.toContain("implementation and delivery");
    expect(d.passages.every((p) => p.unitKeys.includes("east and west lincolnshire"))).toBe(true);
  });
});

describe("the seeds", () => {
  const corpus = loadCorpus(seeds);

  it("a report: the earlier inspection's sentences are placed in it, the rest are the report's own", () => {
    const report = docOf(corpus, "002");
    const previous = report.passages.filter((p) => p.period.relation === "previous");
    expect(previous.length).toBeGreaterThan(0);
    expect(previous.every((p) => !p.period.year || Number(p.period.year) < 2025)).toBe(true);
    expect(report.passages.filter((p) => p.period.relation === "current").length).toBeGreaterThan(previous.length * 5);
  });

  it("articles: speakers named in full, a spokesperson resolved to the body named before", () => {
    expect(speakersOf(docOf(corpus, "000"))).toEqual(
      expect.arrayContaining(["Martin Jones, chief inspector of probation", "Ministry of Justice spokesperson"]),
    );
  });
});
