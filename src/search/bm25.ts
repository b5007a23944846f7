// A small BM25 index over passages: an inverted index of stemmed terms.
export interface Bm25Index {
  postings: Map<string, { doc: number; tf: number }[]>;
  lengths: number[];
  averageLength: number;
}

export function buildBm25(documents: string[][]): Bm25Index {
  const postings = new Map<string, { doc: number; tf: number }[]>();
  documents.forEach((terms, doc) => {
    const counts = new Map<string, number>();
    for (const t of terms) counts.set(t, (counts.get(t) ?? 0) + 1);
    for (const [term, tf] of counts) {
      let list = postings.get(term);
      if (!list) postings.set(term, (list = []));
      list.push({ doc, tf });
    }
  });
  const lengths = documents.map((d) => d.length);
  const averageLength = lengths.reduce((a, b) => a + b, 0) / Math.max(1, lengths.length);
  return { postings, lengths, averageLength };
}

/** Scores of the documents that share a term with the query; `weights` lowers synonyms. `allowed` limits the documents. */
export function scoreBm25(
  index: Bm25Index,
  query: { term: string; weight: number }[],
  allowed?: (doc: number) => boolean,
): Map<number, number> {
  const k1 = 1.2;
  const b = 0.75;
  const n = index.lengths.length;
  const scores = new Map<number, number>();
  for (const { term, weight } of query) {
    const list = index.postings.get(term);
    if (!list) continue;
    const idf = Math.log(1 + (n - list.length + 0.5) / (list.length + 0.5));
    for (const { doc, tf } of list) {
      if (allowed && !allowed(doc)) continue;
      const norm = tf * (k1 + 1) / (tf + k1 * (1 - b + (b * index.lengths[doc]!) / index.averageLength));
      scores.set(doc, (scores.get(doc) ?? 0) + weight * idf * norm);
    }
  }
  return scores;
}

/** How rare a term is across the passages (0 when absent). */
export function idf(index: Bm25Index, term: string): number {
  const df = index.postings.get(term)?.length ?? 0;
  if (df === 0) return 0;
  const n = index.lengths.length;
  return Math.log(1 + (n - df + 0.5) / (df + 0.5));
}
