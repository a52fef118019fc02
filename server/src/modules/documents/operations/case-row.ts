import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { caseError, cases } from '../../cases/index.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * The case a file or document belongs to, locked for the rest of the transaction: versions and
 * "already issued" are decided under it, so two drafts at once cannot take the same version.
 */
export async function lockCase(tx: Db, caseId: string): Promise<{ id: string; caseType: string; organUnitId: number | null }> {
  if (!UUID.test(caseId)) throw caseError('CASE_NOT_FOUND');
  const [row] = await tx
    .select({ id: cases.id, caseType: cases.caseType, organUnitId: cases.organUnitId })
    .from(cases)
    .where(eq(cases.id, caseId))
    .for('update');
  if (!row) throw caseError('CASE_NOT_FOUND');
  return row;
}
