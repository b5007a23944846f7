// Splits a paragraph into sentences without breaking after titles (Mr, Dr), initials or decimals.
const NO_BREAK_AFTER = /(?:\b(?:Mr|Mrs|Ms|Dr|St|Prof|Rev|No|Nos|vs|etc|e\.g|i\.e|approx|Fig|HMPs?)|\b[A-Z])\.$/;

export function splitSentences(paragraph: string): string[] {
  const sentences: string[] = [];
  const boundary = /([.!?]["'\u201d\u2019)]*)\s+(?=["'\u201c\u2018(]?[A-Z0-9£])/g;
  let start = 0;
  for (let m = boundary.exec(paragraph); m; m = boundary.exec(paragraph)) {
    const end = m.index + m[1]!.length;
    const candidate = paragraph.slice(start, end);
    if (NO_BREAK_AFTER.test(candidate)) continue;
    sentences.push(candidate.trim());
    start = boundary.lastIndex;
  }
  const rest = paragraph.slice(start).trim();
  if (rest) sentences.push(rest);
  return sentences.filter(Boolean);
}
