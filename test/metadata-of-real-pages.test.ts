// Kind, publisher, title and date of real pages, as their text says (and, where a link is given, as it says):
// five page openings of other units in ../shared/eval/documents (read from there, never copied) and the seeds.
import { existsSync, readFileSync, readdirSync } from "node:fs";
import { join, resolve } from "node:path";
import { describe, expect, it } from "vitest";
import { inferMeta } from "../src/corpus/metadata.js";
import { indexDocuments, readDocuments } from "../src/search/load.js";
import { answerQuestion } from "../src/engine.js";
import type { DocumentMeta, SourceEntry } from "../src/types.js";
import { SEEDS, seedFile } from "./support/engine.js";

const SHARED = resolve(process.cwd(), "../shared/eval/documents");
const haveShared = existsSync(SHARED);

const sharedFile = (prefix: string) => readdirSync(SHARED).find((f) => f.startsWith(prefix))!;
const metaOf = (dir: string, file: string, source: SourceEntry = {}): DocumentMeta =>
  inferMeta(file, readFileSync(join(dir, file), "utf8"), source, new Date(0));
const shared = (prefix: string, source: SourceEntry = {}) => metaOf(SHARED, sharedFile(prefix), source);
const seed = (prefix: string) => metaOf(SEEDS, seedFile(prefix));

/** The page addresses the provenance file gives (only the addresses: the rest of it is what we must find). */
function urlOf(prefix: string): string {
  const provenance = JSON.parse(readFileSync(resolve(SHARED, "../documents.provenance.json"), "utf8")) as Record<
    string,
    { url?: string }
  >;
  return provenance[prefix]!.url!;
}

