import { randomUUID } from 'node:crypto';
import { and, asc, eq, inArray, isNotNull, isNull } from 'drizzle-orm';
import type { Db } from '../../../platform/db/database.js';
import { clockDueInstant, getRule, listRules, noticeDeadline, type ClockTimingOptions } from '../../clock/index.js';
import {
  DEFAULT_ESCALATION,
  REMINDER_RULE,
  type ActionContext,
  type CaseTypeDefinition,
  type ClockEffects,
  type ClockSubject,
  type ClockTarget,
  type EffectResult,
  type EscalationStep,
} from '../case-type.js';
import { caseClockPauses, caseClocks } from '../cases.tables.js';

type ClockRow = typeof caseClocks.$inferSelect;

/** The limit of a clock by the type's rules (a city's own numbers) or the national catalogue. */
export function clockDueAt(type: CaseTypeDefinition, ruleId: string, start: Date, options: ClockTimingOptions = {}): Date {
  return type.dueAt ? type.dueAt(ruleId, start, options) : clockDueInstant(getRule(ruleId), start, options);
}

export function escalationOf(type: CaseTypeDefinition, name: string): readonly EscalationStep[] {
  return type.clocks?.[name]?.escalation ?? DEFAULT_ESCALATION;
}

/** When escalation step `level` (0-based) of a clock falls due; null when the clock has no step left. */
export function stepAt(steps: readonly EscalationStep[], level: number, startedAt: Date, dueAt: Date): Date | null {
  const step = steps[level];
  if (!step) return null;
  if (step.at === 1) return dueAt;
  return new Date(startedAt.getTime() + Math.round((dueAt.getTime() - startedAt.getTime()) * step.at));
}

export interface NewClock {
  name: string;
  ruleId: string;
  startedAt: Date;
  dueAt: Date;
  subjectId: string | null;
  unitId: number | null;
}

/** Inserts clocks with their first escalation step scheduled. */
export async function insertClocks(tx: Db, type: CaseTypeDefinition, caseId: string, clocks: readonly NewClock[]): Promise<void> {
  if (clocks.length === 0) return;
  await tx.insert(caseClocks).values(
    clocks.map((c) => ({
      id: randomUUID(),
      caseId,
      name: c.name,
      ruleId: c.ruleId,
      subjectId: c.subjectId,
      unitId: c.unitId,
      startedAt: c.startedAt,
      dueAt: c.dueAt,
      nextUrgeAt: stepAt(escalationOf(type, c.name), 0, c.startedAt, c.dueAt),
    })),
  );
}

/**
 * Moves the case's clocks as an action says, in its transaction: stop, suspend, resume, extend,
 * then start. Returns the facts the event records (each new or moved limit).
 */
