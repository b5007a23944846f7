// The typed query (units, body, period, answer type, speaker) of questions nobody tuned the engine on,
// on the seeds and on an invented report (Kestrelmoor PDU, previously inspected in 2022).
import { join } from "node:path";
import { describe, expect, it } from "vitest";
import { loadCorpus } from "../src/engine.js";
import { analyseQuestion } from "../src/answer/question.js";
import { answerQuestion } from "../src/answer/answer.js";
import { ask, converse, seeds } from "./support/engine.js";

const kestrelmoor = loadCorpus(join(import.meta.dirname, "fixtures/query-corpus"));
const query = (text: string, index = seeds) => analyseQuestion(index, text, {});

describe("the body asked about", () => {
  it.each([
    ["HMP Leicester inspection rating", "prison", "HMP Leicester"],
    ["how is Leicester prison rated", "prison", "Leicester prison"],
    ["Leicestershire Police rating", "police force", "Leicestershire Police"],
    ["Derby Crown Court verdict", "court", "Derby Crown Court"],
    ["hmp kestrelmoor rating", "prison", "hmp kestrelmoor"],
    ["hmp leicestr rating", "prison", "hmp leicestr"],
  ])("%s is a %s the documents do not cover", (text, kind, name) => {
    const q = query(text, text.includes("kestrelmoor") ? kestrelmoor : seeds);
    expect(q.body).toEqual({ covered: false, kind, name });
  });

  it.each([
    "LLR court work rating",
    "what share of court reports were good enough",
    "how many of those are in prison?",
    "police checks in LLR",
    "Derby rating",
    "what do inspectors say about work with Leicestershire Police",
    "Leicestershire Police's role in LLR",
    "referrals from HMP Leicester",
    "how many women in prison",
  ])("%s is about probation", (text) => expect(query(text).body).toEqual({ covered: true, kind: "probation unit" }));

  it("a region is a region", () =>
    expect(query("east midlands regional rating").body).toEqual({ covered: true, kind: "region" }));
});

describe("the period", () => {
  it.each([
    ["LLR rating in 2022", { kind: "year", year: "2022" }],
    ["what will they be rated next time?", { kind: "future" }],
    ["LLR rating in 2031", { kind: "future", year: "2031" }],
    ["who was chief inspector at the time?", { kind: "then" }],
    ["what was it rated before?", { kind: "previous" }],
    ["LLR's latest rating", { kind: "latest" }],
  ])("%s", (text, period) => expect(query(text).period).toEqual(period));

  it("'then and now' compares; it names no period", () => expect(query("LLR then and now").period).toBeUndefined());
});

describe("the answer type", () => {
  it.each([
    ["when was Derby inspected?", "date"],
    ["who was the chief inspector?", "person"],
    ["why was LLR rated inadequate?", "reason"],
    ["which key question scored highest?", "extreme"],
    ["LLR vs Derby", "comparison"],
    ["has that improved?", "comparison"],
    ["how many people does LLR supervise?", "quantity"],
    ["LLR planning rating", "rating"],
    ["what did the chief inspector say about staffing?", "quotation"],
    ["source?", "meta"],
    ["tell me about domestic abuse", "passage"],
  ])("%s asks for a %s", (text, type) => expect(query(text).answerType).toBe(type));

  it("the speaker is who is asked to be quoted", () => {
    expect(query("what did the Ministry of Justice say about the LLR report").speaker).toBe("Ministry of Justice");
    expect(query("what should leaders prioritise according to Martin Jones?").speaker).toBe("Martin Jones");
  });
});

