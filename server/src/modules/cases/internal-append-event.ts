import { eq } from 'drizzle-orm';
import type { Actor } from '../../platform/actor.js';
import { isStaff } from '../../platform/actor.js';
import type { Db } from '../../platform/db/database.js';
import { caseEvents, casePersonalData, cases } from './cases.tables.js';
import { eventHash, eventSeal } from './event-chain.js';
import type { PersonalValue } from './personal-data.js';

export interface AppendEventInput {
  caseId: string;
  prevSeq: number;
  prevHash: string;
  type: string;
  actor: Actor;
  /** What the record keeps: personal values already replaced by their salted hashes. */
  payload: Record<string, unknown>;
  /** The personal values themselves, kept beside the record (erasable). */
  personal?: PersonalValue[];
  at: Date;
  /** Case row fields to change with the event. */
  caseChanges?: Partial<Pick<typeof cases.$inferInsert, 'state' | 'ownerUnitId' | 'regionCode'>>;
}

/** Appends one event to a case's chain and moves the case row with it. The caller holds the row lock. */
export async function appendEvent(tx: Db, input: AppendEventInput): Promise<{ seq: number; hash: string }> {
  const seq = input.prevSeq + 1;
  const actorUserId = isStaff(input.actor) ? input.actor.userId : null;
  const actorUnitId = isStaff(input.actor) ? input.actor.unitId : null;
  const fields = { caseId: input.caseId, seq, type: input.type, at: input.at, actorUserId, actorUnitId, actorRole: input.actor.role, payload: input.payload };
  const hash = eventHash(input.prevHash, fields);
  await tx.insert(caseEvents).values({ ...fields, prevHash: input.prevHash, hash, mac: eventSeal(hash) });
  if (input.personal?.length) {
    await tx.insert(casePersonalData).values(input.personal.map((p) => ({ caseId: input.caseId, seq, field: p.field, value: p.value, salt: p.salt })));
  }
  await tx
    .update(cases)
    .set({ ...input.caseChanges, lastSeq: seq, lastHash: hash, updatedAt: input.at })
    .where(eq(cases.id, input.caseId));
  return { seq, hash };
}
