import { isStaff, type Actor } from '../../../platform/actor.js';
import type { Db } from '../../../platform/db/database.js';
import { getCaseType } from '../case-registry.js';
import { caseEvents, cases } from '../cases.tables.js';
import { GENESIS_HASH, eventHash } from '../event-chain.js';

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
}

/** Creates a case in its type's initial state with its first event, in the caller's transaction. */
export async function openCase(tx: Db, input: OpenCaseInput): Promise<void> {
  await openCases(tx, [input]);
}

/**
 * Opens many cases with two statements, whatever their number: intake commits
 * requests in groups, and a round trip per row would bound its speed.
 */
export async function openCases(tx: Db, inputs: OpenCaseInput[]): Promise<void> {
  if (inputs.length === 0) return;
  const events = inputs.map((input) => {
    const type = getCaseType(input.caseType);
    const fields = {
      caseId: input.caseId,
      seq: 1,
      type: type.openEvent,
      at: input.at,
      actorUserId: isStaff(input.actor) ? input.actor.userId : null,
      actorUnitId: isStaff(input.actor) ? input.actor.unitId : null,
      actorRole: input.actor.role,
      payload: input.payload,
    };
    return { ...fields, prevHash: GENESIS_HASH, hash: eventHash(GENESIS_HASH, fields), initialState: type.initialState, typeName: type.name };
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
}