describe("the units", () => {
  it("two units named with 'vs' are both units, and 'vs' is none", () => {
    const q = query("derby vs llr scores");
    expect(q.unitKeys).toHaveLength(2);
    expect(q.unknownNames).toEqual([]);
  });

  it.each([
    "how did em do",
    "what about minorities",
    "how many ppl from minorities does llr supervise",
    "what will they be rated next time?",
  ])("%s names no unit the documents lack", (text) => expect(query(text).unknownNames).toEqual([]));

  it("an ordinary word the small corpus does not use is no name; a place is", () => {
    expect(query("what will they be rated next time?", kestrelmoor).unknownNames).toEqual([]);
    expect(query("Birmingham rating", kestrelmoor).unknownNames).toEqual(["Birmingham"]);
  });

  it.each([
    "what did the PDU Head say about OASys",
    "Risk Of Serious Harm (ROSH) in LLR",
    "Multi-Agency Public Protection Arrangements (MAPPA) in Derby",
    "how many POs does LLR have",
  ])("%s: a term's name or the question's own initials are no unit", (text) => {
    expect(query(text).unknownNames).toEqual([]);
    expect(ask(seeds, text).answered).toBe(true);
  });

  it("case makes no unit: a title-cased follow-up is about the thread's unit, a place in it is still refused", () => {
    const [, budget] = converse(seeds, "LLR rating", "What Is The Budget?");
    expect(budget!.answered).toBe(true);
    expect(budget!.text).toMatch(
      /^I don't have (?:anything|figures) on \*budget\* for \*Leicester, Leicestershire and Rutland PDU\*/,
    );
    const [, birmingham] = converse(seeds, "LLR rating", "What About Birmingham?");
    expect(birmingham!.answered).toBe(false);
  });

  it("an ordinary word written as a unit's name is one ('Nowhere PDU')", () => {
    expect(query("Nowhere PDU rating").unknownNames).toEqual(["Nowhere"]);
    expect(ask(seeds, "Nowhere PDU rating").answered).toBe(false);
  });

  it("an English word is not 'corrected' into another ('happened' is not 'hampered'); a misspelling still is", () => {
    expect(query("what happened with the offices in LLR").topic).toBe("offices");
    expect(query("LLR planing rating").standard).toBe("planning");
  });

  it("a keyword that ends inside a word leaves no fragment as topic ('when was Derby inspected?')", () => {
    const q = query("When was Derby inspected?");
    expect(q.topic).toBe("");
    expect(q.offTopic).toBe(false);
    expect(ask(seeds, "When was Derby inspected?").answered).toBe(true);
  });

  it("'has that improved?' does not search for 'improved'", () => expect(query("has that improved?").topic).toBe(""));

  it("words that ask for a kind of figure are not its topic; a measure named is", () => {
    expect(query("what share of court reports were good enough in 2022").topic).toBe("court reports enough");
    expect(query("what percentage of practitioners felt they had sufficient skills").topic).toBe(
      "practitioners felt sufficient skills",
    );
    expect(query("how often was management oversight sufficient").topic).toBe("management oversight sufficient");
    expect(query("PSO caseload in LLR").topic).toContain("caseload");
    const answer = ask(seeds, "what share of court reports were good enough in 2022");
    expect(answer.citations[0]!.quote).toContain("5%");
  });
});

describe("follow-ups merged with their thread", () => {
  it("a unit the corpus lacks replaces the thread's unit and is refused", () => {
    for (const follow of ["birmingham rating", "what about Birmingham?", "Birmingham score"]) {
      const [, answer] = converse(seeds, "LLR rating", follow);
      expect(answer!.answered, follow).toBe(false);
      expect(answer!.text).not.toMatch(/Inadequate|3\/21/);
      expect(answer!.text).toMatch(/no inspection of \*Birmingham\*/i);
    }
  });

  it("a prison in a thread about the probation unit of the same town is refused", () => {
    const [, answer] = converse(seeds, "LLR rating", "HMP Leicester inspection rating");
    expect(answer!.answered).toBe(false);
    expect(answer!.text).toContain("HMP Leicester");
    expect(answer!.text).not.toMatch(/3\/21|Inadequate/);
  });

  it("'at that time' keeps the thread's inspection", () => {
    const [, then] = converse(seeds, "LLR rating in 2022", "and the score at that time?");
    const lead = then!.text.split("\n")[0]!;
    expect(lead).toContain("two inspection points out a possible 27");
    expect(lead).not.toContain("3/21");
    const [, now] = converse(seeds, "LLR rating", "and the score at that time?");
    expect(now!.text).toContain("3/21");
  });

  it("a follow-up that names no period keeps the thread's year, and says when that year has no such rating", () => {
    const [, answer] = converse(seeds, "LLR rating in 2022", "and planning?");
    expect(answer!.answered).toBe(true);
    expect(answer!.text).toMatch(/no planning rating .* from 2022/);
    expect(answer!.citations).toEqual([]);
  });

  it("'has that improved?' compares the thread's unit then and now", () => {
    const [, answer] = converse(kestrelmoor, "Kestrelmoor rating", "has that improved?");
    expect(answer!.intent).toBe("compare");
    expect(answer!.text).toMatch(/2022: \*Inadequate\*/);
    expect(answer!.text).toMatch(/Requires improvement\*, score 7\/21/);
  });

  it("'is it getting better?' compares too, and words of conversation do not make it off-topic", () => {
    const [, answer] = converse(kestrelmoor, "Kestrelmoor rating", "is it getting better?");
    expect(answer!.answered).toBe(true);
    expect(answer!.intent).toBe("compare");
  });

  it("'what was it before?' gives the earlier inspection", () => {
    const [, answer] = converse(kestrelmoor, "Kestrelmoor rating", "what was it before?");
    expect(answer!.text).toMatch(/^\*Kestrelmoor PDU\* was rated \*Inadequate\* overall \(inspection of 2022\)/);
  });

  it("a question across units in an old thread is not stuck on the thread's unit", () => {
    const [, answer] = converse(seeds, "Derby rating", "which units are inadequate?");
    expect(answer!.text).toContain("Leicester, Leicestershire and Rutland PDU");
    expect(answer!.text).toContain("East Midlands region");
    expect(answer!.text).not.toContain("Derby City");
  });

  it("a topic of its own after a rating asks about that topic in the thread's unit", () => {
    const [, answer] = converse(seeds, "LLR rating", "and minorities?");
    expect(answer!.answered).toBe(true);
    expect(answer!.intent).toBe("finding");
    expect(answer!.citations.some((c) => /ethnic minority/.test(c.quote))).toBe(true);
  });
});

