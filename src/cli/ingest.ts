// npm run ingest -- FILE… [--title T] [--publisher P] [--date YYYY-MM-DD] [--url U] [--corpus DIR]
import type { ParsedDocument, RatingFact } from "../types.js";
import { IngestError, ingestFiles, type IngestResult } from "../ingest/ingest.js";
import { corpusDirFrom } from "./common.js";
import { datingSummary, loadCorpus, PUBLISHER_UNKNOWN, type Placement } from "../engine.js";

/** The parser's own words for it, so that the warning is given once. */
const NO_UNIT_WARNING = "no probation unit (PDU, region or service) named";

const OPTIONS = ["--title", "--publisher", "--date", "--url", "--corpus"];

function parseArgs(argv: string[]): { files: string[]; options: Record<string, string> } {
  const files: string[] = [];
  const options: Record<string, string> = {};
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i]!;
    if (OPTIONS.includes(arg)) {
      const value = argv[++i];
      if (value === undefined) throw new IngestError(`${arg} needs a value`);
      options[arg.slice(2)] = value;
    } else if (arg.startsWith("--")) throw new IngestError(`unknown option ${arg} (known: ${OPTIONS.join(", ")})`);
    else files.push(arg);
  }
  return { files, options };
}

/** A one-line bar on stderr, only for several files and a terminal. */
function progress(total: number): ((done: number, total: number, file: string) => void) | undefined {
  if (total < 2 || !process.stderr.isTTY) return undefined;
  return (done, all, file) => {
    const width = 24;
    const filled = Math.round((done / all) * width);
    process.stderr.write(
      `\r[${"#".repeat(filled)}${"-".repeat(width - filled)}] ${done}/${all} ${file.slice(-40).padEnd(40)}`,
    );
    if (done === all) process.stderr.write("\n");
  };
}

/** What the document does not say about itself; each can be given with an option. */
function metadataWarnings(doc: ParsedDocument): string[] {
  const warnings: string[] = [];
  const bounds = [
    doc.meta.after && `later than ${doc.meta.after}`,
    doc.meta.before && `earlier than ${doc.meta.before}`,
  ]
    .filter(Boolean)
    .join(" and ");
  if (!doc.meta.date)
    warnings.push(
      `no date found (${bounds ? `only that it is ${bounds}` : "undated"}); give --date YYYY-MM-DD if you know it`,
    );
  if (doc.meta.publisher === PUBLISHER_UNKNOWN)
    warnings.push("no publisher found on the page; give --publisher or --url");
  if (doc.units.length === 0) warnings.push(NO_UNIT_WARNING);
  return warnings;
}

function summary(doc: ParsedDocument): string[] {
  const ratings = doc.facts.filter((f): f is RatingFact => f.type === "rating");
  const overall = ratings
    .filter((r) => r.standard === "overall")
    .map((r) => `${r.rating}${r.score ? ` ${r.score}` : ""}`);
  const count = (type: string) => doc.facts.filter((f) => f.type === type).length;
  const withFigures = doc.passages.filter((p) => p.quantities.length);
  const quantities = withFigures.reduce((n, p) => n + p.quantities.length, 0);
  const earlier = doc.passages.filter((p) => p.period.relation === "previous").length;
  const speakers = [...new Set(doc.facts.flatMap((f) => (f.type === "quotation" ? [f.speaker] : [])))];
  return [
    `  ${doc.meta.kind}: "${doc.meta.title}" — ${doc.meta.publisher}`,
    `  date: ${datingSummary(doc.meta)}`,
    `  units: ${doc.units.map((u) => `${u.name}${u.aliases.length ? ` (${u.aliases.slice(0, 3).join(", ")})` : ""}`).join("; ") || "none"}`,
    `  ratings: ${ratings.length}${overall.length ? ` (overall: ${[...new Set(overall)].join(", ")})` : ""}; key questions: ${count("key-question")}; recommendations: ${count("recommendation")}; quotations: ${count("quotation")}`,
    `  sentences: ${doc.passages.length}; with figures: ${withFigures.length} (${quantities} numbers); of an earlier inspection: ${earlier}; speakers: ${speakers.join("; ") || "none"}`,
    ...[...metadataWarnings(doc), ...doc.warnings]
      .filter((w, i, all) => all.indexOf(w) === i)
      .map((w) => `  warning: ${w}`),
  ];
}

function report(r: IngestResult, placements: Map<string, Placement>): string {
  const head = r.duplicateOf
    ? `${r.file}: already in the corpus as ${r.duplicateOf} (kept one copy)`
    : `${r.file} → ${r.storedAs}`;
  const placed = r.storedAs ? placements.get(r.storedAs) : undefined;
  const placement = placed
    ? [
        `  placed by the corpus: ${placed.date ? `its inspection ${placed.date}` : [placed.after && `later than ${placed.after}`, placed.before && `earlier than ${placed.before}`].filter(Boolean).join(", ")} (${placed.evidence})`,
      ]
    : [];
  return [head, ...summary(r.document), ...placement].join("\n");
}

/** Where the corpus places the undated documents (from what the others say of them); nothing when it cannot be read. */
function placementsIn(corpusDir: string): Map<string, Placement> {
  try {
    return loadCorpus(corpusDir).placements;
  } catch {
    return new Map();
  }
}

async function main(argv: string[]): Promise<void> {
  const { files, options } = parseArgs(argv);
  const corpusDir = options.corpus ?? corpusDirFrom([]);
  const results = await ingestFiles(files, {
    corpusDir,
    overrides: { title: options.title, publisher: options.publisher, date: options.date, url: options.url },
    onProgress: progress(files.length),
  });
  const placements = results.some((r) => r.storedAs && !r.document.meta.date)
    ? placementsIn(corpusDir)
    : new Map<string, Placement>();
  console.log(results.map((r) => report(r, placements)).join("\n\n"));
  const added = results.filter((r) => r.storedAs).length;
  console.log(`\n${added} added, ${results.length - added} already there; corpus: ${corpusDir}`);
}

main(process.argv.slice(2)).catch((error) => {
  console.error(error instanceof IngestError ? error.message : `error: ${(error as Error).message}`);
  process.exit(1);
});
