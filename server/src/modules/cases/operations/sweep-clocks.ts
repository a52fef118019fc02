import { and, eq, isNull } from 'drizzle-orm';
import { SYSTEM } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { caseClocks, cases } from '../cases.tables.js';
import { getCaseType } from '../case-registry.js';
import { appendEvent } from '../internal-append-event.js';

/** Share of a clock's time after which the platform warns (yellow). */
export const WARNING_SHARE = 0.8;

export interface SweepResult {
  warned: number;
  overdue: number;
}

/**
 * Urges by itself as clocks run out: level 1 (催办) once 80 % of the time is used,
 * level 2 (督办) when overdue. Each step is claimed by a conditional update, so two
 * app servers sweeping at once never urge twice.
 */
export async function sweepClocks(database: Database, now: Date, batchSize = 200): Promise<SweepResult> {
  const due = await database.backend.query(
    `select id, case_id, name, urge_level, due_at, unit_id, subject_id from case_clocks
      where stopped_at is null and urge_level < 2
        and ($1::timestamptz >= due_at
             or (urge_level = 0 and $1::timestamptz >= started_at + (due_at - started_at) * ${WARNING_SHARE}))
      order by due_at limit ${batchSize}`,
    [now.toISOString()],
    'array',
  );
  const result: SweepResult = { warned: 0, overdue: 0 };
  for (const [clockId, caseId, name, urgeLevel, dueAt, unitId, subjectId] of due.rows as Array<[string, string, string, number, Date, number | null, string | null]>) {
    const level = now.getTime() >= new Date(dueAt).getTime() ? 2 : 1;
    if (level <= urgeLevel) continue;
    const claimed = await database.transaction(async (tx) => {
      const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
      if (!row) return false;
      // Claim: only the sweep that still sees the old level moves it.
      const updated = await tx
        .update(caseClocks)
        .set({ urgeLevel: level })
        .where(and(eq(caseClocks.id, clockId), eq(caseClocks.urgeLevel, urgeLevel), isNull(caseClocks.stoppedAt)))
        .returning({ id: caseClocks.id });
      if (updated.length === 0) return false;
      await appendEvent(tx, {
        caseId,
        prevSeq: row.lastSeq,
        prevHash: row.lastHash,
        type: level === 2 ? 'auto_supervise' : 'auto_urge',
        actor: SYSTEM,
        payload: { clock: name, level, dueAt: new Date(dueAt).toISOString(), unitId, ...(subjectId ? { subjectId } : {}) },
        at: now,
      });
      if (level === 2) await getCaseType(row.caseType).onClockLapsed?.(tx, { caseId, name, subjectId, dueAt: new Date(dueAt) });
      return true;
    });
    if (claimed) level === 2 ? result.overdue++ : result.warned++;
  }
  return result;
}