describe("refusals that are right", () => {
  it.each([
    ["LLR rating", "what will they be rated next time?"],
    ["Kestrelmoor rating", "what will they be rated next time?"],
    ["Kestrelmoor rating", "Kestrelmoor Crown Court rating"],
    ["Kestrelmoor rating", "what's the weather in Kestrelmoor tomorrow"],
    ["Kestrelmoor rating", "what's the weather in Kestrelmoor"],
  ])("%s → %s is not answered", (first, second) => {
    const [, answer] = converse(first.startsWith("Kestrelmoor") ? kestrelmoor : seeds, first, second);
    expect(answer!.answered).toBe(false);
    expect(answer!.citations).toEqual([]);
    expect(answer!.text).not.toMatch(/7\/21|3\/21/);
  });

  it("a covered unit and a figure the documents do not give: I don't have that", () => {
    const answer = converse(kestrelmoor, "Kestrelmoor rating", "what's the budget?")[1]!;
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/^I don't have (?:anything|figures) on \*budget\* for \*Kestrelmoor PDU\*/);
  });

  it("a year with no rating is said, never filled with another inspection's", () => {
    const answer = ask(seeds, "Derby rating in 2025");
    expect(answer.text).toMatch(/no overall rating of \*Derby City\* from 2025/);
    expect(answer.text).not.toMatch(/Requires improvement/);
  });

  it("what someone said in a year is what they said then", () => {
    expect(ask(kestrelmoor, "what did the ministry say in 2022?").citations).toEqual([]);
    expect(ask(kestrelmoor, "what did the ministry say in 2025?").citations[0]!.quote).toContain("30 more officers");
    expect(ask(seeds, "what did the ministry say in 2022?").citations).toEqual([]);
  });
});