describe.skipIf(!haveShared)("metadata of real pages of other units, from their text alone", () => {
  it("an inspectorate press release under cookie, licence and address furniture: its headline, the inspectorate, a year from what is still to come", () => {
    const meta = shared("100");
    expect(meta).toMatchObject({
      kind: "inspectorate press release",
      publisher: "HM Inspectorate of Probation",
      title: "Swansea Neath Port Talbot Probation Delivery Unit – ‘Requires improvement’",
      date: "2025",
      dateBasis: "text",
      dateEvidence: "from October 2025",
    });
  });

  it("an inspectorate press release that speaks as 'our new … inspection methodology': undated, later than the last month it looks back on, and from the time of Her Majesty's Inspectorate", () => {
    const meta = shared("101");
    expect(meta).toMatchObject({
      kind: "inspectorate press release",
      publisher: "HM Inspectorate of Probation",
      dateBasis: "none",
      after: "2021-06",
      before: "2022-09",
    });
    expect(meta.beforeEvidence).toMatch(/Her Majesty's Inspectorate of Probation/);
    expect(meta.title).toBe("Swansea Neath Port Talbot Probation Delivery Unit rated ‘Inadequate’");
    expect(meta.date).toBeUndefined();
  });

  it("a news article with no masthead in its text: publisher not stated, undated but later than the inspection it calls previous", () => {
    const meta = shared("102");
    expect(meta).toMatchObject({
      kind: "news article",
      publisher: "Publisher not stated",
      dateBasis: "none",
      after: "2022",
    });
    expect(meta.title).toBe("Watchdog finds “weakest area of practice” in public protection");
    expect(meta.afterEvidence).toMatch(/since 2022|previously rated “inadequate” in 2022/);
  });

  it("the web version of a report's foreword: an inspection report of the inspectorate, undated", () => {
    const meta = shared("103");
    expect(meta).toMatchObject({
      kind: "inspection report",
      publisher: "HM Inspectorate of Probation",
      title: "An inspection of probation services in Cwm Taf Morgannwg PDU",
      dateBasis: "none",
    });
    expect(meta.date).toBeUndefined();
  });

  it("a regional newspaper's article that quotes the inspectorate: a news article, publisher not stated, undated but written since the inspectorate became His Majesty's", () => {
    const meta = shared("104");
    expect(meta).toMatchObject({
      kind: "news article",
      publisher: "Publisher not stated",
      dateBasis: "none",
      after: "2022-09",
    });
    expect(meta.title).toBe(
      "‘Inadequate’ probation service showed ‘worrying’ lack of attention to keeping people safe - report",
    );
    expect(meta.date).toBeUndefined();
  });

  it("with their links given (as sources.json would): the outlet from its address, the date from /YYYY/MM/ or the year in the slug", () => {
    expect(shared("101", { url: urlOf("101") })).toMatchObject({
      publisher: "HM Inspectorate of Probation",
      date: "2022-01",
      dateBasis: "url",
    });
    expect(shared("102", { url: urlOf("102") })).toMatchObject({ publisher: "Swansea Bay News", kind: "news article" });
    expect(shared("103", { url: urlOf("103") })).toMatchObject({
      kind: "inspection report",
      date: "2025",
      dateBasis: "url",
    });
    expect(shared("104", { url: urlOf("104") }).publisher).toBe("Lincolnshire Free Press / Spalding Guardian");
  });

  it("sources.json overrides what the page says", () => {
    const meta = shared("100", {
      title: "Given title",
      publisher: "Given publisher",
      date: "2025-09-18",
      kind: "news article",
    });
    expect(meta).toMatchObject({
      title: "Given title",
      publisher: "Given publisher",
      date: "2025-09-18",
      dateBasis: "given",
      kind: "news article",
    });
  });
});

describe.skipIf(!haveShared)(
  "which Swansea inspection is the latest, with the seeds and the five pages together",
  () => {
    // The seeds and the five pages, each read where it is.
    const index = indexDocuments([...readDocuments(SEEDS), ...readDocuments(SHARED)]);

    it("places the undated pages by what the others say: the 2022 press release by its rating, the article by the words it shares", () => {
      const { placements } = index;
      expect(placements.get(sharedFile("101"))).toMatchObject({ date: "2022" });
      expect(placements.get(sharedFile("102"))).toMatchObject({ date: "2025" });
      expect(placements.get(sharedFile("102"))!.evidence).toMatch(/same words/);
    });

    it("answers the later rating as the current one, and the 2022 one as the previous", () => {
      const answer = answerQuestion(index, "Swansea rating").answer;
      expect(answer.text).toMatch(/is rated \*Requires improvement\* overall/);
      expect(answer.text).toMatch(/Previously \*Inadequate\* \(inspection of 2022\)/);
    });

    it("leaves the seeds' current ratings as they were", () => {
      expect(answerQuestion(index, "LLR rating").answer.text).toMatch(
        /is rated \*Inadequate\* overall, score \*3\/21\*/,
      );
    });
  },
);

describe("metadata of the seeds", () => {
  it("BBC articles by their own masthead ('Follow BBC …'), undated; the first later than the 2022 inspection it looks back on", () => {
    expect(seed("000")).toMatchObject({
      kind: "news article",
      publisher: "BBC News",
      dateBasis: "none",
      after: "2022",
      title: "Probation service found 'inadequate' by inspectors",
    });
    expect(seed("001")).toMatchObject({
      kind: "news article",
      publisher: "BBC News",
      dateBasis: "none",
      title: "Region's probation services rated inadequate",
    });
  });

  it("the report: its cover's title, the inspectorate and the printed month", () => {
    expect(seed("002")).toMatchObject({
      kind: "inspection report",
      publisher: "HM Inspectorate of Probation",
      title: "An inspection of probation services in: Leicester, Leicestershire and Rutland PDU",
      date: "2025-05",
      dateBasis: "printed",
    });
  });

  it("articles without a masthead: publisher not stated; a printed date where the page has one", () => {
    expect(seed("003")).toMatchObject({
      kind: "news article",
      publisher: "Publisher not stated",
      date: "2023-02-09",
      dateBasis: "printed",
    });
    expect(seed("004")).toMatchObject({ kind: "news article", publisher: "Publisher not stated", dateBasis: "none" });
    expect(seed("004").title).toMatch(
      /^Inspection reports reveal serious concerns with probation services in Derby City/,
    );
  });
});
