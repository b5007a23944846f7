// The reader on invented pages: paragraphs a page break cut, sentences about two units, months without a year,
// names that are no probation unit, proportions, and the licence and address lines of a page.
import { toneOf } from "../src/corpus/tone.js";
import { describe, expect, it } from "vitest";
import { inferMeta, parseDocument } from "../src/engine.js";
import { isVerbatim, foldForMatch } from "../src/text/normalize.js";
import { quantitiesIn } from "../src/corpus/quantities.js";
import type { ParsedDocument } from "../src/types.js";

const read = (name: string, text: string): ParsedDocument =>
  parseDocument({ meta: inferMeta(name, text, {}, new Date(0)), text });
const passageWith = (d: ParsedDocument, words: string) => d.passages.find((p) => p.text.includes(words));

describe("a paragraph cut by a page break, a footnote or a page number", () => {
  const report = [
    "# An inspection of probation services in: Quarrendon PDU",
    "",
    "HM Inspectorate of Probation, March 2026",
    "",
    "## P 1.2. Staffing",
    "",
    "- Recruitment of probation officers had been slow and the team managing unpaid work was",
    "",
    "stretched across three sites, which delayed placements.",
    "- Only a minority of the cases we inspected had a plan that the person on probation had",
    "",
    "<sup>2</sup> The rating is driven by the lowest score of the key questions.",
    "",
    "14",
    "",
    "helped to write. Practitioners knew the people they supervised well.",
    "- Leaders had a clear plan for the coming year and",
    "",
    "## P 1.3. Services",
    "",
    "communicated it to staff.",
    "- Office space in the town centre was limited",
    "",
    "Practitioners were positive about training.",
  ].join("\n");
  const doc = read("quarrendon-report.md", report);
  const folded = foldForMatch(report);

  it("is read as one sentence when the next line plainly goes on with it", () => {
    const joined = passageWith(doc, "unpaid work was");
    expect(joined?.text).toBe(
      "Recruitment of probation officers had been slow and the team managing unpaid work was stretched across three sites, which delayed placements.",
    );
    expect(isVerbatim(joined!.text, folded)).toBe(true);
  });

  it("passes over the footnote and the page number, marking the gap so that the quote stands piece by piece", () => {
    const joined = passageWith(doc, "had a plan that");
    expect(joined?.text).toBe(
      "Only a minority of the cases we inspected had a plan that the person on probation had … helped to write.",
    );
    expect(isVerbatim(joined!.text, folded)).toBe(true);
    expect(passageWith(doc, "The rating is driven")).toBeDefined();
    expect(passageWith(doc, "Practitioners knew the people")).toBeDefined();
  });

  it("passes over a footnote of plain text and a running head", () => {
    const text = [
      "Quarrendon probation delivery unit inspection",
      "",
      "Interventions for people convicted of arson were delivered in only a handful of",
      "",
      "4 The figures come from the data workbook of this inspection, which gives them by office.",
      "",
      "Inspection of probation services: Quarrendon PDU 17",
      "",
      "cases, and most people waited more than a year.",
      "",
      "5 Leaders knew this.",
    ].join("\n");
    const plain = read("quarrendon-extract.txt", text);
    expect(passageWith(plain, "a handful of")?.text).toBe(
      "Interventions for people convicted of arson were delivered in only a handful of … cases, and most people waited more than a year.",
    );
    expect(isVerbatim(passageWith(plain, "a handful of")!.text, foldForMatch(text))).toBe(true);
    expect(passageWith(plain, "from the data workbook")).toBeDefined();
  });

  it("stays apart where a heading, a capital or a full stop says a new text begins", () => {
    expect(passageWith(doc, "for the coming year and")?.text).toBe("Leaders had a clear plan for the coming year and");
    expect(passageWith(doc, "communicated it to staff")?.text).toBe("communicated it to staff.");
    expect(passageWith(doc, "town centre was limited")?.text).toBe("Office space in the town centre was limited");
  });
});

describe("a sentence about two units, and a month without a year", () => {
  const article = [
    "date 2025-03-12 Two probation services in the Wendling valley judged",
    'The probation service for Harrowgate Vale has been judged inadequate while Ambleford\'s service "requires improvement", inspectors have said.',
    "HM Inspectorate of Probation carried out inspections in November.",
    "Inspectors found caseloads in Harrowgate Vale were the highest they had seen.",
    "Ambleford probation service will start a new recruitment drive in June.",
    "Both services were visited between October and December 2024.",
  ].join("\n");
  const doc = read("wendling-article.txt", article);
  const harrowgate = doc.units.find((u) => u.name.startsWith("Harrowgate"))!.key;
  const ambleford = doc.units.find((u) => u.name.startsWith("Ambleford"))!.key;

  it("carries both units when it speaks of them together after a sentence naming both", () => {
    expect(passageWith(doc, "carried out inspections")?.unitKeys).toEqual([harrowgate, ambleford]);
    expect(passageWith(doc, "caseloads in Harrowgate")?.unitKeys).toEqual([harrowgate]);
  });

  it("reads the month in the document's year: the last such month before it was written, or the next for plans", () => {
    expect(passageWith(doc, "carried out inspections")?.dates).toEqual(["2024-11"]);
    expect(passageWith(doc, "recruitment drive")?.dates).toEqual(["2025-06"]);
    expect(passageWith(doc, "between October")?.dates).toEqual(["2024-10", "2024-12"]);
  });
});

