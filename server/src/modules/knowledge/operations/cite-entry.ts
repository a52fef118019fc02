import { randomUUID } from 'node:crypto';
import { eq } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { cases, type CaseCitation } from '../../cases/index.js';
import { shanghaiDay } from '../../clock/index.js';
import { knowledgeError } from '../knowledge.errors.js';
import { knowledgeCitations, knowledgeEntries } from '../knowledge.tables.js';
import { unavailableReason } from '../rules/availability.js';
import { readableCondition } from './entry-access.js';
import { positional } from './read-entries.js';
import { rowsOf } from '../../../platform/db/rows-of.js';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * A direct answer rests on an entry (the platform's `cite` of the type): the entry must be one
 * the operator reads, published, in force and not past its review day. The entry is held (share
 * lock) until the answer commits, so it cannot be withdrawn or revised in between; the use is
 * noted, and the answer's event records the question and the revision given.
 */
export async function citeEntry(tx: Db, use: CaseCitation): Promise<Record<string, unknown>> {
  if (!UUID.test(use.caseId)) throw knowledgeError('KB_ENTRY_NOT_FOUND', { field: 'knowledgeEntryId' });
  const params: unknown[] = [use.caseId.toLowerCase()];
  const where = readableCondition(use.actor, params);
  const [readable] = rowsOf<{ case_id: string }>(await tx.execute(positional(
    `select e.case_id from kb_entries e join cases c on c.id = e.case_id join units u on u.id = e.owner_unit_id where e.case_id = $1::uuid and ${where}`, params)));
  if (!readable) throw knowledgeError('KB_ENTRY_NOT_FOUND', { field: 'knowledgeEntryId' });
  const [row] = await tx.select({ entry: knowledgeEntries, state: cases.state }).from(knowledgeEntries)
    .innerJoin(cases, eq(cases.id, knowledgeEntries.caseId)).where(eq(knowledgeEntries.caseId, readable.case_id)).for('share');
  if (!row) throw knowledgeError('KB_ENTRY_NOT_FOUND', { field: 'knowledgeEntryId' });
  const { entry } = row;
  const reason = unavailableReason({ ...entry, state: row.state }, shanghaiDay(use.at));
  if (reason === 'not_yet_valid') throw knowledgeError('KB_ENTRY_NOT_YET_VALID', { field: 'knowledgeEntryId' });
  if (reason === 'validity_ended' || reason === 'review_overdue') throw knowledgeError('KB_ENTRY_EXPIRED', { field: 'knowledgeEntryId', reason });
  if (reason) throw knowledgeError('KB_ENTRY_NOT_PUBLISHED', { field: 'knowledgeEntryId', state: row.state });
  await tx.insert(knowledgeCitations).values({
    id: randomUUID(), caseId: entry.caseId, citingCaseId: use.citingCaseId, citingAction: use.citingAction, revision: entry.revision, at: use.at,
  });
  return { caseId: entry.caseId, question: entry.question, revision: entry.revision, ownerUnitId: entry.ownerUnitId };
}
