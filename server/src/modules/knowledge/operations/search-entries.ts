import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { keepRelevant, rankBm25 } from '../rules/rank.js';
import { queryTerms } from '../rules/segment.js';
import { readableCondition } from './entry-access.js';
import { listEntries, positional, readEntries, type EntryView } from './read-entries.js';
import { rowsOf } from '../../../platform/db/rows-of.js';

export interface SearchQuery {
  /** Words, or a caller's whole sentence. Without it, the entries are listed. */
  q?: string;
  ownerUnitId?: number;
  page: number;
  pageSize: number;
}

export interface SearchResult {
  total: number;
  /** The words the query was cut into, as the ranking used them. */
  terms: string[];
  items: Array<EntryView & { matched: string[] }>;
}

const FROM = 'from kb_entries e join cases c on c.id = e.case_id join units u on u.id = e.owner_unit_id';

/**
 * The entries the actor may read, best first for the query: jieba cuts the query as it cut the
 * entries, BM25 ranks the entries holding any of its words over the entries this reader may
 * read (their count and lengths), and ties go to the entry id; an entry far below the best (a
 * quarter of its score) met the query only on a stray word and is left out. Entries that may not be used for
 * a direct answer are kept, marked with the reason, so an operator sees that an answer exists
 * but has lapsed.
 */
export async function searchEntries(tx: Db, actor: Actor, query: SearchQuery, now: Date): Promise<SearchResult> {
  const q = query.q?.trim();
  if (!q) {
    const listed = await listEntries(tx, actor, query, now);
    return { total: listed.total, terms: [], items: listed.items.map((item) => ({ ...item, matched: [] })) };
  }
  const terms = queryTerms(q);
  if (terms.length === 0) return { total: 0, terms, items: [] };
  const params: unknown[] = [terms];
  let where = readableCondition(actor, params);
  if (query.ownerUnitId) {
    params.push(query.ownerUnitId);
    where += ` and e.owner_unit_id = $${params.length}`;
  }
  const postings = rowsOf<{ case_id: string; term: string; weight: number; index_length: number }>(await tx.execute(positional(
    `select t.case_id, t.term, t.weight, e.index_length from kb_terms t join kb_entries e on e.case_id = t.case_id
       join cases c on c.id = e.case_id join units u on u.id = e.owner_unit_id
      where t.term = any($1::text[]) and ${where}`, params)));
  const [corpus] = rowsOf<{ n: number; average: number | string | null }>(await tx.execute(positional(
    `select count(*)::int as n, avg(e.index_length) as average ${FROM} where ${where}`, params)));
  const ranked = keepRelevant(rankBm25(terms, postings.map((p) => ({ caseId: p.case_id, term: p.term, weight: Number(p.weight) })), {
    documents: Number(corpus?.n ?? 0),
    averageLength: Number(corpus?.average ?? 0),
    lengths: new Map(postings.map((p) => [p.case_id, Number(p.index_length)])),
  }));
  const page = ranked.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const views = await readEntries(tx, actor, page.map((r) => r.caseId), now);
  const matched = new Map(page.map((r) => [r.caseId, r.matched]));
  return { total: ranked.length, terms, items: views.map((v) => ({ ...v, matched: matched.get(v.entryId) ?? [] })) };
}
