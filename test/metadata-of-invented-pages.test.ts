// Metadata of pages the code has never seen (invented units and outlets), and which inspection they make the latest.
import { describe, expect, it } from "vitest";
import { inferMeta } from "../src/corpus/metadata.js";
import { withoutSiteName } from "../src/corpus/headline.js";
import { indexDocuments } from "../src/search/load.js";
import { answerQuestion } from "../src/engine.js";
import type { SourceEntry } from "../src/types.js";

const meta = (text: string, source: SourceEntry = {}) => inferMeta("page.txt", text, source, new Date(0));
const corpus = (pages: Record<string, string>) =>
  indexDocuments(Object.entries(pages).map(([id, text]) => ({ meta: inferMeta(id, text, {}, new Date(0)), text })));

const GOVUK_FURNITURE = `Cookies on GOV.UK
We use some essential cookies to make this website work.
Accept additional cookies
Reject additional cookies
View cookies
Hide this message
Skip to main content
Menu
Home
`;

describe("an inspectorate press release", () => {
  const page = `${GOVUK_FURNITURE}
Kestrel Vale Probation Delivery Unit rated ‘Good’

Published:

Kestrel Vale Probation Delivery Unit (PDU) has been rated ‘Good’ following an inspection by His Majesty’s Inspectorate of Probation.

This is one of the strongest PDUs we have inspected this year, and across our standards leaders were visible.

Chief Inspector of Probation Ada Quill said: “We found a service that knows its people.”
`;

  it("gets its headline past the cookie banner and the navigation, and the inspectorate as its publisher", () => {
    expect(meta(page)).toMatchObject({
      kind: "inspectorate press release",
      publisher: "HM Inspectorate of Probation",
      title: "Kestrel Vale Probation Delivery Unit rated ‘Good’",
      dateBasis: "none",
    });
  });

  it("is the inspectorate's under its own site header, and a 'Published:' dateline gives its date", () => {
    const text =
      "Skip to main content\nHM Inspectorate of Probation\nMenu\nHome › Media › Press releases\nThornbury PDU ‘Requires improvement’\nPublished: 14 August 2025\nThornbury PDU has been rated ‘Requires improvement’.\n";
    expect(meta(text)).toMatchObject({
      kind: "inspectorate press release",
      publisher: "HM Inspectorate of Probation",
      title: "Thornbury PDU ‘Requires improvement’",
      date: "2025-08-14",
      dateBasis: "printed",
    });
  });

  it("is the inspectorate's by its 'Notes to editors'", () => {
    const text =
      "Orchard Ridge PDU rated ‘Inadequate’\nOrchard Ridge PDU was rated ‘Inadequate’ by HM Inspectorate of Probation.\nNotes to editors\n1. The inspection took place in May.\n";
    expect(meta(text)).toMatchObject({ kind: "inspectorate press release", publisher: "HM Inspectorate of Probation" });
  });

  it("is the inspectorate's by its authorship alone ('… has published'), in its opening paragraph", () => {
    const text =
      "Orchard Ridge PDU inspection\n\nHM Inspectorate of Probation has published its inspection of Orchard Ridge PDU, which is rated ‘Inadequate’.\n";
    expect(meta(text)).toMatchObject({ kind: "inspectorate press release", publisher: "HM Inspectorate of Probation" });
  });
});

describe("sources.json", () => {
  it("naming the inspectorate by another of its names as publisher makes a page its press release", () => {
    const text = "Orchard Ridge PDU rated ‘Good’\nOrchard Ridge PDU was rated ‘Good’ by inspectors.\n";
    expect(meta(text)).toMatchObject({ kind: "news article", publisher: "Publisher not stated" });
    expect(meta(text, { publisher: "HMI Probation" })).toMatchObject({
      kind: "inspectorate press release",
      publisher: "HMI Probation",
    });
  });
});

