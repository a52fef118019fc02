import { randomUUID } from 'node:crypto';
import { and, eq, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { describeValidationErrors, validatorFor } from '../../../platform/validation.js';
import { getCaseType } from '../case-registry.js';
import type { ActionContext, CaseTypeDefinition, ClockEffects, EffectResult } from '../case-type.js';
import { caseError } from '../cases.errors.js';
import { caseClocks, cases } from '../cases.tables.js';
import { appendEvent } from '../internal-append-event.js';
import { checkAction } from '../rules/can-perform.js';

export interface PerformActionInput {
  caseId: string;
  action: string;
  actor: Actor;
  input: Record<string, unknown>;
  now: Date;
  /** When set, the case must be of this type (routes of one module pass their own). */
  caseType?: string;
}

export interface PerformActionResult {
  caseId: string;
  state: string;
  seq: number;
  facts: Record<string, unknown>;
}

/**
 * Takes one action on one case inside the caller's transaction: checks that the
 * workflow allows it, runs the type's effect, moves clocks, and appends the event.
 * Any refusal throws before anything is written, and the transaction rolls back.
 */
export async function performAction(tx: Db, request: PerformActionInput): Promise<PerformActionResult> {
  const [row] = await tx.select().from(cases).where(eq(cases.id, request.caseId)).for('update');
  if (!row || (request.caseType && row.caseType !== request.caseType)) throw caseError('CASE_NOT_FOUND');
  const type = getCaseType(row.caseType);
  const refusal = checkAction(type, row.state, request.action, request.actor.role);
  const ctx: ActionContext = { tx, caseId: row.id, state: row.state, actor: request.actor, input: request.input, now: request.now };
  const definition = type.actions[request.action];
  if (refusal === 'ACTION_UNKNOWN' || !definition) throw caseError('ACTION_UNKNOWN', { action: request.action });
  // Scope first: someone who may not see the case learns nothing about its state.
  if (definition.authorize && !(await definition.authorize(ctx))) throw caseError('CASE_NOT_FOUND');
  if (refusal) throw caseError(refusal, { action: request.action, state: row.state, role: request.actor.role });

  const validate = validatorFor(definition.input);
  if (!validate(request.input)) throw caseError('ACTION_INPUT_INVALID', describeValidationErrors(validate.errors));

  const result = (await definition.effect?.(ctx)) ?? {};
  const nextState = result.nextState ?? definition.to ?? row.state;
  if (!(nextState in type.states)) throw new Error(`effect chose unknown state ${nextState}`);
  const clockFacts = definition.clocks
    ? await runClockEffects(type, ctx, definition.clocks, result)
    : {};

  const facts = { ...result.eventFacts, ...clockFacts };
  const { seq } = await appendEvent(tx, {
    caseId: row.id,
    prevSeq: row.lastSeq,
    prevHash: row.lastHash,
    type: request.action,
    actor: request.actor,
    payload: { input: request.input, fromState: row.state, toState: nextState, ...(Object.keys(facts).length ? { facts } : {}) },
    at: request.now,
    caseChanges: { state: nextState, ...(result.ownerUnitId !== undefined ? { ownerUnitId: result.ownerUnitId } : {}) },
  });
  return { caseId: row.id, state: nextState, seq, facts };
}

async function runClockEffects(
  type: CaseTypeDefinition,
  ctx: ActionContext,
  effects: ClockEffects<any>,
  result: EffectResult,
): Promise<Record<string, unknown>> {
  const facts: Record<string, unknown> = {};
  const dueAt = type.dueAt;
  if (!dueAt) throw new Error(`case type ${type.name} uses clocks but has no dueAt`);
  for (const name of effects.stop ?? []) {
    await ctx.tx
      .update(caseClocks)
      .set({ stoppedAt: ctx.now })
      .where(and(eq(caseClocks.caseId, ctx.caseId), eq(caseClocks.name, name), isNull(caseClocks.stoppedAt)));
  }
  for (const name of effects.extend ?? []) {
    const running = await ctx.tx
      .select()
      .from(caseClocks)
      .where(and(eq(caseClocks.caseId, ctx.caseId), eq(caseClocks.name, name), isNull(caseClocks.stoppedAt)));
    for (const clock of running) {
      const due = dueAt(clock.ruleId, clock.startedAt, clock.extended + 1);
      await ctx.tx.update(caseClocks).set({ dueAt: due, extended: clock.extended + 1, urgeLevel: 0 }).where(eq(caseClocks.id, clock.id));
      facts[`${name}DueAt`] = due.toISOString();
    }
  }
  for (const start of effects.start ?? []) {
    const ruleId = start.rule(ctx, result);
    if (!ruleId) continue;
    const due = dueAt(ruleId, ctx.now, 0);
    await ctx.tx.insert(caseClocks).values({
      id: randomUUID(),
      caseId: ctx.caseId,
      name: start.name,
      ruleId,
      subjectId: result.clockSubjectId ?? null,
      unitId: result.clockUnitId ?? null,
      startedAt: ctx.now,
      dueAt: due,
    });
    facts[`${start.name}DueAt`] = due.toISOString();
    facts[`${start.name}Rule`] = ruleId;
  }
  return facts;
}