export async function runClockEffects(
  type: CaseTypeDefinition,
  ctx: ActionContext,
  effects: ClockEffects<any>,
  result: EffectResult,
): Promise<Record<string, unknown>> {
  const facts: Record<string, unknown> = {};
  const running = (target: ClockTarget<any>, paused: boolean) => {
    const name = typeof target === 'string' ? target : target.name;
    const subject = typeof target === 'string' ? undefined : target.subject(ctx, result);
    // A subject asked for but not known (no such 补正 request) targets nothing rather than every clock.
    if (subject === null) return Promise.resolve([] as ClockRow[]);
    return ctx.tx
      .select()
      .from(caseClocks)
      .where(
        and(
          eq(caseClocks.caseId, ctx.caseId),
          eq(caseClocks.name, name),
          isNull(caseClocks.stoppedAt),
          paused ? isNotNull(caseClocks.pausedAt) : isNull(caseClocks.pausedAt),
          ...(subject !== undefined ? [eq(caseClocks.subjectId, subject)] : []),
        ),
      )
      .orderBy(asc(caseClocks.startedAt));
  };

  for (const target of effects.stop ?? []) {
    const rows = [...(await running(target, false)), ...(await running(target, true))];
    if (rows.length === 0) continue;
    await ctx.tx.update(caseClocks).set({ stoppedAt: ctx.now, nextUrgeAt: null }).where(inArray(caseClocks.id, rows.map((r) => r.id)));
    // A clock stopped while it stood still ends its pause too, so its spans stay whole.
    await ctx.tx
      .update(caseClockPauses)
      .set({ resumedAt: ctx.now })
      .where(and(inArray(caseClockPauses.clockId, rows.map((r) => r.id)), isNull(caseClockPauses.resumedAt)));
  }
  // Reminders run to a date someone set: they neither stand still nor extend.
  const statutory = (clocks: ClockRow[]) => clocks.filter((c) => c.ruleId !== REMINDER_RULE);
  for (const target of effects.suspend ?? []) {
    for (const clock of statutory(await running(target, false))) {
      await ctx.tx.update(caseClocks).set({ pausedAt: ctx.now, nextUrgeAt: null }).where(eq(caseClocks.id, clock.id));
      await ctx.tx.insert(caseClockPauses).values({ clockId: clock.id, pausedAt: ctx.now });
      facts[`${clock.name}SuspendedAt`] = ctx.now.toISOString();
    }
  }
  for (const target of effects.resume ?? []) {
    for (const clock of statutory(await running(target, true))) {
      await ctx.tx
        .update(caseClockPauses)
        .set({ resumedAt: ctx.now })
        .where(and(eq(caseClockPauses.clockId, clock.id), isNull(caseClockPauses.resumedAt)));
      const due = await recomputeDue(ctx.tx, type, clock);
      await ctx.tx
        .update(caseClocks)
        .set({ pausedAt: null, dueAt: due, nextUrgeAt: stepAt(escalationOf(type, clock.name), clock.urgeLevel, clock.startedAt, due) })
        .where(eq(caseClocks.id, clock.id));
      facts[`${clock.name}DueAt`] = due.toISOString();
    }
  }
  for (const target of effects.extend ?? []) {
    for (const clock of statutory(await running(target, false))) {
      const extended = clock.extended + 1;
      const due = await recomputeDue(ctx.tx, type, { ...clock, extended });
      // A longer limit starts urging afresh.
      await ctx.tx
        .update(caseClocks)
        .set({ dueAt: due, extended, urgeLevel: 0, nextUrgeAt: stepAt(escalationOf(type, clock.name), 0, clock.startedAt, due) })
        .where(eq(caseClocks.id, clock.id));
      facts[`${clock.name}DueAt`] = due.toISOString();
    }
  }
  const started: NewClock[] = [];
  for (const start of effects.start ?? []) {
    const ruleId = start.rule(ctx, result);
    if (!ruleId) continue;
    const startedAt = start.startAt?.(ctx, result) ?? ctx.now;
    // A rule only a type knows (a city's 12345 response hours) is never counted back.
    const rule = listRules().find((r) => r.id === ruleId);
    const subjects = start.each?.(ctx, result);
    if (ruleId === REMINDER_RULE && !start.until && !(subjects && subjects.every((s) => s.until))) {
      throw new Error(`clock ${start.name} is a reminder but names no until`);
    }
    const dueFor = (subject?: ClockSubject) => ruleId === REMINDER_RULE
      ? (subject?.until ?? start.until!(ctx, result))
      : rule?.direction === 'before'
        ? noticeDeadline(rule, requireEventDay(start.eventDay?.(ctx, result), ruleId))
        : clockDueAt(type, ruleId, startedAt);
    if (subjects) {
      // Several clocks of one name: the event records each one's limit by its subject.
      const dues: Record<string, string> = {};
      for (const subject of subjects) {
        const due = dueFor(subject);
        started.push({ name: start.name, ruleId, startedAt, dueAt: due, subjectId: subject.subjectId, unitId: subject.unitId });
        dues[subject.subjectId] = due.toISOString();
      }
      facts[`${start.name}DueAts`] = dues;
    } else {
      const due = dueFor();
      started.push({
        name: start.name,
        ruleId,
        startedAt,
        dueAt: due,
        subjectId: start.subject?.(ctx, result) ?? result.clockSubjectId ?? null,
        unitId: result.clockUnitId ?? null,
      });
      facts[`${start.name}DueAt`] = due.toISOString();
    }
    facts[`${start.name}Rule`] = ruleId;
    if (startedAt.getTime() !== ctx.now.getTime()) facts[`${start.name}StartedAt`] = startedAt.toISOString();
  }
  await insertClocks(ctx.tx, type, ctx.caseId, started);
  return facts;
}

function requireEventDay(day: string | undefined, ruleId: string): string {
  if (!day) throw new Error(`clock rule ${ruleId} counts back from an event, but the action names no eventDay`);
  return day;
}

/** A clock's limit from its start, extensions and every span it stood still. */
async function recomputeDue(tx: Db, type: CaseTypeDefinition, clock: ClockRow): Promise<Date> {
  const pauses = await tx
    .select({ from: caseClockPauses.pausedAt, to: caseClockPauses.resumedAt })
    .from(caseClockPauses)
    .where(eq(caseClockPauses.clockId, clock.id))
    .orderBy(asc(caseClockPauses.pausedAt));
  return clockDueAt(type, clock.ruleId, clock.startedAt, { extended: clock.extended, pauses });
}
