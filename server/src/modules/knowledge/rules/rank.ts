/** One indexed term of one entry, with its field-weighted count. */
export interface Posting {
  caseId: string;
  term: string;
  weight: number;
}

export interface Corpus {
  /** Entries the searcher may read. */
  documents: number;
  averageLength: number;
  /** Each entry's weighted length. */
  lengths: ReadonlyMap<string, number>;
}

export interface Ranked {
  caseId: string;
  score: number;
  /** Query terms the entry contains, in the query's order. */
  matched: string[];
}

export const BM25 = { k1: 1.2, b: 0.75 } as const;

/** Okapi BM25's inverse document frequency, never negative (a term in every entry still counts a little). */
export function idf(documents: number, documentFrequency: number): number {
  return Math.log(1 + (documents - documentFrequency + 0.5) / (documentFrequency + 0.5));
}

/**
 * Ranks entries by Okapi BM25 over the query's terms: a rare word the caller used (缴费基数)
 * outweighs a common one (办理), an entry that mentions it often outweighs one that mentions it
 * once, and a long answer does not win by length alone. `postings` are those of the query's terms
 * in the searchable entries; the document frequency of each term is counted from them. Ties go
 * to the entry id, so the order never depends on the database.
 */
export function rankBm25(terms: readonly string[], postings: readonly Posting[], corpus: Corpus, params: { k1: number; b: number } = BM25): Ranked[] {
  const frequency = new Map<string, number>();
  for (const p of postings) frequency.set(p.term, (frequency.get(p.term) ?? 0) + 1);
  const wanted = new Set(terms);
  const byEntry = new Map<string, { score: number; matched: Set<string> }>();
  const average = corpus.averageLength > 0 ? corpus.averageLength : 1;
  for (const p of postings) {
    if (!wanted.has(p.term) || p.weight <= 0) continue;
    const length = corpus.lengths.get(p.caseId) ?? average;
    const weight = idf(corpus.documents, frequency.get(p.term)!) * ((p.weight * (params.k1 + 1)) / (p.weight + params.k1 * (1 - params.b + (params.b * length) / average)));
    const entry = byEntry.get(p.caseId) ?? { score: 0, matched: new Set<string>() };
    entry.score += weight;
    entry.matched.add(p.term);
    byEntry.set(p.caseId, entry);
  }
  return [...byEntry.entries()]
    .map(([caseId, { score, matched }]) => ({ caseId, score, matched: terms.filter((t) => matched.has(t)) }))
    .sort((a, b) => b.score - a.score || (a.caseId < b.caseId ? -1 : a.caseId > b.caseId ? 1 : 0));
}

/** Share of the best score below which an entry is left out: it met the query on a stray word (提前, 无). */
export const RELEVANCE_SHARE = 0.25;

/** The ranked entries that answer the query rather than brush it: those within a share of the best. */
export function keepRelevant(ranked: readonly Ranked[], share = RELEVANCE_SHARE): Ranked[] {
  const best = ranked[0]?.score ?? 0;
  return ranked.filter((r) => r.score >= best * share);
}
