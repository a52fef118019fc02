import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { getCaseType } from '../case-registry.js';
import { caseEvents, casePersonalData, cases } from '../cases.tables.js';
import { GENESIS_HASH, eventHash, eventSeal } from '../event-chain.js';
import { PERSONAL_KEY, withoutPersonalData } from '../personal-data.js';
import { REMINDER_RULE, type CaseTypeDefinition, type OpeningClock } from '../case-type.js';
import { clockDueAt, insertClocks, type NewClock } from './clock-effects.js';

export interface OpenCaseInput {
  caseId: string;
  caseType: string;
  actor: Actor;
  at: Date;
  regionCode?: string | null;
  /** The organ that receives and runs the case; its people and their superiors see it. */
  organUnitId: number | null;
  ownerUnitId?: number | null;
  /** Facts recorded in the opening event. */
  payload: Record<string, unknown>;
  /**
   * Personal data given at opening (a requester's name and number): the opening event records
   * only a salted hash of each under `personal`, the values are kept beside the record.
   */
  personal?: Record<string, string | null | undefined>;
}

/** Creates a case in its type's initial state with its first event, in the caller's transaction. */
export async function openCase(tx: Db, input: OpenCaseInput): Promise<void> {
  await openCases(tx, [input]);
}

/**
 * Opens many cases with a few statements, whatever their number: intake commits
 * requests in groups, and a round trip per row would bound its speed.
 */
export async function openCases(tx: Db, inputs: OpenCaseInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const personalRows: Array<typeof casePersonalData.$inferInsert> = [];
  const clocks: Array<{ type: CaseTypeDefinition; caseId: string; clocks: NewClock[] }> = [];
  const events = inputs.map((input) => {
    const type = getCaseType(input.caseType);
    const opening = openingClocks(type, input);
    if (opening.clocks.length) clocks.push({ type, caseId: input.caseId, clocks: opening.clocks });
    const payload = opening.clocks.length ? { ...input.payload, facts: opening.facts } : input.payload;
    const given = Object.fromEntries(Object.entries(input.personal ?? {}).filter(([, v]) => typeof v === 'string' && v !== ''));
    const { chained, personal } = withoutPersonalData(given, Object.keys(given));
    for (const p of personal) personalRows.push({ caseId: input.caseId, seq: 1, field: p.field, value: p.value, salt: p.salt });
    const commitments = Object.fromEntries(Object.entries(chained).map(([k, v]) => [k, (v as Record<string, string>)[PERSONAL_KEY]]));
    const fields = {
      caseId: input.caseId,
      seq: 1,
      type: type.openEvent,
      at: input.at,
      actorUserId: isStaff(input.actor) ? input.actor.userId : null,
      actorUnitId: isStaff(input.actor) ? input.actor.unitId : null,
      actorRole: input.actor.role,
      payload: personal.length ? { ...payload, personal: commitments } : payload,
    };
    const hash = eventHash(GENESIS_HASH, fields);
    return { ...fields, prevHash: GENESIS_HASH, hash, mac: eventSeal(hash), initialState: type.initialState, typeName: type.name };
  });
  await tx.insert(cases).values(
    inputs.map((input, i) => ({
      id: input.caseId,
      caseType: events[i]!.typeName,
      state: events[i]!.initialState,
      organUnitId: input.organUnitId,
      ownerUnitId: input.ownerUnitId ?? null,
      regionCode: input.regionCode ?? null,
      lastSeq: 1,
      lastHash: events[i]!.hash,
      createdAt: input.at,
      updatedAt: input.at,
    })),
  );
  await tx.insert(caseEvents).values(events.map(({ initialState: _s, typeName: _t, ...event }) => event));
  if (personalRows.length) await tx.insert(casePersonalData).values(personalRows);
  for (const c of clocks) await insertClocks(tx, c.type, c.caseId, c.clocks);
}

/** The clocks a type starts on opening, from the opening's facts; their limits go in the event. */
function openingClocks(type: CaseTypeDefinition, input: OpenCaseInput): { clocks: NewClock[]; facts: Record<string, string> } {
  const clocks: NewClock[] = [];
  const facts: Record<string, string> = {};
  for (const declared of type.openingClocks ?? []) {
    const ruleId = declared.rule(input.payload);
    if (!ruleId) continue;
    const startedAt = declared.startAt?.(input.payload, input.at) ?? input.at;
    const dueAt = ruleId === REMINDER_RULE ? reminderEnd(declared, input) : clockDueAt(type, ruleId, startedAt);
    clocks.push({ name: declared.name, ruleId, startedAt, dueAt, subjectId: null, unitId: input.organUnitId });
    facts[`${declared.name}DueAt`] = dueAt.toISOString();
    facts[`${declared.name}Rule`] = ruleId;
    if (startedAt.getTime() !== input.at.getTime()) facts[`${declared.name}StartedAt`] = startedAt.toISOString();
  }
  return { clocks, facts };
}

function reminderEnd(declared: OpeningClock, input: OpenCaseInput): Date {
  if (!declared.until) throw new Error(`opening clock ${declared.name}: a reminder needs until`);
  return declared.until(input.payload);
}
