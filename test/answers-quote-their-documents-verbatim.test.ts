import { describe, expect, it } from "vitest";
import { ask, foldedFile, second, SECOND, seeds, SEEDS } from "./support/engine.js";

const QUESTIONS = [
  "LLR rating",
  "derby city rating",
  "east midlands leadership rating",
  "LLR planning rating",
  "LLR score",
  "how many people on licence does LLR supervise",
  "staff survey wellbeing",
  "what did inspectors find about domestic abuse",
  "what did the MoJ say about the east midlands report",
  "east midlands recommendations",
  "LLR recommendations",
  "progress on the risk of harm recommendation",
  "leicester then and now",
  "compare LLR and Derby",
  "reviewing keeping other people safe",
  "what did the chief inspector say about LLR",
  "where are the LLR offices",
  "how many probation officers is the government recruiting",
];

/** Numbers as a reader sees them: "1,364" and "1364" alike. */
const numbersIn = (text: string) =>
  (text.match(/\d[\d,.]*\d|\d/g) ?? []).map((n) => n.replace(/,/g, "").replace(/\.$/, ""));

describe.each([
  ["the seeds", seeds, SEEDS, QUESTIONS],
  [
    "the second corpus",
    second,
    SECOND,
    [
      "AWV rating",
      "ashcombe recommendations",
      "how many people on licence does Ashcombe supervise",
      "what did the chief inspector say",
    ],
  ],
] as const)("answers from %s", (_name, index, dir, questions) => {
  it.each(questions)("%s: every quote stands verbatim in the document it cites", (question) => {
    const answer = ask(index, question);
    expect(answer.citations.length).toBeGreaterThan(0);
    for (const c of answer.citations) {
      const doc = foldedFile(dir, c.doc);
      for (const piece of c.quote.split(" … ")) {
        const folded = piece
          .toLowerCase()
          .replace(/[\u2018\u2019]/g, "'")
          .replace(/[\u201c\u201d]/g, '"')
          .replace(/[\u2013\u2014]/g, "-")
          .replace(/[*_`#[\]]/g, "")
          .replace(/\s+/g, " ")
          .trim();
        expect(doc).toContain(folded);
      }
      expect(c.title.length).toBeGreaterThan(0);
      expect(c.publisher.length).toBeGreaterThan(0);
    }
  });

  it.each(questions)("%s: every figure in the reply is in one of its quotes", (question) => {
    const answer = ask(index, question);
    const quoted = new Set(answer.citations.flatMap((c) => numbersIn(c.quote)));
    const lead = answer.text
      .split("\n")
      .filter((l) => !l.startsWith(">"))
      .join("\n");
    for (const n of numbersIn(lead)) expect(quoted, `${n} in "${lead}"`).toContain(n);
  });
});
