import { and, eq, isNull } from 'drizzle-orm';
import { SYSTEM } from '../../../platform/actor.js';
import type { Database } from '../../../platform/db/database.js';
import { DEFAULT_ESCALATION } from '../case-type.js';
import { caseClocks, cases } from '../cases.tables.js';
import { getCaseType } from '../case-registry.js';
import { appendEvent } from '../internal-append-event.js';
import { escalationOf, stepAt } from './clock-effects.js';

/** Share of a clock's time after which the hotline's pages show it yellow (its first escalation step). */
export const WARNING_SHARE = DEFAULT_ESCALATION[0]!.at;

export interface SweepResult {
  warned: number;
  overdue: number;
  /** Clocks whose step could not be taken this time (e.g. a limit in a year the calendar lacks); retried later. */
  failed: number;
}

/** How long a clock whose step failed waits before the sweep tries it again. */
export const SWEEP_RETRY_MS = 3600_000;

/**
 * Urges by itself as clocks run: each step of the clock's escalation (by default 催办 once
 * 80 % of the time is used, 督办 when the limit passes) becomes an event of the case. A clock
 * that stands still is not urged. When several steps have passed since the last sweep only
 * the latest is recorded. Each step is claimed by a conditional update, so two app servers
 * sweeping at once never urge twice. A clock whose step fails (its case type's reaction to a
 * lapse throws) is put off for SWEEP_RETRY_MS and reported to `onError`: one case must not stop
 * the urging of every other.
 */
export async function sweepClocks(
  database: Database, now: Date, options: { batchSize?: number; onError?: (error: unknown, clock: { clockId: string; caseId: string }) => void } = {},
): Promise<SweepResult> {
  const batchSize = options.batchSize ?? 200;
  const due = await database.backend.query(
    `select id, case_id, urge_level from case_clocks
      where next_urge_at is not null and next_urge_at <= $1::timestamptz
      order by next_urge_at limit ${batchSize}`,
    [now.toISOString()],
    'array',
  );
  const result: SweepResult = { warned: 0, overdue: 0, failed: 0 };
  for (const [clockId, caseId, urgeLevel] of due.rows as Array<[string, string, number]>) {
    const outcome = await database.transaction(async (tx) => {
      const [row] = await tx.select().from(cases).where(eq(cases.id, caseId)).for('update');
      if (!row) return null;
      const [clock] = await tx.select().from(caseClocks).where(eq(caseClocks.id, clockId));
      if (!clock || clock.stoppedAt || clock.pausedAt || clock.urgeLevel !== urgeLevel) return null;
      const type = getCaseType(row.caseType);
      const steps = escalationOf(type, clock.name);
      let level = clock.urgeLevel;
      while (level < steps.length && stepAt(steps, level, clock.startedAt, clock.dueAt)! <= now) level++;
      if (level === clock.urgeLevel) return null;
      // Claim: only the sweep that still sees the old level moves it.
      const claimed = await tx
        .update(caseClocks)
        .set({ urgeLevel: level, nextUrgeAt: stepAt(steps, level, clock.startedAt, clock.dueAt) })
        .where(and(eq(caseClocks.id, clockId), eq(caseClocks.urgeLevel, urgeLevel), isNull(caseClocks.stoppedAt), isNull(caseClocks.pausedAt)))
        .returning({ id: caseClocks.id });
      if (claimed.length === 0) return null;
      const step = steps[level - 1]!;
      await appendEvent(tx, {
        caseId,
        prevSeq: row.lastSeq,
        prevHash: row.lastHash,
        type: step.event,
        actor: SYSTEM,
        payload: { clock: clock.name, level, dueAt: clock.dueAt.toISOString(), unitId: clock.unitId, ...(clock.subjectId ? { subjectId: clock.subjectId } : {}) },
        at: now,
      });
      const lapsed = step.at >= 1 && !(steps[urgeLevel - 1] && steps[urgeLevel - 1]!.at >= 1);
      if (lapsed) await type.onClockLapsed?.(tx, { caseId, name: clock.name, subjectId: clock.subjectId, dueAt: clock.dueAt, sweptAt: now });
      return lapsed ? 'overdue' : 'warned';
    }).catch(async (error: unknown) => {
      options.onError?.(error, { clockId, caseId });
      await database.db.update(caseClocks).set({ nextUrgeAt: new Date(now.getTime() + SWEEP_RETRY_MS) }).where(eq(caseClocks.id, clockId));
      return 'failed' as const;
    });
    if (outcome) result[outcome]++;
  }
  return result;
}