describe("a news article", () => {
  it("is not the inspectorate's because it quotes the chief inspector saying 'we found … our inspections'", () => {
    const text = `Probation in Marlow Fen 'not good enough', say inspectors
date 2024-11-14
Inspectors have rated Marlow Fen Probation Delivery Unit 'Requires improvement'.
The chief inspector, Ada Quill, said: "We found that our inspections keep finding the same gaps."
`;
    expect(meta(text)).toMatchObject({
      kind: "news article",
      publisher: "Publisher not stated",
      date: "2024-11-14",
      dateBasis: "printed",
    });
  });

  it("takes the outlet from its own masthead or address, never from a sentence that names it", () => {
    const told =
      "Marlow Fen probation rated inadequate\nThe head of the service told the BBC that staffing had improved.\nTell us\nInspections of our town's services are due.\n";
    expect(meta(told).publisher).toBe("Publisher not stated");
    const followed = `${told}Follow BBC Marlow on Facebook.\n`;
    expect(meta(followed).publisher).toBe("BBC News");
    expect(meta(told, { url: "https://www.theguardian.com/society/2024/nov/14/marlow-fen-probation" }).publisher).toBe(
      "The Guardian",
    );
  });

  it("knows an outlet by its byline or its copyright line", () => {
    expect(
      meta("Marlow Fen probation rated inadequate\nBy Jane Doe, BBC News, Marlow\nInspectors found too few checks.\n")
        .publisher,
    ).toBe("BBC News");
    expect(
      meta(
        "Marlow Fen probation rated inadequate\nInspectors found too few checks.\n© 2025 Guardian News & Media Limited\n",
      ).publisher,
    ).toBe("The Guardian");
  });

  it("takes the site's name off the end of a headline, and the outlet from it", () => {
    const text =
      "Home > News > Crime\nMarlow Fen probation service rated inadequate - BBC News\nInspectors found too few checks.\n";
    expect(meta(text)).toMatchObject({
      title: "Marlow Fen probation service rated inadequate",
      publisher: "BBC News",
      kind: "news article",
    });
  });

  it("takes a site's own name off a web page's title, known to the data or not", () => {
    expect(withoutSiteName("Probation in Kestrel Moor rated | The Fells Gazette", "The Fells Gazette")).toBe(
      "Probation in Kestrel Moor rated",
    );
    expect(withoutSiteName("Probation in Kestrel Moor rated – ITV News")).toBe("Probation in Kestrel Moor rated");
    expect(withoutSiteName("Kestrel Moor PDU – ‘Requires improvement’")).toBe(
      "Kestrel Moor PDU – ‘Requires improvement’",
    );
  });

  it("skips a byline and an advert above the headline", () => {
    expect(
      meta(
        "Advertisement\nBy Priya Nand, Local Democracy Reporter\nMarlow Fen probation told to improve\nInspectors found too few checks.\n",
      ).title,
    ).toBe("Marlow Fen probation told to improve");
  });

  it("is an article when its headline says what an inspection of a unit found, even under the inspectorate's name", () => {
    const text =
      "An inspection of probation services in Marlow Fen has found serious failings\nHM Inspectorate of Probation rated the Marlow Fen PDU 'Inadequate'.\n";
    expect(meta(text)).toMatchObject({
      kind: "news article",
      title: "An inspection of probation services in Marlow Fen has found serious failings",
    });
  });

  it("takes the publisher a page states after 'From:' (GOV.UK's way), on its line or the next", () => {
    const text =
      "News story\nProbation changes announced for Marlow Fen\nThe ministry sets out new rules.\nFrom:\nMinistry of Justice\nPublished\n12 June 2025\nThe rules apply from today.\n";
    expect(meta(text)).toMatchObject({
      publisher: "Ministry of Justice",
      kind: "news article",
      title: "Probation changes announced for Marlow Fen",
      date: "2025-06-12",
    });
    expect(
      meta("Probation changes announced\nFrom: HM Inspectorate of Probation\nThe rules apply from today.\n"),
    ).toMatchObject({ kind: "inspectorate press release" });
  });

  it("says the publisher is not stated for an outlet the data does not know, rather than guessing from its name", () => {
    const text =
      "Marlow Fen probation rated inadequate\nInspectors found too few checks.\nFollow the Wrenford Gazette on X.\n";
    expect(meta(text).publisher).toBe("Publisher not stated");
  });
});

