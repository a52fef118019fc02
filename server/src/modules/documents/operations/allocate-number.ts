import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { documentNumbers } from '../documents.tables.js';

/**
 * The next number of a sequence (an organ's 字号 in one year), in the caller's transaction.
 * The upsert locks the sequence's row until that transaction ends: a second issuer waits and
 * gets the next number; a rollback returns the number, so the sequence has no gaps.
 */
export async function allocateDocumentNumber(tx: Db, key: { organUnitId: number; numberingKey: string; year: number }): Promise<number> {
  const [row] = await tx
    .insert(documentNumbers)
    .values({ ...key, lastN: 1 })
    .onConflictDoUpdate({
      target: [documentNumbers.organUnitId, documentNumbers.numberingKey, documentNumbers.year],
      set: { lastN: sql`${documentNumbers.lastN} + 1` },
    })
    .returning({ n: documentNumbers.lastN });
  return row!.n;
}
