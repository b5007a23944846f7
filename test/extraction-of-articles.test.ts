import { describe, expect, it } from "vitest";
import type { QuotationFact, RatingFact } from "../src/types.js";
import { seeds, seedFile } from "./support/engine.js";

const factsOf = (prefix: string) => seeds.facts.filter((f) => f.docId === seedFile(prefix));
const ratingsOf = (prefix: string) => factsOf(prefix).filter((f): f is RatingFact => f.type === "rating");
const quotesOf = (prefix: string) => factsOf(prefix).filter((f): f is QuotationFact => f.type === "quotation");

describe("news articles", () => {
  it("read the date from a 'date YYYY-MM-DD' line and drop it from the title", () => {
    const meta = seeds.docsById.get(seedFile("003"))!.meta;
    expect(meta).toMatchObject({ kind: "news article", date: "2023-02-09" });
    expect(meta.title).toBe("Leicester, Leicestershire and Rutland probation service 'inadequate'");
  });

  it("give each unit of a two-unit sentence its own rating", () => {
    const byUnit = Object.fromEntries(ratingsOf("003").map((r) => [r.unitKey, r.rating]));
    expect(byUnit).toEqual({
      "leicester, leicestershire and rutland": "Inadequate",
      "derby city": "Requires improvement",
    });
  });

  it("date an article's ratings by the inspection it reports on", () => {
    expect(ratingsOf("003").every((r) => r.inspectionDate === "2022-11")).toBe(true);
  });

  it("attach an article's inspection points to the overall rating", () => {
    const llr = ratingsOf("003").find((r) => r.unitKey === "leicester, leicestershire and rutland")!;
    expect(llr.score).toBe("2/27");
  });

  it("tell a region's overall rating from the standards it names", () => {
    const region = ratingsOf("001");
    expect(region.find((r) => r.standard === "overall")?.rating).toBe("Inadequate");
    expect(region.find((r) => r.standard === "leadership")?.rating).toBe("Requires improvement");
    expect(region.find((r) => r.standard === "victims")?.rating).toBe("Good");
    expect(region.every((r) => r.unitKey === "east midlands")).toBe(true);
  });

  it("resolve 'Mr Jones' and 'A spokesperson' to who they are", () => {
    const speakers = quotesOf("000").map((q) => q.speaker);
    expect(speakers).toContain("Martin Jones, chief inspector of probation");
    expect(speakers).toContain("Ministry of Justice spokesperson");
  });

  it("carry a quotation on into the next paragraph that opens with a quote mark", () => {
    const moj = quotesOf("001").filter((q) => /Ministry of Justice/.test(q.speaker));
    expect(moj.map((q) => q.words).join(" ")).toMatch(/45%.*£700m.*1,300/);
  });

  it("merge the units named across documents, keeping derived aliases", () => {
    const keys = seeds.units.map((u) => u.key);
    expect(keys).toEqual(
      expect.arrayContaining(["leicester, leicestershire and rutland", "east midlands", "derby city"]),
    );
    expect(seeds.units.find((u) => u.key === "derby city")!.aliases).toContain("Derby");
  });
});

describe("two ratings in one sentence", () => {
  it("each take the year of their own clause", async () => {
    const { parseDocument } = await import("../src/corpus/parse.js");
    const { inferMeta } = await import("../src/corpus/metadata.js");
    const text =
      "Kestrel probation now rated good\ndate 2025-06-01\nThe Kestrel Vale probation service was rated as requires improvement in 2023, and has now been rated good by inspectors.\n";
    const doc = parseDocument({ meta: inferMeta("a.txt", text, {}, new Date(0)), text });
    const ratings = doc.facts
      .filter((f): f is RatingFact => f.type === "rating")
      .map((r) => [r.rating, r.inspectionDate]);
    expect(ratings).toContainEqual(["Requires improvement", "2023"]);
    expect(ratings).toContainEqual(["Good", "2025-06"]);
    expect(ratings).not.toContainEqual(["Good", "2023"]);
  });
});