describe("dates", () => {
  const body =
    "Marlow Fen probation service rated inadequate by inspectors\nInspectors found too few checks on risk.\n";

  it("a printed date at the top of the page", () => {
    expect(meta(`${body.split("\n")[0]}\nPublished: 4 March 2024\n${body}`)).toMatchObject({
      date: "2024-03-04",
      dateBasis: "printed",
    });
    expect(meta(`${body.split("\n")[0]}\nThursday 12 June 2025\n${body}`)).toMatchObject({
      date: "2025-06-12",
      dateBasis: "printed",
    });
    expect(meta(`${body.split("\n")[0]}\n10:30, 12 JUN 2025\n${body}`)).toMatchObject({
      date: "2025-06-12",
      dateBasis: "printed",
    });
    expect(meta(`${body.split("\n")[0]}\nUpdated June 12, 2025 5:04pm\n${body}`)).toMatchObject({
      date: "2025-06-12",
      dateBasis: "printed",
    });
  });

  it("an ISO date or /YYYY/MM/ in the page's link", () => {
    expect(meta(body, { url: "https://example.org/news/2024/03/marlow-fen" })).toMatchObject({
      date: "2024-03",
      dateBasis: "url",
    });
    expect(meta(body, { url: "https://example.org/news/marlow-fen-2024-03-07" })).toMatchObject({
      date: "2024-03-07",
      dateBasis: "url",
    });
  });

  it("the year of what the text says is still to come", () => {
    const text = `${body}From April 2026, the service will move to a new office.\n`;
    expect(meta(text)).toMatchObject({
      date: "2026",
      dateBasis: "text",
      dateEvidence: "From April 2026",
      before: "2026-04",
    });
  });

  it("not the year of a deadline still to come: only that the page was written before it", () => {
    const text = `${body}The ministry said it will recruit more officers by March 2027.\n`;
    expect(meta(text)).toMatchObject({ dateBasis: "none", before: "2027-03", beforeEvidence: "by March 2027" });
    expect(meta(text).date).toBeUndefined();
  });

  it("undated: later than the previous inspection it names, and than the latest month it looks back on", () => {
    expect(meta(`${body}The service was previously rated 'Requires improvement' in 2021.\n`)).toMatchObject({
      dateBasis: "none",
      after: "2021",
    });
    expect(meta(`${body}It was previously rated 'Good' in 2019. The office moved in March 2023.\n`)).toMatchObject({
      after: "2023-03",
    });
    expect(meta(body)).toMatchObject({ dateBasis: "none" });
    expect(meta(body).after).toBeUndefined();
  });
});