describe("a region named as the scene of a clause", () => {
  const release = [
    "Kelderby Probation Delivery Unit rated 'Requires improvement'",
    "Kelderby PDU sits within the Probation Service – Marchland region.",
    'The chief inspector said: "In Marchland, staff shortages began in 2021. However, within a year, services had recovered.',
    "The Marchland region runs twelve PDUs.",
    "It has a new regional director.",
  ].join("\n");
  const doc = read("kelderby-release.txt", release);
  const kelderby = doc.units.find((u) => u.kind === "pdu")!.key;
  const marchland = doc.units.find((u) => u.kind === "region")!.key;

  it("is the sentence's unit but does not take over from the PDU in view", () => {
    expect(passageWith(doc, "staff shortages began")?.unitKeys).toEqual([marchland]);
    expect(passageWith(doc, "services had recovered")?.unitKeys).toEqual([kelderby]);
  });

  it("named as the subject, it does take over", () => {
    expect(passageWith(doc, "runs twelve PDUs")?.unitKeys).toEqual([marchland]);
    expect(passageWith(doc, "new regional director")?.unitKeys).toEqual([marchland]);
  });
});

describe("names of nations", () => {
  it("are no probation unit, alone or in a list, but a region with its suffix is", () => {
    const text = [
      "# An inspection of probation services in: Tollworth PDU",
      "",
      "HM Inspectorate of Probation is the inspector of probation services in England and Wales.",
      "",
      "Tollworth PDU sits in the Northmarch region. Probation services in Scotland are run differently.",
      "",
      "Tollworth is one of the largest PDUs in England.",
    ].join("\n");
    const doc = read("tollworth-report.md", text);
    expect(doc.units.map((u) => u.name)).toEqual(["Tollworth PDU", "Northmarch region"]);
  });
});

describe("proportions", () => {
  it("'one in three' and '1 in 5' are ratios of a part to a whole, never a count of the whole", () => {
    expect(quantitiesIn("Inspectors said one in three probation officer posts was vacant.")).toEqual([
      {
        text: "one in three probation officer posts",
        value: 1,
        kind: "ratio",
        total: 3,
        counts: "probation officer posts",
      },
    ]);
    expect(quantitiesIn("Around 1 in 5 cases had a plan.")[0]).toMatchObject({ kind: "ratio", value: 1, total: 5 });
    expect(quantitiesIn("Two in every seven staff were agency workers.")[0]).toMatchObject({ value: 2, total: 7 });
  });

  it("leaves years and time spans alone", () => {
    expect(quantitiesIn("It was rated inadequate for the second time in three years.")).toEqual([
      { text: "three years", value: 3, kind: "duration", counts: "years" },
    ]);
    expect(quantitiesIn("The PDU opened one in 2024.")).toEqual([]);
  });
});

describe("licence notices, postal addresses and bare links", () => {
  const page = [
    "Skip to content",
    "",
    "All content is available under the Open Government Licence v3.0, except where otherwise stated.",
    "",
    "To view this licence, visit:",
    "https://example.org/doc/licence/version/3",
    "",
    "or write to:",
    "Records Office,",
    "Ferry Lane,",
    "Dunmarsh DM4 7QT",
    "",
    "or email: records@example.org.",
    "",
    "Ostley Probation Delivery Unit rated 'Good'",
    "",
    "Ostley Probation Delivery Unit (PDU) has received an overall rating of 'Good' following an inspection.",
    "",
    "Inspectors looked at 48 cases. More is at www.example.org/ostley for anyone who wants the full data tables.",
  ].join("\n");
  const doc = read("ostley-release.txt", page);

  it("are not passages, and lend the unit no figures", () => {
    const texts = doc.passages.map((p) => p.text);
    for (const boilerplate of ["Skip to content", "Open Government Licence", "DM4 7QT", "example.org/doc", "records@"])
      expect(texts.some((t) => t.includes(boilerplate))).toBe(false);
    expect(doc.passages.flatMap((p) => p.quantities).map((q) => q.text)).toEqual(["48 cases"]);
  });

  it("a sentence that only mentions a link is still a statement", () => {
    expect(passageWith(doc, "www.example.org/ostley")).toBeDefined();
  });
});

describe("what must be done, in prose", () => {
  it("a need of something more is what must be done; a need as a noun is not", () => {
    expect(toneOf("Practitioners also need clearer guidance on domestic abuse.").directive).toBe(true);
    expect(toneOf("Managers need to check every case.").directive).toBe(true);
    expect(toneOf("The needs of women on probation were met.").directive).toBeUndefined();
    expect(toneOf("There was a need for more staff in the courts.").directive).toBeUndefined();
  });
});

describe("durations joined by a hyphen", () => {
  it("'a two-hour journey', 'a 12-month order' are durations; 'Covid-19', '2020-21' and 'one-to-one' are not", () => {
    const found = quantitiesIn(
      "Some faced a two-hour bus journey, on a 12-month order, in 2020-21 during Covid-19, with one-to-one work.",
    );
    expect(found.map((q) => [q.text, q.kind, q.value])).toEqual([
      ["two-hour", "duration", 2],
      ["12-month", "duration", 12],
    ]);
  });
});
