import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { knowledgeEntries, knowledgeTerms } from '../knowledge.tables.js';
import { indexTerms, type IndexedText } from '../rules/segment.js';

/** Rewrites an entry's search index from its text, in the transaction that changed it. */
export async function reindexEntry(tx: Db, caseId: string, text: IndexedText): Promise<void> {
  const { terms, length } = indexTerms(text);
  await tx.delete(knowledgeTerms).where(eq(knowledgeTerms.caseId, caseId));
  const rows = [...terms].map(([term, weight]) => ({ caseId, term, weight }));
  for (let i = 0; i < rows.length; i += 500) await tx.insert(knowledgeTerms).values(rows.slice(i, i + 500));
  await tx.update(knowledgeEntries).set({ indexLength: length }).where(eq(knowledgeEntries.caseId, caseId));
}
