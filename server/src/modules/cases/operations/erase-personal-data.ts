import { and, eq, isNull, lt, sql } from 'drizzle-orm';
import { SYSTEM, type Actor } from '../../../platform/actor.js';
import type { Database, Db } from '../../../platform/db/database.js';
import { recordSecurityEvent } from '../../../platform/security-log/security-log.js';
import { getCaseType, registeredTypes } from '../case-registry.js';
import { caseError } from '../cases.errors.js';
import { casePersonalData, cases } from '../cases.tables.js';
import { appendEvent } from '../internal-append-event.js';

export const ERASED_EVENT = 'personal_data_erased';

/**
 * Erases the personal data a case holds (on the person's request, or once the retention period
 * has passed): the values kept beside the record and the type's own copies. The record keeps
 * only the salted hashes, now unlinkable, so every chain still verifies; the erasure itself is
 * an event of the case and an entry of the security log.
 */
export async function erasePersonalData(tx: Db, input: { caseId: string; actor: Actor; reason: 'request' | 'retention'; note?: string; at: Date }): Promise<{ fields: string[] }> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, input.caseId)).for('update');
  if (!row) throw caseError('CASE_NOT_FOUND');
  const erased = await tx
    .update(casePersonalData)
    .set({ value: null, salt: null, erasedAt: input.at })
    .where(and(eq(casePersonalData.caseId, row.id), isNull(casePersonalData.erasedAt)))
    .returning({ seq: casePersonalData.seq, field: casePersonalData.field });
  const fields = [...new Set(erased.map((e) => (e.seq === 1 ? e.field : `${e.seq}:${e.field}`)))].sort();
  await getCaseType(row.caseType).erasePersonalData?.(tx, row.id);
  await appendEvent(tx, {
    caseId: row.id, prevSeq: row.lastSeq, prevHash: row.lastHash, type: ERASED_EVENT, actor: input.actor, at: input.at,
    payload: { reason: input.reason, fields },
  });
  await recordSecurityEvent(tx, {
    kind: 'personal_data_erased', at: input.at, actorUserId: 'userId' in input.actor ? input.actor.userId : null,
    details: { caseId: row.id, caseType: row.caseType, reason: input.reason, fields, ...(input.note ? { note: input.note } : {}) },
  });
  return { fields };
}

/**
 * Erases the personal data of cases that ended (a final state) longer ago than the retention
 * period, a few hundred per call so the tick stays short. Returns how many it erased.
 */
export async function eraseExpiredPersonalData(database: Database, retentionDays: number, now: Date, limit = 200): Promise<number> {
  if (!(retentionDays > 0)) return 0;
  const before = new Date(now.getTime() - retentionDays * 86_400_000);
  const finalStates = finalStatesByType();
  if (finalStates.length === 0) return 0;
  // Erasing appends an event, which moves the case's updated_at to now: an erased case leaves the window.
  const due = await database.db
    .select({ caseId: cases.id })
    .from(cases)
    .where(and(lt(cases.updatedAt, before),
      sql`(${cases.caseType}, ${cases.state}) in (${sql.join(finalStates.map(([t, s]) => sql`(${t}, ${s})`), sql`, `)})`,
      sql`exists (select 1 from case_personal_data p where p.case_id = ${cases.id} and p.erased_at is null)`))
    .orderBy(cases.updatedAt)
    .limit(limit);
  for (const { caseId } of due) {
    await database.transaction((tx) => erasePersonalData(tx, { caseId, actor: SYSTEM, reason: 'retention', at: now }));
  }
  return due.length;
}

function finalStatesByType(): Array<[string, string]> {
  return registeredTypes().flatMap((type) => Object.entries(type.states).filter(([, s]) => s.final).map(([name]) => [type.name, name] as [string, string]));
}