describe("the future, asked many ways", () => {
  it.each([
    "who will inspect LLR next?",
    "will it improve?",
    "what's the forecast for next year?",
    "what will LLR be rated in 2031?",
  ])("%s is not answered", (text) => {
    const [, answer] = converse(seeds, "LLR rating", text);
    expect(answer!.answered).toBe(false);
    expect(answer!.text).toMatch(/can't tell what comes next/);
  });

  it("an off-topic question about a covered unit is not answered, a weak domain word does not make it one", () => {
    expect(converse(seeds, "LLR rating", "what was the weather like during the inspection?")[1]!.answered).toBe(false);
    expect(ask(seeds, "LLR inspection").answered).toBe(true);
  });
});

describe("'at the time' is the inspection the thread was about", () => {
  it("who was chief inspector in a year is read from that year's documents, not from a later one recalling it", () => {
    const answer = ask(seeds, "who was the chief inspector in 2022?");
    expect(answer.citations[0]!.quote).toContain("Justin Russell");
    expect(answer.text).not.toContain("Martin Jones");
  });

  it("who was chief inspector then is answered from that inspection's documents", () => {
    const [, then] = converse(
      kestrelmoor,
      "what happened with flooding at Kestrelmoor?",
      "who was chief inspector at the time?",
    );
    expect(then!.citations.map((c) => c.quote).join(" ")).toContain("Hollis Brandt");
    expect(then!.text).not.toContain("Rowan Castell");
    const [, now] = converse(
      kestrelmoor,
      "what did inspectors say about the duty rota in Kestrelmoor?",
      "who was chief inspector at the time?",
    );
    expect(now!.citations.map((c) => c.quote).join(" ")).toContain("Rowan Castell");
    expect(now!.text).not.toContain("Hollis Brandt");
  });
});

describe("figures and recommendations of the period asked, never another inspection's", () => {
  it("a figure of a year the documents give none for is not the latest report's", () => {
    const answer = ask(seeds, "how many people did LLR supervise in 2022?");
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/^I don't have figures on .* from 2022/);
    expect(answer.text).not.toMatch(/1,364|939/);
  });

  it("'at that time' keeps figures to the thread's inspection", () => {
    const [, answer] = converse(seeds, "LLR rating in 2022", "how many recommendations were made at that time?");
    expect(answer!.text).not.toMatch(/\bsix recommendations\b/);
  });

  it("recommendations of a year with none are said to be missing", () => {
    const answer = ask(kestrelmoor, "Kestrelmoor recommendations in 2022");
    expect(answer.text).toMatch(/no recommendations .*from 2022/);
    expect(answer.text).not.toMatch(/protected caseload|home visit/);
    expect(ask(kestrelmoor, "Kestrelmoor recommendations in 2025").text).toContain("protected caseload");
  });
});

describe("two units compared", () => {
  it.each(["which is worse, Derby or LLR?", "is LLR better than Derby?"])("%s answers for both units", (text) => {
    const answer = ask(seeds, text);
    expect(answer.answered).toBe(true);
    expect(answer.intent).toBe("compare");
    expect(answer.text).toContain("Derby City");
    expect(answer.text).toContain("Leicester, Leicestershire and Rutland PDU");
  });
});

describe("what the merge takes from the thread", () => {
  it("records the slots a follow-up leaves empty and the thread fills", () => {
    let context = {};
    const first = answerQuestion(kestrelmoor, "Kestrelmoor planning rating", context);
    context = first.context;
    const follow = answerQuestion(kestrelmoor, "any figures?", context);
    expect(follow.query.unitKeys).toEqual(["kestrelmoor"]);
    expect(follow.query.fromThread).toContain("units");
    const own = answerQuestion(kestrelmoor, "what did inspectors find about domestic abuse in Kestrelmoor?", context);
    expect(own.query.fromThread).not.toContain("units");
    expect(own.query.fromThread).not.toContain("topic");
  });

  it("'any numbers?' after a finding gives figures on the thread's topic, not a heading's numbering", () => {
    const [, answer] = converse(kestrelmoor, "tell me about caseloads in Kestrelmoor", "any numbers?");
    expect(answer!.text).toContain("39");
  });
});

describe("the speaker asked for", () => {
  it("'according to' someone asks for their words, on the question's topic, continued over paragraphs", () => {
    const answer = ask(kestrelmoor, "what should Kestrelmoor leaders prioritise according to Rowan Castell");
    expect(answer.intent).toBe("quotation");
    expect(answer.text).toMatch(/^What \*Rowan Castell[^*]*\* said about \*Kestrelmoor PDU\*/);
    expect(answer.citations.some((c) => c.quote.includes("Leaders now need to prioritise"))).toBe(true);
  });
});

describe("'when was X inspected?' asks for a date", () => {
  it("gives each inspection's date as its documents state it, latest first", () => {
    const answer = ask(kestrelmoor, "When was Kestrelmoor inspected?");
    expect(answer.text).toMatch(/^\*Kestrelmoor PDU\*: inspected \*March 2025\*/);
    expect(answer.text).toMatch(/Also: \*2022\*/);
    expect(answer.citations[0]!.quote).toContain("March 2025");
  });

  it("'last inspected' is the latest only, 'the previous inspection' the one before", () => {
    expect(ask(kestrelmoor, "when was Kestrelmoor last inspected?").text).not.toContain("2022");
    const [, previous] = converse(seeds, "LLR rating", "when was the previous inspection?");
    expect(previous!.text).toMatch(/inspected \*November and December 2022\*/);
  });

  it("a unit whose documents give no date of a visit gets its rating instead", () => {
    const answer = ask(seeds, "when was the east midlands region inspected");
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/East Midlands region\* is rated/);
  });
});

