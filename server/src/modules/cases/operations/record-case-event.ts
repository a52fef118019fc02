import { eq } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { caseError } from '../cases.errors.js';
import { cases } from '../cases.tables.js';
import { appendEvent } from '../internal-append-event.js';

export interface RecordCaseEventInput {
  caseId: string;
  /** What happened, e.g. `document_issued`; never the name of one of the type's actions. */
  type: string;
  actor: Actor;
  payload: Record<string, unknown>;
  at: Date;
}

/**
 * Appends an event that is not a step of the case's workflow (a document drafted, a link to
 * another case) to the case's chain, in the caller's transaction. The state does not change.
 * The caller has already checked that the actor may do this; the case row is locked here so
 * the event takes its place in the chain like any action's.
 */
export async function recordCaseEvent(tx: Db, input: RecordCaseEventInput): Promise<{ seq: number; hash: string }> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, input.caseId)).for('update');
  if (!row) throw caseError('CASE_NOT_FOUND');
  return appendEvent(tx, {
    caseId: row.id,
    prevSeq: row.lastSeq,
    prevHash: row.lastHash,
    type: input.type,
    actor: input.actor,
    payload: input.payload,
    at: input.at,
  });
}
