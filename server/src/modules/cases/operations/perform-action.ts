import { and, eq, inArray, isNull } from 'drizzle-orm';
import type { Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { describeValidationErrors, validatorFor, validatorForBuilt } from '../../../platform/validation.js';
import { getCaseType } from '../case-registry.js';
import { withCaseFields, type ActionContext, type ActionDefinition, } from '../case-type.js';
import type { ValidateFunction } from 'ajv';
import { caseError } from '../cases.errors.js';
import { caseClocks, cases } from '../cases.tables.js';
import { appendEvent } from '../internal-append-event.js';
import { personalFields, withoutPersonalData } from '../personal-data.js';
import { checkAction } from '../rules/can-perform.js';
import { canSeeCase } from './case-access.js';
import { runClockEffects } from './clock-effects.js';

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

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/**
 * Takes one action on one case inside the caller's transaction: checks that the actor sees
 * the case, that the workflow allows the action to this actor, runs the type's effect, moves
 * clocks, and appends the event. Any refusal throws before anything is written, and the
 * transaction rolls back.
 */
export async function performAction(tx: Db, request: PerformActionInput): Promise<PerformActionResult> {
  if (!UUID.test(request.caseId)) throw caseError('CASE_NOT_FOUND');
  const [head] = await tx.select({ caseType: cases.caseType }).from(cases).where(eq(cases.id, request.caseId));
  if (!head || (request.caseType && head.caseType !== request.caseType)) throw caseError('CASE_NOT_FOUND');
  const type = getCaseType(head.caseType);
  const definition = Object.hasOwn(type.actions, request.action) ? type.actions[request.action] : undefined;
  if (!definition) throw caseError('ACTION_UNKNOWN', { action: request.action });
  // Fields the case adds are known only once the case is read; the rest is checked before the lock.
  if (!definition.fieldsOnCase) validateInput(validatorFor(definition.input), request.input);

  const row = await lockCases(tx, request.caseId, definition, request.input);
  // Scope first: someone who may not see the case learns nothing about its state.
  if (!(await canSeeCase(tx, row.id, request.actor))) throw caseError('CASE_NOT_FOUND');
  const refusal = checkAction(type, row.state, request.action, request.actor);
  if (refusal) throw caseError(refusal, { action: request.action, state: row.state, role: request.actor.role });
  const ctx: ActionContext = {
    tx, caseId: row.id, state: row.state, organUnitId: row.organUnitId, ownerUnitId: row.ownerUnitId,
    actor: request.actor, input: request.input, now: request.now,
  };
  if (definition.authorize && !(await definition.authorize(ctx))) throw caseError('ACTION_NOT_FOR_ACTOR', { action: request.action });
  const input = definition.fieldsOnCase ? withCaseFields(definition.input, await definition.fieldsOnCase(ctx)) : definition.input;
  if (definition.fieldsOnCase) validateInput(validatorForBuilt(input), request.input);
  const unmet = await definition.precondition?.(ctx);
  if (unmet) throw unmet;

  const result = (await definition.effect?.(ctx)) ?? {};
  const nextState = result.nextState ?? definition.to ?? row.state;
  if (!(nextState in type.states)) throw new Error(`effect chose unknown state ${nextState}`);
  if (result.handOverClocks) {
    const { fromUnitId, toUnitId } = result.handOverClocks;
    await tx.update(caseClocks).set({ unitId: toUnitId }).where(and(eq(caseClocks.caseId, row.id), eq(caseClocks.unitId, fromUnitId), isNull(caseClocks.stoppedAt)));
  }
  const clockFacts = definition.clocks
    ? await runClockEffects(type, ctx, definition.clocks, result)
    : {};

  const facts = { ...result.eventFacts, ...clockFacts };
  const { chained, personal } = withoutPersonalData(request.input, personalFields(input));
  // An effect may have recorded events of its own on this case (a link): the action's event follows them.
  const [chainHead] = definition.effect ? await tx.select({ lastSeq: cases.lastSeq, lastHash: cases.lastHash }).from(cases).where(eq(cases.id, row.id)) : [row];
  const { seq } = await appendEvent(tx, {
    caseId: row.id,
    prevSeq: chainHead!.lastSeq,
    prevHash: chainHead!.lastHash,
    type: request.action,
    actor: request.actor,
    payload: { input: chained, fromState: row.state, toState: nextState, ...(Object.keys(facts).length ? { facts } : {}) },
    personal,
    at: request.now,
    caseChanges: { state: nextState, ...(result.ownerUnitId !== undefined ? { ownerUnitId: result.ownerUnitId } : {}) },
  });
  return { caseId: row.id, state: nextState, seq, facts };
}

/**
 * Locks the case and the cases its action names, in the order of their ids, so that two
 * actions naming the same cases (A into B here, B into A on another server) queue up
 * rather than deadlock or both proceed on what the other is changing.
 */
async function lockCases(tx: Db, caseId: string, definition: ActionDefinition, input: Record<string, unknown>) {
  const related = (definition.relatedCases?.(input) ?? []).filter((id) => UUID.test(id));
  const ids = [...new Set([caseId.toLowerCase(), ...related.map((id) => id.toLowerCase())])].sort();
  const rows = await tx.select().from(cases).where(inArray(cases.id, ids)).orderBy(cases.id).for('update');
  const row = rows.find((r) => r.id === caseId.toLowerCase());
  if (!row) throw caseError('CASE_NOT_FOUND');
  return row;
}

function validateInput(validate: ValidateFunction, input: Record<string, unknown>): void {
  if (!validate(input)) throw caseError('ACTION_INPUT_INVALID', describeValidationErrors(validate.errors));
}