describe("an extreme of key-question scores", () => {
  it("'which key question scored highest?' in a thread gives the unit's highest, not its rating", () => {
    const [, answer] = converse(seeds, "LLR rating", "which key question scored highest?");
    expect(answer!.text).toMatch(
      /highest key-question score:\n• Does assessment focus sufficiently on the factors linked to offending and desistance\? \(Assessment\) \*73%\*/,
    );
    expect(answer!.citations[0]!.quote).toContain("73%");
  });

  it("the lowest, within a standard", () => {
    const answer = ask(seeds, "LLR planning: which key question was worst?");
    expect(answer.text).toMatch(
      /lowest key-question score in planning:\n• Does planning focus sufficiently on keeping other people safe\? \(Planning\) \*44%\*/,
    );
  });
});

describe("questions across units keep to the year asked", () => {
  it("'who was inspected in 2022?' lists the units with a rating of a 2022 inspection, not their latest", () => {
    const answer = ask(seeds, "who was inspected in 2022?");
    expect(answer.answered).toBe(true);
    expect(answer.text).toMatch(/^Overall ratings from (?:2022|the year asked) in the documents:/);
    expect(answer.text).toContain("Derby City");
    expect(answer.text).not.toContain("3/21");
  });

  it("a year with no inspection is said, in a thread too", () => {
    const [, answer] = converse(seeds, "LLR rating", "which units were inspected in 2019?");
    expect(answer!.text).toBe("The documents give no overall rating for any unit from 2019.");
  });
});

describe("'the previous inspection' is the one before the latest", () => {
  it("figures of the previous inspection are not the latest report's", () => {
    const answer = ask(seeds, "how many people did LLR supervise at the previous inspection?");
    expect(answer.text).toMatch(/^I don't have figures on/);
    expect(answer.text).not.toMatch(/1,364|939/);
  });

  it("a unit with no earlier inspection has no figures of one", () => {
    const [, answer] = converse(seeds, "Derby rating", "how many cases did inspectors look at previously?");
    expect(answer!.text).toMatch(/^I don't have figures on/);
    expect(answer!.text).toContain("no inspection of *Derby City* before this one");
  });
});

describe("'before' in ordinary use names no period", () => {
  it("'assessed before release' is no question about the previous inspection", () => {
    expect(query("how many people were assessed before release in LLR?").period).toBeUndefined();
    expect(query("and what was it before?").period).toEqual({ kind: "previous" });
  });
});

describe("the future: forecasts refused, stated plans answered", () => {
  it.each(["how many officers will be recruited?", "how much more will be invested in probation by 2028?"])(
    "%s is answered from what the documents say is planned",
    (text) => {
      const answer = ask(seeds, text);
      expect(answer.answered).toBe(true);
      expect(answer.citations.length).toBeGreaterThan(0);
    },
  );
});

describe("vague questions about a covered unit are answered, not refused as off-topic", () => {
  it.each([
    "Give me the low-down on Derby",
    "What's the story with the East Midlands?",
    "How are things going at LLR?",
  ])("%s", (text) => {
    expect(ask(seeds, text).answered).toBe(true);
  });

  it("a date is routed only when a word asks for one ('Leicester inspection summary' is no date question)", () => {
    expect(ask(seeds, "Leicester inspection summary").text).not.toMatch(/: inspected \*/);
  });
});

describe("words of conversation in a thread are no unit names", () => {
  it.each(["anything else?", "thanks"])("%s", (text) => {
    const [, answer] = converse(seeds, "LLR rating", text);
    expect(answer!.text).not.toMatch(/I have no inspection of/);
  });

  it("a place the documents name but do not inspect is still refused as a unit", () => {
    const [, answer] = converse(seeds, "LLR rating", "what about Coalville?");
    expect(answer!.answered).toBe(false);
    expect(answer!.text).toMatch(/no inspection of \*Coalville\*/);
  });
});

describe("a span of years", () => {
  it("'since 2022' runs to now: it names no period of its own; 'in 2022' does", () => {
    expect(analyseQuestion(seeds, "has LLR improved since 2022?", {}).period?.year).toBeUndefined();
    expect(analyseQuestion(seeds, "LLR rating in 2022", {}).period).toEqual({ kind: "year", year: "2022" });
  });
});
