import { sql } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { findUnit } from '../../orgs/index.js';
import { documentError } from '../documents.errors.js';
import { documentNumbers } from '../documents.tables.js';
import { chinaDateParts, formatDocumentNumber } from '../rules/numbering.js';

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

/**
 * The next number of an organ's sequence written out by a pattern, for a case number (案号,
 * e.g. 兰政复〔2026〕12号) as for a document: `{organShort}` the organ's short name (its name
 * when it has none), `{year}` the year in China of `at`, `{n}` the sequence. The sequence is the
 * pattern's own unless a key is given.
 */
export async function nextNumber(tx: Db, input: { organUnitId: number; pattern: string; numberingKey?: string; at: Date }): Promise<string> {
  const organ = await findUnit(tx, input.organUnitId);
  if (!organ) throw documentError('DOCUMENT_ORGAN_UNKNOWN');
  const year = chinaDateParts(input.at).year;
  const n = await allocateDocumentNumber(tx, { organUnitId: organ.id, numberingKey: input.numberingKey ?? input.pattern, year });
  return formatDocumentNumber(input.pattern, { organShort: organ.shortName?.trim() || organ.name, year, n });
}