describe("which inspection is the latest", () => {
  const dated = `Kestrel Vale probation service rated inadequate
date 2021-07-01
Kestrel Vale PDU has been rated 'Inadequate' overall by inspectors.
`;
  const laterUndated = `Kestrel Vale Probation Delivery Unit rated ‘Good’
Kestrel Vale Probation Delivery Unit (PDU) has received an overall rating of ‘Good’ following an inspection by HM Inspectorate of Probation.
The PDU was previously rated 'Inadequate' in 2021.
`;

  it("an undated press release that names the 2021 inspection as previous is the latest", () => {
    const index = corpus({ "a.txt": dated, "b.txt": laterUndated });
    const answer = answerQuestion(index, "Kestrel Vale rating").answer;
    expect(answer.text).toMatch(/is rated \*Good\* overall/);
    expect(answer.text).toMatch(/Previously \*Inadequate\*/);
  });

  it("an undated article is placed at the inspection of its unit that gave its rating, and at the date of a page quoting the same words", () => {
    const good2024 = `Kestrel Vale probation rated good
date 2024-05-02
Kestrel Vale PDU has been rated 'Good' overall by inspectors.
Ada Quill, Chief Inspector of Probation, said: “Leaders here know every person on probation by name and it shows in the work.”
`;
    const oldNews =
      "Kestrel Vale probation judged inadequate\nKestrel Vale PDU was rated 'Inadequate' overall by inspectors.\n";
    const sameQuote =
      "Praise for Kestrel Vale probation\nThe chief inspector said: “Leaders here know every person on probation by name and it shows in the work.”\nKestrel Vale PDU is now rated 'Good'.\n";
    const index = corpus({ "a.txt": dated, "c.txt": good2024, "d.txt": oldNews, "e.txt": sameQuote });
    expect(index.placements.get("d.txt")).toMatchObject({ date: "2021-07" });
    expect(index.placements.get("e.txt")).toMatchObject({ date: "2024-05" });
    expect(
      index.facts
        .filter((f) => f.docId === "d.txt" && f.type === "rating")
        .every((f) => f.inspectionDate === "2021-07"),
    ).toBe(true);
  });

  it("two undated press releases: the one that names the inspectorate as His Majesty's is later than the one that says Her Majesty's", () => {
    const index = corpus({
      "old.txt":
        "Wrenmoor PDU rated ‘Inadequate’\nWrenmoor PDU has received an overall rating of ‘Inadequate’ following an inspection by Her Majesty’s Inspectorate of Probation.\n",
      "new.txt":
        "Wrenmoor PDU rated ‘Good’\nWrenmoor PDU has received an overall rating of ‘Good’ following an inspection by His Majesty’s Inspectorate of Probation.\n",
    });
    expect(index.docsById.get("old.txt")!.meta).toMatchObject({ dateBasis: "none", before: "2022-09" });
    expect(index.docsById.get("new.txt")!.meta).toMatchObject({ dateBasis: "none", after: "2022-09" });
    const answer = answerQuestion(index, "Wrenmoor rating").answer;
    expect(answer.text).toMatch(/is rated \*Good\* overall/);
    expect(answer.text).not.toMatch(/do not say which/);
  });

  it("a press release written after a month may report an inspection from before it: the one with its rating, not a later one", () => {
    const index = corpus({
      "article.txt":
        "Ashcombe probation rated inadequate\ndate 2022-07-20\nAshcombe PDU was inspected in June 2022 and has been rated 'Inadequate' overall by inspectors.\n",
      "release.txt":
        "Ashcombe PDU rated ‘Inadequate’\nAshcombe PDU has received an overall rating of ‘Inadequate’ following an inspection by His Majesty’s Inspectorate of Probation.\n",
    });
    expect(index.docsById.get("release.txt")!.meta).toMatchObject({ after: "2022-09" });
    expect(index.placements.get("release.txt")).toMatchObject({ date: "2022-06" });
    const answer = answerQuestion(index, "Ashcombe rating").answer;
    expect(answer.text).toMatch(/is rated \*Inadequate\* overall/);
    expect(answer.text).not.toMatch(/Previously|Later/);
  });

  it("when the documents do not settle which is later, gives both and says so", () => {
    const index = corpus({
      "a.txt":
        "Harrowmere probation rated requires improvement\ndate 2023-03-01\nHarrowmere PDU has been rated 'Requires improvement' overall by inspectors.\n",
      "b.txt": "Harrowmere probation praised\nHarrowmere PDU has been rated 'Good' overall by inspectors.\n",
    });
    const answer = answerQuestion(index, "Harrowmere rating").answer;
    expect(answer.text).toMatch(/rated \*Requires improvement\* overall/);
    expect(answer.text).toMatch(
      /Another document gives \*Good\*; the documents do not say which inspection is the later one/,
    );
    expect(answer.citations.map((c) => c.doc)).toEqual(expect.arrayContaining(["a.txt", "b.txt"]));
  });
});
